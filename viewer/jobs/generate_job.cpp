#include "jobs/generate_job.hpp"

#include <exception>
#include <utility>

namespace lp::viewer {

GenerateJob::~GenerateJob() { stop(); }

void GenerateJob::launch(GenerateOutcome::Kind kind, GenerateSnapshot snapshot, std::vector<TradeoffBand> bands) {
    cancel();
    auto shared = std::make_shared<Shared>();
    auto owned = std::make_shared<GenerateSnapshot>(std::move(snapshot));
    kind_ = kind;
    current_ = std::make_unique<Worker>();
    current_->shared = shared;
    current_->started = std::chrono::steady_clock::now();
    if (kind == GenerateOutcome::Kind::tradeoff) shared->progress = 0;  // no band done yet
    current_->thread = std::thread([shared, owned, kind, bands = std::move(bands)] {
        GenerateOutcome& outcome = shared->outcome;
        outcome.kind = kind;
        outcome.settings = owned->settings;
        outcome.data = owned->data;
        const auto start = std::chrono::steady_clock::now();
        try {
            if (kind == GenerateOutcome::Kind::generate) {
                LocalityRunOptions options = owned->options;
                options.progress = [&](double fraction) {
                    shared->progress = fraction;
                    return !shared->cancel.load();
                };
                outcome.run = run_localities(*owned->data, options);
                if (outcome.run->result.cancelled) {
                    outcome.run.reset();
                    outcome.error = "cancelled";
                }
            } else {
                outcome.tradeoff = run_tradeoff(*owned->data, owned->options, bands, [&](std::size_t done, std::size_t total) {
                    shared->progress = total > 0 ? static_cast<double>(done) / static_cast<double>(total) : 1.0;
                    return !shared->cancel.load();
                });
            }
        } catch (const std::exception& e) {
            outcome.run.reset();
            outcome.tradeoff.reset();
            outcome.error = e.what();
        }
        outcome.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        shared->finished = true;
    });
}

void GenerateJob::start_generate(GenerateSnapshot snapshot) { launch(GenerateOutcome::Kind::generate, std::move(snapshot), {}); }

void GenerateJob::start_tradeoff(GenerateSnapshot snapshot, std::vector<TradeoffBand> bands) {
    launch(GenerateOutcome::Kind::tradeoff, std::move(snapshot), std::move(bands));
}

void GenerateJob::cancel() {
    reap_retired();
    if (!current_) return;
    current_->shared->cancel = true;
    retired_.push_back(std::move(*current_));
    current_.reset();
}

void GenerateJob::stop() {
    cancel();
    for (Worker& worker : retired_) worker.thread.join();
    retired_.clear();
}

void GenerateJob::reap_retired() {
    std::erase_if(retired_, [](Worker& worker) {
        if (!worker.shared->finished) return false;
        worker.thread.join();
        return true;
    });
}

double GenerateJob::progress() const { return current_ ? current_->shared->progress.load() : 0.0; }

double GenerateJob::seconds() const {
    if (!current_) return 0;
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - current_->started).count();
}

std::optional<GenerateOutcome> GenerateJob::take_finished() {
    reap_retired();
    if (!current_ || !current_->shared->finished) return std::nullopt;
    current_->thread.join();
    GenerateOutcome outcome = std::move(current_->shared->outcome);
    current_.reset();
    return outcome;
}

} // namespace lp::viewer
