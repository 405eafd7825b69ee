// Localities that follow communities: boundaries between towns, not through them;
// settlements whole unless a band forces a split; hubs; hard building blocks.
#include <catch2/catch.hpp>

#include "synthetic_graphs.hpp"
#include "../test_data.hpp"

#include <lp/community/settlements.hpp>
#include <lp/core/error.hpp>
#include <lp/data/dataset.hpp>
#include <lp/generate/locality_run.hpp>
#include <lp/partition/partition.hpp>

#include <algorithm>
#include <set>

using namespace lp;

namespace {

// A strip of countryside 36 cells long and 8 high with three towns: 6x6 blocks of dense
// cells (3,000 people each) centred at x = 6, 18 and 30; the countryside holds 40 each.
struct ThreeTowns {
    static constexpr int width = 36, height = 8;
    ContiguityGraph graph = test::grid_graph(width, height, 500.0);
    std::vector<double> people;
    std::vector<int> town; // 0, 1, 2 or -1
    ThreeTowns() {
        people.assign(width * height, 40.0);
        town.assign(width * height, -1);
        for (int t = 0; t < 3; ++t)
            for (int y = 1; y < 7; ++y)
                for (int x = 12 * t + 3; x < 12 * t + 9; ++x) {
                    people[y * width + x] = 3000.0;
                    town[y * width + x] = t;
                }
    }
    std::set<int> localities_of(const std::vector<int>& assignment, int t) const {
        std::set<int> localities;
        for (std::size_t zone = 0; zone < town.size(); ++zone)
            if (town[zone] == t) localities.insert(assignment[zone]);
        return localities;
    }
}; // struct ThreeTowns

bool every_locality_connected(const PartitionResult& result) {
    return std::all_of(result.stats.localities.begin(), result.stats.localities.end(),
                       [](const LocalityStatistics& s) { return s.connected(); });
}

// The demand tables that give a council's population, urban-rural classes and place names.
const std::vector<std::string> place_tables = {LP_SHARED_DATA "/demand/dz2011_population_2020.csv",
                                               LP_SHARED_DATA "/demand/dz2011_access_rurality.csv",
                                               LP_SHARED_DATA "/demand/dz2011_lookup.csv"};

Dataset council_with_places(const char* code) {
    DatasetOptions options;
    options.zones = test::council_from_gpkg(code);
    options.demand_paths = place_tables;
    return load_dataset(options);
}

// Localities within 25% of the mean population around the towns of classes 1-4.
LocalityRunOptions around_towns(int k) {
    LocalityRunOptions options;
    options.k = k;
    options.balance = {{"pop2020_total", 0.25}};
    options.settlements = "urban_rural_6fold_2016:1-4";
    options.keep_whole_tables = place_tables;
    return options;
}

} // namespace

TEST_CASE("three towns joined by countryside split at the countryside", "[partition][communities]") {
    const ThreeTowns map;
    for (const bool people_cost : {true, false}) {
        PartitionRequest request;
        request.graph = &map.graph;
        request.k = 3;
        request.balance = {{"people", map.people, 0.25}};
        if (people_cost) request.edge_cost = people_cut_cost(map.graph, map.people);
        for (std::uint64_t seed = 1; seed <= 3; ++seed) {
            request.seed = seed;
            const auto result = partition(request);
            REQUIRE(result.within_tolerance);
            REQUIRE(every_locality_connected(result));
            if (!people_cost) continue; // length alone may cut a town; people may not
            std::set<int> used;
            for (int t = 0; t < 3; ++t) {
                const auto localities = map.localities_of(result.assignment, t);
                CHECK(localities.size() == 1); // the town is whole
                used.insert(*localities.begin());
            }
            CHECK(used.size() == 3); // one town per locality
        }
    }
}

TEST_CASE("a settlement larger than the band is split once, and the notes say why", "[partition][communities]") {
    // One town of 6x6 dense cells holding most of the people; k = 2 cannot hold it whole.
    const ContiguityGraph graph = test::grid_graph(12, 8, 500.0);
    std::vector<double> people(96, 100.0);
    ZoneGroups settlements;
    settlements.kind = "settlement";
    settlements.keep_whole = true;
    settlements.of_zone.assign(96, -1);
    settlements.names = {"Bigtown"};
    for (int y = 1; y < 7; ++y)
        for (int x = 1; x < 7; ++x) {
            people[y * 12 + x] = 2000;
            settlements.of_zone[y * 12 + x] = 0;
        }
    PartitionRequest request;
    request.graph = &graph;
    request.k = 2;
    request.balance = {{"people", people, 0.25}};
    request.edge_cost = people_cut_cost(graph, people);
    request.groupings = {settlements};
    const auto result = partition(request);
    REQUIRE(result.within_tolerance);
    REQUIRE(every_locality_connected(result));
    std::set<int> parts;
    for (std::size_t zone = 0; zone < 96; ++zone)
        if (settlements.of_zone[zone] == 0) parts.insert(result.assignment[zone]);
    CHECK(parts.size() == 2); // split once: into two localities, no more
    REQUIRE(result.notes.size() == 1);
    CHECK(result.notes[0].find("settlement Bigtown") != std::string::npos);
    CHECK(result.notes[0].find("larger than one locality may hold") != std::string::npos);
    CHECK(result.notes[0].find("at least 2 localities") != std::string::npos);
    REQUIRE(result.stats.splits.size() == 1);
    CHECK(result.stats.splits[0].split.size() == 1);
    CHECK(result.stats.splits[0].needed[0] == 2);
    CHECK(result.stats.splits[0].unforced() == 0);

    // A small town that fits in one locality stays whole even where cutting it is shortest.
    ZoneGroups small = settlements;
    small.of_zone.assign(96, -1);
    std::vector<double> even(96, 100.0);
    for (int y = 0; y < 8; ++y)
        for (int x = 5; x < 7; ++x) small.of_zone[y * 12 + x] = 0; // a town across the middle
    request.balance = {{"people", even, 0.25}};
    request.edge_cost.clear();
    request.groupings = {small};
    const auto whole = partition(request);
    REQUIRE(whole.within_tolerance);
    std::set<int> small_parts;
    for (std::size_t zone = 0; zone < 96; ++zone)
        if (small.of_zone[zone] == 0) small_parts.insert(whole.assignment[zone]);
    CHECK(small_parts.size() == 1);
    CHECK(whole.notes.empty());
}

TEST_CASE("hubs start localities where the planner says", "[partition][communities]") {
    const ThreeTowns map;
    PartitionRequest request;
    request.graph = &map.graph;
    request.k = 3;
    request.balance = {{"people", map.people, 0.25}};
    request.edge_cost = people_cut_cost(map.graph, map.people);
    request.hubs = {4 * 36 + 6, 4 * 36 + 18, 4 * 36 + 30};
    const auto result = partition(request);
    REQUIRE(result.within_tolerance);
    std::set<int> localities;
    for (const int hub : request.hubs) localities.insert(result.assignment[hub]);
    CHECK(localities.size() == 3);

    request.hubs = {0, 1, 2, 3};
    CHECK_THROWS_AS(partition(request), Error); // more hubs than localities
}

TEST_CASE("hard blocks that cannot meet a band are reported before searching", "[partition][communities]") {
    const ContiguityGraph graph = test::grid_graph(8, 4);
    const std::vector<double> people(32, 100.0);
    PartitionRequest request;
    request.graph = &graph;
    request.k = 4;
    request.balance = {{"people", people, 0.10}};
    // Two blocks of 16 zones: fewer blocks than localities, each larger than a locality may be.
    request.hard_blocks.assign(32, 0);
    for (int y = 0; y < 4; ++y)
        for (int x = 4; x < 8; ++x) request.hard_blocks[y * 8 + x] = 1;
    request.hard_block_names = {"Ward A", "Ward B"};
    const auto result = partition(request);
    REQUIRE(result.problems.size() >= 3);
    CHECK(result.problems[0] == "only 2 building blocks for 4 localities, and only whole blocks move (hard building blocks)");
    CHECK(result.problems[1].find("building block Ward A alone has people 1600, more than one locality may hold") == 0);
    CHECK(result.problems[2].find("building block Ward B alone has") == 0);
    CHECK_FALSE(result.within_tolerance);

    // Blocks that can meet the band: only whole blocks move, and the band is met.
    std::vector<int> blocks(32);
    for (int y = 0; y < 4; ++y)
        for (int x = 0; x < 8; ++x) blocks[y * 8 + x] = (x / 2) * 2 + y / 2; // 2x2 blocks
    request.hard_blocks = blocks;
    request.hard_block_names.clear();
    const auto fine = partition(request);
    CHECK(fine.within_tolerance);
    CHECK(fine.problems.empty());
    for (std::size_t a = 0; a < 32; ++a)
        for (std::size_t b = 0; b < 32; ++b)
            if (blocks[a] == blocks[b]) REQUIRE(fine.assignment[a] == fine.assignment[b]);
}

TEST_CASE("settlements of Highland are found and named after their places", "[partition][communities][real]") {
    const Dataset data = council_with_places("S12000017");
    const auto& tables = place_tables;
    const auto& population = data.demand.column("pop2020_total");
    const auto settlements =
        find_settlements(data, parse_settlements("urban_rural_6fold_2016:1-4"), tables, population, "Highland");
    std::set<std::string> names(settlements.groups.names.begin(), settlements.groups.names.end());
    for (const char* town : {"Inverness", "Nairn", "Dingwall", "Wick"}) {
        INFO(town << " among " << settlements.groups.names.size() << " settlements");
        for (const auto& n : names) UNSCOPED_INFO(n);
        CHECK(names.count(town) == 1);
    }
    // Inverness is the largest, and one settlement.
    const auto largest = std::max_element(settlements.people.begin(), settlements.people.end()) - settlements.people.begin();
    CHECK(settlements.groups.names[largest] == "Inverness");
    CHECK(settlements.people[largest] > 40000);

    // Generate with settlements: none split that fits whole, localities named after towns.
    const auto run = run_localities(data, around_towns(9));
    CHECK(run.cut_cost == "people");
    CHECK(run.result.within_tolerance);
    CHECK(run.result.contiguous);
    REQUIRE(run.result.stats.splits.size() == 1);
    CHECK(run.result.stats.splits[0].unforced() == 0);
    CHECK(std::count_if(run.names.begin(), run.names.end(),
                        [](const std::string& n) { return n.rfind("Inverness", 0) == 0; }) >= 2);
    CHECK(std::find(run.names.begin(), run.names.end(), "Nairn") != run.names.end());
    // Only the parts of split Inverness take a compass point; the west coast, with no town,
    // is named after its areas ("Skye"), not its heaviest Intermediate Zone ("Skye South").
    for (const auto& name : run.names) {
        INFO(name);
        if (name.rfind("Inverness", 0) == 0) continue;
        for (const std::string side : {" North", " South", " East", " West", " Central"})
            CHECK_FALSE((name.size() > side.size() && name.compare(name.size() - side.size(), side.size(), side) == 0));
    }
    CHECK(std::any_of(run.names.begin(), run.names.end(), [](const std::string& n) { return n.rfind("Skye", 0) == 0; }));
    CHECK(run.result.stats.people_on_boundary > 0);
    CHECK(run.result.stats.people_on_boundary < 0.3 * run.result.stats.people);
}

TEST_CASE("a city of districts: Glasgow's districts kept whole, its localities named after the city", "[partition][communities][real]") {
    const Dataset data = council_with_places("S12000049");
    const auto run = run_localities(data, around_towns(3));
    REQUIRE(run.settlements);
    CHECK(run.settlements->city == "Glasgow");
    CHECK(run.settlements->zones.size() > 10); // districts, not one city-sized settlement
    REQUIRE(run.result.stats.splits.size() == 1);
    CHECK(run.result.stats.splits[0].unforced() == 0);
    std::set<std::string> names(run.names.begin(), run.names.end());
    CHECK(names.size() == 3);
    for (const auto& name : names) {
        INFO(name);
        CHECK(name.rfind("Glasgow ", 0) == 0);
    }
}

TEST_CASE("Glasgow at 1% by length: every seed 1-10 contiguous and within the band", "[partition][communities][real]") {
    const Dataset data = load_dataset(test::council_with_population("S12000049"));
    PartitionRequest request;
    request.graph = &data.graph;
    request.k = 3;
    request.balance = {{"pop2020_total", data.demand.column("pop2020_total"), 0.01}};
    for (std::uint64_t seed = 1; seed <= 10; ++seed) {
        request.seed = seed;
        const auto result = partition(request);
        INFO("seed " << seed);
        CHECK(result.within_tolerance);
        CHECK(result.contiguous);
    }
}

TEST_CASE("a closed locality keeps its exact zones and a stay cost makes a touch-up move few zones",
          "[partition][locks]") {
    const ContiguityGraph graph = test::grid_graph(12, 10);
    const auto people = test::zone_populations(graph.size());
    PartitionRequest request;
    request.graph = &graph;
    request.k = 3;
    request.balance = {{"people", people, 0.10}};
    const auto first = partition(request);
    REQUIRE(first.within_tolerance);

    // Lock locality 1 as a whole: all its zones locked, and it may gain none.
    request.start = first.assignment;
    request.locks.assign(graph.size(), -1);
    for (std::size_t zone = 0; zone < graph.size(); ++zone)
        if (first.assignment[zone] == 1) request.locks[zone] = 1;
    request.closed = {0, 1, 0};
    request.balance[0].tolerance = 0.02; // a tighter band makes the others trade zones
    for (std::uint64_t seed = 1; seed <= 3; ++seed) {
        request.seed = seed;
        const auto again = partition(request);
        for (std::size_t zone = 0; zone < graph.size(); ++zone)
            REQUIRE((again.assignment[zone] == 1) == (first.assignment[zone] == 1));
        CHECK(again.contiguous);
    }

    // Touch-up: with a stay cost the plan moves few zones; without, it may reshuffle.
    request.closed.clear();
    request.locks.clear();
    request.seed = 1;
    request.stay_cost = -1; // the default: twice the median border
    const auto touched = partition(request);
    int moved = 0;
    for (std::size_t zone = 0; zone < graph.size(); ++zone) moved += touched.assignment[zone] != first.assignment[zone];
    CHECK(touched.within_tolerance);
    CHECK(moved < static_cast<int>(graph.size()) / 10);
    request.stay_cost = 0;
    const auto free_run = partition(request);
    int moved_free = 0;
    for (std::size_t zone = 0; zone < graph.size(); ++zone)
        moved_free += free_run.assignment[zone] != first.assignment[zone];
    CHECK(moved <= moved_free);

    request.closed = {1, 0}; // wrong size
    CHECK_THROWS_AS(partition(request), Error);
}
