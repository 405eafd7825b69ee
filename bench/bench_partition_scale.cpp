// Benchmark: the partitioner on large synthetic grids (square cells, populations 500-1100),
// k = zones / 1000, population within 1%. Shows how time grows with the zone count.
// With METIS_SCALE=1 in the environment, gpmetis -contig runs on the same grids and its plan
// is scored by the same evaluate() (cut, balance, contiguity), side by side.
// Usage: bench_partition_scale [side ...]   (default 100 316 1000: 10k, 100k, 1M zones)
#include <lp/partition/partition.hpp>

#include "metis_runner.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <vector>

namespace {

double wall_seconds() {
    timespec now{};
    ::clock_gettime(CLOCK_MONOTONIC, &now);
    return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) / 1e9;
}

double cpu_seconds() {
    timespec now{};
    ::clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
    return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) / 1e9;
}

lp::ContiguityGraph grid(int side) {
    std::vector<lp::GraphEdge> edges;
    edges.reserve(static_cast<std::size_t>(side) * side * 2);
    for (int y = 0; y < side; ++y)
        for (int x = 0; x < side; ++x) {
            const auto zone = static_cast<std::uint32_t>(y * side + x);
            if (x + 1 < side) edges.push_back({zone, zone + 1, 100.0, false});
            if (y + 1 < side) edges.push_back({zone, zone + static_cast<std::uint32_t>(side), 100.0, false});
        }
    const auto n = static_cast<std::size_t>(side) * side;
    return lp::ContiguityGraph(n, std::move(edges), std::vector<double>(n, 1e4), std::vector<double>(n, 400.0));
}

} // namespace

int main(int argc, char** argv) {
    std::vector<int> sides;
    for (int i = 1; i < argc; ++i) sides.push_back(std::atoi(argv[i]));
    if (sides.empty()) sides = {100, 316, 1000};
    std::printf("%9s %6s %9s %9s %9s %10s %10s %6s\n", "zones", "k", "wall s", "CPU s", "max dev", "cut km", "ideal km",
                "contig");
    for (const int side : sides) {
        const auto graph = grid(side);
        const auto n = graph.size();
        std::vector<double> population(n);
        std::uint32_t state = 2463534242u;
        for (auto& value : population) {
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            value = 500 + state % 601;
        }
        lp::PartitionRequest request;
        request.graph = &graph;
        request.k = static_cast<int>(std::max<std::size_t>(2, n / 1000));
        request.balance = {{"pop", population, 0.01}};
        const double w0 = wall_seconds();
        const double t0 = cpu_seconds();
        const auto result = lp::partition(request);
        const double seconds = cpu_seconds() - t0;
        const double wall = wall_seconds() - w0;
        // k squares of about 1000 cells: each cuts about 4 x sqrt(1000) cells, shared by two.
        const double ideal = request.k * 2.0 * std::sqrt(n / static_cast<double>(request.k)) * 0.1;
        std::printf("%9zu %6d %9.2f %9.2f %8.2f%% %10.1f %10.1f %6s\n", n, request.k, wall, seconds,
                    result.stats.max_deviation[0] * 100, result.stats.cut_length / 1000.0, ideal,
                    result.contiguous ? "yes" : "NO");
        if (const char* metis = std::getenv("METIS_SCALE"); metis && *metis == '1') {
            double metis_ms = -1; // gpmetis's own partitioning time (it runs as a child process)
            const auto assignment = lp::bench::run_metis("gpmetis", graph, population, request.k, 0.01, metis_ms);
            if (assignment.size() == n) {
                const auto stats = lp::evaluate(graph, assignment, request.k, request.balance);
                std::printf("%9s %6s %9.2f %9s %8.2f%% %10.1f %10s %6s   METIS\n", "", "", metis_ms / 1000.0, "",
                            stats.max_deviation[0] * 100, stats.cut_length / 1000.0, "",
                            stats.contiguous ? "yes" : "NO");
            }
        }
        std::fflush(stdout);
    }
    return 0;
}
