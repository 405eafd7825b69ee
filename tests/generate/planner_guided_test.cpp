// Planner-guided localities (lp/community/hubs.hpp, lp/generate/locality_run.hpp): hubs
// that each lead their own locality, named by zone, settlement or gazetteer town; soft
// bands exceeded only where a settlement kept whole needs it, each excess with its reason;
// bands of 100% and more.
#include <catch2/catch.hpp>

#include "../partition/synthetic_graphs.hpp"
#include "../test_data.hpp"

#include <lp/community/hubs.hpp>
#include <lp/core/error.hpp>
#include <lp/data/dataset.hpp>
#include <lp/generate/locality_run.hpp>
#include <lp/partition/partition.hpp>

#include <algorithm>
#include <set>

using namespace lp;

namespace {

const std::vector<std::string> place_tables = {LP_SHARED_DATA "/demand/dz2011_population_2020.csv",
                                               LP_SHARED_DATA "/demand/dz2011_access_rurality.csv",
                                               LP_SHARED_DATA "/demand/dz2011_lookup.csv"};

const Dataset& council(const std::string& code) {
    static std::map<std::string, Dataset> loaded;
    auto it = loaded.find(code);
    if (it == loaded.end()) {
        DatasetOptions options;
        options.zones = test::council_from_gpkg(code);
        options.demand_paths = place_tables;
        it = loaded.emplace(code, load_dataset(options)).first;
    }
    return it->second;
}

const PointLayer& gazetteer_for(const std::string& code) {
    static std::map<std::string, PointLayer> loaded;
    auto it = loaded.find(code);
    if (it == loaded.end())
        it = loaded.emplace(code, read_points(test::data("places/geonames_places_scotland.geojson"), council(code).zones))
                 .first;
    return it->second;
}

std::vector<HubRequest> hubs_named(const std::vector<std::string>& places) {
    std::vector<HubRequest> hubs;
    for (std::size_t i = 0; i < places.size(); ++i) hubs.push_back({places[i], "", "hub " + std::to_string(i + 1)});
    return hubs;
}

LocalityRunOptions around_towns(const std::string& band) {
    LocalityRunOptions options;
    options.k = 0;
    options.balance = {parse_balance(band)};
    options.settlements = "urban_rural_6fold_2016:1-4";
    options.keep_whole_tables = place_tables;
    return options;
}

const char* highland = "S12000017";
const char* fife = "S12000047";
const char* orkney = "S12000023";
const std::vector<std::string> highland_towns = {"Inverness", "Wick",    "Dornoch",  "Alness", "Dingwall",
                                                 "Portree",   "Fort William", "Aviemore", "Nairn"};

} // namespace

TEST_CASE("hubs never share a locality, whatever the seed", "[generate][hubs]") {
    const Dataset& data = council(fife);
    LocalityRunOptions options = around_towns("pop2020_total:10%");
    options.hubs = hubs_named({"Dunfermline", "Kirkcaldy", "Glenrothes", "St Andrews", "Cupar", "Leven", "Cowdenbeath"});
    for (const std::uint64_t seed : {1u, 2u, 3u}) {
        options.seed = seed;
        const LocalityRun run = run_localities(data, options);
        REQUIRE(run.k == 7); // k from the hubs
        REQUIRE(run.hubs.size() == 7);
        std::set<int> led;
        for (std::size_t i = 0; i < run.hubs.size(); ++i) {
            CHECK(run.result.assignment[run.hubs[i].zone] == static_cast<int>(i));
            led.insert(run.result.assignment[run.hubs[i].zone]);
            CHECK(run.names[i] == options.hubs[i].place); // named after its settlement
        }
        CHECK(led.size() == 7);
        CHECK(run.result.contiguous);
    }
}

TEST_CASE("a hub may name a gazetteer town that no zone is named after", "[generate][hubs]") {
    const Dataset& data = council(highland);
    const PointLayer& towns = gazetteer_for(highland);
    const auto hubs = resolve_hubs(data, hubs_named({"Portree", "Aviemore", "S01010529"}), nullptr, {}, &towns, {});
    REQUIRE(hubs.size() == 3);
    CHECK(hubs[0].found_as == "town");
    CHECK(hubs[0].name == "Portree");
    CHECK(hubs[1].name == "Aviemore");
    CHECK(hubs[2].found_as == "zone");
    CHECK(data.zones.ids[hubs[2].zone] == "S01010529");
    // Portree's zone is on Skye: west of Inverness, north of Fort William.
    const Box& skye = data.zones.boxes[hubs[0].zone];
    CHECK(skye.max_x < 160000);
    CHECK(skye.min_y > 820000);

    SECTION("an unknown place is a named error listing the closest names") {
        try {
            resolve_hubs(data, hubs_named({"Portre"}), nullptr, {}, &towns, {});
            FAIL("no error");
        } catch (const Error& e) {
            CHECK(e.kind() == ErrorKind::unknown_zone);
            CHECK_THAT(e.what(), Catch::StartsWith("hub 1: 'Portre' is not a zone, settlement"));
            CHECK_THAT(e.what(), Catch::Contains("closest: Portree"));
        }
    }
    SECTION("two hubs in one zone are refused") {
        try {
            resolve_hubs(data, hubs_named({"Portree", "Portree"}), nullptr, {}, &towns, {});
            FAIL("no error");
        } catch (const Error& e) {
            CHECK(e.kind() == ErrorKind::bad_value);
            CHECK_THAT(e.what(), Catch::Contains("each hub leads its own locality"));
        }
    }
    SECTION("without a gazetteer the message says one is needed") {
        try {
            resolve_hubs(data, hubs_named({"Aviemore"}), nullptr, {}, nullptr, {});
            FAIL("no error");
        } catch (const Error& e) {
            CHECK_THAT(e.what(), Catch::Contains("needs a gazetteer"));
        }
    }
}

TEST_CASE("Highland under a soft band keeps Inverness whole and says why it is large", "[generate][hubs][soft]") {
    const Dataset& data = council(highland);
    LocalityRunOptions options = around_towns("pop2020_total:25%:soft");
    options.hubs = hubs_named(highland_towns);
    options.places = &gazetteer_for(highland);
    const LocalityRun run = run_localities(data, options);
    REQUIRE(run.k == 9);
    CHECK(run.settlements_never_split);
    CHECK(run.names[0] == "Inverness");
    CHECK(run.names[5] == "Portree");
    for (std::size_t i = 0; i < run.hubs.size(); ++i) CHECK(run.result.assignment[run.hubs[i].zone] == static_cast<int>(i));
    // No settlement is split, so Inverness is one locality far above the mean.
    for (const auto& splits : run.result.stats.splits)
        if (splits.kind == "settlement") CHECK(splits.split.empty());
    CHECK(run.result.stats.localities[0].deviation[0] > 1.0);
    CHECK(run.result.within_tolerance); // a soft band is a preference
    CHECK(run.result.contiguous);
    // Every locality beyond the band has a reason; Inverness's is its settlement.
    REQUIRE_FALSE(run.excesses.empty());
    CHECK(run.excesses.front().locality == 0);
    CHECK_THAT(run.excesses.front().text, Catch::StartsWith("Inverness: ") &&
                                              Catch::Contains("people, +") &&
                                              Catch::EndsWith(": the settlement Inverness is kept whole"));
    for (const auto& excess : run.excesses) {
        const double band = 0.25;
        CHECK(std::abs(excess.deviation) > band);
        CHECK_FALSE(excess.reason.empty());
    }
    // Only localities beyond the band are listed.
    std::set<int> listed;
    for (const auto& excess : run.excesses) listed.insert(excess.locality);
    for (int j = 0; j < run.k; ++j)
        if (!listed.count(j)) CHECK(std::abs(run.result.stats.localities[j].deviation[0]) <= 0.25 + 1e-9);
}

TEST_CASE("Orkney under a soft band keeps Kirkwall whole", "[generate][hubs][soft]") {
    const Dataset& data = council(orkney);
    // With its hinterland, Kirkwall is more than a locality within 5% of a third of Orkney.
    LocalityRunOptions options = around_towns("pop2020_total:5%:soft");
    options.places = &gazetteer_for(orkney);
    options.k = 3;
    const LocalityRun run = run_localities(data, options);
    // Kirkwall: the settlement holding the gazetteer's Kirkwall.
    const auto kirkwall = resolve_hubs(data, hubs_named({"Kirkwall"}), nullptr, {}, &gazetteer_for(orkney), {});
    const int s = run.settlements->groups.of_zone[kirkwall.front().zone];
    REQUIRE(s >= 0);
    std::set<int> localities;
    for (const auto zone : run.settlements->zones[s]) localities.insert(run.result.assignment[zone]);
    CHECK(localities.size() == 1);
    CHECK(run.result.contiguous);
    CHECK(run.settlements->groups.names[s] == "Kirkwall"); // named after the gazetteer's town
    CHECK(run.names[*localities.begin()] == "Kirkwall");
    CHECK(run.result.stats.localities[*localities.begin()].deviation[0] > 0.05); // beyond the band, with its reason
    REQUIRE_FALSE(run.excesses.empty());
    CHECK_THAT(run.excesses.front().reason, Catch::StartsWith("keeping the settlement Kirkwall (") &&
                                                Catch::EndsWith(" people) whole leaves no plan within the band"));
    // The same band hard splits Kirkwall, larger than a locality may be.
    LocalityRunOptions hard = around_towns("pop2020_total:5%");
    hard.k = 3;
    const LocalityRun split = run_localities(data, hard);
    CHECK_FALSE(split.settlements_never_split);
    std::set<int> parts;
    for (const auto zone : split.settlements->zones[s]) parts.insert(split.result.assignment[zone]);
    CHECK(parts.size() > 1);
    CHECK(split.excesses.empty());
}

TEST_CASE("a band of more than 100 percent leaves no locality empty", "[generate][hubs][partition]") {
    const ContiguityGraph graph = test::grid_graph(12, 6, 100.0);
    std::vector<double> people(graph.size(), 100.0);
    for (int x = 0; x < 4; ++x) people[x] = 5000.0; // one heavy corner
    for (const double tolerance : {1.0, 1.5, 3.0}) {
        PartitionRequest request;
        request.graph = &graph;
        request.k = 4;
        request.balance = {{"pop", people, tolerance}};
        request.locks.assign(graph.size(), -1);
        request.locks[0] = 0; // a hub in the heavy corner
        request.locks[graph.size() - 1] = 3;
        request.hubs = {0, static_cast<int>(graph.size()) - 1};
        const PartitionResult result = partition(request);
        CHECK(result.contiguous);
        for (const auto& locality : result.stats.localities) CHECK(locality.zones > 0);
        CHECK(result.assignment[0] == 0);
        CHECK(result.assignment[graph.size() - 1] == 3);
    }
}

TEST_CASE("hubs and k must agree, and a hub cannot be locked elsewhere", "[generate][hubs]") {
    const Dataset& data = council(orkney);
    LocalityRunOptions options = around_towns("pop2020_total:25%");
    options.k = 2;
    options.places = &gazetteer_for(orkney);
    options.hubs = hubs_named({"Kirkwall", "Stromness", data.zones.ids[5]});
    CHECK_THROWS_WITH(run_localities(data, options), Catch::Contains("3 hubs for 2 localities"));
    options.k = 0;
    options.hubs = hubs_named({"Kirkwall"});
    CHECK_THROWS_WITH(run_localities(data, options), Catch::Contains("one hub makes one locality"));
    options.hubs = hubs_named({"Kirkwall", "Stromness"});
    options.locks.assign(data.zones.size(), -1);
    const auto resolved = resolve_hubs(data, options.hubs, nullptr, {}, options.places, {});
    options.settlements.clear();
    options.locks[resolved[1].zone] = 0;
    CHECK_THROWS_WITH(run_localities(data, options), Catch::Contains("hub 2 (Stromness)") && Catch::Contains("locked to locality 1"));
}
