#include <catch2/catch.hpp>

#include <lp/plan/plan_check.hpp>
#include <lp/plan/plan_balance.hpp>

#include <limits>

#include "plan_fixtures.hpp"

using namespace lp;

namespace {

// Six zones in a row, Z0 - Z1 - Z2 - Z3 - Z4 ~ Z5, where Z5 is an island joined to Z4
// by a crossing the graph builder found.
struct Strip {
    std::vector<std::string> ids = {"Z0", "Z1", "Z2", "Z3", "Z4", "Z5"};
    ContiguityGraph graph;
    FunctionCatalogue catalogue;

    Strip() {
        graph = ContiguityGraph(6, {{0, 1, 100, false}, {1, 2, 100, false}, {2, 3, 100, false}, {3, 4, 100, false},
                                    {4, 5, 0, true}});
        graph.crossings = {{4, 5, 2500, false, "nearest component"}};
        catalogue.source = "test.csv";
        catalogue.functions = {{"ASC-HC", "care at home", "adult social care", Delegation::must, Delivery::local, {}},
                               {"SA-AE", "accident and emergency", "set aside", Delegation::must, Delivery::acute, {}}};
    }

    LocalityPlan plan() const {
        LocalityPlan p;
        p.localities = {{"A", "West", "#111111", false}, {"B", "East", "#222222", false}};
        for (int z = 0; z < 6; ++z) p.assignment[ids[z]] = z < 3 ? "A" : "B";
        add_default_arrangements(p, catalogue);
        return p;
    }

    CheckInput input() const {
        CheckInput in;
        in.zone_ids = ids;
        in.graph = &graph;
        in.catalogue = &catalogue;
        return in;
    }
}; // struct Strip

} // namespace

TEST_CASE("Check: a complete plan is valid and lists the crossing it needs", "[plan]") {
    const Strip s;
    const PlanCheck check = check_plan(s.plan(), s.input());
    CHECK(check.valid());
    CHECK(check.failures.empty());
    REQUIRE(check.crossings_used.size() == 1);
    CHECK(check.crossings_used[0].locality == "B");
    CHECK(check.crossings_used[0].zone_a == "Z4");
    CHECK(check.crossings_used[0].zone_b == "Z5");
    CHECK_FALSE(check.crossings_used[0].recorded_in_plan);
    CHECK(format_check(check, s.plan()).find("VALID: the plan meets the rules") != std::string::npos);
}

TEST_CASE("Check: one function missing in one locality names both", "[plan]") {
    const Strip s;
    LocalityPlan p = s.plan();
    p.arrangements["SA-AE"].erase("B");
    const PlanCheck check = check_plan(p, s.input());
    CHECK_FALSE(check.valid());
    REQUIRE(check.failures.size() == 1);
    const auto& f = check.failures[0];
    CHECK(f.problem == CheckProblem::function_missing);
    CHECK(f.function == "SA-AE");
    CHECK(f.locality == "B");
    CHECK(f.message == "function SA-AE (accident and emergency) has no arrangement in locality B (East)");
    CHECK(statutory_rule(f.problem) == 3);
    CHECK(format_check(check, p).find("FAIL rule 3 [function_missing] function SA-AE") != std::string::npos);
}

TEST_CASE("Check: an unassigned zone, a zone outside the area and a one-locality plan fail clearly", "[plan]") {
    const Strip s;
    SECTION("unassigned") {
        LocalityPlan p = s.plan();
        p.assignment.erase("Z1");
        const PlanCheck check = check_plan(p, s.input());
        REQUIRE(check.count(CheckProblem::zone_unassigned) == 1);
        CHECK(check.failures[0].zone == "Z1");
        CHECK(check.failures[0].message == "zone Z1 is in no locality");
        // Z0 is now cut off from Z2 as well: connectedness is reported too.
        CHECK(check.count(CheckProblem::locality_disconnected) == 1);
    }
    SECTION("outside the area") {
        LocalityPlan p = s.plan();
        p.assignment["S01999999"] = "A";
        const PlanCheck check = check_plan(p, s.input());
        REQUIRE(check.failures.size() == 1);
        CHECK(check.failures[0].problem == CheckProblem::zone_outside_area);
        CHECK(check.failures[0].message == "zone S01999999 (in locality A (West)) is not a zone of the partnership's area");
    }
    SECTION("one locality") {
        LocalityPlan p = s.plan();
        p.localities.pop_back();
        for (auto& [zone, locality] : p.assignment) locality = "A";
        const PlanCheck check = check_plan(p, s.input());
        REQUIRE(check.failures.size() == 1);
        CHECK(check.failures[0].problem == CheckProblem::too_few_localities);
        CHECK(check.failures[0].message == "the plan has 1 locality; s.29(3)(a) needs the area divided into two or more");
    }
    SECTION("assigned to a locality the plan does not have, and an empty locality") {
        LocalityPlan p = s.plan();
        for (auto& [zone, locality] : p.assignment)
            if (locality == "B") locality = "C";
        const PlanCheck check = check_plan(p, s.input());
        CHECK(check.count(CheckProblem::unknown_locality) == 3);
        CHECK(check.count(CheckProblem::empty_locality) == 1);
    }
    SECTION("a zone listed in two localities by a CSV") {
        CheckInput in = s.input();
        in.conflicts.push_back({"Z2", "A", "B", 4, 9});
        const PlanCheck check = check_plan(s.plan(), in);
        REQUIRE(check.failures.size() == 1);
        CHECK(check.failures[0].message == "zone Z2 is in locality A (line 4) and in locality B (line 9)");
    }
}

TEST_CASE("Check: a locality in two pieces fails unless a crossing joins them", "[plan]") {
    const Strip s;
    LocalityPlan p = s.plan();
    p.assignment["Z1"] = "B"; // A is now Z0 and Z2, with Z1 between them
    PlanCheck check = check_plan(p, s.input());
    REQUIRE(check.count(CheckProblem::locality_disconnected) == 2); // B: Z1 apart from Z3..Z5 too
    CHECK(check.failures[0].message ==
          "locality A (West) is in 2 separate pieces (main piece 1 zones); cut off: 1 zone (Z2)");

    // Generated island links can be refused; a crossing the plan records is always allowed.
    LocalityPlan island = s.plan();
    CheckInput strict = s.input();
    strict.allow_generated_crossings = false;
    check = check_plan(island, strict);
    REQUIRE(check.count(CheckProblem::locality_disconnected) == 1);
    CHECK(check.failures[0].zone == "Z5");
    island.crossings.push_back({"Z5", "Z4", "Uig ferry"});
    check = check_plan(island, strict);
    CHECK(check.valid());
    REQUIRE(check.crossings_used.size() == 1);
    CHECK(check.crossings_used[0].note == "Uig ferry");
    CHECK(check.crossings_used[0].recorded_in_plan);
}

TEST_CASE("Check: hosted arrangements must name a locality of the plan", "[plan]") {
    const Strip s;
    LocalityPlan p = s.plan();
    p.arrangements["ASC-HC"]["B"] = {Delivery::hosted, "A", ""};
    CHECK(check_plan(p, s.input()).valid());
    p.arrangements["ASC-HC"]["B"] = {Delivery::hosted, "", ""};
    PlanCheck check = check_plan(p, s.input());
    REQUIRE(check.failures.size() == 1);
    CHECK(check.failures[0].message == "function ASC-HC (care at home) in locality B (East) is hosted but names no host locality");
    p.arrangements["ASC-HC"]["B"] = {Delivery::hosted, "Q", ""};
    check = check_plan(p, s.input());
    REQUIRE(check.failures.size() == 1);
    CHECK(check.failures[0].problem == CheckProblem::host_missing);
    // Arrangements for functions the catalogue lacks are a warning, not a failure.
    p.arrangements["ASC-HC"]["B"] = {Delivery::hosted, "A", ""};
    p.arrangements["LOCAL-X"]["A"] = {};
    check = check_plan(p, s.input());
    CHECK(check.valid());
    REQUIRE(check.warnings.size() == 1);
    CHECK(check.warnings[0].find("LOCAL-X") != std::string::npos);
}

TEST_CASE("Check: a grown Glasgow plan is valid on the real graph and a broken one names zone and function", "[plan]") {
    const auto& data = test::council_dataset("S12000049");
    const auto catalogue = read_catalogue(default_catalogue_path());
    LocalityPlan plan = test::grown_plan(data, test::council_options("S12000049"), 3, catalogue);
    CheckInput input;
    input.zone_ids = data.zones.ids;
    input.graph = &data.graph;
    input.catalogue = &catalogue;
    const PlanCheck ok = check_plan(plan, input);
    INFO(format_check(ok, plan));
    CHECK(ok.valid());
    CHECK(ok.zones_in_area == 746);
    CHECK(ok.functions == 38);

    plan.arrangements["CHS-DN"].erase("L2");
    plan.assignment.erase(data.zones.ids[100]);
    plan.assignment["S01006506"] = "L1"; // an Aberdeen zone
    const PlanCheck bad = check_plan(plan, input);
    CHECK_FALSE(bad.valid());
    CHECK(bad.count(CheckProblem::function_missing) == 1);
    CHECK(bad.count(CheckProblem::zone_unassigned) == 1);
    CHECK(bad.count(CheckProblem::zone_outside_area) == 1);
    const std::string text = format_check(bad, plan);
    CHECK(text.find("function CHS-DN (district nursing) has no arrangement in locality L2 (Area 2)") != std::string::npos);
    CHECK(text.find("zone " + data.zones.ids[100] + " is in no locality") != std::string::npos);
    CHECK(text.find("zone S01006506 (in locality L1 (Area 1)) is not a zone of the partnership's area") != std::string::npos);
}

// Issue 24: a band of -0 (a plan may say -0.0) or of 1e308 (its per cent overflows) prints
// as a per cent a planner can read, never "+/--0%" or "+/-inf%".
TEST_CASE("Check: balance bands print without -0 or inf", "[plan]") {
    CHECK(lp::describe_rule({"pop", -0.0, false}) == "pop +/-0%");
    CHECK(lp::describe_rule({"pop", 0.1, false}) == "pop +/-10%");
    CHECK(lp::describe_rule({"pop", 0.005, false}) == "pop +/-0.5%");
    CHECK(lp::describe_rule({"pop", 1.5, false}) == "pop +/-150%");
    CHECK(lp::describe_rule({"pop", 0.25, true}) == "pop +/-25% (soft: a town kept whole may exceed it)");
    CHECK(lp::describe_rule({"pop", 1e308, false}) == "pop +/-1e+310%");
    CHECK(lp::describe_rule({"pop", std::numeric_limits<double>::max(), false}).find("inf") == std::string::npos);
}
