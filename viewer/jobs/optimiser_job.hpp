#pragma once
// Runs the partitioner in the background for "optimise around locks" (the whole plan,
// locked zones kept, the current plan as the start) and "split" (one locality cut in
// two), with progress and cancel. The result lands as one undoable edit.
#include "model/optimiser_snapshot.hpp"
#include "model/session.hpp"

#include <lp/partition/partition.hpp>

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace lp::viewer {

class OptimiserJob {
public:
    OptimiserJob() = default;
    ~OptimiserJob();
    OptimiserJob(const OptimiserJob&) = delete;
    OptimiserJob& operator=(const OptimiserJob&) = delete;

    void start_optimise(Session& session);
    void start_split(Session& session, int locality);
    // Applies a finished result to the session (call once per frame).
    void poll(Session& session);
    void cancel() { cancel_ = true; }
    // Cancels and waits. Not needed for safety (the job owns what it reads); it drops a
    // result that would no longer fit the plan.
    void stop();

    bool running() const { return thread_.joinable() && !finished_; }
    bool busy() const { return thread_.joinable(); }
    double progress() const { return progress_; }

private:
    enum class Kind { optimise, split };
    struct Outcome {
        std::vector<int> assignment;     // optimise: per zone; split: 0/1 per member
        std::vector<std::string> problems;
        bool cancelled = false;
        std::string error;
    };
    void launch(std::function<Outcome()> work);
    void launch_partition(OptimiserSnapshot snapshot);

    Kind kind_ = Kind::optimise;
    std::thread thread_;
    std::atomic<bool> cancel_{false};
    std::atomic<bool> finished_{false};
    std::atomic<double> progress_{0};
    Outcome outcome_;
    // For a split: the locality and its members in the order the sub-problem used.
    std::string split_locality_id_;
    std::vector<std::uint32_t> split_members_;
    std::size_t started_revision_ = 0;
}; // class OptimiserJob

} // namespace lp::viewer
