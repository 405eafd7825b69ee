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
};

// Steps between looks at the cancel flag and updates of the shared counters.
constexpr std::uint64_t kCheckEvery = 256;

} // namespace

EnsembleResult run_recom(const EnsembleRequest& request) {
    const detail::UnitGraph units = detail::contract_units(request);
    const unsigned chains = std::max(1u, request.chains);
    const std::uint64_t thin = request.thin > 0 ? request.thin : std::clamp<std::uint64_t>(request.steps / 500, 1, 1000);

    std::vector<ChainOutput> outputs(chains);
    std::vector<std::atomic<std::uint64_t>> done(chains), accepted(chains), recorded(chains);
    std::atomic<unsigned> finished{0};
    std::atomic<bool> stop{false};
    auto stopped = [&] { return stop.load(std::memory_order_relaxed) || (request.cancel && request.cancel->load(std::memory_order_relaxed)); };
    auto progress = [&] {
        if (!request.progress) return;
        EnsembleProgress p;
        p.steps_total = request.steps * chains;
        for (unsigned c = 0; c < chains; ++c) {
            p.steps_done += done[c].load();
            p.accepted += accepted[c].load();
            p.samples += recorded[c].load();
        }
        if (!request.progress(p)) stop = true;
    };

    bool start_valid = false;
    {
        const detail::RecomChain probe(units, request, 0);
        start_valid = probe.valid();
    }

    detail::run_workers(chains, [&](unsigned chain, unsigned) {
        // Each chain's own stream: seeds far apart for neighbouring chain numbers.
        detail::RecomChain walker(units, request, request.seed * 0x9e3779b97f4a7c15ULL + chain * 0xd1b54a32d192ed03ULL + 1);
        ChainOutput& out = outputs[chain];
        bool reached_valid = walker.valid();
        for (std::uint64_t s = 0; s < request.steps; ++s) {
            if (s % kCheckEvery == 0) {
                if (stopped()) break;
                done[chain] = s;
                accepted[chain] = out.stats.accepted;
                recorded[chain] = out.samples.size();
                if (chain == 0 && s % (kCheckEvery * 16) == 0) progress();
            }
            switch (walker.step()) {
            case detail::RecomChain::Outcome::moved: ++out.stats.accepted; break;
            case detail::RecomChain::Outcome::stayed: break;
            case detail::RecomChain::Outcome::no_cut: ++out.stats.no_cut; break;
            case detail::RecomChain::Outcome::refused: ++out.stats.refused; break;
            }
            ++out.stats.steps;
            if (!reached_valid) {
                reached_valid = walker.valid();
                if (!reached_valid) ++out.stats.invalid_steps;
            }
            if (reached_valid && (s + 1) % thin == 0 && walker.valid()) {
                out.samples.emplace_back();
                walker.write_zones(out.samples.back());
                out.steps.push_back(s + 1);
            }
        }
        // Stopped early: the plan the chain stands on is recorded too, so that an
        // interrupted run has something to show even before its first thinned sample.
        if (out.stats.steps < request.steps && reached_valid && walker.valid() &&
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

    EnsembleResult result;
    result.units = units.size;
    result.start_valid = start_valid;
    for (unsigned c = 0; c < chains; ++c) {
        auto& out = outputs[c];
        result.chains.push_back(out.stats);
        if (out.stats.steps < request.steps) result.cancelled = true;
        for (std::size_t i = 0; i < out.samples.size(); ++i) {
            result.samples.push_back(std::move(out.samples[i]));
            result.sample_chain.push_back(c);
            result.sample_step.push_back(out.steps[i]);
        }
    }
    return result;
}

} // namespace lp
