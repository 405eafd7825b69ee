#pragma once
// Runs a ReCom chain (lp::run_recom) in the background from a snapshot of the plan, for
// the "Alternatives" panel. Everything it reads is its own (copied or shared, never a
// pointer into the session), so the planner keeps editing meanwhile and Cancel or closing
// the window leaves the plan, its undo stack and its unsaved flag exactly as they were.
//
// The chain runs in batches: each batch continues from the last plan the one before
// ended on, with a seed of its own, so percentiles and the boundary-frequency overlay
// grow as the samples come in. No window here (tests/viewer/model/alternatives_test.cpp).
#include "model/alternatives_summary.hpp"

#include <lp/core/geometry.hpp>
#include <lp/edit/plan_state.hpp>
#include <lp/graph/contiguity_graph.hpp>
#include <lp/io/zone_layer.hpp>
#include <lp/partition/statistics.hpp>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace lp::viewer {

// Per graph edge: the lines its two zones share, relative to the map's origin (a water
// crossing: a straight line between the two zones).
using BorderLines = std::vector<std::vector<Ring>>;

struct EnsembleJobInputs {
    std::shared_ptr<const ContiguityGraph> graph;
    int k = 0;
    std::vector<int> start;                 // the plan's locality per zone
    std::vector<BalanceLayer> balance;      // the plan's balance rules: hard bands
    std::vector<int> locks;                 // per zone: -1 free, else its locality
    std::vector<double> population;         // people per zone (empty: none balanced)
    std::vector<std::string> zone_ids;
    // The overlay: lines already computed (same mesh), or the zones to compute them from.
    std::shared_ptr<const BorderLines> borders;
    std::shared_ptr<const ZoneLayer> zones;
    Point origin;                           // the map's (ZoneMesh::origin)
    std::uint64_t steps = 20000;            // per chain
    unsigned chains = 1;                    // 1..2
    // > 0: "Run until reliable": steps do not end the run; it goes on until every measure has
    // this many effective samples and R-hat <= 1.05, or max_seconds have passed.
    double target_ess = 0;
    double max_seconds = 300;
    std::uint64_t seed = 1;
};

// The snapshot of a plan: throws lp::Error(bad_plan) when a zone is in no locality or
// the plan has fewer than two localities. Locks are the zones that stay put (locked
// zones and the zones of locked localities).
EnsembleJobInputs ensemble_job_inputs(const PlanState& state, const std::vector<double>* population);

struct EnsembleJobView {
    bool running = false;
    bool finished = false;          // ran to the end or was cancelled
    bool cancelled = false;
    std::string error;              // the run failed (e.g. a locality in two pieces)
    std::uint64_t steps_done = 0, steps_total = 0;
    std::size_t samples = 0;
    bool plan_within_bands = true;  // false: the chain left the plan first (only valid plans are sampled)
    double seconds = 0;
    double target_ess = 0;          // the run's (0: a set number of steps)
    bool reliable = false;          // every measure's figures may be quoted (lp::reliable)
    bool time_cap = false;          // a run until reliable stopped at its max_seconds
    std::vector<MetricSummary> metrics;
    std::vector<double> frequency;  // per graph edge
    std::vector<double> stability;  // per locality of the plan: EnsembleTally::locality_stability()
    std::shared_ptr<const BorderLines> borders;
    std::size_t generation = 0;     // grows whenever metrics or frequency change
};

class EnsembleJob {
public:
    EnsembleJob() = default;
    ~EnsembleJob();
    EnsembleJob(const EnsembleJob&) = delete;
    EnsembleJob& operator=(const EnsembleJob&) = delete;

    // Stops a running chain first.
    void start(EnsembleJobInputs inputs);
    void cancel() { cancel_ = true; }
    // Cancels and waits for the thread.
    void stop();
    bool running() const { return thread_.joinable() && !finished_; }
    // What the chain has found so far (copied under a lock).
    EnsembleJobView view() const;
    std::size_t generation() const;

private:
    void run(const EnsembleJobInputs& inputs);

    std::thread thread_;
    std::atomic<bool> cancel_{false};
    std::atomic<bool> finished_{false};
    mutable std::mutex mutex_;
    EnsembleJobView view_;
    std::chrono::steady_clock::time_point started_;
};

} // namespace lp::viewer
