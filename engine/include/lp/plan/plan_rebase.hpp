#pragma once
// Re-expressing a plan made on one zone layer on another (2011 Data Zones onto the 2022
// ones, Intermediate Zones or wards, which need not nest): each new zone goes to the
// locality holding most of it, weighed by people where the old layer's population is
// known, then localities are made one piece again. Pure: overlaps and numbers in,
// a plan and what changed out (the geometry is lp::zone_overlaps).
#include <lp/core/zone_overlap.hpp>
#include <lp/graph/contiguity_graph.hpp>
#include <lp/plan/locality_plan.hpp>

#include <cstddef>
#include <string>
#include <vector>

namespace lp {

struct RebaseInput {
    std::vector<std::string> old_zone_ids;  // the layer the plan was made on
    std::vector<double> old_population;     // per old zone; empty: overlaps weigh by area
    std::vector<std::string> new_zone_ids;
    ZoneOverlaps overlaps;                  // per new zone: the old zones it shares area with
    const ContiguityGraph* new_graph = nullptr; // aligned with new_zone_ids; nullptr: no repair
    // Counts carried over (people, people aged 75+...): per column, a value per old zone,
    // spread over the part of the zone the new layer covers in proportion to area.
    std::vector<std::string> carried_names;
    std::vector<std::vector<double>> carried_old; // [column][old zone]
}; // struct RebaseInput

struct RebaseShare {
    int locality = -1;  // index into the plan's localities
    double share = 0;   // of the new zone's weight (people, or area)
};

struct RebaseMove {
    std::size_t zone = 0;  // new zone
    int from = -1;         // locality of the majority (-1: the zone overlaps no zone of the plan)
    int to = -1;
    std::string why;       // "cut off from the main piece of L2", "overlaps no zone of the plan"...
};

struct RebaseResult {
    LocalityPlan plan;                            // the old plan's localities, arrangements and rules
    std::vector<int> locality_of_new_zone;        // final, index into plan.localities
    std::vector<int> majority;                    // before repair (-1: no overlap)
    std::vector<std::vector<RebaseShare>> shares; // per new zone, largest first
    std::vector<RebaseMove> moves;                // repairs, in the order made
    bool population_weighted = false;
    std::vector<std::size_t> uncovered_old;       // old zones of the plan no new zone overlaps
    std::vector<std::string> warnings;            // what could not be carried (locked zones, crossings...)
    // Carried columns: per new zone the estimate, per locality the totals before and after.
    std::vector<std::string> carried_names;          // as given
    std::vector<std::vector<double>> carried_new;    // [column][new zone]
    std::vector<std::vector<double>> before;         // [column][locality], on the old layer
    std::vector<std::vector<double>> after;          // [column][locality] on the new layer
    // The carried estimates of what now lies in another locality than on the old layer,
    // per locality: what left it and what joined it from others.
    std::vector<std::vector<double>> moved_out;      // [column][locality]
    std::vector<std::vector<double>> moved_in;       // [column][locality]
    std::vector<std::string> after_from;             // per column: where `after` comes from (the carried
                                                     // estimate, or a caller's table for the new layer)
    std::vector<std::size_t> zones_before;           // per locality
    std::vector<std::size_t> zones_after;

    // New zones that straddle localities: less than `threshold` of their weight in the
    // locality holding most of them (0.99 passes over the slivers generalised boundaries leave).
    std::size_t straddling(double threshold = straddle_threshold) const;
    static constexpr double straddle_threshold = 0.99;
}; // struct RebaseResult

// Throws lp::Error(bad_value) when the sizes do not line up. The new plan's zones are the
// new layer's; locked zones and crossings name old zones and are dropped (with a warning).
RebaseResult rebase_plan(const LocalityPlan& plan, const RebaseInput& input);

// The impact table, columns record,zone,locality,locality_name,measure,before,after,change,left,joined,share,note:
//   locality  per locality: measure "zones", then each carried column, before and after, and the
//             carried amounts that left it for other localities and joined it from them
//   straddle  per new zone straddling localities: its share (of people, or area) in each
//             locality it overlaps; note "assigned" on the locality it went to
//   repair    per zone moved after the majority: locality it went to, note why
std::string rebase_impact_csv(const RebaseResult& result, const std::vector<std::string>& new_zone_ids);

// What the per-locality rows of an impact table say, read back (for the report).
struct RebaseImpactRow {
    std::string locality;
    std::string locality_name;
    std::string measure;
    double before = 0;
    double after = 0;
};
struct RebaseImpact {
    std::vector<RebaseImpactRow> localities;
    std::size_t straddling_zones = 0;
    std::size_t repaired_zones = 0;
};
// Throws lp::Error(file_not_found, bad_value) naming the file and line.
RebaseImpact read_rebase_impact(const std::string& path);

} // namespace lp
