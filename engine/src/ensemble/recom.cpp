#include <lp/ensemble/recom.hpp>

#include "core/worker_threads.hpp"
#include "recom_chain.hpp"
#include "unit_graph.hpp"

#include <algorithm>
#include <chrono>
#include <thread>

namespace lp {

namespace {

struct ChainOutput {
    std::vector<std::vector<std::uint8_t>> samples;
    std::vector<std::uint64_t> steps;
    ChainStatistics stats;
    bool reached_valid = false;
};

// Steps between looks at the cancel flag and updates of the shared counters.
constexpr std::uint64_t kCheckEvery = 256;

} // namespace

struct RecomSampler::State {
    EnsembleRequest request;
    detail::UnitGraph units;
    std::uint64_t thin = 1;
    bool start_valid = false;
    bool cancelled = false;
    std::uint64_t steps_run = 0;   // per chain, over all runs
    std::vector<detail::RecomChain> walkers;
    std::vector<ChainOutput> outputs;
};

RecomSampler::RecomSampler(const EnsembleRequest& request) : state_(std::make_unique<State>()) {
    State& s = *state_;
    s.request = request;
    s.units = detail::contract_units(request);
    const unsigned chains = std::max(1u, request.chains);
    s.thin = request.thin > 0 ? request.thin : std::clamp<std::uint64_t>(request.steps / 500, 1, 1000);
    s.walkers.reserve(chains);
    for (unsigned c = 0; c < chains; ++c)
        // Each chain's own stream: seeds far apart for neighbouring chain numbers.
        s.walkers.emplace_back(s.units, s.request, request.seed * 0x9e3779b97f4a7c15ULL + c * 0xd1b54a32d192ed03ULL + 1);
    s.outputs.resize(chains);
    s.start_valid = s.walkers.front().valid();
    for (unsigned c = 0; c < chains; ++c) s.outputs[c].reached_valid = s.walkers[c].valid();
}

RecomSampler::~RecomSampler() = default;

std::uint64_t RecomSampler::thin() const { return state_->thin; }
unsigned RecomSampler::chain_count() const { return static_cast<unsigned>(state_->walkers.size()); }
const std::vector<std::vector<std::uint8_t>>& RecomSampler::samples(unsigned chain) const { return state_->outputs.at(chain).samples; }
const std::vector<std::uint64_t>& RecomSampler::sample_steps(unsigned chain) const { return state_->outputs.at(chain).steps; }

void RecomSampler::thin_out() {
    State& s = *state_;
    s.thin *= 2;
    for (auto& out : s.outputs) {
        std::size_t kept = 0;
        for (std::size_t i = 0; i < out.steps.size(); ++i)
            if (out.steps[i] % s.thin == 0) {
                if (kept != i) {
                    out.samples[kept] = std::move(out.samples[i]);
                    out.steps[kept] = out.steps[i];
                }
                ++kept;
            }
        out.samples.resize(kept);
        out.steps.resize(kept);
    }
}

bool RecomSampler::run(std::uint64_t steps) {
    State& s = *state_;
    const EnsembleRequest& request = s.request;
    const unsigned chains = chain_count();
    const std::uint64_t last = s.steps_run + steps;  // a chain cut short before catches up
    std::vector<std::atomic<std::uint64_t>> done(chains), accepted(chains), recorded(chains);
    for (unsigned c = 0; c < chains; ++c) {
        done[c] = s.outputs[c].stats.steps;
        accepted[c] = s.outputs[c].stats.accepted;
        recorded[c] = s.outputs[c].samples.size();
    }
    std::atomic<unsigned> finished{0};
    std::atomic<bool> stop{false};
    auto stopped = [&] { return stop.load(std::memory_order_relaxed) || (request.cancel && request.cancel->load(std::memory_order_relaxed)); };
    auto progress = [&] {
        if (!request.progress) return;
        EnsembleProgress p;
        p.steps_total = last * chains;
        for (unsigned c = 0; c < chains; ++c) {
            p.steps_done += done[c].load();
            p.accepted += accepted[c].load();
            p.samples += recorded[c].load();
        }
        if (!request.progress(p)) stop = true;
    };

    detail::run_workers(chains, [&](unsigned chain, unsigned) {
        detail::RecomChain& walker = s.walkers[chain];
        ChainOutput& out = s.outputs[chain];
        for (std::uint64_t step = out.stats.steps; step < last; ++step) {
            if (step % kCheckEvery == 0) {
                if (stopped()) break;
                done[chain] = step;
                accepted[chain] = out.stats.accepted;
                recorded[chain] = out.samples.size();
                if (chain == 0 && step % (kCheckEvery * 16) == 0) progress();
            }
            switch (walker.step()) {
            case detail::RecomChain::Outcome::moved: ++out.stats.accepted; break;
            case detail::RecomChain::Outcome::stayed: break;
            case detail::RecomChain::Outcome::no_cut: ++out.stats.no_cut; break;
            case detail::RecomChain::Outcome::refused: ++out.stats.refused; break;
            }
            ++out.stats.steps;
            if (!out.reached_valid) {
                out.reached_valid = walker.valid();
                if (!out.reached_valid) ++out.stats.invalid_steps;
            }
            if (out.reached_valid && (step + 1) % s.thin == 0 && walker.valid()) {
                out.samples.emplace_back();
                walker.write_zones(out.samples.back());
                out.steps.push_back(step + 1);
            }
        }
        // Stopped early: the plan the chain stands on is recorded too, so that an
        // interrupted run has something to show even before its first thinned sample.
        if (out.stats.steps < last && out.reached_valid && walker.valid() &&
            (out.steps.empty() || out.steps.back() != out.stats.steps)) {
            out.samples.emplace_back();
            walker.write_zones(out.samples.back());
            out.steps.push_back(out.stats.steps);
        }
        done[chain] = out.stats.steps;
        accepted[chain] = out.stats.accepted;
        recorded[chain] = out.samples.size();
        ++finished;
        if (chain == 0) {
            // Keep reporting until the other chains end, so a progress bar reaches the end.
            while (finished.load() < chains) {
                progress();
                std::this_thread::sleep_for(std::chrono::milliseconds(50));
            }
            progress();
        }
    });
    s.steps_run = last;
    for (const auto& out : s.outputs)
        if (out.stats.steps < last) s.cancelled = true;
    return !s.cancelled;
}

EnsembleResult RecomSampler::result() const {
    const State& s = *state_;
    EnsembleResult result;
    result.units = s.units.size;
    result.start_valid = s.start_valid;
    result.cancelled = s.cancelled;
    for (unsigned c = 0; c < chain_count(); ++c) {
        const auto& out = s.outputs[c];
        result.chains.push_back(out.stats);
        for (std::size_t i = 0; i < out.samples.size(); ++i) {
            result.samples.push_back(out.samples[i]);
            result.sample_chain.push_back(c);
            result.sample_step.push_back(out.steps[i]);
        }
    }
    return result;
}

EnsembleResult run_recom(const EnsembleRequest& request) {
    RecomSampler sampler(request);
    sampler.run(request.steps);
    return sampler.result();
}

} // namespace lp
