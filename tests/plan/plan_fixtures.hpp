#pragma once
// Real-data fixtures for the plan and report tests: a partnership's zones from the
// shared Scottish data and a deterministic, connected set of localities grown over
// its contiguity graph (the partitioner is not needed to have a plausible plan).
#include <lp/data/dataset.hpp>
#include <lp/plan/function_catalogue.hpp>
#include <lp/plan/locality_plan.hpp>

#include "../scratch_folder.hpp"

#include <string>

namespace lp::test {

// Zones of one council from the national GeoPackage, with population, SIMD,
// access/rurality and lookup tables and both point layers.
DatasetOptions council_options(const std::string& ca_code);

// The dataset for a council, loaded once per test run and kept.
const Dataset& council_dataset(const std::string& ca_code);

// k localities grown breadth-first over the graph (crossings included) from seeds
// spread by farthest-point sampling of zone centres, so each one is connected.
// Arrangements are the catalogue's defaults; sources record `options`.
LocalityPlan grown_plan(const Dataset& data, const DatasetOptions& options, std::size_t k,
                        const FunctionCatalogue& catalogue);

} // namespace lp::test
