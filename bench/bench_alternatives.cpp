// Benchmark: the viewer's Alternatives chain (viewer/jobs/ensemble_job.cpp: run_recom in
// batches of 2000 steps, each continuing from the last, the measures and boundary counts
// of every 10th plan) against one straight run_recom of the same steps and thinning with
// the same measures computed afterwards (as `boundaries ensemble` does), on Glasgow from
// the partitioner's plan. Also the border lines the overlay draws (lp::shared_borders,
// once per data set). Prints steps/s and the ratio.
// Usage: bench_alternatives [steps] [council code] [localities]
#include "jobs/ensemble_job.hpp"

#include "../tests/test_data.hpp"

#include <lp/data/dataset.hpp>
#include <lp/ensemble/ensemble_summary.hpp>
#include <lp/ensemble/recom.hpp>
#include <lp/geometry/shared_borders.hpp>
#include <lp/partition/partition.hpp>

#include <algorithm>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <thread>

namespace {

double now_seconds() { return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count(); }

} // namespace

int main(int argc, char** argv) {
    const std::uint64_t steps = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 20000;
    const std::string code = argc > 2 ? argv[2] : "S12000049";
    const int k = argc > 3 ? std::atoi(argv[3]) : 3;
    const lp::Dataset data = lp::load_dataset(lp::test::council_with_population(code));
    const std::vector<double>& population = data.demand.column("pop2020_total");
    const std::vector<lp::BalanceLayer> balance{{"pop2020_total", population, 0.05}};
    lp::PartitionRequest partition;
    partition.graph = &data.graph;
    partition.k = k;
    partition.balance = balance;
    const lp::PartitionResult plan = lp::partition(partition);

    lp::EnsembleMetricSpec spec;
    spec.balance = balance;
    spec.community.population = &population;
    // Reference: one straight chain, then the measures of every recorded plan.
    auto run_straight = [&] {
        const double t0 = now_seconds();
        lp::EnsembleRequest request;
        request.graph = &data.graph;
        request.k = k;
        request.start = plan.assignment;
        request.balance = balance;
        request.steps = steps;
        request.chains = 1;
        request.thin = 10;
        request.seed = 1;
        const lp::EnsembleResult straight = lp::run_recom(request);
        for (const auto& sample : straight.samples) lp::plan_metrics(data.graph, sample, k, spec);
        return std::make_pair(now_seconds() - t0, straight.samples.size());
    };
    // The viewer's job, border lines given (as on a second Start).
    auto run_job = [&] {
        lp::viewer::EnsembleJobInputs in;
        in.graph = std::make_shared<const lp::ContiguityGraph>(data.graph);
        in.k = k;
        in.start = plan.assignment;
        in.balance = balance;
        in.locks.assign(data.zones.size(), -1);
        in.population = population;
        in.borders = std::make_shared<const lp::viewer::BorderLines>(data.graph.edges().size());
        in.steps = steps;
        in.chains = 1;
        in.seed = 1;
        lp::viewer::EnsembleJob job;
        const double t0 = now_seconds();
        job.start(std::move(in));
        while (job.running()) std::this_thread::sleep_for(std::chrono::milliseconds(2));
        return std::make_pair(now_seconds() - t0, job.view().samples);
    };
    // Alternating, three times each: the machine may be shared; medians are printed.
    std::vector<double> straight_s, job_s;
    std::size_t straight_plans = 0, job_plans = 0;
    for (int r = 0; r < 3; ++r) {
        const auto [s1, p1] = run_straight();
        const auto [s2, p2] = run_job();
        straight_s.push_back(s1);
        job_s.push_back(s2);
        straight_plans = p1;
        job_plans = p2;
    }
    std::sort(straight_s.begin(), straight_s.end());
    std::sort(job_s.begin(), job_s.end());
    std::vector<std::pair<std::uint32_t, std::uint32_t>> pairs;
    for (const auto& e : data.graph.edges()) pairs.emplace_back(e.a, e.b);
    const double b0 = now_seconds();
    const auto lines = lp::shared_borders(data.zones, pairs);
    const double border_seconds = now_seconds() - b0;

    std::printf("%s: %zu zones, %zu borders, k=%d, pop2020_total within 5%%, %llu steps, a plan every 10 (median of 3)\n",
                code.c_str(), data.zones.size(), data.graph.edges().size(), k, static_cast<unsigned long long>(steps));
    std::printf("straight run_recom + measures : %7.2f s  %8.0f steps/s  %zu plans\n", straight_s[1],
                static_cast<double>(steps) / straight_s[1], straight_plans);
    std::printf("viewer job, batches of 2000   : %7.2f s  %8.0f steps/s  %zu plans  (%.2fx the straight run's speed)\n",
                job_s[1], static_cast<double>(steps) / job_s[1], job_plans, straight_s[1] / job_s[1]);
    std::printf("border lines (shared_borders, once per data set): %.2f s for %zu borders\n", border_seconds, lines.size());
    return 0;
}
