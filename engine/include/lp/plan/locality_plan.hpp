#pragma once
// A locality plan: the localities of one partnership, which zone belongs to which,
// what is locked, the recorded crossings and the arrangements for each integration
// function in each locality. Saved as one JSON file (see docs/plan-format.md).
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace lp {

struct Locality {
    std::string id;       // stable key, e.g. "L1"
    std::string name;     // e.g. "North East"
    std::string colour;   // "#rrggbb"
    bool locked = false;  // every zone of a locked locality stays where it is
    std::string hub_zone;  // the zone of the hub it was generated around ("" none)
    std::string hub_place; // the place the planner named for it ("Portree"; "" when given as a zone)
    friend bool operator==(const Locality&, const Locality&) = default;
};

enum class Delivery { local, hosted, partnership_wide, acute };

struct Arrangement {
    Delivery delivery = Delivery::local;
    std::string hosted_by;  // locality id when delivery == hosted by a locality
    std::string notes;
    friend bool operator==(const Arrangement&, const Arrangement&) = default;
};

struct PlanCrossing {
    std::string zone_a;
    std::string zone_b;
    std::string note;
    friend bool operator==(const PlanCrossing&, const PlanCrossing&) = default;
};

// A balance rule the plan carries: each locality's total of a demand column within
// `tolerance` (a fraction: 0.1 is 10 %) of the mean over the localities.
struct BalanceRule {
    std::string column;
    double tolerance = 0.1;
    bool soft = false;    // a preference a settlement kept whole may exceed
    friend bool operator==(const BalanceRule&, const BalanceRule&) = default;
};

// How the partitioner made the plan, beyond its balance rules (LocalityPlan::balance),
// settlements and building blocks (sources "settlements", "building_blocks"), hubs
// (Locality::hub_zone) and locks: what `generate` was given, so that the viewer's
// optimise and generate, and a later run, divide the area by the same rules.
// Text members hold what the command line takes ("" : its default).
struct PartitionerRules {
    std::string cut_cost;           // "people" or "length" ("": people when a population is balanced)
    std::string population;         // the column counting people ("": the balanced pop..total column)
    std::string split_settlements;  // "never" or "when-forced" ("": never with a soft band)
    std::string keep_whole;         // zone attribute or demand column grouping zones ("": none)
    double split_cost = -1;         // price of a keep-whole split (negative: the default)
    std::string blocks = "soft";    // building blocks: "soft" or "hard"
    double block_split_cost = -1;   // price of one extra piece of a soft block (negative: as split_cost)
    std::uint64_t seed = 1;
    double effort = 1.0;
    friend bool operator==(const PartitionerRules&, const PartitionerRules&) = default;
}; // struct PartitionerRules

struct LocalityPlan {
    int schema_version = 1;
    std::string partnership_code;  // S37...
    std::string partnership_name;
    std::map<std::string, std::string> sources; // what the plan was made from: role -> path
    std::vector<BalanceRule> balance;            // the plan's balance rules (empty: none recorded)
    std::optional<PartitionerRules> partitioner; // how the partitioner made it (none: drawn or imported)
    std::vector<Locality> localities;
    std::map<std::string, std::string> assignment;   // zone id -> locality id
    std::vector<std::string> locked_zones;
    std::vector<PlanCrossing> crossings;
    // function code -> locality id -> arrangement
    std::map<std::string, std::map<std::string, Arrangement>> arrangements;
    std::string notes;
    friend bool operator==(const LocalityPlan&, const LocalityPlan&) = default;
};

// Index of the locality with this id in plan.localities, or -1.
int locality_index(const LocalityPlan& plan, const std::string& locality_id);

// Locality index per zone of a layer, in the layer's order (-1: not assigned, or
// assigned to an id that is not among the plan's localities). Ready for
// dissolve_groups and the per-locality sums.
std::vector<int> zone_groups(const LocalityPlan& plan, const std::vector<std::string>& zone_ids);

// A distinct colour for the n-th locality ("#rrggbb"), used when a plan is made
// from a lookup that carries none.
std::string default_locality_colour(std::size_t n);

// The n-th locality (from 0) of a plan made whole by the partitioner (the batch's plan
// files, the viewer's Generate localities): id "L<n+1>", the name, the n-th default
// colour, unlocked.
Locality numbered_locality(std::size_t n, std::string name, std::string colour = "");

} // namespace lp
