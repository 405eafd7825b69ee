// Plan files and the check at a size where quadratic work shows: 50,000 zones and
// 1,000 localities with every catalogue function arranged in each. (At this size the
// former ordered_json member lookups took seconds.)
#include <catch2/catch.hpp>

#include <lp/core/error.hpp>
#include <lp/plan/assignment_csv.hpp>
#include <lp/plan/function_catalogue.hpp>
#include <lp/plan/plan_check.hpp>
#include <lp/plan/plan_file.hpp>

#include <cstdio>
#include <string>

using namespace lp;

namespace {

std::string zone_id(std::size_t z) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "S01%07zu", z);
    return buffer;
}

// Zone z in locality z / 50 (ids in a shuffled-looking order: the lookup is not sorted).
AssignmentTable lookup(std::size_t zones) {
    AssignmentTable table;
    table.source = "big.csv";
    for (std::size_t i = 0; i < zones; ++i) {
        const std::size_t z = (i * 7919) % zones; // 7919 is prime, so this visits every zone once
        const std::string l = std::to_string(z / 50 + 1);
        table.rows.push_back({zone_id(z), "L" + l, "Locality " + l, i + 2});
    }
    return table;
}

} // namespace

TEST_CASE("Plan file: 50,000 zones and 1,000 localities round-trip, text byte for byte", "[plan]") {
    const std::size_t zones = 50000;
    LocalityPlan plan = plan_from_assignment(lookup(zones));
    REQUIRE(plan.localities.size() == 1000);
    CHECK(plan.localities[0].id == "L1");  // in their own order: L2 before L10, not the rows' order
    CHECK(plan.localities[1].id == "L2");
    CHECK(plan.localities[9].id == "L10");
    const FunctionCatalogue catalogue = read_catalogue(default_catalogue_path());
    add_default_arrangements(plan, catalogue);
    plan.sources["zones"] = "zones.gpkg";
    plan.crossings.push_back({zone_id(1), zone_id(2), "bridge"});

    const std::string text = plan_to_json_text(plan);
    const LocalityPlan back = plan_from_json_text(text, "big.json");
    CHECK(back == plan);
    CHECK(plan_to_json_text(back) == text);
    // Members are written in the map's order: the first zone first, the last last.
    CHECK(text.find("\"" + zone_id(0) + "\": \"L1\"") < text.find("\"" + zone_id(zones - 1) + "\": \"L1000\""));

    // A duplicate key deep in the big object is still refused by name.
    std::string doubled = text;
    const std::string last = "\"" + zone_id(zones - 1) + "\": \"L1000\"";
    doubled.replace(doubled.find(last), last.size(), last + ",\n    " + last);
    try {
        plan_from_json_text(doubled, "big.json");
        FAIL("a duplicate zone key was accepted");
    } catch (const Error& e) {
        CHECK(std::string(e.what()) == "big.json: /assignment: key \"" + zone_id(zones - 1) + "\" appears twice in one object");
    }

    CheckInput input;
    for (std::size_t z = 0; z < zones; ++z) input.zone_ids.push_back(zone_id(z));
    input.catalogue = &catalogue;
    const PlanCheck check = check_plan(back, input);
    CHECK(check.count(CheckProblem::function_missing) == 0);
    CHECK(check.valid());
    // One locality's hosted arrangement naming no locality of the plan is still found.
    LocalityPlan bad = back;
    auto& arrangement = bad.arrangements.begin()->second.at("L432");
    arrangement.delivery = Delivery::hosted;
    arrangement.hosted_by = "L9999";
    const PlanCheck bad_check = check_plan(bad, input);
    REQUIRE(bad_check.count(CheckProblem::host_missing) == 1);
    CHECK(bad_check.failures[0].locality == "L432");
    CHECK(format_check(bad_check, bad).find("in locality L432 (Locality 432) is hosted by \"L9999\"") != std::string::npos);
}
