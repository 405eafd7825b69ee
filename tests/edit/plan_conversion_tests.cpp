#include <lp/core/error.hpp>
#include <lp/edit/plan_conversion.hpp>
#include <lp/edit/recovery_autosave.hpp>

#include "../grid_graph.hpp"
#include "../scratch_folder.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace {

std::vector<std::string> grid_ids(std::size_t n) {
    std::vector<std::string> ids;
    for (std::size_t z = 0; z < n; ++z) ids.push_back("Z" + std::to_string(z));
    return ids;
}

} // namespace

TEST_CASE("a plan converts to the editor's state and back", "[edit]") {
    const auto graph = lp::test::grid_graph(2, 2, 1.0);
    const auto ids = grid_ids(4);
    lp::LocalityPlan plan;
    plan.partnership_code = "S37000015";
    plan.localities = {{"N", "North", "#e69f00", false}, {"S", "South", "#56b4e9", true}};
    plan.assignment = {{"Z0", "N"}, {"Z1", "N"}, {"Z2", "S"}, {"Z3", "S"}};
    plan.locked_zones = {"Z1"};
    plan.arrangements["ASC-HC"]["N"] = lp::Arrangement{lp::Delivery::local, "", "two teams"};

    const lp::PlanState state = lp::state_from_plan(plan, ids, graph, {});
    CHECK(state.locality_count() == 2);
    CHECK(state.locality_of(2) == 1);
    CHECK(state.zone_locked(1));
    CHECK(state.zone_fixed(3)); // its locality is locked
    CHECK(state.statistics(0).zones == 2);
    CHECK(state.statistics(1).pieces == 1);

    const lp::LocalityPlan back = lp::plan_from_state(state, ids, plan);
    CHECK(back.partnership_code == "S37000015");
    CHECK(back.assignment == plan.assignment);
    CHECK(back.locked_zones == plan.locked_zones);
    CHECK(back.localities[1].locked);
    CHECK(back.arrangements.at("ASC-HC").at("N").notes == "two teams");
}

TEST_CASE("a plan naming unknown zones or localities is refused with the name", "[edit]") {
    const auto graph = lp::test::grid_graph(2, 2, 1.0);
    const auto ids = grid_ids(4);
    lp::LocalityPlan plan;
    plan.localities = {{"N", "North", "#e69f00", false}};
    plan.assignment = {{"Z9", "N"}};
    try {
        lp::state_from_plan(plan, ids, graph, {});
        FAIL("no error");
    } catch (const lp::Error& e) {
        CHECK(e.kind() == lp::ErrorKind::unknown_zone);
        CHECK(std::string(e.what()).find("Z9") != std::string::npos);
    }
    plan.assignment = {{"Z0", "Q"}};
    try {
        lp::state_from_plan(plan, ids, graph, {});
        FAIL("no error");
    } catch (const lp::Error& e) {
        CHECK(e.kind() == lp::ErrorKind::bad_plan);
        CHECK(std::string(e.what()).find("'Q'") != std::string::npos);
    }
}

TEST_CASE("a plan check reads but fails opens for repair with its problems listed, as check words them (issue 24)",
          "[edit]") {
    const auto graph = lp::test::grid_graph(2, 2, 1.0);
    const auto ids = grid_ids(4);
    lp::LocalityPlan plan;
    plan.localities = {{"N", "North", "#e69f00", false}, {"S", "South", "#56b4e9", false}};
    plan.assignment = {{"Z0", "N"}, {"Z1", "Q"}, {"Z2", "S"}, {"Z3", "S"}, {"Z9", "N"}};
    plan.locked_zones = {"Z0", "Z8"};
    std::vector<std::string> problems;
    const lp::PlanState state = lp::state_from_plan(plan, ids, graph, {}, &problems);
    CHECK(problems == std::vector<std::string>{
                          "zone Z1 is assigned to \"Q\", which is not one of the plan's localities",
                          "zone Z9 (in locality N (North)) is not a zone of the partnership's area",
                          "locked zone Z8 is not a zone of the partnership's area"});
    CHECK(state.locality_of(0) == 0);
    CHECK(state.locality_of(1) < 0); // left unassigned, for the planner to place
    CHECK(state.locality_of(3) == 1);
    CHECK(state.zone_locked(0));
    // Saved back, the plan holds what the editor shows: the unknown entries are gone.
    const lp::LocalityPlan back = lp::plan_from_state(state, ids, plan);
    CHECK(back.assignment == std::map<std::string, std::string>{{"Z0", "N"}, {"Z2", "S"}, {"Z3", "S"}});
    CHECK(back.locked_zones == std::vector<std::string>{"Z0"});
    // A locality defined twice is still refused: there is no telling which one is meant.
    plan.localities.push_back({"N", "Again", "#000000", false});
    CHECK_THROWS_AS(lp::state_from_plan(plan, ids, graph, {}, &problems), lp::Error);
}

TEST_CASE("the recovery file is written after enough edits or time, atomically", "[edit]") {
    const std::filesystem::path dir = lp::test::scratch_folder("recovery_autosave");
    const std::string path = (dir / "plan.recovery.json").string();
    int serialised = 0;
    lp::RecoveryAutosave autosave(path, [&] { return "revision " + std::to_string(++serialised); }, 3,
                                  std::chrono::seconds(10));
    const auto start = lp::RecoveryAutosave::Clock::now();
    CHECK_FALSE(autosave.poll(0, start));          // nothing changed
    CHECK_FALSE(autosave.poll(2, start));          // two edits, not yet due
    CHECK_FALSE(std::filesystem::exists(path));
    CHECK(autosave.poll(3, start));                // third edit: saved
    CHECK(std::filesystem::exists(path));
    CHECK_FALSE(autosave.poll(4, start + std::chrono::seconds(1)));
    CHECK(autosave.poll(4, start + std::chrono::seconds(11))); // time passed
    CHECK(autosave.saves() == 2);
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    CHECK(text.str() == "revision 2");
    CHECK(autosave.flush(5));
    CHECK_FALSE(autosave.flush(5));
    std::filesystem::remove_all(dir);
}
