#include "refinement.hpp"

#include "local_search.hpp"
#include "core/worker_threads.hpp"

#include <memory>

namespace lp::detail {

namespace {

// The zone-level search on two halves at once: localities [0, k/2) and [k/2, k), which
// recursive bisection made two connected halves of the map, each searched on its own
// zones on its own thread. A move inside one half changes nothing in the other (a
// boundary with the other half is cut whichever locality of this half holds the zone),
// so each half's search is exact; only the boundary between the halves waits for the
// whole-graph search after. Each half gets `rounds` rounds, in slices between which
// progress is reported (and may cancel) on the calling thread. Returns false when cancelled.
bool iterate_in_halves(const WorkGraph& zones, int k, const BalanceTargets& targets,
                       std::vector<int>& part, long rounds, Random& random,
                       const std::function<bool(double)>& progress, double progress_from, double progress_to) {
    const int first_half = k / 2;
    struct Half {
        std::vector<int> nodes;
        WorkGraph graph;
        std::unique_ptr<LocalSearch> search;
        Random stream{0};
    };
    std::vector<Half> halves(2);
    for (int u = 0; u < zones.size(); ++u) halves[part[u] < first_half ? 0 : 1].nodes.push_back(u);
    for (int h = 0; h < 2; ++h) halves[h].stream = Random(random.next());
    run_workers(2, [&](unsigned h, unsigned) {
        Half& half = halves[h];
        half.graph = induced_subgraph(zones, half.nodes);
        const int offset = h == 0 ? 0 : first_half;
        std::vector<int> local(half.nodes.size());
        for (std::size_t i = 0; i < half.nodes.size(); ++i) local[i] = part[half.nodes[i]] - offset;
        half.search = std::make_unique<LocalSearch>(half.graph, h == 0 ? first_half : k - first_half, targets,
                                                    std::move(local));
    });
    constexpr int slices = 8;
    bool cancelled = false;
    for (int slice = 0; slice < slices && !cancelled; ++slice) {
        const long slice_rounds = rounds / slices + (slice < rounds % slices ? 1 : 0);
        run_workers(2, [&](unsigned h, unsigned) {
            halves[h].search->iterate(slice_rounds, halves[h].stream, {}, 0, 0);
        });
        if (progress && !progress(progress_from + (progress_to - progress_from) * (slice + 1.0) / slices))
            cancelled = true;
    }
    for (int h = 0; h < 2; ++h) {
        const auto& local = halves[h].search->part();
        const int offset = h == 0 ? 0 : first_half;
        for (std::size_t i = 0; i < halves[h].nodes.size(); ++i) part[halves[h].nodes[i]] = local[i] + offset;
    }
    return !cancelled;
}

} // namespace

Refined refine(const Problem& problem, InitialPlans plans, Random& random) {
    const WorkGraph& zones = *problem.zones;
    const int n = zones.size();
    const int k = problem.k;
    const Tuning& tuning = problem.tuning;
    bool cancelled = plans.cancelled;
    // The two best attempts get a third of the rounds each before the better goes on, as
    // which attempt ends best is often not the one that starts best.
    const auto targets = problem.targets(zones, false);
    auto search = std::make_unique<LocalSearch>(zones, k, targets, std::move(plans.best));
    search->descend_all();
    search->repair_balance(tuning.pair_limit);
    if (!cancelled) {
        const long rounds = tuning.iteration_rounds;
        long remaining = rounds;
        double done = 0.3;
        if (plans.bisected && n > tuning.large_graph) {
            // Nine tenths of the rounds on the two halves at once, the rest on the whole.
            std::vector<int> halved = search->part();
            const long each = std::lround(0.45 * rounds);
            cancelled = !iterate_in_halves(zones, k, targets, halved, each, random, problem.progress, 0.3, 0.8);
            search = std::make_unique<LocalSearch>(zones, k, targets, std::move(halved));
            search->descend_all();
            remaining = rounds - 2 * each;
            done = 0.8;
        } else if (!plans.runner_up.empty() && n <= tuning.large_graph) {
            // (Not on a large graph: there the rounds are few per zone and better spent on one.)
            auto rival = std::make_unique<LocalSearch>(zones, k, targets, std::move(plans.runner_up));
            rival->descend_all();
            rival->repair_balance(tuning.pair_limit);
            cancelled = !rival->iterate(rounds / 3, random, problem.progress, 0.3, 0.5) ||
                        !search->iterate(rounds / 3, random, problem.progress, 0.5, 0.7);
            if (better(Score{rival->violation(), rival->cost()}, Score{search->violation(), search->cost()}))
                search = std::move(rival);
            remaining = rounds - 2 * (rounds / 3);
            done = 0.7;
        }
        if (!cancelled) cancelled = !search->iterate(remaining, random, problem.progress, done, 0.9);
        search->repair_balance(tuning.pair_limit);
        // Still off a band: the band is narrower than the zones around it. Walk at random
        // until it is met, then win back the boundary that walk cost.
        if (!cancelled && search->violation() > 0 && search->anneal_balance(50L * n + 20000, random)) {
            search->descend_all();
            cancelled = !search->iterate(rounds / 2, random, problem.progress, 0.9, 1.0);
        }
    }
    return Refined{search->part(), cancelled};
}

} // namespace lp::detail
