// Benchmark: the locality partitioner against METIS (gpmetis -contig) on real councils.
// Both get the same contiguity graph (land boundaries plus crossings), the same k and
// the same population tolerance; METIS's edge weights are the shared boundary in metres
// and its vertex weights the population. Both plans are scored with lp::evaluate.
// Usage: bench_partition [gpmetis path] [repeats] [effort] [seed] [council name part]   (times are the median of the repeats,
// file reading excluded; METIS's time is the partitioning time it reports itself)
#include "../tests/test_data.hpp"

#include <lp/data/dataset.hpp>
#include <lp/partition/partition.hpp>

#include "metis_runner.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <unistd.h>
#include <vector>

namespace {

struct Council {
    const char* name;
    const char* code;
    int k;
};

struct Score {
    double milliseconds = 0;
    double max_deviation = 0;
    double cut_km = 0;
    int split_groups = 0;
    bool contiguous = false;
    bool within = false;
};

// CPU time of this process: the machine is shared, so wall time would measure the neighbours.
double cpu_milliseconds() {
    timespec now{};
    ::clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
    return static_cast<double>(now.tv_sec) * 1e3 + static_cast<double>(now.tv_nsec) / 1e6;
}

double median(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

Score score(const lp::PlanStatistics& stats, double milliseconds) {
    Score s;
    s.milliseconds = milliseconds;
    s.max_deviation = stats.max_deviation[0];
    s.cut_km = stats.cut_length / 1000.0;
    s.split_groups = stats.split_groups;
    s.contiguous = stats.contiguous;
    s.within = stats.within_tolerance;
    return s;
}

} // namespace

int main(int argc, char** argv) {
    const std::string gpmetis = argc > 1 && *argv[1] ? argv[1] : "gpmetis";
    const int repeats = argc > 2 ? std::max(1, std::atoi(argv[2])) : 5;
    const double effort = argc > 3 ? std::atof(argv[3]) : 1.0;
    const std::uint64_t seed = argc > 4 ? std::strtoull(argv[4], nullptr, 10) : 1;
    const std::string only = argc > 5 ? argv[5] : "";
    const double tolerance = 0.01;
    const std::vector<Council> councils{{"Glasgow City", "S12000049", 3},
                                        {"City of Edinburgh", "S12000036", 4},
                                        {"Fife", "S12000047", 7},
                                        {"Highland", "S12000017", 9},
                                        {"Orkney Islands", "S12000023", 3}};

    std::printf("population 2020 (pop2020_total) within %.0f%%; keep-whole iz11_code for ours only; "
                "ours: CPU ms, median of %d runs\n\n",
                tolerance * 100, repeats);
    std::printf("%-18s %5s %2s | %7s %7s %7s %5s %6s | %7s %7s %5s %6s | %8s %7s %7s %5s %6s | %6s %6s\n",
                "council", "zones", "k", "ours ms", "max dev", "cut km", "IZ sp", "contig", "no-IZ:", "cut km",
                "IZ sp", "within", "METIS ms", "max dev", "cut km", "IZ sp", "contig", "cut x", "no-IZ x");
    for (const auto& council : councils) {
        if (!only.empty() && std::string(council.name).find(only) == std::string::npos) continue;
        const lp::Dataset data = lp::load_dataset(lp::test::council_with_population(council.code));

        std::vector<int> groups(data.zones.size(), -1);
        if (const auto* iz = data.zones.field("iz11_code")) {
            std::map<std::string, int> numbers;
            for (std::size_t zone = 0; zone < iz->size(); ++zone)
                groups[zone] = numbers.emplace((*iz)[zone], static_cast<int>(numbers.size())).first->second;
        }
        const auto& population = data.demand.column("pop2020_total");

        lp::PartitionRequest request;
        request.graph = &data.graph;
        request.k = council.k;
        request.balance = {{"pop2020_total", population, tolerance}};
        request.groups = groups;
        request.zone_ids = &data.zones.ids;
        request.effort = effort;
        request.seed = seed;
        std::vector<double> times;
        lp::PartitionResult result;
        for (int r = 0; r < repeats; ++r) {
            const double t0 = cpu_milliseconds();
            result = lp::partition(request);
            times.push_back(cpu_milliseconds() - t0);
        }
        const Score ours = score(result.stats, median(times));
        // The same request without keep-whole groups: cut length alone, as METIS is asked.
        auto plain_request = request;
        plain_request.groups.clear();
        const auto plain = lp::partition(plain_request);
        const auto plain_stats = lp::evaluate(data.graph, plain.assignment, council.k, request.balance, groups);

        double metis_ms = -1;
        const auto metis_assignment = lp::bench::run_metis(gpmetis, data.graph, population, council.k, tolerance, metis_ms);
        Score metis;
        if (metis_assignment.size() == data.zones.size())
            metis = score(lp::evaluate(data.graph, metis_assignment, council.k, request.balance, groups), metis_ms);

        std::printf("%-18s %5zu %2d | %7.1f %6.2f%% %7.1f %5d %6s | %7s %7.1f %5d %6s | %8.1f %6.2f%% %7.1f %5d %6s | "
                    "%6.3f %6.3f\n",
                    council.name, data.zones.size(), council.k, ours.milliseconds, ours.max_deviation * 100,
                    ours.cut_km, ours.split_groups, ours.contiguous ? "yes" : "NO", "", plain_stats.cut_length / 1000.0,
                    plain_stats.split_groups, plain.within_tolerance && plain.contiguous ? "yes" : "NO",
                    metis.milliseconds, metis.max_deviation * 100, metis.cut_km, metis.split_groups,
                    metis.contiguous ? "yes" : "NO", metis.cut_km > 0 ? ours.cut_km / metis.cut_km : 0.0,
                    metis.cut_km > 0 ? plain_stats.cut_length / 1000.0 / metis.cut_km : 0.0);
        for (const auto& problem : result.problems) std::printf("    ours: %s\n", problem.c_str());
    }
    return 0;
}
