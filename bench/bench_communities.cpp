// Benchmark: localities that follow communities, over all 31 partnerships with the
// shipped k and population within 25 %. Four ways, each plan scored by the same
// evaluate(): METIS (gpmetis -contig, edge weights = shared metres) on the same graph;
// our --cut-cost length; --cut-cost people; people + settlements (urban-rural classes
// 1-4) + council wards as soft building blocks. Figures per partnership: settlements
// split where the band would allow them whole ("free splits"), share of people living in
// zones on a locality boundary, cut length, max deviation, partitioning milliseconds.
// Usage: bench_communities [gpmetis path] [seed]
#include <lp/community/settlements.hpp>
#include <lp/data/dataset.hpp>
#include <lp/generate/batch.hpp>
#include <lp/generate/locality_run.hpp>
#include <lp/partition/partition.hpp>

#include "metis_runner.hpp"
#include "partnerships.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>
#include <string>
#include <vector>

using namespace lp;

namespace {

struct Figures {
    int free_splits = 0;      // settlements split that fit whole in one locality
    int forced_splits = 0;
    double people_share = 0;  // people in zones on a boundary / everyone
    double people = 0;
    double cut_km = 0;
    double max_dev = 0;
    double ms = 0;
    bool ok = false;          // contiguous and within the band
}; // struct Figures

Figures figures_of(const PlanStatistics& stats, double ms) {
    Figures f;
    for (const auto& splits : stats.splits)
        if (splits.kind == "settlement") {
            f.free_splits = splits.unforced();
            f.forced_splits = static_cast<int>(splits.split.size()) - f.free_splits;
        }
    f.people = stats.people_on_boundary;
    f.people_share = stats.people > 0 ? stats.people_on_boundary / stats.people : 0;
    f.cut_km = stats.cut_length / 1000;
    f.max_dev = stats.max_deviation.empty() ? 0 : stats.max_deviation[0];
    f.ms = ms;
    f.ok = stats.contiguous && stats.within_tolerance;
    return f;
}

} // namespace

int main(int argc, char** argv) {
    const std::string gpmetis = argc > 1 ? argv[1] : "gpmetis";
    const std::uint64_t seed = argc > 2 ? std::stoull(argv[2]) : 1;
    const bench::Partnerships scotland;
    const std::string& data_dir = scotland.data_dir;
    const auto& tables = scotland.tables;
    const Dataset& all = scotland.all;
    const auto& hscp_name = scotland.hscp_name;
    const auto& k_table = scotland.k_table;
    const auto& members = scotland.members;

    const char* ways[] = {"METIS", "length", "people", "people+settl+wards"};
    std::vector<std::vector<Figures>> table(4);
    std::printf("| partnership | zones | k | way | free splits | forced splits | people on boundary | cut km | "
                "max dev | ms | ok |\n|---|---|---|---|---|---|---|---|---|---|---|\n");
    GraphOptions graph_options;
    for (const auto& [code, zones] : members) {
        const auto k_entry = k_table.find(code);
        if (k_entry == k_table.end()) continue;
        const int k = k_entry->second.first;
        const Dataset data = subset(all, zones, &graph_options);
        const auto& population = data.demand.column("pop2020_total");
        // Settlements to score every way by, whether or not the way was told of them.
        const auto settlements = find_settlements(data, parse_settlements("urban_rural_6fold_2016:1-4"), tables,
                                                  population, hscp_name[zones.front()]);
        CommunityContext community;
        community.population = &population;
        community.groupings.push_back(&settlements.groups);
        const std::vector<BalanceLayer> balance = {{"pop2020_total", population, 0.25}};

        for (int way = 0; way < 4; ++way) {
            std::vector<int> assignment;
            double ms = 0;
            if (way == 0) {
                assignment = bench::run_metis(gpmetis, data.graph, population, k, 0.25, ms);
                if (assignment.size() != data.zones.size()) continue;
            } else {
                LocalityRunOptions run_options;
                run_options.k = k;
                run_options.balance = {{"pop2020_total", 0.25}};
                run_options.cut_cost = way == 1 ? CutCostKind::length : CutCostKind::people;
                run_options.keep_whole_tables = tables;
                run_options.seed = seed;
                if (way == 3) {
                    run_options.settlements = "urban_rural_6fold_2016:1-4";
                    run_options.building_blocks = data_dir + "/wards2022_scotland.gpkg:wards:ward22_code";
                }
                const auto run = run_localities(data, run_options);
                assignment = run.result.assignment;
                ms = run.partition_seconds * 1000;
            }
            const auto stats = evaluate(data.graph, assignment, k, balance, {}, community);
            const Figures f = figures_of(stats, ms);
            table[way].push_back(f);
            std::printf("| %s | %zu | %d | %s | %d | %d | %.1f%% | %.1f | %.1f%% | %.1f | %s |\n",
                        hscp_name[zones.front()].c_str(), zones.size(), k, ways[way], f.free_splits, f.forced_splits,
                        100 * f.people_share, f.cut_km, 100 * f.max_dev, f.ms, f.ok ? "yes" : "NO");
            std::fflush(stdout);
        }
    }
    std::printf("\n| way | partnerships | free splits | forced splits | people on boundary | vs length | cut km | "
                "worst dev | max ms | all ok |\n|---|---|---|---|---|---|---|---|---|---|\n");
    double length_people = 0;
    for (const auto& f : table[1]) length_people += f.people;
    for (int way = 0; way < 4; ++way) {
        int free_splits = 0, forced = 0, ok = 0;
        double people = 0, cut = 0, worst = 0, slowest = 0;
        for (const auto& f : table[way]) {
            free_splits += f.free_splits;
            forced += f.forced_splits;
            people += f.people;
            cut += f.cut_km;
            worst = std::max(worst, f.max_dev);
            slowest = std::max(slowest, f.ms);
            ok += f.ok;
        }
        std::printf("| %s | %zu | %d | %d | %.0f | %.2f | %.0f | %.1f%% | %.1f | %d/%zu |\n", ways[way],
                    table[way].size(), free_splits, forced, people, length_people > 0 ? people / length_people : 0,
                    cut, 100 * worst, slowest, ok, table[way].size());
    }
    return 0;
}
