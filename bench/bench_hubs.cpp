// Benchmark: planner-guided localities over all 31 partnerships, with the shipped k and
// hubs at each partnership's largest towns (the k most populous GeoNames places inside
// it, one per settlement of urban-rural classes 1-4 and one per zone). Three ways, each scored by the same evaluate(): no hubs with the
// band hard (localities start at the largest settlements, as before), hubs with the band
// hard, hubs with the band soft (settlements never split). Figures per partnership: towns
// split, people living on a boundary, the largest deviation, hubs sharing a locality (must
// be 0), partitioning milliseconds, and the totals.
// Usage: bench_hubs [band, default 25%] [seed]
#include <lp/community/hubs.hpp>
#include <lp/community/settlements.hpp>
#include <lp/data/dataset.hpp>
#include <lp/generate/batch.hpp>
#include <lp/generate/locality_run.hpp>
#include <lp/io/point_layer.hpp>

#include "partnerships.hpp"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>
#include <string>
#include <vector>

using namespace lp;

namespace {

// GeoNames population per place name (the largest of a name kept).
std::map<std::string, double> town_population(const std::string& path) {
    GDALAllRegister();
    std::map<std::string, double> people;
    GDALDataset* ds = static_cast<GDALDataset*>(GDALOpenEx(path.c_str(), GDAL_OF_VECTOR, nullptr, nullptr, nullptr));
    if (!ds) return people;
    OGRLayer* layer = ds->GetLayer(0);
    for (auto& feature : *layer) {
        const std::string name = feature->GetFieldAsString("name");
        auto& p = people[name];
        p = std::max(p, feature->GetFieldAsDouble("population"));
    }
    GDALClose(ds);
    return people;
}

struct Figures {
    int towns_split = 0;
    double people_share = 0;
    double max_dev = 0;
    int shared_hubs = 0;
    double ms = 0;
    bool contiguous = false;
}; // struct Figures

} // namespace

int main(int argc, char** argv) {
    const std::string band = argc > 1 ? argv[1] : "25%";
    const std::uint64_t seed = argc > 2 ? std::stoull(argv[2]) : 1;
    const bench::Partnerships scotland;
    const std::string& data_dir = scotland.data_dir;
    const auto& tables = scotland.tables;
    const Dataset& all = scotland.all;
    const auto& hscp_name = scotland.hscp_name;
    const auto& k_table = scotland.k_table;
    const auto& members = scotland.members;
    const std::string places_path = data_dir + "/places/geonames_places_scotland.geojson";
    const auto populations = town_population(places_path);

    const char* ways[] = {"no hubs, hard", "hubs, hard", "hubs, soft"};
    std::vector<std::vector<Figures>> table(3);
    std::printf("| partnership | zones | k | hubs | way | towns split | people on boundary | max dev | hubs sharing | ms | "
                "contiguous |\n|---|---|---|---|---|---|---|---|---|---|---|\n");
    GraphOptions graph_options;
    for (const auto& [code, zones] : members) {
        const auto k_entry = k_table.find(code);
        if (k_entry == k_table.end()) continue;
        const int k = k_entry->second.first;
        const Dataset data = subset(all, zones, &graph_options);
        const PointLayer places = read_points(places_path, data.zones, "name");
        // The k most populous places inside, one per zone.
        std::vector<std::size_t> order;
        for (std::size_t p = 0; p < places.labels.size(); ++p)
            if (places.zone[p] >= 0) order.push_back(p);
        std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
            return populations.at(places.labels[a]) > populations.at(places.labels[b]);
        });
        // A planner names one town per locality: a suburb of a town already named
        // (Culloden beside Inverness, in one settlement) is passed over.
        const auto settlements = find_settlements(data, parse_settlements("urban_rural_6fold_2016:1-4"), tables,
                                                  data.demand.column("pop2020_total"), hscp_name[zones.front()]);
        std::set<int> settlements_taken;
        std::vector<HubRequest> hubs;
        std::set<long> zones_taken;
        std::set<std::string> names_taken;
        for (const auto p : order) {
            if (static_cast<int>(hubs.size()) == k) break;
            const int settlement = settlements.groups.of_zone[static_cast<std::size_t>(places.zone[p])];
            if (settlement >= 0 && settlements_taken.count(settlement)) continue;
            if (!zones_taken.insert(places.zone[p]).second || !names_taken.insert(places.labels[p]).second) continue;
            if (settlement >= 0) settlements_taken.insert(settlement);
            hubs.push_back({places.labels[p], "", "town " + places.labels[p]});
        }
        std::string hub_list;
        for (const auto& h : hubs) hub_list += (hub_list.empty() ? "" : ", ") + h.place;
        for (int way = 0; way < 3; ++way) {
            LocalityRunOptions run_options;
            run_options.k = k;
            run_options.balance = {parse_balance("pop2020_total:" + band + (way == 2 ? ":soft" : ""))};
            run_options.keep_whole_tables = tables;
            run_options.settlements = "urban_rural_6fold_2016:1-4";
            run_options.seed = seed;
            run_options.places = &places;
            if (way > 0) run_options.hubs = hubs;
            const auto run = run_localities(data, run_options);
            const auto& stats = run.result.stats;
            Figures f;
            for (const auto& splits : stats.splits)
                if (splits.kind == "settlement") f.towns_split = static_cast<int>(splits.split.size());
            f.people_share = stats.people > 0 ? stats.people_on_boundary / stats.people : 0;
            f.max_dev = stats.max_deviation.empty() ? 0 : stats.max_deviation[0];
            std::set<int> led;
            for (const auto& hub : run.hubs) led.insert(run.result.assignment[hub.zone]);
            f.shared_hubs = static_cast<int>(run.hubs.size() - led.size());
            f.ms = run.partition_seconds * 1000;
            f.contiguous = stats.contiguous;
            table[way].push_back(f);
            std::printf("| %s | %zu | %d | %s | %s | %d | %.1f%% | %.1f%% | %d | %.1f | %s |\n",
                        hscp_name[zones.front()].c_str(), zones.size(), k, way == 0 ? "" : hub_list.c_str(), ways[way],
                        f.towns_split, 100 * f.people_share, 100 * f.max_dev, f.shared_hubs, f.ms,
                        f.contiguous ? "yes" : "NO");
            std::fflush(stdout);
        }
    }
    std::printf("\n| way | partnerships | towns split | mean people on boundary | median max dev | worst max dev | "
                "hubs sharing | total ms | slowest ms | contiguous |\n|---|---|---|---|---|---|---|---|---|---|\n");
    for (int way = 0; way < 3; ++way) {
        int split = 0, shared = 0, contiguous = 0;
        double people = 0, total_ms = 0, slowest = 0;
        std::vector<double> devs;
        for (const auto& f : table[way]) {
            split += f.towns_split;
            shared += f.shared_hubs;
            people += f.people_share;
            total_ms += f.ms;
            slowest = std::max(slowest, f.ms);
            contiguous += f.contiguous;
            devs.push_back(f.max_dev);
        }
        std::sort(devs.begin(), devs.end());
        const double median = devs.empty() ? 0 : devs[devs.size() / 2];
        std::printf("| %s | %zu | %d | %.1f%% | %.1f%% | %.1f%% | %d | %.0f | %.1f | %d/%zu |\n", ways[way],
                    table[way].size(), split, table[way].empty() ? 0 : 100 * people / table[way].size(), 100 * median,
                    devs.empty() ? 0 : 100 * devs.back(), shared, total_ms, slowest, contiguous, table[way].size());
    }
    return 0;
}
