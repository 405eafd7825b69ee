#pragma once
// Every number that steers the partitioner's effort, in one place, with the measurement
// or reason behind it. A phase reads these; none hides its own constants.
#include <algorithm>
#include <cmath>

namespace lp::detail {

// The work each phase of the local search may do, in moves (LocalSearch::Phase): per node of
// the graph and a base for every phase, plus per round for the iterated search. Measured on
// Scottish councils and synthetic grids (docs/reliability.md, round 3): an ordinary phase
// uses at most a few moves per node and per round; these are many times that, so only a
// search that cycles (a zone of 3e8 people on Glasgow) ever reaches them.
inline constexpr long move_allowance_per_node = 1000;
inline constexpr long move_allowance_per_round = 1000;
inline constexpr long move_allowance_base = 100000;

struct Tuning {
    // Coarsening stops at about this many nodes per locality (and at least min_coarsest).
    int coarse_nodes_per_locality = 12;
    int min_coarsest = 48;
    // No coarse node may outgrow this share of a locality's mean on any layer.
    double node_cap = 0.25;
    // More localities than this on one connected piece (nothing locked): recursive
    // bisection, on the coarsest level with at least bisect_nodes_per_locality nodes
    // per locality, instead of simultaneous growth (which leaves regions far off balance).
    int bisect_above_k = 12;
    int bisect_nodes_per_locality = 32;
    // Initial plans: this many attempts; on a council, while none meets every band, up to
    // twice as many. Threads for attempts only on graphs this large.
    int attempts = 6;
    int threaded_attempts_from = 20000;
    // Beyond this many zones a graph is "large": one attempt goes on, and (after
    // bisection) the zone-level search runs on two halves at once.
    int large_graph = 50000;
    // Zone-level iterated local search: 1000 + rounds_per_zone x min(n, 20,000) rounds,
    // plus a third of a round per zone beyond that (a million zones within a minute).
    long iteration_rounds = 0;
    // Pair moves are tried on candidate lists of at most this many nodes.
    std::size_t pair_limit = 400;
    // Independent runs (initial plans and search, each with its own random numbers), the
    // best kept: on Glasgow at 1% one run in three ends in a plan whose boundary crosses
    // the centre (16.5 km against 12.5 km); four runs make that rare. Councils only.
    int restarts = 1;
}; // struct Tuning

inline Tuning tuning_for(int zones, int k, double effort) {
    Tuning tuning;
    tuning.attempts = std::max(2, static_cast<int>(std::lround(tuning.attempts * effort)));
    const double scaled = 2.0 * std::min(zones, 20000) + std::max(0, zones - 20000) / 3.0;
    tuning.iteration_rounds = std::lround(effort * (1000.0 + scaled));
    // Few large localities are where a run gets stuck with the wrong shape (a boundary
    // through a city centre); many small ones are not, and a hard band costs every run
    // its own balance walk (Fife at 1% and 5%: 0.25 s for one run).
    tuning.restarts = zones <= 2000 && k <= 4 ? 4 : 1;
    // Several runs share the search budget of one, so a council costs the CPU of one run
    // (the batch of all partnerships keeps every core busy already): restarts buy
    // robustness, not time.
    if (tuning.restarts > 1) {
        tuning.iteration_rounds /= tuning.restarts;
        tuning.attempts = std::max(2, tuning.attempts / tuning.restarts + 1);
    }
    return tuning;
}

} // namespace lp::detail
