#pragma once
// Runs "Generate localities" on another thread: one plan (lp::run_localities) or the
// trade-off (lp::run_tradeoff: one plan per band). The worker reads only its snapshot
// (viewer/model/generate_request.hpp: the dataset and gazetteer by shared ownership, copied
// options), so the window stays live and other data may open meanwhile.
//
// Cancel frees the dialog at once. A trade-off stops after the band it is on; a single
// run cannot be stopped part way (run_localities takes no cancel flag), so it finishes
// unseen on its thread and its plan is dropped. No window here (tests/viewer/).
#include "model/generate_request.hpp"

#include <lp/generate/tradeoff.hpp>

#include <atomic>
#include <chrono>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace lp::viewer {

struct GenerateOutcome {
    enum class Kind { generate, tradeoff };
    Kind kind = Kind::generate;
    std::optional<LocalityRun> run;       // generate
    std::optional<Tradeoff> tradeoff;     // tradeoff: a run and a row per band
    std::string error;                    // the run failed: why
    double seconds = 0;                   // on the worker, start to end
    GenerateSettings settings;            // what was asked
    std::shared_ptr<const Dataset> data;  // on which data (a result for other data is not applied)
};

class GenerateJob {
public:
    GenerateJob() = default;
    ~GenerateJob();
    GenerateJob(const GenerateJob&) = delete;
    GenerateJob& operator=(const GenerateJob&) = delete;

    // Each drops a job still running first (as cancel()).
    void start_generate(GenerateSnapshot snapshot);
    void start_tradeoff(GenerateSnapshot snapshot, std::vector<TradeoffBand> bands);
    void cancel();
    // Cancels and waits for every thread (closing the viewer).
    void stop();

    bool running() const { return current_ != nullptr; }
    GenerateOutcome::Kind kind() const { return kind_; }
    // A trade-off's share of bands done (0..1); a single run: -1 (not known).
    double progress() const;
    // Seconds since the running job started.
    double seconds() const;
    // The finished job's outcome, once (nullopt while it runs or when none finished).
    std::optional<GenerateOutcome> take_finished();

private:
    struct Shared {
        std::atomic<bool> cancel{false};
        std::atomic<bool> finished{false};
        std::atomic<double> progress{-1};
        GenerateOutcome outcome;  // written by the worker before `finished`
    };
    struct Worker {
        std::thread thread;
        std::shared_ptr<Shared> shared;
        std::chrono::steady_clock::time_point started;
    };
    void launch(GenerateOutcome::Kind kind, GenerateSnapshot snapshot, std::vector<TradeoffBand> bands);
    void reap_retired();

    std::unique_ptr<Worker> current_;
    std::vector<Worker> retired_;  // cancelled, still finishing
    GenerateOutcome::Kind kind_ = GenerateOutcome::Kind::generate;
}; // class GenerateJob

} // namespace lp::viewer
