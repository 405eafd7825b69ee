// Issue 24 item 6: every search is bounded by work. One zone far heavier than any band (a
// typo of 3e8 people) made the local search cycle on Glasgow without end; the partitioner
// now returns a whole plan, names the zone, and the same request gives the same plan.
#include <catch2/catch.hpp>

#include <lp/partition/partition.hpp>

#include "synthetic_graphs.hpp"

#include <chrono>
#include <set>

using namespace lp;

TEST_CASE("partition: one zone heavier than every band gives a plan naming it, within seconds, the same each time",
          "[partition][bounded]") {
    const auto graph = test::grid_graph(40, 30);
    const auto names = test::zone_names(graph.size());
    auto population = test::zone_populations(graph.size());
    population[617] = 3e8;
    auto elderly = test::zone_populations(graph.size());
    PartitionRequest request;
    request.graph = &graph;
    request.k = 4;
    request.balance = {{"pop", population, 0.05}, {"pop75", elderly, 0.25, true}};
    request.zone_ids = &names;
    request.seed = 7;
    const auto started = std::chrono::steady_clock::now();
    const PartitionResult result = partition(request);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    CHECK(seconds < 30);
    REQUIRE(result.assignment.size() == graph.size());
    const std::set<int> used(result.assignment.begin(), result.assignment.end());
    CHECK(used.size() == 4);
    CHECK_FALSE(result.within_tolerance);
    REQUIRE_FALSE(result.problems.empty());
    CHECK_THAT(result.problems.front(), Catch::Contains("zone " + names[617] + " alone has pop 300000000"));
    CHECK(partition(request).assignment == result.assignment);
}
