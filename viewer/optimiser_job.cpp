#include "optimiser_job.hpp"

#include "optimise_request.hpp"

#include <lp/core/error.hpp>
#include <lp/partition/partition.hpp>

#include <map>
#include <unordered_map>
#include <utility>

namespace lp::viewer {

OptimiserJob::~OptimiserJob() { stop(); }

void OptimiserJob::stop() {
    if (!thread_.joinable()) return;
    cancel_ = true;
    thread_.join();
}

void OptimiserJob::launch(std::function<Outcome()> work) {
    stop();
    cancel_ = false;
    finished_ = false;
    progress_ = 0;
    thread_ = std::thread([this, work = std::move(work)] {
        try {
            outcome_ = work();
        } catch (const std::exception& e) {
            outcome_ = Outcome{};
            outcome_.error = e.what();
        }
        finished_ = true;
    });
}

// The partitioner on the worker thread, reporting progress and stopping on Cancel.
void OptimiserJob::launch_partition(PartitionRequest request) {
    launch([this, request = std::move(request)]() mutable {
        request.progress = [this](double fraction) {
            progress_ = fraction;
            return !cancel_.load();
        };
        const PartitionResult result = partition(request);
        return Outcome{result.assignment, result.problems, result.cancelled, {}};
    });
}

void OptimiserJob::start_optimise(Session& session) {
    const PlanState& state = session.state();
    OptimiseInputs inputs;
    inputs.edge_cost = session.cut_cost();
    if (const Settlements* settlements = session.settlements()) inputs.groupings.push_back(settlements->groups);
    PartitionRequest request;
    try {
        request = optimise_request(state, inputs);
    } catch (const Error& e) {
        session.status = e.what();
        return;
    }
    request.zone_ids = &session.data().zones.ids;
    kind_ = Kind::optimise;
    started_revision_ = session.revision();
    session.status = "optimising (" + locks_summary(state) + ")...";
    launch_partition(std::move(request));
}

void OptimiserJob::start_split(Session& session, int locality) {
    const PlanState& state = session.state();
    const auto loc = static_cast<std::size_t>(locality);
    split_members_ = state.members(loc);
    split_locality_id_ = state.localities()[loc].id;
    if (split_members_.size() < 2) {
        session.status = "a locality needs two zones to split";
        return;
    }
    // The locality as a graph of its own: members renumbered 0..m-1.
    std::unordered_map<std::uint32_t, std::uint32_t> local;
    for (std::uint32_t i = 0; i < split_members_.size(); ++i) local[split_members_[i]] = i;
    const ContiguityGraph& graph = session.data().graph;
    std::vector<GraphEdge> edges;
    for (const GraphEdge& e : graph.edges()) {
        const auto a = local.find(e.a), b = local.find(e.b);
        if (a == local.end() || b == local.end()) continue;
        GraphEdge sub = e;
        sub.a = std::min(a->second, b->second);
        sub.b = std::max(a->second, b->second);
        edges.push_back(sub);
    }
    std::vector<double> area, perimeter;
    for (std::uint32_t z : split_members_) {
        if (z < graph.zone_area().size()) area.push_back(graph.zone_area()[z]);
        if (z < graph.zone_perimeter().size()) perimeter.push_back(graph.zone_perimeter()[z]);
    }
    // Border prices by the zones' pair (the sub-graph orders its edges its own way).
    std::map<std::pair<std::uint32_t, std::uint32_t>, double> price;
    const std::vector<double>& cut_cost = session.cut_cost();
    if (cut_cost.size() == graph.edges().size()) {
        for (std::size_t i = 0; i < graph.edges().size(); ++i) {
            const GraphEdge& e = graph.edges()[i];
            const auto a = local.find(e.a), b = local.find(e.b);
            if (a == local.end() || b == local.end()) continue;
            price[{std::min(a->second, b->second), std::max(a->second, b->second)}] += cut_cost[i];
        }
    }
    subgraph_ = std::make_unique<ContiguityGraph>(split_members_.size(), std::move(edges), std::move(area),
                                                  std::move(perimeter));
    PartitionRequest request;
    request.graph = subgraph_.get();
    request.k = 2;
    if (!price.empty()) {
        for (const GraphEdge& e : subgraph_->edges()) request.edge_cost.push_back(price[{e.a, e.b}]);
    }
    if (const Settlements* settlements = session.settlements()) {
        ZoneGroups sub = settlements->groups;
        sub.of_zone.clear();
        for (std::uint32_t z : split_members_) sub.of_zone.push_back(settlements->groups.of_zone[z]);
        request.groupings.push_back(std::move(sub));
    }
    for (const BalanceLayer& layer : state.layers()) {
        BalanceLayer sub = layer;
        sub.values.clear();
        for (std::uint32_t z : split_members_) sub.values.push_back(layer.values[z]);
        request.balance.push_back(std::move(sub));
    }
    request.locks.assign(split_members_.size(), -1);
    for (std::uint32_t i = 0; i < split_members_.size(); ++i) {
        if (state.zone_fixed(split_members_[i])) request.locks[i] = 0; // locked zones stay in the original
    }
    kind_ = Kind::split;
    started_revision_ = session.revision();
    session.status = "splitting " + state.localities()[loc].name + "...";
    launch_partition(std::move(request));
}

void OptimiserJob::poll(Session& session) {
    if (!thread_.joinable() || !finished_) return;
    thread_.join();
    Outcome outcome = std::move(outcome_);
    if (!outcome.error.empty()) {
        session.errors.add(kind_ == Kind::split ? "Split failed" : "Optimise failed", outcome.error);
        return;
    }
    if (outcome.cancelled) {
        session.status = "cancelled";
        return;
    }
    if (session.revision() != started_revision_) {
        session.status = "the plan changed while the partitioner ran; its result was not applied";
        return;
    }
    const PlanState& state = session.state();
    std::string problems;
    for (std::size_t i = 0; i < outcome.problems.size() && i < 3; ++i) problems += "; " + outcome.problems[i];
    if (kind_ == Kind::optimise) {
        // The partitioner promises the locks; a result that broke one is not applied.
        if (const auto broken = broken_locks(state, outcome.assignment); !broken.empty()) {
            session.errors.add("Optimise failed", "the partitioner's plan broke a lock (" + broken.front() +
                                                      "); it was not applied");
            return;
        }
        const std::size_t moved = zones_moved(state.assignment(), outcome.assignment);
        if (moved == 0) {
            session.status = moved_summary(0, state.zone_count());
        } else {
            const EditResult result = session.editor().execute(
                std::make_unique<ReplaceAssignment>(outcome.assignment, "optimise around locks"));
            session.report(result);
            if (result.applied && !result.split) session.status = moved_summary(moved, state.zone_count());
        }
    } else {
        const int original = state.find_locality(split_locality_id_);
        if (original < 0) return;
        const std::string id = session.unused_locality_id();
        const Locality& from = state.localities()[static_cast<std::size_t>(original)];
        Locality added{id, from.name + " (split)", default_locality_colour(state.locality_count()), false};
        std::vector<int> next = state.assignment();
        const int new_index = static_cast<int>(state.locality_count());
        for (std::size_t i = 0; i < split_members_.size(); ++i) {
            if (outcome.assignment[i] == 1) next[split_members_[i]] = new_index;
        }
        auto split = std::make_unique<CompositeCommand>("split " + from.name);
        split->add(std::make_unique<AddLocality>(added));
        split->add(std::make_unique<ReplaceAssignment>(std::move(next), "split " + from.name));
        // The new locality starts with the arrangements of the one it came from, so the
        // plan stays complete; the planner changes what should differ.
        for (const auto& [function, per_locality] : state.arrangements()) {
            const auto found = per_locality.find(from.id);
            if (found != per_locality.end()) split->add(std::make_unique<SetArrangement>(function, id, found->second));
        }
        session.report(session.editor().execute(std::move(split)));
        session.active_locality = static_cast<int>(session.state().locality_count()) - 1;
    }
    session.status += problems;
}

} // namespace lp::viewer
