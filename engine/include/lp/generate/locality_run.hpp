#pragma once
// One run of the partitioner on a dataset, from the options a planner gives (balance
// columns with tolerances, k, keep-whole field, locks, seed), to the locality features
// written as GeoJSON. Shared by `boundaries generate` for one partnership and for all
// of them (--all), so both write the same properties.
#include <lp/data/dataset.hpp>
#include <lp/io/geojson_writer.hpp>
#include <lp/partition/partition.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace lp {

struct BalanceSpec {
    std::string column;
    double tolerance = 0.01; // fraction
};

// "pop2020_total:1%", "pop2020_75plus:0.05" or "pop2020_total" (1%). Throws
// lp::Error(usage) on anything else.
BalanceSpec parse_balance(const std::string& text);

struct LocalityRunOptions {
    int k = 2;
    std::vector<BalanceSpec> balance;
    std::string keep_whole;               // zone attribute or text column of a demand table
    std::vector<std::string> keep_whole_tables; // tables to look in when the zones lack it
    double split_cost = -1;
    std::vector<int> locks;               // per zone, -1 free
    std::vector<int> start;               // per zone, -1 none
    std::vector<std::string> names;       // locality names (empty: "Locality N")
    std::uint64_t seed = 1;
    double effort = 1.0;
};

struct LocalityRun {
    std::vector<BalanceLayer> balance;
    std::vector<int> groups;              // keep-whole group per zone (empty: none)
    std::vector<std::string> names;       // k names
    PartitionResult result;
    std::vector<MultiPolygon> shapes;     // dissolved localities, working CRS
    double partition_seconds = 0;
    double dissolve_seconds = 0;
};

// Throws lp::Error(usage) for k < 2, lp::Error(infeasible_request) for k > zones.
LocalityRun run_localities(const Dataset& data, const LocalityRunOptions& options);

// Keep-whole group per zone from a zone attribute or, failing that, a text column of
// one of the tables (e.g. iz11_code from the lookup table).
std::vector<int> keep_whole_groups(const Dataset& data, const std::string& field,
                                   const std::vector<std::string>& tables);

// One feature per locality: locality, name, zones, each balance column's total and
// signed deviation (%), area_km2, polsby_popper, contiguous, crossings, within_tolerance.
std::vector<Feature> locality_features(const LocalityRun& run);

// zone,locality,locality_name rows (locality numbered from 1), header included: the
// lookup partnerships publish, which `boundaries plan import` and --start read back.
std::string assignment_csv(const ZoneLayer& zones, const LocalityRun& run);

} // namespace lp
