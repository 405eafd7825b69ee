// Benchmark: ReCom ensembles on real councils, both variants, two chains. Prints steps
// per second (wall and per CPU second), the share of steps that moved, and peak memory;
// the reference measured in the same run is one partitioner run on the same graph, so
// the speed also reads as "steps per partitioner run".
// Usage: bench_ensemble [steps per chain] [tolerance] [council name part]
#include "../tests/test_data.hpp"

#include <lp/data/dataset.hpp>
#include <lp/ensemble/recom.hpp>
#include <lp/partition/partition.hpp>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <string>
#include <sys/resource.h>
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

double peak_megabytes() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return static_cast<double>(usage.ru_maxrss) / 1024.0;
}

} // namespace

int main(int argc, char** argv) {
    const std::uint64_t steps = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 50000;
    const double tolerance = argc > 2 ? std::atof(argv[2]) : 0.05;
    const std::string only = argc > 3 ? argv[3] : "";
    const std::vector<Council> councils{{"Glasgow City", "S12000049", 3}, {"Highland", "S12000017", 9}};
    std::printf("pop2020_total within %.0f%%, 2 chains x %llu steps; start: the partitioner's plan\n\n", tolerance * 100,
                static_cast<unsigned long long>(steps));
    std::printf("%-13s %5s %2s %-10s | %9s %9s %7s %7s | %12s %13s | %8s\n", "council", "zones", "k", "variant",
                "steps/s", "/CPU s", "moved", "no cut", "partition ms", "steps/part.", "peak MB");
    for (const auto& council : councils) {
        if (!only.empty() && std::string(council.name).find(only) == std::string::npos) continue;
        const lp::Dataset data = lp::load_dataset(lp::test::council_with_population(council.code));
        const std::vector<lp::BalanceLayer> balance{{"pop2020_total", data.demand.column("pop2020_total"), tolerance}};

        lp::PartitionRequest partition;
        partition.graph = &data.graph;
        partition.k = council.k;
        partition.balance = balance;
        const double p0 = cpu_seconds();
        const lp::PartitionResult plan = lp::partition(partition);
        const double partition_seconds = cpu_seconds() - p0;

        for (const auto variant : {lp::RecomVariant::plain, lp::RecomVariant::reversible}) {
            lp::EnsembleRequest request;
            request.graph = &data.graph;
            request.k = council.k;
            request.start = plan.assignment;
            request.balance = balance;
            request.variant = variant;
            request.steps = steps;
            request.chains = 2;
            const double c0 = cpu_seconds(), w0 = wall_seconds();
            const lp::EnsembleResult result = lp::run_recom(request);
            const double cpu = cpu_seconds() - c0, wall = wall_seconds() - w0;
            std::uint64_t done = 0, moved = 0, no_cut = 0;
            for (const auto& chain : result.chains) {
                done += chain.steps;
                moved += chain.accepted;
                no_cut += chain.no_cut;
            }
            const double per_wall = static_cast<double>(done) / wall;
            std::printf("%-13s %5zu %2d %-10s | %9.0f %9.0f %6.1f%% %6.1f%% | %12.1f %13.0f | %8.1f\n", council.name,
                        data.zones.size(), council.k, variant == lp::RecomVariant::plain ? "plain" : "reversible",
                        per_wall, static_cast<double>(done) / cpu, 100.0 * static_cast<double>(moved) / static_cast<double>(done),
                        100.0 * static_cast<double>(no_cut) / static_cast<double>(done), partition_seconds * 1000,
                        static_cast<double>(done) / cpu * partition_seconds, peak_megabytes());
            std::fflush(stdout);
        }
    }
    return 0;
}
