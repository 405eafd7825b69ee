#include <catch2/catch.hpp>

#include <lp/core/error.hpp>
#include <lp/plan/assignment_csv.hpp>
#include <lp/io/csv_table.hpp>
#include <lp/io/zone_layer.hpp>

#include "plan_fixtures.hpp"

#include <fstream>

using namespace lp;

namespace {

std::string write_text(const std::string& name, const std::string& text) {
    const std::string path = test::scratch_folder("assignment_csv_" + name) + "/lookup.csv";
    std::ofstream(path) << text;
    return path;
}

} // namespace

TEST_CASE("Assignment CSV: a published lookup imports and exports back", "[plan]") {
    const auto path = write_text("import", "dz11_code,hscp_locality\nS01000003,Skye\nS01000001,Inverness\nS01000002,Skye\n");
    const LocalityPlan plan = plan_from_assignment(read_assignment_csv(path));
    REQUIRE(plan.localities.size() == 2);
    CHECK(plan.localities[0].id == "Inverness"); // in their own order, not the rows'
    CHECK(plan.localities[1].name == "Skye");
    CHECK(plan.localities[0].colour != plan.localities[1].colour);
    CHECK(plan.assignment.at("S01000002") == "Skye");

    const std::string exported = assignment_to_csv(plan);
    CHECK(exported == "zone,locality,locality_name\nS01000001,Inverness,Inverness\nS01000002,Skye,Skye\nS01000003,Skye,Skye\n");
    const auto again = plan_from_assignment(read_assignment_csv(write_text("again", exported)));
    CHECK(again.assignment == plan.assignment);
}

TEST_CASE("Assignment CSV: named columns, locality names, conflicts", "[plan]") {
    const auto path = write_text("named", "locality,zone,locality_name\nL1,S01000001,\"Badenoch, Strathspey\"\nL2,S01000002,Lochaber\n"
                                          "L2,S01000001,Lochaber\nL1,S01000001,\"Badenoch, Strathspey\"\n");
    const AssignmentTable table = read_assignment_csv(path);
    REQUIRE(table.rows.size() == 4);
    CHECK(table.rows[0].zone == "S01000001");
    CHECK(table.rows[0].locality_name == "Badenoch, Strathspey");

    std::vector<AssignmentConflict> conflicts;
    const LocalityPlan plan = plan_from_assignment(table, &conflicts);
    CHECK(plan.localities[0].name == "Badenoch, Strathspey");
    CHECK(plan.assignment.at("S01000001") == "L1");
    REQUIRE(conflicts.size() == 1); // the repeat with the same locality is not a conflict
    CHECK(conflicts[0].zone == "S01000001");
    CHECK(conflicts[0].first_line == 2);
    CHECK(conflicts[0].other_line == 4);
    CHECK_THROWS_WITH(plan_from_assignment(table),
                      path + ": zone S01000001 is in locality L1 (line 2) and in locality L2 (line 4); a zone belongs to "
                             "exactly one locality");

    CHECK_THROWS_WITH(read_assignment_csv(write_text("empty", "zone,locality\nS01000001,\n")),
                      Catch::EndsWith("line 2: zone S01000001 has an empty locality"));
}

TEST_CASE("Assignment CSV: with a zone layer a lookup may have no header or head its zones with the id field",
          "[plan]") {
    ZoneLayer zones;
    zones.id_field = "dz11_code";
    zones.ids = {"S01000001", "S01000002"};
    zones.names = zones.ids;
    zones.shapes.resize(2);
    zones.areas.resize(2);
    zones.boxes.resize(2);
    zones.rebuild_index();

    const auto bare = read_assignment_csv(write_text("bare", "S01000001,1\nS01000002,West\n"), &zones);
    REQUIRE(bare.rows.size() == 2);
    CHECK(bare.rows[0].zone == "S01000001");
    CHECK(bare.rows[0].line == 1);
    CHECK(bare.rows[1].locality == "West");
    // Without the layer the first row is a header, as a published lookup's is.
    CHECK(read_assignment_csv(write_text("bare_no_layer", "S01000001,1\nS01000002,West\n")).rows.size() == 1);
    // With it, a first row naming no column is data even when its zone is unknown, so that
    // the zone is reported rather than taken for a header.
    const auto unknown_first = read_assignment_csv(write_text("unknown_first", "S01999999,1\n"), &zones);
    REQUIRE(unknown_first.rows.size() == 1);
    CHECK(unknown_first.rows[0].zone == "S01999999");

    const auto by_id = read_assignment_csv(write_text("by_id", "locality,dz11_code\n2,S01000002\n"), &zones);
    REQUIRE(by_id.rows.size() == 1);
    CHECK(by_id.rows[0].zone == "S01000002");
    CHECK(by_id.rows[0].locality == "2");
    CHECK(by_id.rows[0].line == 2);
}

TEST_CASE("Assignment CSV: rows written in their own order, quoted where needed", "[plan]") {
    CHECK(assignment_to_csv(std::vector<AssignmentRow>{{"S2", "1", "Badenoch, Strathspey", 0}, {"S1", "2", "Lochaber", 0}}) ==
          "zone,locality,locality_name\nS2,1,\"Badenoch, Strathspey\"\nS1,2,Lochaber\n");
}
