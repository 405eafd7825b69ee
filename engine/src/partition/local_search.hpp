#pragma once
// Boundary local search on one level: moves a node to a neighbouring region when that
// lowers the balance violation, or keeps it and lowers the cost (cut length plus the
// price of split groups of every grouping). Totals, violation and cost are kept up to date
// move by move; a move is only made when the region it leaves stays connected.
#include "random.hpp"
#include "work_graph.hpp"

#include <functional>
#include <limits>
#include <vector>

namespace lp::detail {

struct BalanceTargets {
    std::vector<double> mean;      // per layer: total / k
    std::vector<double> band;      // per layer: allowed |total - mean| (tolerance * mean at zone level)
}; // struct BalanceTargets

class LocalSearch {
public:
    // part: a region 0..k-1 for every node.
    LocalSearch(const WorkGraph& graph, int k, BalanceTargets targets, std::vector<int> part);

    // Greedy descent from every node until no single move improves.
    void descend_all();

    // When a band is missed: best moves, then best pairs of moves, on the boundary of the
    // regions off their band, followed by a descent.
    void repair_balance(std::size_t pair_limit);

    // A random walk on balance alone, for bands narrower than a node: a move that misses
    // the bands by more is taken with probability exp(-increase / temperature), cooling
    // over `steps`; stops once every band is met, else goes back to the best balance seen.
    // Returns whether every band is met.
    bool anneal_balance(long steps, Random& random);

    // Iterated local search: each round moves a short stretch of boundary from one region
    // to its neighbour, descends with those nodes held, then lets them move too, and keeps
    // the result when it is no worse than before (else undoes it). Returns false when
    // progress(fraction) asked to stop.
    bool iterate(long rounds, Random& random, const std::function<bool(double)>& progress, double progress_from,
                 double progress_to);

    // Moves the smallest part of a split settlement (a group kept whole; chosen at random) into the region holding
    // its largest part, puts the balance back, and keeps the result when it is no worse.
    // Single moves cannot merge a part of many zones (each step alone changes nothing
    // but the boundary), which is how a town split three ways stays split. Returns
    // whether the plan changed.
    bool merge_split_group(Random& random);

    // Sum over regions and layers of the squared excess beyond the band (as a share of the mean).
    double violation() const { return over_band_ == 0 ? 0.0 : violation_; }
    double cost() const { return cost_; }
    const std::vector<int>& part() const { return part_; }

private:
    double region_violation(int region, const double* add, double sign) const;
    double region_excess(int region, const double* add, double sign) const; // linear, for annealing
    // Cost of moving node from -> to beyond the cut: split groups, and the node leaving
    // or rejoining its anchor (start locality).
    double group_delta(int node, int from, int to) const;
    bool may_move(int from, int to) const; // neither region closed
    bool can_leave(int node);
    bool region_connected(int region);
    void make_room_for_stamps();
    struct Candidate {
        int node = -1;
        int to = -1;
        double violation_change = 0;
        double cost_change = 0;
    };
    // The best improving move of the node (contiguity not yet tested).
    bool best_move(int node, Candidate& best);
    bool try_improve(int node);
    // Moves the node with the pieces of its region only it connects (all but the
    // largest), when that improves; returns whether it moved.
    bool move_with_cut_off(int node, int to);
    // Best improving move among the candidates, repeatedly; when none helps and a band is
    // missed, the best pair of moves (only with at most pair_limit candidates).
    void descend_best(std::vector<int>& candidates, std::size_t pair_limit);
    bool best_pair(const std::vector<int>& candidates, Candidate& first, Candidate& second);
    void move(int node, int to);
    void push(int node);
    void push_neighbours(int node);
    void descend();

    const WorkGraph& graph_;
    int k_;
    int layers_;
    BalanceTargets targets_;
    std::vector<double> inverse_mean_;

    std::vector<int> part_;
    std::vector<int> size_;                   // nodes per region
    std::vector<double> totals_;              // region * layers + layer
    std::vector<double> violation_of_;        // per region
    double violation_ = 0;
    int over_band_ = 0;                       // regions with a violation > 0
    double cost_ = 0;
    // Per grouping, per group: (region, zones of the group there).
    std::vector<std::vector<std::vector<std::pair<int, int>>>> group_parts_;

    std::vector<int> queue_;
    std::vector<char> queued_;
    std::vector<char> held_;                  // not moved by descent (just perturbed)
    std::vector<unsigned> mark_;              // contiguity test visit stamps
    unsigned stamp_ = 0;
    std::vector<int> search_;
    std::vector<unsigned> candidate_mark_;    // stamps of nodes listed for descend_best
    unsigned candidate_stamp_ = 0;
    std::vector<std::pair<int, double>> touching_; // scratch: (region, shared boundary) around a node
    std::vector<std::pair<int, int>> pair_index_;  // scratch for best_pair: (region, candidate) touching it

    struct Move {
        int node;
        int from;
    };
    std::vector<Move> log_;
    bool logging_ = false;

    // Every loop of the search is bounded by work, counted in moves: each public phase
    // (descend_all, repair_balance, anneal_balance, iterate, merge_split_group) called from
    // outside another gets an allowance (Tuning: moves per node and per round, far above
    // what ordinary runs use); once it is spent, descents, repairs, rounds and walks stop
    // where they are and the plan so far stands. It is there for numbers that make the
    // search cycle without end, such as one zone holding more than any band (a typo of 3e8
    // people on Glasgow: issue 24 item 6). Moves, not time, so the plan stays the same
    // for the same request.
    class Phase {
    public:
        Phase(LocalSearch& search, long allowance);
        ~Phase();
        Phase(const Phase&) = delete;
        Phase& operator=(const Phase&) = delete;

    private:
        LocalSearch& search_;
        bool outer_;
    };
    bool out_of_moves() const { return moves_ >= move_budget_; }
    long node_allowance() const;
    long moves_ = 0;
    long move_budget_ = std::numeric_limits<long>::max();
    int phase_depth_ = 0;
}; // class LocalSearch

} // namespace lp::detail
