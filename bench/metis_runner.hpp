#pragma once
// Running METIS (gpmetis from Debian's metis package) on a contiguity graph, for the
// benchmarks that put the partitioner side by side with it.
#include <lp/graph/contiguity_graph.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <unistd.h>
#include <vector>

namespace lp::bench {

// Writes the METIS graph, runs gpmetis and reads its partition back.
inline std::vector<int> run_metis(const std::string& gpmetis, const lp::ContiguityGraph& graph,
                           const std::vector<double>& population, int k, double tolerance, double& milliseconds) {
    const std::string base = "/tmp/lp_bench_metis_" + std::to_string(::getpid()) + ".graph";
    {
        std::ofstream out(base);
        out << graph.size() << ' ' << graph.edges().size() << " 011\n";
        for (std::uint32_t zone = 0; zone < graph.size(); ++zone) {
            out << std::max(1L, std::lround(population[zone]));
            for (const auto& next : graph.neighbours(zone)) {
                const auto& edge = graph.edges()[next.edge];
                out << ' ' << next.zone + 1 << ' ' << std::max(1L, std::lround(edge.shared_length));
            }
            out << '\n';
        }
    }
    const int ufactor = std::max(1, static_cast<int>(std::lround(tolerance * 1000)));
    const std::string command = gpmetis + " -contig -seed=1 -ufactor=" + std::to_string(ufactor) + " " + base + " " +
                                std::to_string(k) + " > " + base + ".log 2>&1";
    if (std::system(command.c_str()) != 0) {
        std::fprintf(stderr, "gpmetis failed: %s\n", command.c_str());
        return {};
    }
    std::ifstream log(base + ".log");
    std::string line;
    milliseconds = -1;
    while (std::getline(log, line)) {
        const auto at = line.find("Partitioning:");
        if (at != std::string::npos) milliseconds = std::stod(line.substr(at + 13)) * 1000.0;
    }
    std::vector<int> assignment;
    std::ifstream part(base + ".part." + std::to_string(k));
    for (int locality; part >> locality;) assignment.push_back(locality);
    std::remove(base.c_str());
    std::remove((base + ".log").c_str());
    std::remove((base + ".part." + std::to_string(k)).c_str());
    return assignment;
}

} // namespace lp::bench
