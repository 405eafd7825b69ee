#pragma once
// The editable state of one locality plan, index-based so an edit costs only the
// degree of the zones it moves: zone index -> locality index (-1 unassigned), the
// localities, the locks, the function arrangements and live statistics per locality.
// Edit commands (edit_commands.hpp) change it only through the primitives below, which
// keep the statistics in step; PlanEditor (plan_editor.hpp) adds undo and the guards.
#include <lp/graph/contiguity_graph.hpp>
#include <lp/partition/statistics.hpp> // BalanceLayer, shared with the partitioner
#include <lp/plan/locality_plan.hpp>

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace lp {


struct LiveStatistics {
    std::size_t zones = 0;
    std::vector<double> totals;      // per balance layer
    double area = 0;                 // square metres
    double perimeter = 0;            // metres of boundary (against other localities or outside)
    std::size_t crossings = 0;       // water crossings joining two of its zones
    std::size_t pieces = 0;          // connected pieces, crossings joining; 0 when empty

    bool connected() const { return pieces == 1; }
    // 4 pi A / P^2: 1 for a circle, small for a straggly shape; 0 when unknown.
    double polsby_popper() const;
}; // struct LiveStatistics

// Function code -> locality id -> arrangement (as in LocalityPlan).
using ArrangementTable = std::map<std::string, std::map<std::string, Arrangement>>;

class PlanState {
public:
    // The graph must outlive the state. zone_area/zone_perimeter default to the graph's;
    // without them area and compactness read 0.
    PlanState(const ContiguityGraph& graph, std::vector<BalanceLayer> layers);

    std::size_t zone_count() const { return assignment_.size(); }
    const ContiguityGraph& graph() const { return *graph_; }
    const std::vector<BalanceLayer>& layers() const { return layers_; }
    const std::vector<int>& assignment() const { return assignment_; }
    int locality_of(std::uint32_t zone) const { return assignment_[zone]; }
    const std::vector<Locality>& localities() const { return localities_; }
    std::size_t locality_count() const { return localities_.size(); }
    // -1 when no locality has that id.
    int find_locality(const std::string& id) const;
    const std::vector<std::uint32_t>& members(std::size_t locality) const { return members_[locality]; }

    bool zone_locked(std::uint32_t zone) const { return zone_locked_[zone] != 0; }
    // A zone stays put when it is locked itself or its locality is locked.
    bool zone_fixed(std::uint32_t zone) const;
    std::size_t locked_zone_count() const;

    const ArrangementTable& arrangements() const { return arrangements_; }

    // Statistics are current after refresh() (the editor calls it after every command).
    const LiveStatistics& statistics(std::size_t locality) const { return stats_[locality]; }
    const std::vector<LiveStatistics>& statistics() const { return stats_; }
    // Fair share of a layer: its total over every zone divided by the number of localities.
    double fair_share(std::size_t layer) const;
    // total / fair share - 1 (0 when the fair share is 0).
    double deviation(std::size_t locality, std::size_t layer) const;
    bool within_tolerance(std::size_t locality, std::size_t layer) const;
    std::size_t unassigned_count() const { return unassigned_; }

    // ---- primitives used by edit commands ----
    // Moves one zone (to == -1: unassigns it). Updates totals, area, perimeter and
    // crossings at once; pieces are recounted by refresh().
    void move_zone(std::uint32_t zone, int to);
    // Inserts a locality at index (existing indices >= index shift up).
    void insert_locality(std::size_t index, Locality locality);
    // Removes an empty locality (indices above shift down). Throws if it has zones.
    void erase_locality(std::size_t index);
    Locality& locality(std::size_t index) { return localities_[index]; }
    void set_zone_locked(std::uint32_t zone, bool locked) { zone_locked_[zone] = locked ? 1 : 0; }
    ArrangementTable& arrangements() { return arrangements_; }
    // Replaces the balance layers (same zone count), recomputing every locality's
    // totals from its members. Throws when a layer has the wrong number of values.
    void set_layers(std::vector<BalanceLayer> layers);
    // Recounts the pieces of every locality whose membership changed since the last call.
    void refresh();

    // Counts pieces of a locality from scratch (BFS over its members).
    std::size_t count_pieces(std::size_t locality) const;
    // Members outside the locality's largest piece (empty when it is connected): what a
    // viewer highlights as cut off.
    std::vector<std::uint32_t> stray_zones(std::size_t locality) const;

private:
    void add_to(std::uint32_t zone, std::size_t locality);
    void remove_from(std::uint32_t zone, std::size_t locality);

    const ContiguityGraph* graph_;
    std::vector<BalanceLayer> layers_;
    std::vector<double> layer_totals_;
    std::vector<double> zone_area_;
    std::vector<double> zone_perimeter_;

    std::vector<int> assignment_;
    std::vector<Locality> localities_;
    std::vector<std::vector<std::uint32_t>> members_;
    std::vector<std::uint32_t> member_slot_;   // position of a zone in its locality's members_
    std::vector<unsigned char> zone_locked_;
    ArrangementTable arrangements_;
    std::vector<LiveStatistics> stats_;
    std::vector<unsigned char> dirty_;
    std::size_t unassigned_ = 0;
    mutable std::vector<std::uint32_t> visit_mark_;  // BFS scratch (generation numbers)
    mutable std::uint32_t visit_generation_ = 0;
}; // class PlanState

// Statistics recomputed from nothing (for tests and checks against the incremental ones).
std::vector<LiveStatistics> recount_statistics(const ContiguityGraph& graph,
                                                   const std::vector<BalanceLayer>& layers,
                                                   const std::vector<int>& assignment,
                                                   std::size_t locality_count);

} // namespace lp
