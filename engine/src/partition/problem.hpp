#pragma once
// What every phase of the partitioner works from: the zone-level work graph, k, the
// balance layers and their means, the tuning, and the progress callback.
#include <lp/partition/statistics.hpp>

#include "local_search.hpp"
#include "tuning.hpp"
#include "work_graph.hpp"

#include <functional>
#include <vector>

namespace lp::detail {

struct Problem {
    const WorkGraph* zones = nullptr;
    int k = 2;
    std::vector<double> mean;                      // per balance layer: total / k
    const std::vector<BalanceLayer>* balance = nullptr;
    Tuning tuning;
    std::vector<int> hubs;                         // zones to start localities at (at most k; empty: spread seeds)
    std::function<bool(double)> progress;          // may be empty

    // Allowed |total - mean| per layer. relaxed on a coarse level: at least half a node,
    // since asking lumps for the exact band trades boundary for balance the finer levels
    // restore far more cheaply.
    BalanceTargets targets(const WorkGraph& graph, bool relaxed) const {
        BalanceTargets t;
        t.mean = mean;
        t.band.resize(mean.size());
        for (std::size_t l = 0; l < mean.size(); ++l) {
            t.band[l] = (*balance)[l].tolerance * mean[l];
            if (relaxed && graph.size() > 0) t.band[l] = std::max(t.band[l], 0.5 * mean[l] * k / graph.size());
        }
        return t;
    }
    // False when the caller asked to stop.
    bool report(double fraction) const { return !progress || progress(fraction); }
}; // struct Problem

} // namespace lp::detail
