// The partitioner's hub: checks the request, prices the groups, builds the zone-level
// work graph (blocks contracted when they are hard), runs the phases (initial plans,
// refinement) and reports. Each phase lives in its own file.
#include <lp/partition/partition.hpp>

#include <lp/core/error.hpp>
#include <lp/graph/graph_pieces.hpp>

#include "feasibility.hpp"
#include "initial_plans.hpp"
#include "problem.hpp"
#include "random.hpp"
#include "refinement.hpp"
#include "region_growing.hpp"
#include "work_graph.hpp"

#include <atomic>
#include <exception>
#include <thread>
#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>

namespace lp {

namespace {

using detail::Grouping;
using detail::WorkGraph;

// The median price of the land boundary between two zones: the default price of one
// extra piece of a group, so a plan splits a group only to save at least that much cut.
double median_edge_price(const ContiguityGraph& graph, const std::vector<double>& edge_cost) {
    std::vector<double> prices;
    for (std::size_t e = 0; e < graph.edges().size(); ++e) {
        const auto& edge = graph.edges()[e];
        const double price = edge_cost.empty() ? edge.shared_length : edge_cost[e];
        if (!edge.crossing && price > 0) prices.push_back(price);
    }
    if (prices.empty()) return 1.0;
    auto middle = prices.begin() + static_cast<std::ptrdiff_t>(prices.size() / 2);
    std::nth_element(prices.begin(), middle, prices.end());
    return *middle;
}

// Group ids numbered densely, in order of first appearance.
Grouping dense_grouping(const std::vector<int>& of_zone) {
    Grouping grouping;
    std::map<int, int> dense;
    grouping.group.assign(of_zone.size(), -1);
    for (std::size_t zone = 0; zone < of_zone.size(); ++zone) {
        if (of_zone[zone] < 0) continue;
        grouping.group[zone] = dense.emplace(of_zone[zone], static_cast<int>(dense.size())).first->second;
    }
    grouping.count = static_cast<int>(dense.size());
    return grouping;
}

// Groupings for the work graph, coarsest kind first: groups kept whole (settlements),
// then the rest in the order given, then the keep-whole groups of request.groups.
std::vector<Grouping> priced_groupings(const PartitionRequest& request) {
    const ContiguityGraph& graph = *request.graph;
    const double median = median_edge_price(graph, request.edge_cost);
    std::vector<Grouping> whole;
    std::vector<Grouping> soft;
    for (const auto& groups : request.groupings) {
        if (groups.of_zone.empty()) continue;
        Grouping grouping = dense_grouping(groups.of_zone);
        grouping.split_cost = groups.split_cost >= 0 ? groups.split_cost : median;
        (groups.keep_whole ? whole : soft).push_back(std::move(grouping));
    }
    if (!request.groups.empty()) {
        Grouping grouping = dense_grouping(request.groups);
        grouping.split_cost = request.group_split_cost >= 0 ? request.group_split_cost : median;
        soft.push_back(std::move(grouping));
    }
    // A piece of a group kept whole costs more than every boundary and every soft split
    // together, so it is split only where balance (which comes first) forces it.
    double everything = 1.0;
    for (std::size_t e = 0; e < graph.edges().size(); ++e)
        everything += request.edge_cost.empty() ? graph.edges()[e].shared_length : request.edge_cost[e];
    for (const auto& grouping : soft) everything += grouping.split_cost * grouping.count;
    for (auto& grouping : whole) {
        grouping.split_cost = everything;
        grouping.whole = true;
    }
    std::vector<Grouping> all = std::move(whole);
    for (auto& grouping : soft) all.push_back(std::move(grouping));
    return all;
}

// Hard building blocks: each connected piece of a block becomes one node; only those
// move. piece[zone] is the node of each zone.
std::vector<int> block_pieces(const ContiguityGraph& graph, const std::vector<int>& blocks, int* count) {
    std::vector<int> piece(graph.size(), -1);
    *count = label_pieces(
        graph, piece, -1, [](std::uint32_t) { return true; },
        [&](std::uint32_t u, const ContiguityGraph::Adjacent& adjacent) { return blocks[adjacent.zone] == blocks[u]; });
    return piece;
}

} // namespace

PartitionResult partition(const PartitionRequest& request) {
    const detail::ZoneNames name(request.zone_ids);
    detail::validate(request, name);
    const ContiguityGraph& graph = *request.graph;
    const int n = static_cast<int>(graph.size());
    const int k = request.k;

    detail::Problem problem;
    problem.k = k;
    problem.balance = &request.balance;
    problem.progress = request.progress;
    std::vector<const std::vector<double>*> values;
    for (const auto& layer : request.balance) {
        problem.mean.push_back(std::accumulate(layer.values.begin(), layer.values.end(), 0.0) / k);
        values.push_back(&layer.values);
    }

    PartitionResult result;
    result.problems = detail::infeasibility_reasons(request, problem.mean, name);
    result.notes = detail::split_settlement_notes(request, problem.mean);

    WorkGraph zones =
        detail::make_zone_graph(graph, values, request.edge_cost, request.locks, priced_groupings(request));
    zones.closed = request.closed;
    if (!request.start.empty() && request.stay_cost != 0) {
        zones.anchor = request.start;
        zones.anchor_cost = request.stay_cost > 0 ? request.stay_cost : 2 * median_edge_price(graph, request.edge_cost);
    }
    // With hard blocks the search runs on their pieces, never on single zones.
    int piece_count = 0;
    const std::vector<int> piece = request.hard_blocks.empty() ? std::vector<int>{}
                                                                : block_pieces(graph, request.hard_blocks, &piece_count);
    const WorkGraph pieces = piece.empty() ? WorkGraph{} : detail::contract(zones, piece, piece_count);
    const WorkGraph& work = piece.empty() ? zones : pieces;
    problem.zones = &work;
    problem.tuning = detail::tuning_for(work.size(), k, request.effort);
    for (const int hub : request.hubs) problem.hubs.push_back(piece.empty() ? hub : piece[hub]);

    detail::Random random(request.seed);
    detail::Refined refined;
    if (!request.start.empty()) {
        // Improve the plan given: locks win over it, broken or empty regions are mended.
        std::vector<int> start(work.size(), -1);
        for (int zone = 0; zone < n; ++zone) {
            const int node = piece.empty() ? zone : piece[zone];
            if (start[node] < 0) start[node] = request.start[zone];
        }
        for (int node = 0; node < work.size(); ++node)
            if (work.lock[node] >= 0) start[node] = work.lock[node];
        detail::repair_regions(work, k, problem.mean, start);
        detail::InitialPlans plans;
        plans.best = std::move(start);
        refined = detail::refine(problem, std::move(plans), random);
    } else {
        // Independent runs, two at a time: the calling thread takes the even ones and
        // reports progress (callers expect it on their own thread), a second thread the
        // odd ones; a cancel stops both.
        const int restarts = problem.tuning.restarts;
        std::vector<detail::Random> streams;
        for (int r = 0; r < restarts; ++r) streams.emplace_back(restarts == 1 ? request.seed : random.next());
        std::vector<detail::Refined> runs(restarts);
        std::vector<detail::Score> scores(restarts);
        std::atomic<bool> stop{false};
        const int own_runs = (restarts + 1) / 2;
        auto run = [&](int r) {
            detail::Problem own = problem;
            own.progress = [&, r](double fraction) {
                if (r % 2 == 0 && problem.progress && !stop &&
                    !problem.progress((r / 2 + fraction) / own_runs))
                    stop = true;
                return !stop.load();
            };
            runs[r] = detail::refine(own, detail::make_initial_plans(own, streams[r]), streams[r]);
            detail::LocalSearch judge(work, k, problem.targets(work, false), runs[r].part);
            scores[r] = {judge.violation(), judge.cost()};
        };
        std::exception_ptr failure;
        std::thread helper;
        if (restarts > 1)
            helper = std::thread([&] {
                try {
                    for (int r = 1; r < restarts; r += 2) run(r);
                } catch (...) {
                    failure = std::current_exception();
                    stop = true;
                }
            });
        try {
            for (int r = 0; r < restarts; r += 2) run(r);
        } catch (...) {
            stop = true;
            if (helper.joinable()) helper.join();
            throw;
        }
        if (helper.joinable()) helper.join();
        if (failure) std::rethrow_exception(failure);
        int best = 0;
        for (int r = 1; r < restarts; ++r)
            if (detail::better(scores[r], scores[best])) best = r;
        refined = std::move(runs[best]);
        refined.cancelled = stop;
    }
    if (!refined.cancelled) problem.report(1.0);

    if (piece.empty()) {
        result.assignment = refined.part;
    } else {
        result.assignment.resize(n);
        for (int zone = 0; zone < n; ++zone) result.assignment[zone] = refined.part[piece[zone]];
    }
    result.cancelled = refined.cancelled;
    CommunityContext community;
    for (const auto& groups : request.groupings) community.groupings.push_back(&groups);
    result.stats = evaluate(graph, result.assignment, k, request.balance, request.groups, community);
    result.within_tolerance = result.stats.within_tolerance;
    result.contiguous = result.stats.contiguous;
    for (auto& problem_text : describe_problems(result.stats, request.balance))
        result.problems.push_back(std::move(problem_text));
    return result;
}

} // namespace lp
