// One evaluation of a plan's localities for the report's main and split towns and every
// locality layer (lp::locality_statistics): the plan's bands weigh how many localities a
// split town needs, and without a population column a town is counted by its zones.
#include "../grid_dataset.hpp"

#include <lp/report/locality_features.hpp>

#include <catch2/catch.hpp>

using namespace lp;

namespace {

// The grid's West (columns 0-2) and East (3-5) halves as a plan balancing `people`.
LocalityPlan grid_plan(const Dataset& data, double tolerance) {
    LocalityPlan plan;
    plan.localities = {{"L1", "West", "#808080"}, {"L2", "East", "#404040"}};
    for (std::size_t z = 0; z < data.zones.size(); ++z) plan.assignment[data.zones.ids[z]] = z % 6 < 3 ? "L1" : "L2";
    plan.balance = {{"people", tolerance, false}};
    return plan;
}

// Two towns: "Westbury" (zones 0, 1 and 6, all West) and "Middleton" (zones 2 and 3, on the
// line between the halves, so split).
Settlements two_towns(const Dataset& data) {
    Settlements towns;
    towns.groups.kind = "settlement";
    towns.groups.keep_whole = true;
    towns.groups.names = {"Westbury", "Middleton"};
    towns.groups.of_zone.assign(data.zones.size(), -1);
    towns.zones = {{0, 1, 6}, {2, 3}};
    for (std::size_t t = 0; t < towns.zones.size(); ++t)
        for (const auto z : towns.zones[t]) towns.groups.of_zone[z] = static_cast<int>(t);
    return towns;
}

} // namespace

TEST_CASE("locality statistics name main towns by zones without a population column", "[report][settlements]") {
    const Dataset data = test::grid_dataset();  // its one column, "people", is not named as a population
    const LocalityPlan plan = grid_plan(data, 0.10);
    const Settlements towns = two_towns(data);
    const std::vector<int> groups = zone_groups(plan, data.zones.ids);
    const PlanStatistics stats = locality_statistics(plan, data, groups, &towns);
    REQUIRE(stats.localities.size() == 2);
    CHECK(stats.localities[0].main_settlement == 0);  // Westbury: 3 zones of West's towns
    CHECK(stats.localities[1].main_settlement == 1);  // Middleton: the only town reaching East
    REQUIRE(stats.splits.size() == 1);
    REQUIRE(stats.splits[0].split == std::vector<int>{1});
    CHECK(stats.splits[0].needed == std::vector<int>{1});  // 7 people fit whole in a band of 10 %

    // The locality layer reads the same evaluation.
    const std::vector<MultiPolygon> shapes(2);
    LocalityFacts facts;
    facts.settlements = &towns;
    const auto features = locality_features(plan, data, shapes, FunctionCatalogue{}, facts);
    REQUIRE(features.size() == 2);
    CHECK(features[0].properties.at("main_settlement").get<std::string>() == "Westbury");
    CHECK(features[1].properties.at("settlements_split").get<std::string>() == "Middleton");

    // No settlements: nothing to name, and no people counted.
    const PlanStatistics plain = locality_statistics(plan, data, groups, nullptr);
    CHECK(plain.splits.empty());
    CHECK(plain.localities[0].main_settlement < 0);
    CHECK(plain.people == 0);
}
