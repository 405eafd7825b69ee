#include <catch2/catch.hpp>

#include <lp/partition/statistics.hpp>

#include "synthetic_graphs.hpp"

#include <cmath>
#include <numbers>

using namespace lp;

TEST_CASE("evaluate: halves of a 4x4 grid", "[partition]") {
    const auto graph = test::grid_graph(4, 4);
    std::vector<int> assignment(16);
    for (int zone = 0; zone < 16; ++zone) assignment[zone] = zone % 4 < 2 ? 0 : 1;
    std::vector<double> population(16, 100.0);
    population[0] = 130; // locality 0: 830, locality 1: 800, mean 815
    const std::vector<BalanceLayer> balance{{"pop", population, 0.01}};
    const std::vector<int> groups{0, 0, 0, 1, 2, 2, 2, 2, -1, -1, -1, -1, 3, 3, 3, 3};

    const auto stats = evaluate(graph, assignment, 2, balance, groups);
    REQUIRE(stats.localities.size() == 2);
    CHECK(stats.localities[0].zones == 8);
    CHECK(stats.localities[0].totals[0] == 830);
    CHECK(stats.means[0] == Approx(815));
    CHECK(stats.localities[0].deviation[0] == Approx(15.0 / 815));
    CHECK(stats.localities[1].deviation[0] == Approx(-15.0 / 815));
    CHECK(stats.max_deviation[0] == Approx(15.0 / 815));
    CHECK_FALSE(stats.within_tolerance); // 1.8% > 1%
    CHECK(stats.cut_length == Approx(400));
    // Each half is 200 m x 400 m: area 80,000 m2, outline 1,200 m.
    CHECK(stats.localities[0].area == Approx(80000));
    CHECK(stats.localities[0].perimeter == Approx(1200));
    CHECK(stats.localities[0].polsby_popper == Approx(4 * std::numbers::pi * 80000 / (1200.0 * 1200.0)));
    CHECK(stats.contiguous);
    CHECK(stats.split_groups == 3); // groups 0, 2 and 3 straddle the cut; group 1 does not

    const auto problems = describe_problems(stats, balance);
    REQUIRE(problems.size() == 2);
    CHECK(problems[0] == "locality 1: pop 830 is 1.84% above the mean 815 (tolerance 1%)");
}

TEST_CASE("evaluate: a locality in two pieces, crossings and unassigned zones", "[partition]") {
    // 3x1 strip plus a crossing from zone 0 to zone 2.
    const auto strip = test::grid_graph(3, 1, 100.0, {{0, 2, 0.0, true}});
    const std::vector<BalanceLayer> balance{{"pop", {1, 1, 1}, 0.5}};

    auto stats = evaluate(strip, {0, 1, 0}, 2, balance);
    CHECK(stats.localities[0].pieces == 1); // joined by the crossing
    CHECK(stats.localities[0].crossings == 1);
    CHECK(stats.cut_length == Approx(200)); // the crossing is not land boundary
    CHECK(stats.contiguous);

    const auto line = test::grid_graph(3, 1);
    stats = evaluate(line, {0, 1, 0}, 2, balance);
    CHECK(stats.localities[0].pieces == 2);
    CHECK_FALSE(stats.contiguous);
    const auto problems = describe_problems(stats, balance, {"North", "South"});
    REQUIRE_FALSE(problems.empty());
    CHECK(problems[0].find("locality North is in 2 separate pieces") != std::string::npos);

    stats = evaluate(line, {0, -1, 1}, 2, balance);
    CHECK(stats.unassigned == 1);
    CHECK_FALSE(stats.within_tolerance);
}

TEST_CASE("format_percent", "[partition]") {
    CHECK(format_percent(0.01) == "1%");
    CHECK(format_percent(0.015) == "1.5%");
    CHECK(format_percent(0.001) == "0.1%");
    CHECK(format_percent(0.0125) == "1.25%");
    CHECK(format_percent(0.25) == "25%");
}
