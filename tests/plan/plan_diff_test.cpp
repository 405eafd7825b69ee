#include <catch2/catch.hpp>

#include <lp/plan/locality_indicators.hpp>
#include <lp/plan/plan_diff.hpp>

#include "plan_fixtures.hpp"

#include <cmath>
#include <set>

using namespace lp;

TEST_CASE("Diff: finds exactly the zones moved and the population that went with them", "[plan]") {
    const auto& data = test::council_dataset("S12000049");
    const auto catalogue = read_catalogue(default_catalogue_path());
    const LocalityPlan a = test::grown_plan(data, test::council_options("S12000049"), 3, catalogue);
    LocalityPlan b = a;
    // Move every 50th zone of L1 to L2 and one zone of L3 out of the plan.
    std::set<std::string> moved;
    std::size_t i = 0;
    for (auto& [zone, locality] : b.assignment)
        if (locality == "L1" && i++ % 50 == 0) {
            locality = "L2";
            moved.insert(zone);
        }
    std::string dropped;
    for (const auto& [zone, locality] : b.assignment)
        if (locality == "L3") dropped = zone;
    b.assignment.erase(dropped);
    moved.insert(dropped);
    b.localities[1].name = "Renamed";

    const std::string population = find_demand_column(data.demand, IndicatorColumns{}.population);
    REQUIRE(population == "pop2020_total");
    const PlanDiff diff = diff_plans(a, b, data.zones.ids, &data.demand, {population, "gp_practices_2021"});
    std::set<std::string> found;
    for (const auto& m : diff.moved) found.insert(m.zone);
    CHECK(found == moved);
    CHECK(diff.moved.size() == moved.size());
    for (const auto& m : diff.moved) CHECK(m.to == (m.zone == dropped ? "" : "L2"));
    REQUIRE(diff.columns.size() == 2);
    REQUIRE(diff.localities.size() == 3);
    CHECK(diff.renamed == std::vector<std::string>{"L2: Area 2 -> Renamed"});

    // The population L1 lost is what L2 gained.
    const auto& pop = data.demand.column(population);
    double moved_to_l2 = 0;
    for (const auto& m : diff.moved)
        if (m.to == "L2") moved_to_l2 += pop[*data.zones.find(m.zone)];
    const auto& l1 = diff.localities[0];
    const auto& l2 = diff.localities[1];
    CHECK(l1.totals_a[0] - l1.totals_b[0] == Approx(moved_to_l2));
    CHECK(l2.totals_b[0] - l2.totals_a[0] == Approx(moved_to_l2));
    CHECK(l1.zones_a - l1.zones_b == moved.size() - 1);
    CHECK(diff.localities[2].zones_a - diff.localities[2].zones_b == 1);

    CHECK(diff_plans(a, a).moved.empty());
    const std::string text = format_diff(diff);
    CHECK(text.rfind(std::to_string(moved.size()) + " zones moved\n", 0) == 0);
    CHECK(text.find("  " + dropped + ": L3 -> (unassigned)") != std::string::npos);
}
