#include <catch2/catch.hpp>

#include <lp/core/error.hpp>
#include <lp/partition/partition.hpp>

#include "synthetic_graphs.hpp"

#include <algorithm>
#include <set>
#include <thread>

using namespace lp;

namespace {

void require_sound(const PartitionResult& result, const ContiguityGraph& graph, int k) {
    REQUIRE(result.assignment.size() == graph.size());
    std::set<int> used(result.assignment.begin(), result.assignment.end());
    CHECK(static_cast<int>(used.size()) == k);
    CHECK(*used.begin() == 0);
    CHECK(*used.rbegin() == k - 1);
    CHECK(result.contiguous);
    for (const auto& locality : result.stats.localities) CHECK(locality.pieces == 1);
}

} // namespace

TEST_CASE("partition: a 30x30 grid into 4 balanced, compact localities", "[partition]") {
    const auto graph = test::grid_graph(30, 30);
    const auto names = test::zone_names(graph.size());
    PartitionRequest request;
    request.graph = &graph;
    request.k = 4;
    request.balance = {{"pop", test::zone_populations(graph.size()), 0.01}};
    request.zone_ids = &names;
    const auto result = partition(request);
    require_sound(result, graph, 4);
    CHECK(result.within_tolerance);
    CHECK(result.stats.max_deviation[0] <= 0.01);
    CHECK(result.problems.empty());
    // Four quarters (or four strips) cut 6,000 m; a sound plan stays close to that.
    CHECK(result.stats.cut_length <= 7500);
    CHECK(result.stats.cut_length == Approx(evaluate(graph, result.assignment, 4, request.balance).cut_length));
}

TEST_CASE("partition: same request and seed give the same plan", "[partition]") {
    const auto graph = test::grid_graph(25, 20);
    PartitionRequest request;
    request.graph = &graph;
    request.k = 5;
    request.balance = {{"pop", test::zone_populations(graph.size()), 0.01}};
    request.seed = 42;
    const auto first = partition(request);
    const auto second = partition(request);
    CHECK(first.assignment == second.assignment);
    require_sound(first, graph, 5);
    CHECK(first.within_tolerance);
}

TEST_CASE("partition: many localities on one piece, by recursive bisection, stay balanced and compact",
          "[partition]") {
    // 120 x 120 cells into 36 localities: six by six squares of 20 x 20 would cut 120 km.
    const auto graph = test::grid_graph(120, 120);
    PartitionRequest request;
    request.graph = &graph;
    request.k = 36;
    request.balance = {{"pop", test::zone_populations(graph.size()), 0.01}};
    request.seed = 3;
    const auto result = partition(request);
    require_sound(result, graph, 36);
    CHECK(result.within_tolerance);
    CHECK(result.stats.max_deviation[0] <= 0.01);
    INFO("cut " << result.stats.cut_length);
    CHECK(result.stats.cut_length <= 1.3 * 120000);
    // Attempts run on two threads; the plan is still the seed's alone.
    CHECK(partition(request).assignment == result.assignment);
}

TEST_CASE("partition: beyond 50,000 zones the search runs on two halves at once, same plan every time",
          "[partition]") {
    // 240 x 240 cells into 64 localities: eight by eight squares of 30 x 30 would cut 336 km.
    const auto graph = test::grid_graph(240, 240);
    PartitionRequest request;
    request.graph = &graph;
    request.k = 64;
    request.balance = {{"pop", test::zone_populations(graph.size()), 0.01}};
    request.seed = 5;
    // Progress comes on the caller's thread only (the viewer's callback is not thread-safe),
    // rising to the end.
    const auto caller = std::this_thread::get_id();
    bool other_thread = false;
    std::vector<double> reported;
    request.progress = [&](double fraction) {
        other_thread = other_thread || std::this_thread::get_id() != caller;
        reported.push_back(fraction);
        return true;
    };
    const auto result = partition(request);
    require_sound(result, graph, 64);
    CHECK(result.within_tolerance);
    INFO("cut " << result.stats.cut_length);
    CHECK(result.stats.cut_length <= 1.3 * 336000);
    CHECK_FALSE(other_thread);
    CHECK(std::is_sorted(reported.begin(), reported.end()));
    CHECK(reported.back() == Approx(1.0));
    request.progress = {};
    CHECK(partition(request).assignment == result.assignment);
}

TEST_CASE("partition: many localities on islands with no crossing are shared out by weight", "[partition]") {
    // Two 40 x 40 islands, no edge between them: the simultaneous growth path, as
    // recursive bisection needs one connected piece.
    std::vector<GraphEdge> edges;
    const int side = 40;
    for (int island = 0; island < 2; ++island)
        for (int y = 0; y < side; ++y)
            for (int x = 0; x < side; ++x) {
                const auto zone = static_cast<std::uint32_t>(island * side * side + y * side + x);
                if (x + 1 < side) edges.push_back({zone, zone + 1, 100.0, false});
                if (y + 1 < side) edges.push_back({zone, zone + static_cast<std::uint32_t>(side), 100.0, false});
            }
    const std::size_t n = 2 * side * side;
    const ContiguityGraph graph(n, std::move(edges), std::vector<double>(n, 1e4), std::vector<double>(n, 400.0));
    PartitionRequest request;
    request.graph = &graph;
    request.k = 16;
    request.balance = {{"pop", std::vector<double>(n, 100.0), 0.02}};
    const auto result = partition(request);
    require_sound(result, graph, 16);
    CHECK(result.within_tolerance);
    // Eight localities on each island: none spans the water.
    std::set<int> first(result.assignment.begin(), result.assignment.begin() + side * side);
    std::set<int> second(result.assignment.begin() + side * side, result.assignment.end());
    CHECK(first.size() == 8);
    CHECK(second.size() == 8);
}

TEST_CASE("partition: several balance layers, each within its own tolerance", "[partition]") {
    const auto graph = test::grid_graph(24, 24);
    PartitionRequest request;
    request.graph = &graph;
    request.k = 3;
    request.balance = {{"pop", test::zone_populations(graph.size(), 1), 0.01},
                       {"aged75", test::zone_populations(graph.size(), 99), 0.05}};
    // Older people concentrated in the west half: balancing them takes more than equal areas.
    for (std::size_t zone = 0; zone < graph.size(); ++zone)
        if (zone % 24 < 12) request.balance[1].values[zone] *= 2;
    const auto result = partition(request);
    require_sound(result, graph, 3);
    CHECK(result.within_tolerance);
    CHECK(result.stats.max_deviation[0] <= 0.01);
    CHECK(result.stats.max_deviation[1] <= 0.05);
}

TEST_CASE("partition: locked zones stay on their locality", "[partition]") {
    const auto graph = test::grid_graph(20, 20);
    PartitionRequest request;
    request.graph = &graph;
    request.k = 4;
    request.balance = {{"pop", test::zone_populations(graph.size()), 0.02}};
    request.locks.assign(graph.size(), -1);
    // Corners to localities in an order region growing would not pick by itself,
    // and a second zone for locality 3 next to its first.
    request.locks[0] = 3;
    request.locks[1] = 3;
    request.locks[19] = 0;
    request.locks[380] = 2;
    request.locks[399] = 1;
    request.locks[210] = 0; // middle of the grid, with the north-east corner
    const auto result = partition(request);
    require_sound(result, graph, 4);
    CHECK(result.within_tolerance);
    for (std::size_t zone = 0; zone < graph.size(); ++zone)
        if (request.locks[zone] >= 0) CHECK(result.assignment[zone] == request.locks[zone]);
}

TEST_CASE("partition: keep-whole groups are split less when asked", "[partition]") {
    const auto graph = test::grid_graph(30, 30);
    std::vector<int> groups(graph.size());
    // 3x3 blocks: 100 groups, with their own irregular numbering.
    for (int y = 0; y < 30; ++y)
        for (int x = 0; x < 30; ++x) groups[y * 30 + x] = 1000 + (y / 3) * 17 + (x / 3) * 3;
    PartitionRequest request;
    request.graph = &graph;
    request.k = 3;
    request.balance = {{"pop", test::zone_populations(graph.size()), 0.02}};
    const auto plain = partition(request);
    const int plain_splits = evaluate(graph, plain.assignment, 3, request.balance, groups).split_groups;
    request.groups = groups;
    const auto grouped = partition(request);
    require_sound(grouped, graph, 3);
    CHECK(grouped.within_tolerance);
    CHECK(grouped.stats.split_groups <= plain_splits);
    CHECK(grouped.stats.split_groups <= 8);
}

TEST_CASE("partition: a seed plan is improved, not discarded", "[partition]") {
    const auto graph = test::grid_graph(20, 20);
    PartitionRequest request;
    request.graph = &graph;
    request.k = 2;
    request.balance = {{"pop", std::vector<double>(graph.size(), 1.0), 0.0}};
    // A staircase boundary between west and east: balanced but long.
    request.start.assign(graph.size(), 0);
    for (int y = 0; y < 20; ++y)
        for (int x = 0; x < 20; ++x) request.start[y * 20 + x] = x < 10 + (y % 2 == 0 ? 1 : -1) ? 0 : 1;
    const double start_cut = evaluate(graph, request.start, 2, request.balance).cut_length;
    const auto result = partition(request);
    require_sound(result, graph, 2);
    CHECK(result.within_tolerance); // exactly 200 zones each
    CHECK(result.stats.cut_length < start_cut);
    CHECK(result.stats.cut_length <= 2400); // a straight cut is 2,000 m
}

TEST_CASE("partition: a broken seed plan is mended to k connected localities", "[partition]") {
    const auto graph = test::grid_graph(10, 10);
    PartitionRequest request;
    request.graph = &graph;
    request.k = 3;
    request.balance = {{"pop", std::vector<double>(graph.size(), 1.0), 0.05}};
    // Locality 2 never appears; locality 1 is in two pieces.
    request.start.assign(graph.size(), 0);
    for (int zone = 0; zone < 10; ++zone) request.start[zone] = 1;
    for (int zone = 90; zone < 100; ++zone) request.start[zone] = 1;
    const auto result = partition(request);
    require_sound(result, graph, 3);
    CHECK(result.within_tolerance);
}

TEST_CASE("partition: contiguity through a recorded crossing", "[partition]") {
    // Two 6x6 islands; zone 35 (island A) and 36 (island B) joined by a ferry.
    std::vector<GraphEdge> edges;
    for (int island = 0; island < 2; ++island)
        for (int y = 0; y < 6; ++y)
            for (int x = 0; x < 6; ++x) {
                const auto zone = static_cast<std::uint32_t>(island * 36 + y * 6 + x);
                if (x < 5) edges.push_back({zone, zone + 1, 100.0, false});
                if (y < 5) edges.push_back({zone, zone + 6, 100.0, false});
            }
    edges.push_back({35, 36, 0.0, true});
    const ContiguityGraph graph(72, edges);
    PartitionRequest request;
    request.graph = &graph;
    request.k = 3;
    // Island B holds twice island A's people: one locality on A, two on B, or a
    // locality using the ferry.
    std::vector<double> population(72, 100.0);
    for (int zone = 36; zone < 72; ++zone) population[zone] = 200.0;
    request.balance = {{"pop", population, 0.01}};
    const auto result = partition(request);
    require_sound(result, graph, 3);
    CHECK(result.within_tolerance);
    CHECK(result.stats.cut_length <= 1200);
}

TEST_CASE("partition: infeasible requests say why", "[partition]") {
    const auto graph = test::grid_graph(4, 4);
    const auto names = test::zone_names(graph.size());
    PartitionRequest request;
    request.graph = &graph;
    request.zone_ids = &names;
    request.balance = {{"pop", std::vector<double>(16, 100.0), 0.01}};

    SECTION("more localities than zones") {
        request.k = 17;
        try {
            partition(request);
            FAIL("no error");
        } catch (const Error& e) {
            CHECK(e.kind() == ErrorKind::infeasible_request);
            CHECK(std::string(e.what()).find("17 localities from 16 zones") != std::string::npos);
        }
    }
    SECTION("one zone larger than the band") {
        request.k = 4;
        request.balance[0].values[5] = 900; // total 2,400, mean 600: zone Z5 alone is 900
        const auto result = partition(request);
        require_sound(result, graph, 4);
        CHECK_FALSE(result.within_tolerance);
        REQUIRE_FALSE(result.problems.empty());
        CHECK(result.problems[0].find("zone Z5 alone has pop 900") != std::string::npos);
        // The deviations of the plan returned are listed too.
        CHECK(std::any_of(result.problems.begin(), result.problems.end(),
                          [](const std::string& p) { return p.find("above the mean 600") != std::string::npos; }));
    }
    SECTION("an island that no whole number of localities fits") {
        // 4x4 grid plus a two-zone island (16, 17) with no crossing.
        auto edges = test::grid_graph(4, 4).edges();
        edges.push_back({16, 17, 50.0, false});
        const ContiguityGraph with_island(18, edges);
        const auto island_names = test::zone_names(18);
        request.graph = &with_island;
        request.zone_ids = &island_names;
        request.k = 3;
        request.balance = {{"pop", std::vector<double>(18, 100.0), 0.01}}; // island: 200 of a mean 600
        const auto result = partition(request);
        REQUIRE(result.assignment.size() == 18);
        CHECK(std::set<int>(result.assignment.begin(), result.assignment.end()).size() == 3);
        CHECK_FALSE(result.within_tolerance);
        REQUIRE_FALSE(result.problems.empty());
        CHECK(std::any_of(result.problems.begin(), result.problems.end(), [](const std::string& p) {
            return p.find("island of 2 zone(s) Z16, Z17 is joined to the rest by neither land nor a recorded crossing") !=
                   std::string::npos;
        }));
    }
    SECTION("malformed requests") {
        request.k = 1;
        CHECK_THROWS_AS(partition(request), Error);
        request.k = 2;
        request.balance[0].values[3] = -5;
        try {
            partition(request);
            FAIL("no error");
        } catch (const Error& e) {
            CHECK(e.kind() == ErrorKind::bad_value);
            CHECK(std::string(e.what()).find("Z3") != std::string::npos);
        }
        request.balance[0].values[3] = 100;
        request.locks.assign(16, -1);
        request.locks[2] = 2; // only localities 0 and 1 exist
        CHECK_THROWS_AS(partition(request), Error);
    }
}

TEST_CASE("partition: progress is reported and can cancel", "[partition]") {
    const auto graph = test::grid_graph(20, 20);
    PartitionRequest request;
    request.graph = &graph;
    request.k = 3;
    request.balance = {{"pop", test::zone_populations(graph.size()), 0.01}};
    double last = -1;
    int calls = 0;
    request.progress = [&](double fraction) {
        CHECK(fraction >= last);
        last = fraction;
        return ++calls < 3;
    };
    const auto result = partition(request);
    CHECK(result.cancelled);
    CHECK(calls == 3);
    require_sound(result, graph, 3); // the best plan so far is still whole
}
