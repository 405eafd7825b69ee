#pragma once
// Statistics of any assignment of zones to localities: totals and deviations per
// balance layer, cut length, compactness, contiguity and split keep-whole groups.
// The partitioner reports these for its plan; the viewer's live table and the plan
// checks compute them for plans a person edits.
#include <lp/graph/contiguity_graph.hpp>
#include <lp/partition/zone_groups.hpp>

#include <string>
#include <vector>

namespace lp {

struct BalanceLayer {
    std::string name;              // e.g. "pop2020_total"
    std::vector<double> values;    // per zone, >= 0
    double tolerance = 0.01;       // fraction: 0.01 allows each locality within 1% of the mean share
    // A preference, not a rule: the search still aims for the band, but a locality may
    // exceed it where a settlement kept whole or a hub's town requires it; such a plan is
    // within tolerance, and each excess is reported with its reason.
    bool soft = false;
};

struct LocalityStatistics {
    int zones = 0;
    std::vector<double> totals;    // per balance layer
    std::vector<double> deviation; // per balance layer: (total - mean) / mean, signed
    double area = 0;               // square metres (0 when the graph has no areas)
    double perimeter = 0;          // metres: zone perimeters less twice the internal shared boundary
    double polsby_popper = 0;      // 4 pi area / perimeter^2, 1 for a disc (0 without geometry)
    int pieces = 0;                // connected pieces through land or crossings; 1 = contiguous
    int crossings = 0;             // crossing edges inside the locality (ferries, causeways)
    double people = 0;             // with a population: people in the locality
    double people_on_boundary = 0; // with a population: people in its zones that touch another locality by land
    int main_settlement = -1;      // with settlements: the one with most people here (group id), -1 none
    bool connected() const { return pieces == 1; }
}; // struct LocalityStatistics

// Groups of one kind (settlements, building blocks) split between localities.
struct GroupSplits {
    std::string kind;                      // "settlement", "building block", "group"
    int groups = 0;                        // groups of this kind
    std::vector<int> split;                // ids of the groups in more than one locality
    std::vector<int> pieces;               // per split group: the localities it is in
    std::vector<int> needed;               // per split group: the fewest localities the bands allow (1: it fits whole)
    int unforced() const;                  // split groups that would fit whole in one locality
}; // struct GroupSplits

struct PlanStatistics {
    std::vector<LocalityStatistics> localities;
    std::vector<double> means;             // per balance layer: total / k
    std::vector<double> max_deviation;     // per balance layer: largest |deviation|
    double cut_length = 0;                 // metres of land boundary between different localities
    int split_groups = 0;                  // keep-whole groups spread over more than one locality
    double people = 0;                     // with a population: everyone
    double people_on_boundary = 0;         // with a population: people in zones touching another locality by land
    std::vector<GroupSplits> splits;       // per grouping given to evaluate(), in that order
    int unassigned = 0;                    // zones with no locality (assignment -1 or out of range)
    bool within_tolerance = false;         // every deviation within its layer's tolerance (soft layers aside)
    bool contiguous = false;               // every locality non-empty and in one piece
}; // struct PlanStatistics

// What planners read beyond balance and shape: who lives on a boundary, which
// settlements and blocks are split.
struct CommunityContext {
    const std::vector<double>* population = nullptr; // people per zone (boundary people, main settlements)
    std::vector<const ZoneGroups*> groupings;        // each counted in PlanStatistics::splits; the first
                                                     // kept whole (settlements) names each locality's main one
}; // struct CommunityContext

// assignment: locality 0..k-1 per zone (anything else counts as unassigned).
// groups: keep-whole group per zone (-1 none) or empty.
PlanStatistics evaluate(const ContiguityGraph& graph, const std::vector<int>& assignment, int k,
                        const std::vector<BalanceLayer>& balance, const std::vector<int>& groups = {},
                        const CommunityContext& community = {});

// One sentence per locality and layer outside its band, per locality in more than one
// piece or empty, and for unassigned zones, e.g.
// "locality 2: pop2020_total 7410 is 1.4% above the mean 7307 (tolerance 1%)".
// zone_ids names zones; locality_names (optional) names localities.
std::vector<std::string> describe_problems(const PlanStatistics& stats, const std::vector<BalanceLayer>& balance,
                                           const std::vector<std::string>& locality_names = {});

// "1.25%" style text for a fraction, used in messages.
std::string format_percent(double fraction);
// "+137%", "-4%": a signed deviation in whole percent, for notes beside a locality.
std::string signed_percent(double fraction);

} // namespace lp
