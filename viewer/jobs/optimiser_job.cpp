#include "jobs/optimiser_job.hpp"

#include "model/optimise_request.hpp"
#include "model/optimiser_snapshot.hpp"

#include <lp/core/error.hpp>
#include <lp/partition/partition.hpp>

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

// The partitioner on the worker thread, reporting progress and stopping on Cancel. The
// worker reads only the snapshot it owns, never the session.
void OptimiserJob::launch_partition(OptimiserSnapshot snapshot) {
    auto owned = std::make_shared<OptimiserSnapshot>(std::move(snapshot));
    launch([this, owned] {
        const PartitionResult result = run_snapshot(*owned, [this](double fraction) {
            progress_ = fraction;
            return !cancel_.load();
        });
        return Outcome{result.assignment, result.problems, result.cancelled, {}};
    });
}

void OptimiserJob::start_optimise(Session& session) {
    const PlanState& state = session.document.state();
    OptimiserSnapshot snapshot;
    try {
        snapshot = optimise_snapshot(session.data.shared_dataset(), state, session.document.run_rules(),
                                     session.data.options().demand_paths);
    } catch (const Error& e) {
        session.view.status = e.what();
        return;
    }
    kind_ = Kind::optimise;
    started_revision_ = session.document.revision();
    session.view.status = "optimising (" + locks_summary(state) + ")...";
    launch_partition(std::move(snapshot));
}

void OptimiserJob::start_split(Session& session, int locality) {
    const PlanState& state = session.document.state();
    const auto loc = static_cast<std::size_t>(locality);
    if (state.members(loc).size() < 2) {
        session.view.status = "a locality needs two zones to split";
        return;
    }
    const Settlements* settlements = session.figures.settlements();
    OptimiserSnapshot snapshot;
    try {
        snapshot = split_snapshot(session.data.shared_dataset(), state, loc, session.figures.cut_cost(),
                                  settlements ? &settlements->groups : nullptr);
    } catch (const Error& e) {
        session.view.status = e.what();
        return;
    }
    split_members_ = snapshot.members;
    split_locality_id_ = state.localities()[loc].id;
    kind_ = Kind::split;
    started_revision_ = session.document.revision();
    session.view.status = "splitting " + state.localities()[loc].name + "...";
    launch_partition(std::move(snapshot));
}

void OptimiserJob::poll(Session& session) {
    if (!thread_.joinable() || !finished_) return;
    thread_.join();
    Outcome outcome = std::move(outcome_);
    if (!outcome.error.empty()) {
        session.view.errors.add(kind_ == Kind::split ? "Split failed" : "Optimise failed", outcome.error);
        return;
    }
    if (outcome.cancelled) {
        session.view.status = "cancelled";
        return;
    }
    if (session.document.revision() != started_revision_) {
        session.view.status = "the plan changed while the partitioner ran; its result was not applied";
        return;
    }
    const PlanState& state = session.document.state();
    std::string problems;
    for (std::size_t i = 0; i < outcome.problems.size() && i < 3; ++i) problems += "; " + outcome.problems[i];
    if (kind_ == Kind::optimise) {
        // The partitioner promises the locks; a result that broke one is not applied.
        if (const auto broken = broken_locks(state, outcome.assignment); !broken.empty()) {
            session.view.errors.add("Optimise failed", "the partitioner's plan broke a lock (" + broken.front() +
                                                      "); it was not applied");
            return;
        }
        const std::size_t moved = zones_moved(state.assignment(), outcome.assignment);
        if (moved == 0) {
            session.view.status = moved_summary(0, state.zone_count());
        } else {
            const EditResult result = session.document.editor().execute(
                std::make_unique<ReplaceAssignment>(outcome.assignment, "optimise around locks"));
            session.report(result);
            if (result.applied && !result.split) session.view.status = moved_summary(moved, state.zone_count());
        }
    } else {
        const int original = state.find_locality(split_locality_id_);
        if (original < 0) return;
        const std::string id = session.document.unused_locality_id();
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
        session.report(session.document.editor().execute(std::move(split)));
        session.view.active_locality = static_cast<int>(session.document.state().locality_count()) - 1;
    }
    session.view.status += problems;
}

} // namespace lp::viewer
