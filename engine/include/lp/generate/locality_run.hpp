#pragma once
// One run of the partitioner on a dataset, from the options a planner gives (balance
// columns with tolerances, k, keep-whole field, locks, seed), to the locality features
// written as GeoJSON. Shared by `boundaries generate` for one partnership and for all
// of them (--all), so both write the same properties.
#include <lp/community/hubs.hpp>
#include <lp/community/settlements.hpp>
#include <lp/data/dataset.hpp>
#include <lp/geometry/building_blocks.hpp>
#include <lp/io/geojson_writer.hpp>
#include <lp/partition/balance_spec.hpp>
#include <lp/partition/locality_count.hpp>
#include <lp/partition/partition.hpp>
#include <lp/plan/locality_plan.hpp>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace lp {

// What a boundary costs: its people (the default whenever a population is balanced)
// or its length in metres.
enum class CutCostKind { automatic, length, people };
enum class BlockMode { soft, hard };

// Whether a settlement may be split between localities: when a hard band forces it (as
// few times as the band allows), or never (settlements move whole: a locality holding a
// town larger than the band exceeds it, and says why). automatic: never when any band is
// soft, else when forced.
enum class SettlementSplitting { automatic, when_forced, never };

// "people" / "length". Throws lp::Error(bad_setting).
CutCostKind parse_cut_cost(const std::string& text);
BlockMode parse_block_mode(const std::string& text);
// "never" / "when-forced". Throws lp::Error(bad_setting).
SettlementSplitting parse_settlement_splitting(const std::string& text);
// "never", "when-forced", "" for automatic: what parse_settlement_splitting reads.
std::string settlement_splitting_text(SettlementSplitting splitting);

struct LocalityRunOptions {
    int k = 2;                            // 0: one locality per hub
    std::vector<BalanceSpec> balance;
    CutCostKind cut_cost = CutCostKind::automatic;
    std::string population;               // column counting people; empty: the first balanced column
                                          // named like a total population (pop..total), else like pop...
    std::string settlements;              // --settlements spec (empty: none)
    std::vector<HubRequest> hubs;         // places localities centre on, hub i leading locality i (empty:
                                          // localities start at the largest settlements)
    const PointLayer* places = nullptr;   // a gazetteer hubs may name towns from (the caller owns it)
    SettlementSplitting split_settlements = SettlementSplitting::automatic;
    std::string building_blocks;          // --building-blocks FILE[:LAYER]:FIELD (empty: none)
    BlockMode blocks = BlockMode::soft;
    double block_split_cost = -1;         // price of one extra piece of a soft block (negative: as split_cost)
    std::string area_name;                // names a settlement holding most of the area (empty: the zones' ca_name)
    std::string keep_whole;               // zone attribute or text column of a demand table
    std::vector<std::string> keep_whole_tables; // tables to look in when the zones lack it (also place names)
    double split_cost = -1;
    std::vector<int> locks;               // per zone, -1 free
    std::vector<char> closed;             // per locality (empty: none): neither gains nor loses a zone
    double stay_cost = 0;                 // with a start: price of a zone leaving its start locality
                                          // (negative: the partitioner's default)
    std::vector<int> start;               // per zone, -1 none
    std::vector<std::string> names;       // locality names (empty or "": after their main settlement when
                                          // settlements are given, else "Locality N")
    std::uint64_t seed = 1;
    double effort = 1.0;
    std::function<bool(double)> progress; // the partitioner's fraction done; false cancels (the best plan so
                                          // far is kept, with result.cancelled set)
};

// The rules a run is made by, as a plan records them (lp/generate/run_rules.hpp turns
// them into options and back): balance bands, settlements, building blocks and the
// partitioner's rules.
struct RunRules {
    std::vector<BalanceSpec> balance;
    std::string settlements;          // a --settlements spec ("": none)
    std::string building_blocks;      // FILE[:LAYER]:FIELD ("": none)
    PartitionerRules partitioner;
    friend bool operator==(const RunRules&, const RunRules&) = default;
}; // struct RunRules

// A locality beyond a soft band, and why: "Inverness: pop2020_total 81,698, +212%: the
// settlement Inverness is kept whole".
struct BalanceExcess {
    int locality = 0;
    std::string layer;
    double total = 0;
    double deviation = 0;                 // signed fraction of the mean
    std::string reason;                   // "the settlement Inverness is kept whole"
    std::string text;                     // the whole sentence, locality name first
}; // struct BalanceExcess

struct LocalityRun {
    RunRules rules;                       // what it was asked (recorded in its plan)
    int k = 2;
    std::vector<BalanceLayer> balance;
    std::vector<int> groups;              // keep-whole group per zone (empty: none)
    std::vector<std::string> names;       // k names
    std::vector<std::string> colours;     // k colours, no two neighbours alike (locality_colours)
    std::string cut_cost;                 // "people" or "length"
    std::string population_column;        // empty: none found
    std::optional<Settlements> settlements;
    std::string settlements_spec;         // how they were found (recorded in plan files)
    std::optional<BlockAssignment> blocks;
    ZoneGroups block_groups;              // the blocks as groups (kind "building block")
    std::vector<Hub> hubs;                // the planner's hubs: hub i leads locality i
    std::vector<std::string> zone_places; // each zone's place name, when hubs or settlements need them
    std::vector<int> seeds;               // every zone the localities started from (hubs first)
    bool settlements_never_split = false; // settlements moved only whole
    std::vector<BalanceExcess> excesses;  // localities beyond a soft band, with their reasons
    PartitionResult result;
    std::vector<MultiPolygon> shapes;     // dissolved localities, working CRS
    double partition_seconds = 0;
    double dissolve_seconds = 0;
};

// The balance bands as the partitioner weighs them: each spec's column of the data's demand
// tables, with its band (lp::Error naming the columns there are when one is missing). A
// run's request and the viewer's editor both take them from here.
std::vector<BalanceLayer> balance_layers(const Dataset& data, const std::vector<BalanceSpec>& specs);

// Of the balanced columns, the one counting people: the first named like a total
// population (pop...total), else the first named like pop...; empty when none is.
// The people cut cost and the boundary statistics use it (the viewer too).
std::string population_among(const std::vector<std::string>& balanced_columns);

// The area's own name when every zone gives the same one (hscp_name, ca_name), else
// empty: what find_settlements() calls a city of districts.
std::string area_name(const Dataset& data);

// Throws lp::Error(bad_setting) for k < 2 (or no k and no hubs) or fewer localities than
// hubs, lp::Error(infeasible_request) for k > zones, lp::Error(unknown_zone) for a hub that
// names no zone or place, lp::Error(bad_value) for a hub locked to another locality.
LocalityRun run_localities(const Dataset& data, const LocalityRunOptions& options);

// Keep-whole group per zone from a zone attribute or, failing that, a text column of
// one of the tables (e.g. iz11_code from the lookup table).
std::vector<int> keep_whole_groups(const Dataset& data, const std::string& field,
                                   const std::vector<std::string>& tables);

// zone,locality,locality_name rows (locality numbered from 1), header included: the
// lookup partnerships publish, which `boundaries plan import` and --start read back.
std::string assignment_csv(const ZoneLayer& zones, const LocalityRun& run);

} // namespace lp
