#include <lp/partition/partition.hpp>

#include <lp/core/error.hpp>

#include "local_search.hpp"
#include "random.hpp"
#include "region_growing.hpp"
#include "work_graph.hpp"
#include "core/worker_threads.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <deque>
#include <functional>
#include <limits>
#include <map>
#include <memory>

namespace lp {

namespace {

using detail::BalanceTargets;
using detail::CoarseLevel;
using detail::LocalSearch;
using detail::Random;
using detail::WorkGraph;

std::string number(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%.10g", std::round(value * 100.0) / 100.0);
    return text;
}

class ZoneNames {
public:
    explicit ZoneNames(const std::vector<std::string>* ids) : ids_(ids) {}
    std::string operator()(std::size_t zone) const {
        if (ids_ && zone < ids_->size()) return (*ids_)[zone];
        return "zone #" + std::to_string(zone);
    }
    // "S01..., S01... and 3 more"
    std::string list(const std::vector<std::size_t>& zones, std::size_t shown = 3) const {
        std::string text;
        for (std::size_t i = 0; i < zones.size() && i < shown; ++i) {
            if (i > 0) text += ", ";
            text += (*this)(zones[i]);
        }
        if (zones.size() > shown) text += " and " + std::to_string(zones.size() - shown) + " more";
        return text;
    }

private:
    const std::vector<std::string>* ids_;
}; // class ZoneNames

void validate(const PartitionRequest& request, const ZoneNames& name) {
    if (!request.graph) throw Error(ExitCode::bad_value, "partition: no contiguity graph given");
    const std::size_t n = request.graph->size();
    if (request.k < 2)
        throw Error(ExitCode::bad_value, "partition: k = " + std::to_string(request.k) +
                                             "; a partnership needs two or more localities");
    if (static_cast<std::size_t>(request.k) > n)
        throw Error(ExitCode::infeasible_request, "cannot make " + std::to_string(request.k) + " localities from " +
                                                      std::to_string(n) + " zones: each locality needs at least one zone");
    if (request.balance.empty())
        throw Error(ExitCode::bad_value, "partition: no balance layer given (e.g. the total population)");
    for (const auto& layer : request.balance) {
        if (layer.values.size() != n)
            throw Error(ExitCode::bad_value, "partition: balance layer " + layer.name + " has " +
                                                 std::to_string(layer.values.size()) + " values for " +
                                                 std::to_string(n) + " zones");
        if (!std::isfinite(layer.tolerance) || layer.tolerance < 0)
            throw Error(ExitCode::bad_value, "partition: balance layer " + layer.name + " has tolerance " +
                                                 number(layer.tolerance) + "; it must be a fraction >= 0");
        double total = 0;
        for (std::size_t zone = 0; zone < n; ++zone) {
            const double value = layer.values[zone];
            if (!std::isfinite(value) || value < 0)
                throw Error(ExitCode::bad_value, "partition: zone " + name(zone) + " has " + layer.name + " = " +
                                                     number(value) + "; balance values must be finite and >= 0");
            total += value;
        }
        if (total <= 0)
            throw Error(ExitCode::bad_value, "partition: balance layer " + layer.name + " is zero in every zone");
    }
    auto check_localities = [&](const std::vector<int>& values, const char* what) {
        if (values.empty()) return;
        if (values.size() != n)
            throw Error(ExitCode::bad_value, std::string("partition: ") + what + " has " +
                                                 std::to_string(values.size()) + " entries for " + std::to_string(n) +
                                                 " zones");
        for (std::size_t zone = 0; zone < n; ++zone)
            if (values[zone] < -1 || values[zone] >= request.k)
                throw Error(ExitCode::bad_value, std::string("partition: ") + what + " puts zone " + name(zone) +
                                                     " in locality " + std::to_string(values[zone] + 1) +
                                                     ", outside 1.." + std::to_string(request.k));
    };
    check_localities(request.locks, "the lock list");
    check_localities(request.start, "the start plan");
    if (!request.groups.empty() && request.groups.size() != n)
        throw Error(ExitCode::bad_value, "partition: keep-whole groups given for " +
                                             std::to_string(request.groups.size()) + " zones, the graph has " +
                                             std::to_string(n));
}

// Reasons, found before searching, why no plan can meet the request.
std::vector<std::string> infeasibility_reasons(const PartitionRequest& request, const std::vector<double>& mean,
                                               const ZoneNames& name) {
    std::vector<std::string> reasons;
    const ContiguityGraph& graph = *request.graph;
    const std::size_t n = graph.size();
    const int k = request.k;

    for (const auto& layer : request.balance) {
        const std::size_t l = static_cast<std::size_t>(&layer - request.balance.data());
        const double upper = mean[l] * (1 + layer.tolerance);
        for (std::size_t zone = 0; zone < n; ++zone)
            if (layer.values[zone] > upper)
                reasons.push_back("zone " + name(zone) + " alone has " + layer.name + " " + number(layer.values[zone]) +
                                  ", more than one locality may hold (mean " + number(mean[l]) + " + " +
                                  format_percent(layer.tolerance) + " = " + number(upper) + ")");
    }

    std::size_t count = 0;
    const auto label = graph.components(false, &count);
    if (count > 1) {
        std::vector<std::vector<std::size_t>> members(count);
        for (std::size_t zone = 0; zone < n; ++zone) members[label[zone]].push_back(zone);
        if (count > static_cast<std::size_t>(k))
            reasons.push_back("the zones fall into " + std::to_string(count) +
                              " pieces joined by neither land nor a recorded crossing, more than the " +
                              std::to_string(k) + " localities asked for; record crossings between them");
        for (std::size_t c = 0; c < count; ++c) {
            // Whole numbers of localities this piece could hold within every band.
            double lowest = 1;
            double highest = std::numeric_limits<double>::infinity();
            std::string worst;
            for (std::size_t l = 0; l < request.balance.size(); ++l) {
                const auto& layer = request.balance[l];
                double total = 0;
                for (const auto zone : members[c]) total += layer.values[zone];
                const double share = total / mean[l];
                const double low = std::ceil(share / (1 + layer.tolerance) - 1e-12);
                const double high = layer.tolerance >= 1 ? std::numeric_limits<double>::infinity()
                                                         : std::floor(share / (1 - layer.tolerance) + 1e-12);
                if (low > lowest) lowest = low;
                if (high < highest) {
                    highest = high;
                    worst = layer.name + " " + number(total) + " (" + number(share) + " times a locality's mean " +
                            number(mean[l]) + ")";
                }
            }
            if (lowest > highest)
                reasons.push_back("the island of " + std::to_string(members[c].size()) + " zone(s) " +
                                  name.list(members[c]) +
                                  " is joined to the rest by neither land nor a recorded crossing, and its " + worst +
                                  " cannot be divided into whole localities within tolerance");
        }
        if (!request.locks.empty()) {
            std::map<int, std::vector<std::size_t>> pieces_of; // locality -> components holding its locks
            for (std::size_t zone = 0; zone < n; ++zone) {
                const int lock = request.locks[zone];
                if (lock < 0) continue;
                auto& pieces = pieces_of[lock];
                if (std::find(pieces.begin(), pieces.end(), label[zone]) == pieces.end()) pieces.push_back(label[zone]);
            }
            for (const auto& [locality, pieces] : pieces_of)
                if (pieces.size() > 1)
                    reasons.push_back("locality " + std::to_string(locality + 1) + " has locked zones on " +
                                      std::to_string(pieces.size()) +
                                      " islands joined by neither land nor a recorded crossing");
        }
    }
    return reasons;
}

// The price of one extra piece of a keep-whole group: a typical stretch of boundary
// between two zones, so a plan splits a group only to save at least that much cut.
double default_split_cost(const ContiguityGraph& graph) {
    std::vector<double> lengths;
    for (const auto& edge : graph.edges())
        if (!edge.crossing && edge.shared_length > 0) lengths.push_back(edge.shared_length);
    if (lengths.empty()) return 1.0;
    auto middle = lengths.begin() + static_cast<std::ptrdiff_t>(lengths.size() / 2);
    std::nth_element(lengths.begin(), middle, lengths.end());
    return *middle;
}

// Lexicographic (violation, cost) with a hair of slack for rounding.
bool better(double violation, double cost, double best_violation, double best_cost) {
    const double slack = 1e-9 * std::max(violation, best_violation);
    if (violation < best_violation - slack) return true;
    return violation <= best_violation + slack && cost < best_cost - 1e-7;
}

BalanceTargets targets_for(const WorkGraph& graph, const std::vector<double>& mean,
                           const std::vector<BalanceLayer>& balance, int k, bool relaxed) {
    BalanceTargets targets;
    targets.mean = mean;
    targets.band.resize(mean.size());
    for (std::size_t l = 0; l < mean.size(); ++l) {
        targets.band[l] = balance[l].tolerance * mean[l];
        // On a coarse level the nodes are lumps; asking for the exact band there would
        // trade boundary for balance the finer levels can restore far more cheaply.
        if (relaxed && graph.size() > 0)
            targets.band[l] = std::max(targets.band[l], 0.5 * mean[l] * k / graph.size());
    }
    return targets;
}

// The zone-level search on two halves at once: localities [0, k/2) and [k/2, k), which
// recursive bisection made two connected halves of the map, each searched on its own
// zones on its own thread. A move inside one half changes nothing in the other (a
// boundary with the other half is cut whichever locality of this half holds the zone),
// so each half's search is exact; only the boundary between the halves waits for the
// whole-graph search after. Each half gets `rounds` rounds, in slices between which
// progress is reported (and may cancel) on the calling thread. Returns false when cancelled.
bool iterate_in_halves(const WorkGraph& zones, int k, const BalanceTargets& targets, double split_cost,
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
    detail::run_workers(2, [&](unsigned h, unsigned) {
        Half& half = halves[h];
        half.graph = detail::induced_subgraph(zones, half.nodes);
        const int offset = h == 0 ? 0 : first_half;
        std::vector<int> local(half.nodes.size());
        for (std::size_t i = 0; i < half.nodes.size(); ++i) local[i] = part[half.nodes[i]] - offset;
        half.search = std::make_unique<LocalSearch>(half.graph, h == 0 ? first_half : k - first_half, targets,
                                                    split_cost, std::move(local));
    });
    constexpr int slices = 8;
    bool cancelled = false;
    for (int slice = 0; slice < slices && !cancelled; ++slice) {
        const long slice_rounds = rounds / slices + (slice < rounds % slices ? 1 : 0);
        detail::run_workers(2, [&](unsigned h, unsigned) {
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

PartitionResult partition(const PartitionRequest& request) {
    const ZoneNames name(request.zone_ids);
    validate(request, name);
    const ContiguityGraph& graph = *request.graph;
    const int n = static_cast<int>(graph.size());
    const int k = request.k;
    const int layers = static_cast<int>(request.balance.size());

    std::vector<double> mean(layers, 0.0);
    std::vector<const std::vector<double>*> values;
    for (int l = 0; l < layers; ++l) {
        for (const double v : request.balance[l].values) mean[l] += v;
        mean[l] /= k;
        values.push_back(&request.balance[l].values);
    }

    PartitionResult result;
    result.problems = infeasibility_reasons(request, mean, name);

    // Keep-whole groups numbered densely, in order of first appearance.
    std::vector<int> groups;
    int group_count = 0;
    if (!request.groups.empty()) {
        std::map<int, int> dense;
        groups.assign(n, -1);
        for (int zone = 0; zone < n; ++zone) {
            if (request.groups[zone] < 0) continue;
            auto [it, inserted] = dense.emplace(request.groups[zone], group_count);
            if (inserted) ++group_count;
            groups[zone] = it->second;
        }
    }
    const double split_cost =
        group_count == 0 ? 0.0 : (request.group_split_cost >= 0 ? request.group_split_cost : default_split_cost(graph));

    const WorkGraph zones = detail::make_zone_graph(graph, values, request.locks, groups, group_count);
    Random random(request.seed);
    auto report = [&](double fraction) { return !request.progress || request.progress(fraction); };
    bool cancelled = false;
    bool in_halves = false; // the zone-level search splits the localities in two halves (see iterate_in_halves)

    std::vector<int> part;
    std::vector<int> runner_up; // the second best attempt: it may end better after the search
    double runner_up_violation = std::numeric_limits<double>::infinity();
    double runner_up_cost = std::numeric_limits<double>::infinity();
    if (!request.start.empty()) {
        // Improve the plan given: locks win over it, broken or empty regions are mended.
        part = request.start;
        for (int zone = 0; zone < n; ++zone)
            if (zones.lock[zone] >= 0) part[zone] = zones.lock[zone];
        detail::repair_regions(zones, k, mean, part);
    } else {
        // Coarsen: keep-whole groups first, then any heavy edge, down to a few dozen
        // nodes per locality. No node may outgrow a quarter of a locality.
        std::vector<double> cap(layers);
        for (int l = 0; l < layers; ++l) cap[l] = 0.25 * mean[l];
        std::deque<CoarseLevel> levels; // deque: references to earlier levels stay valid
        const WorkGraph* current = &zones;
        const int coarsest_size = std::max(12 * k, 48);
        bool same_group_only = group_count > 0;
        while (current->size() > coarsest_size) {
            CoarseLevel next;
            if (!detail::coarsen_once(*current, cap, same_group_only, random, next)) {
                if (same_group_only) {
                    same_group_only = false;
                    continue;
                }
                break;
            }
            levels.push_back(std::move(next));
            current = &levels.back().graph;
        }
        if (!report(0.05)) cancelled = true;

        // Several grown plans, each carried down to the zones with descent on every level;
        // the best plan at zone level goes on.
        auto graph_at = [&](std::size_t level) -> const WorkGraph& {
            return level == 0 ? zones : levels[level - 1].graph;
        };
        std::size_t start_level = levels.size();
        // Many localities on one connected piece with nothing locked: recursive bisection
        // (growing a thousand regions at once leaves them far off balance), on the
        // coarsest level whose nodes are small enough to balance a locality to about a
        // percent; otherwise seeds and simultaneous growth on the coarsest level, which
        // place locked localities and share islands out.
        int coarse_components = 0;
        detail::node_components(graph_at(start_level), &coarse_components);
        const bool bisect = k > 12 && coarse_components == 1 &&
                            std::all_of(zones.lock.begin(), zones.lock.end(), [](int lock) { return lock < 0; });
        // Beyond 50,000 zones the zone-level search then runs on the two halves at once.
        in_halves = bisect && n > 50000;
        if (bisect)
            while (start_level > 0 && graph_at(start_level).size() < 32 * k) --start_level;
        const WorkGraph& start_graph = graph_at(start_level);
        const long start_rounds = 2L * std::min(start_graph.size(), coarsest_size);

        struct Attempt {
            std::vector<int> part;
            double violation = 0;
            double cost = 0;
        };
        auto run_attempt = [&](Random& stream) {
            std::vector<int> candidate;
            if (bisect) {
                candidate = detail::bisect_regions(start_graph, k, mean, stream);
                std::vector<int> size(k, 0);
                for (const int region : candidate) ++size[region];
                if (std::find(size.begin(), size.end(), 0) != size.end()) candidate.clear();
            }
            if (candidate.empty()) {
                candidate = detail::place_seeds(start_graph, k, mean, stream);
                detail::grow_regions(start_graph, k, mean, candidate);
            }
            {
                LocalSearch search(start_graph, k,
                                   targets_for(start_graph, mean, request.balance, k, start_level > 0), split_cost,
                                   std::move(candidate));
                search.descend_all();
                search.iterate(start_rounds, stream, {}, 0, 0);
                candidate = search.part();
            }
            for (auto level = start_level; level-- > 0;) {
                const WorkGraph& finer = graph_at(level);
                const auto& parent = levels[level].parent;
                std::vector<int> projected(finer.size());
                for (int u = 0; u < finer.size(); ++u) projected[u] = candidate[parent[u]];
                LocalSearch search(finer, k, targets_for(finer, mean, request.balance, k, level > 0), split_cost,
                                   std::move(projected));
                search.descend_all();
                if (level == 0) search.repair_balance(400);
                candidate = search.part();
            }
            LocalSearch judge(zones, k, targets_for(zones, mean, request.balance, k, false), split_cost, candidate);
            return Attempt{std::move(candidate), judge.violation(), judge.cost()};
        };

        const int tries = std::max(2, static_cast<int>(std::lround(6 * request.effort)));
        // On a council, while no attempt meets every band, keep trying, up to twice as
        // many; a large graph leaves balance to the zone-level search.
        const int most_tries = n <= 50000 ? 2 * tries : tries;
        double best_violation = std::numeric_limits<double>::infinity();
        double best_cost = std::numeric_limits<double>::infinity();
        // Attempts run two at a time, each with its own stream of random numbers drawn
        // in order from the request's, so the plan does not depend on the number of cores.
        for (int attempt = 0; (attempt < tries || (best_violation > 0 && attempt < most_tries)) && !cancelled;) {
            const int batch = std::min(2, (attempt < tries ? tries : most_tries) - attempt);
            std::vector<Random> streams;
            for (int b = 0; b < batch; ++b) streams.emplace_back(random.next());
            std::vector<Attempt> results(batch);
            // Threads only where an attempt is long enough to be worth one.
            const unsigned workers = n >= 20000 ? detail::worker_count(batch) : 1u;
            detail::run_workers(workers, [&](unsigned worker, unsigned count) {
                for (int b = static_cast<int>(worker); b < batch; b += static_cast<int>(count))
                    results[b] = run_attempt(streams[b]);
            });
            for (auto& result : results) {
                if (part.empty() || better(result.violation, result.cost, best_violation, best_cost)) {
                    runner_up = std::move(part);
                    runner_up_violation = best_violation;
                    runner_up_cost = best_cost;
                    best_violation = result.violation;
                    best_cost = result.cost;
                    part = std::move(result.part);
                } else if (runner_up.empty() ||
                           better(result.violation, result.cost, runner_up_violation, runner_up_cost)) {
                    runner_up_violation = result.violation;
                    runner_up_cost = result.cost;
                    runner_up = std::move(result.part);
                }
            }
            attempt += batch;
            if (!report(0.05 + 0.25 * std::min(1.0, static_cast<double>(attempt) / tries))) cancelled = true;
        }
    }

    // The zone level: descent, then iterated local search; the two best attempts get a
    // third of the rounds each before the better goes on, as which attempt ends best is
    // often not the one that starts best.
    const auto targets = targets_for(zones, mean, request.balance, k, false);
    auto search = std::make_unique<LocalSearch>(zones, k, targets, split_cost, std::move(part));
    search->descend_all();
    search->repair_balance(400);
    if (!cancelled) {
        // Two rounds per zone on a council; beyond 20,000 zones a third of a round per zone
        // more, which keeps a million zones within a minute.
        const double scaled = 2.0 * std::min(n, 20000) + std::max(0, n - 20000) / 3.0;
        const long rounds = std::lround(request.effort * (1000.0 + scaled));
        long remaining = rounds;
        double done = 0.3;
        if (in_halves) {
            // Nine tenths of the rounds on the two halves at once, the rest on the whole.
            std::vector<int> halved = search->part();
            const long each = std::lround(0.45 * rounds);
            cancelled = !iterate_in_halves(zones, k, targets, split_cost, halved, each, random, request.progress,
                                           0.3, 0.8);
            search = std::make_unique<LocalSearch>(zones, k, targets, split_cost, std::move(halved));
            search->descend_all();
            remaining = rounds - 2 * each;
            done = 0.8;
        } else if (!runner_up.empty() && n <= 50000) {
            // (Not on a large graph: there the rounds are few per zone and better spent on one.)
            auto rival = std::make_unique<LocalSearch>(zones, k, targets, split_cost, std::move(runner_up));
            rival->descend_all();
            rival->repair_balance(400);
            cancelled = !rival->iterate(rounds / 3, random, request.progress, 0.3, 0.5) ||
                        !search->iterate(rounds / 3, random, request.progress, 0.5, 0.7);
            if (better(rival->violation(), rival->cost(), search->violation(), search->cost()))
                search = std::move(rival);
            remaining = rounds - 2 * (rounds / 3);
            done = 0.7;
        }
        if (!cancelled) cancelled = !search->iterate(remaining, random, request.progress, done, 0.9);
        search->repair_balance(400);
        // Still off a band: the band is narrower than the zones around it. Walk at random
        // until it is met, then win back the boundary that walk cost.
        if (!cancelled && search->violation() > 0 && search->anneal_balance(50L * n + 20000, random)) {
            search->descend_all();
            cancelled = !search->iterate(rounds / 2, random, request.progress, 0.9, 1.0);
        }
    }

    if (!cancelled) report(1.0);
    result.assignment = search->part();
    result.cancelled = cancelled;
    result.stats = evaluate(graph, result.assignment, k, request.balance, request.groups);
    result.within_tolerance = result.stats.within_tolerance;
    result.contiguous = result.stats.contiguous;
    for (auto& problem : describe_problems(result.stats, request.balance)) result.problems.push_back(std::move(problem));
    return result;
}

} // namespace lp
