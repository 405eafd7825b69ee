#include "initial_plans.hpp"

#include "local_search.hpp"
#include "region_growing.hpp"
#include "core/worker_threads.hpp"

#include <algorithm>
#include <deque>

namespace lp::detail {

namespace {

// The hierarchy of coarser graphs, zones first (level 0 is the problem's zone graph).
class Hierarchy {
public:
    Hierarchy(const Problem& problem, Random& random) : zones_(*problem.zones) {
        // Groups first (every kind, then fewer kinds), then any heavy edge, down to a few
        // dozen nodes per locality. No node may outgrow a share of a locality.
        std::vector<double> cap(problem.mean.size());
        for (std::size_t l = 0; l < cap.size(); ++l) cap[l] = problem.tuning.node_cap * problem.mean[l];
        const WorkGraph* current = &zones_;
        const int coarsest_size = std::max(problem.tuning.coarse_nodes_per_locality * problem.k,
                                           problem.tuning.min_coarsest);
        int same_groupings = static_cast<int>(zones_.groupings.size());
        while (current->size() > coarsest_size) {
            CoarseLevel next;
            if (!coarsen_once(*current, cap, same_groupings, random, next)) {
                if (same_groupings > 0) {
                    --same_groupings;
                    continue;
                }
                break;
            }
            levels_.push_back(std::move(next));
            current = &levels_.back().graph;
        }
    }

    std::size_t coarsest() const { return levels_.size(); }
    const WorkGraph& graph(std::size_t level) const { return level == 0 ? zones_ : levels_[level - 1].graph; }
    // Node of level `level` -> node of level + 1.
    const std::vector<int>& parent(std::size_t level) const { return levels_[level].parent; }
    // The node of `level` holding each zone.
    int node_of_zone(int zone, std::size_t level) const {
        for (std::size_t l = 0; l < level; ++l) zone = levels_[l].parent[zone];
        return zone;
    }

private:
    const WorkGraph& zones_;
    std::deque<CoarseLevel> levels_; // deque: references to earlier levels stay valid
}; // class Hierarchy

} // namespace

InitialPlans make_initial_plans(const Problem& problem, Random& random) {
    const WorkGraph& zones = *problem.zones;
    const int k = problem.k;
    const Tuning& tuning = problem.tuning;
    const int n = zones.size();
    InitialPlans plans;

    const Hierarchy levels(problem, random);
    if (!problem.report(0.05)) plans.cancelled = true;

    std::size_t start_level = levels.coarsest();
    // Many localities on one connected piece with nothing locked: recursive bisection
    // (growing a thousand regions at once leaves them far off balance), on the coarsest
    // level whose nodes are small enough to balance a locality to about a percent;
    // otherwise seeds and simultaneous growth on the coarsest level, which place locked
    // localities and share islands out.
    int coarse_components = 0;
    node_components(levels.graph(start_level), &coarse_components);
    const bool bisect = k > tuning.bisect_above_k && coarse_components == 1 && problem.hubs.empty() &&
                        std::all_of(zones.lock.begin(), zones.lock.end(), [](int lock) { return lock < 0; });
    plans.bisected = bisect;
    if (bisect)
        while (start_level > 0 && levels.graph(start_level).size() < tuning.bisect_nodes_per_locality * k)
            --start_level;
    const WorkGraph& start_graph = levels.graph(start_level);
    const int coarsest_size = std::max(tuning.coarse_nodes_per_locality * k, tuning.min_coarsest);
    const long start_rounds = 2L * std::min(start_graph.size(), coarsest_size);
    std::vector<int> hub_nodes;
    for (const int zone : problem.hubs) hub_nodes.push_back(levels.node_of_zone(zone, start_level));

    struct Attempt {
        std::vector<int> part;
        Score score;
    };
    auto run_attempt = [&](Random& stream, bool from_hubs) {
        std::vector<int> candidate;
        if (bisect) {
            candidate = bisect_regions(start_graph, k, problem.mean, stream);
            std::vector<int> size(k, 0);
            for (const int region : candidate) ++size[region];
            if (std::find(size.begin(), size.end(), 0) != size.end()) candidate.clear();
        }
        if (candidate.empty()) {
            candidate = place_seeds(start_graph, k, problem.mean, stream, from_hubs ? hub_nodes : std::vector<int>{});
            grow_regions(start_graph, k, problem.mean, candidate);
        }
        {
            LocalSearch search(start_graph, k, problem.targets(start_graph, start_level > 0), std::move(candidate));
            search.descend_all();
            search.iterate(start_rounds, stream, {}, 0, 0);
            candidate = search.part();
        }
        for (auto level = start_level; level-- > 0;) {
            const WorkGraph& finer = levels.graph(level);
            const auto& parent = levels.parent(level);
            std::vector<int> projected(finer.size());
            for (int u = 0; u < finer.size(); ++u) projected[u] = candidate[parent[u]];
            LocalSearch search(finer, k, problem.targets(finer, level > 0), std::move(projected));
            search.descend_all();
            if (level == 0) search.repair_balance(tuning.pair_limit);
            candidate = search.part();
        }
        LocalSearch judge(zones, k, problem.targets(zones, false), candidate);
        return Attempt{std::move(candidate), Score{judge.violation(), judge.cost()}};
    };

    const int tries = tuning.attempts;
    // On a council, while no attempt meets every band, keep trying, up to twice as many;
    // a large graph leaves balance to the zone-level search.
    const int most_tries = n <= tuning.large_graph ? 2 * tries : tries;
    // Attempts run two at a time, each with its own stream of random numbers drawn in
    // order from the request's, so the plan does not depend on the number of cores.
    // One attempt even when cancelled at once: a cancelled run still returns a whole plan.
    for (int attempt = 0; (attempt < tries || (plans.best_score.violation > 0 && attempt < most_tries)) &&
                          (attempt == 0 || !plans.cancelled);) {
        const int batch = std::min(2, (attempt < tries ? tries : most_tries) - attempt);
        std::vector<Random> streams;
        for (int b = 0; b < batch; ++b) streams.emplace_back(random.next());
        std::vector<Attempt> results(batch);
        // Threads only where an attempt is long enough to be worth one.
        const unsigned workers = n >= tuning.threaded_attempts_from ? worker_count(batch) : 1u;
        run_workers(workers, [&](unsigned worker, unsigned count) {
            for (int b = static_cast<int>(worker); b < batch; b += static_cast<int>(count))
                // With hubs, every other attempt starts from them (the rest from spread seeds).
                results[b] = run_attempt(streams[b], !hub_nodes.empty() && (attempt + b) % 2 == 0);
        });
        for (auto& result : results) {
            if (plans.best.empty() || better(result.score, plans.best_score)) {
                plans.runner_up = std::move(plans.best);
                plans.runner_up_score = plans.best_score;
                plans.best_score = result.score;
                plans.best = std::move(result.part);
            } else if (plans.runner_up.empty() || better(result.score, plans.runner_up_score)) {
                plans.runner_up_score = result.score;
                plans.runner_up = std::move(result.part);
            }
        }
        attempt += batch;
        if (!problem.report(0.05 + 0.25 * std::min(1.0, static_cast<double>(attempt) / tries))) plans.cancelled = true;
    }
    return plans;
}

} // namespace lp::detail
