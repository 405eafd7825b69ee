#pragma once
// A locality run as a plan file: what `generate --all` writes for each partnership and
// `boundaries tradeoff` for each band.
#include <lp/generate/locality_run.hpp>
#include <lp/plan/function_catalogue.hpp>
#include <lp/plan/locality_plan.hpp>
#include <lp/io/geojson_writer.hpp>

#include <string>

namespace lp {

// The run's localities L1..Lk: its names and colours, and each hub's zone (an id of
// zone_ids) and the place the planner named it by.
std::vector<Locality> localities_of_run(const LocalityRun& run, const std::vector<std::string>& zone_ids);

// Localities L1..Lk with the run's names, colours and hubs, every zone's locality, the
// graph's water crossings, the catalogue's default arrangements, the data sources (so
// `check --plan` reloads the same zones), the rules the run was made by
// (lp::record_rules: balance bands, settlements, building blocks, partitioner rules). data is the dataset the run partitioned.
LocalityPlan plan_of_run(const Dataset& data, const LocalityRun& run, const std::string& partnership_code,
                         const std::string& partnership_name, const DatasetOptions& sources,
                         const FunctionCatalogue& catalogue);

// The run's localities in the one locality layout (lp::locality_features) of its plan
// (plan_of_run), with what the run knows: its statistics, settlements and why each
// locality beyond a soft band is there.
std::vector<Feature> run_locality_features(const Dataset& data, const LocalityRun& run, const LocalityPlan& plan,
                                           const FunctionCatalogue& catalogue);

} // namespace lp
