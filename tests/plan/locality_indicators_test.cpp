#include <catch2/catch.hpp>

#include <lp/plan/locality_indicators.hpp>

#include "plan_fixtures.hpp"

using namespace lp;

TEST_CASE("Demand shares: weighted mean of term shares, deprivation weighting", "[plan]") {
    LocalityPlan plan;
    plan.localities = {{"A", "A", "", false}, {"B", "B", "", false}};
    plan.assignment = {{"z1", "A"}, {"z2", "B"}, {"z3", "B"}};
    const std::vector<std::string> ids = {"z1", "z2", "z3", "z4"}; // z4 is in no locality
    DemandColumns columns;
    columns.set("pop2020_total", {100, 100, 200, 1000}, "t");
    columns.set("gp_practices_2021", {1, 0, 0, 0}, "t");
    columns.set("simd2020_quintile", {1, 5, 3, 1}, "t");

    FunctionCatalogue catalogue;
    catalogue.functions = {
        {"POP", "", "", Delegation::must, Delivery::local, {{1, "pop2020_total", false}}},
        {"GP", "", "", Delegation::must, Delivery::local, {{1, "pop2020_total", false}, {3, "gp_practices", false}}},
        {"DEP", "", "", Delegation::must, Delivery::local, {{1, "pop2020_total", true}}},
        {"NONE", "", "", Delegation::must, Delivery::local, {}},
        {"MISSING", "", "", Delegation::must, Delivery::local, {{1, "care_homes", false}}},
    };
    const auto shares = function_demand_shares(plan, catalogue, columns, ids);
    REQUIRE(shares.size() == 5);
    CHECK(shares[0].share[0] == Approx(0.25));
    CHECK(shares[0].share[1] == Approx(0.75));
    // (1 * 0.25 + 3 * 1.0) / 4
    CHECK(shares[1].share[0] == Approx(0.8125));
    // A: 100 * 5/3; B: 100 * 1/3 + 200 * 1
    CHECK(shares[2].share[0] == Approx((500.0 / 3) / (500.0 / 3 + 100.0 / 3 + 200)));
    CHECK_FALSE(shares[3].available);
    CHECK_FALSE(shares[4].available);
    CHECK(shares[4].why_unavailable == "no demand column \"care_homes\"");

    CHECK(deprivation_weights({1, 3, 5}) == std::vector<double>{5.0 / 3, 1.0, 1.0 / 3});
    CHECK(resolve_demand_column(columns, "gp_practices") == "gp_practices_2021");
    CHECK(resolve_demand_column(columns, "pop2020") == "pop2020_total");
    columns.set("pop2020_75plus", {1, 1, 1, 1}, "t");
    CHECK(resolve_demand_column(columns, "pop2020") == ""); // two candidates: no guessing
    CHECK(resolve_demand_column(columns, "pop2020_75plus") == "pop2020_75plus");
}

TEST_CASE("Indicators: Glasgow localities add up to the city", "[plan]") {
    const auto& data = test::council_dataset("S12000049");
    const auto catalogue = read_catalogue(default_catalogue_path());
    const LocalityPlan plan = test::grown_plan(data, test::council_options("S12000049"), 3, catalogue);
    const auto indicators = locality_indicators(plan, data);
    REQUIRE(indicators.size() == 3);
    double population = 0, practices = 0, quintile_people = 0, zones = 0;
    for (const auto& ind : indicators) {
        REQUIRE(ind.population);
        REQUIRE(ind.aged_75plus);
        REQUIRE(ind.simd_quintile_population);
        REQUIRE(ind.gp_drive_minutes);
        CHECK(*ind.aged_75plus < *ind.aged_65plus);
        CHECK(*ind.gp_drive_minutes > 0);
        CHECK(*ind.gp_drive_minutes < 30);
        population += *ind.population;
        for (double q : *ind.simd_quintile_population) quintile_people += q;
        practices += ind.points_inside.at("gp_practices_2021");
        zones += ind.zones;
    }
    double city = 0;
    for (double v : data.demand.column("pop2020_total")) city += v;
    CHECK(population == Approx(city));
    CHECK(quintile_people == Approx(city));
    CHECK(zones == 746);
    double in_zones = 0;
    for (double v : data.demand.column("gp_practices_2021")) in_zones += v;
    CHECK(practices == in_zones);
    CHECK(practices > 100);

    const auto shares = function_demand_shares(plan, catalogue, driver_columns(data), data.zones.ids);
    for (const auto& s : shares) {
        INFO(s.code << " " << s.why_unavailable);
        CHECK(s.available);
        CHECK(s.share[0] + s.share[1] + s.share[2] == Approx(1.0));
    }
}
