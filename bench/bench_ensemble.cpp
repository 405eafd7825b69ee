// Benchmark: which ReCom variant mixes. For Glasgow k=3, Fife k=7 and Highland k=9 at
// population bands of 5% and 25% (start: the partitioner's plan at that band), each
// variant runs two chains for about the same wall time; printed per run: steps per second
// (wall and per CPU second), the share of steps that moved, the lowest effective sample
// size over the measures (lp/ensemble/mixing.hpp; per wall second of sampling, measures
// computed afterwards and not timed), the measure it belongs to, and the highest R-hat.
// The reference measured in the same run is one partitioner run on the same graph.
// Usage: bench_ensemble [seconds per run, default 4] [council name part]
#include "../tests/test_data.hpp"

#include <lp/data/dataset.hpp>
#include <lp/ensemble/ensemble_summary.hpp>
#include <lp/ensemble/mixing.hpp>
#include <lp/ensemble/recom.hpp>
#include <lp/partition/partition.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <string>
#include <vector>

namespace {

struct Council {
    const char* name;
    const char* code;
    int k;
};

double cpu_seconds() {
    timespec now{};
    ::clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
    return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) / 1e9;
}

double wall_seconds() {
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

// Recorded plans per chain: enough that a well-mixed chain's ESS is not capped by them.
constexpr std::uint64_t kRecordsPerChain = 4000;

} // namespace

int main(int argc, char** argv) {
    const double budget = argc > 1 ? std::atof(argv[1]) : 4.0;
    const std::string only = argc > 2 ? argv[2] : "";
    const std::vector<Council> councils{{"Glasgow City", "S12000049", 3}, {"Fife", "S12000047", 7}, {"Highland", "S12000017", 9}};
    std::printf("pop2020_total band, 2 chains, about %.1f s of sampling per run, %llu plans recorded per chain; start: the "
                "partitioner's plan at that band\n\n",
                budget, static_cast<unsigned long long>(kRecordsPerChain));
    std::printf("%-12s %2s %4s %-10s | %9s %9s %7s | %10s %9s %-26s %7s | %9s\n", "council", "k", "band", "variant",
                "steps/s", "/CPU s", "moved", "steps/chain", "ESS", "(lowest: measure)", "R-hat", "ESS/s");
    for (const auto& council : councils) {
        if (!only.empty() && std::string(council.name).find(only) == std::string::npos) continue;
        const lp::Dataset data = lp::load_dataset(lp::test::council_with_population(council.code));
        for (const double tolerance : {0.05, 0.25}) {
            const std::vector<lp::BalanceLayer> balance{{"pop2020_total", data.demand.column("pop2020_total"), tolerance}};
            lp::PartitionRequest partition;
            partition.graph = &data.graph;
            partition.k = council.k;
            partition.balance = balance;
            const double p0 = cpu_seconds();
            const lp::PartitionResult plan = lp::partition(partition);
            const double partition_ms = 1000 * (cpu_seconds() - p0);
            lp::EnsembleMetricSpec spec;
            spec.balance = balance;
            spec.community.population = &data.demand.column("pop2020_total");
            const auto names = lp::ensemble_metric_names(data.graph, spec);

            for (const auto variant : {lp::RecomVariant::reversible, lp::RecomVariant::plain}) {
                lp::EnsembleRequest request;
                request.graph = &data.graph;
                request.k = council.k;
                request.start = plan.assignment;
                request.balance = balance;
                request.variant = variant;
                request.chains = 2;
                // Calibrate: steps per wall second on this machine now.
                request.steps = 2000;
                request.thin = 2000;
                const double c0 = wall_seconds();
                lp::run_recom(request);
                const double rate = 4000.0 / std::max(wall_seconds() - c0, 1e-3);
                const auto steps = static_cast<std::uint64_t>(std::max(kRecordsPerChain * 2.0, rate / 2 * budget));
                request.steps = steps;
                request.thin = std::max<std::uint64_t>(1, steps / kRecordsPerChain);

                const double cpu0 = cpu_seconds(), w0 = wall_seconds();
                const lp::EnsembleResult result = lp::run_recom(request);
                const double cpu = cpu_seconds() - cpu0, wall = wall_seconds() - w0;
                std::uint64_t done = 0, moved = 0;
                for (const auto& chain : result.chains) {
                    done += chain.steps;
                    moved += chain.accepted;
                }
                // Per measure, per chain: the recorded plans' values in order.
                std::vector<std::vector<std::vector<double>>> values(names.size(), std::vector<std::vector<double>>(2));
                for (std::size_t s = 0; s < result.samples.size(); ++s) {
                    const auto m = lp::plan_metrics(data.graph, result.samples[s], council.k, spec);
                    for (std::size_t i = 0; i < m.size(); ++i) values[i][result.sample_chain[s]].push_back(m[i]);
                }
                double lowest = 1e300, highest = 1;
                std::string weakest;
                for (std::size_t i = 0; i < names.size(); ++i) {
                    const lp::MixingDiagnostics d = lp::mixing_diagnostics(values[i]);
                    if (d.constant) continue;
                    if (d.ess < lowest) {
                        lowest = d.ess;
                        weakest = names[i];
                    }
                    highest = std::max(highest, std::isnan(d.rhat) ? 1e9 : d.rhat);
                }
                std::printf("%-12s %2d %3.0f%% %-10s | %9.0f %9.0f %6.2f%% | %10llu %9.0f %-26s %7.3f | %9.1f\n",
                            council.name, council.k, tolerance * 100,
                            variant == lp::RecomVariant::plain ? "plain" : "reversible", static_cast<double>(done) / wall,
                            static_cast<double>(done) / cpu, 100.0 * static_cast<double>(moved) / static_cast<double>(done),
                            static_cast<unsigned long long>(steps), lowest, ("(" + weakest + ")").c_str(), highest,
                            lowest / wall);
                std::fflush(stdout);
            }
            std::printf("%-12s %2d %3.0f%% partitioner run: %.1f ms CPU\n", council.name, council.k, tolerance * 100, partition_ms);
        }
    }
    return 0;
}
