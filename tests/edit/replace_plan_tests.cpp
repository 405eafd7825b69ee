// ReplacePlan (lp/edit/replace_plan.hpp): a generated plan replaces the localities, the
// assignment, the arrangements and the locks as one undo step; undo gives back exactly
// the plan before, redo the generated one.
#include <lp/edit/plan_editor.hpp>
#include <lp/edit/replace_plan.hpp>

#include "two_halves.hpp"

#include <catch2/catch.hpp>

#include <memory>

using lp::test::cell;
using lp::test::grid_graph;
using lp::test::population_layer;
using lp::test::require_statistics_match;
using lp::test::two_halves;

namespace {

// Three bands of rows (0, 1, 2-3) of a 4x4 grid, as the partitioner might hand them back.
lp::PlanContent three_rows() {
    lp::PlanContent content;
    content.localities = {lp::numbered_locality(0, "Inverness"), lp::numbered_locality(1, "Wick"),
                          lp::numbered_locality(2, "Portree")};
    for (std::uint32_t r = 0; r < 4; ++r) {
        for (std::uint32_t c = 0; c < 4; ++c) content.assignment.push_back(r < 2 ? static_cast<int>(r) : 2);
    }
    return content;
}

// Two states hold the same plan, figures included.
void require_same_state(const lp::PlanState& a, const lp::PlanState& b) {
    CHECK(lp::plan_content(a) == lp::plan_content(b));
    CHECK(a.unassigned_count() == b.unassigned_count());
    REQUIRE(a.statistics().size() == b.statistics().size());
    for (std::size_t i = 0; i < a.statistics().size(); ++i) {
        CHECK(a.statistics(i).zones == b.statistics(i).zones);
        CHECK(a.statistics(i).pieces == b.statistics(i).pieces);
        CHECK(a.statistics(i).area == Approx(b.statistics(i).area));
        CHECK(a.statistics(i).perimeter == Approx(b.statistics(i).perimeter).margin(1e-9));
        for (std::size_t l = 0; l < a.layers().size(); ++l)
            CHECK(a.statistics(i).totals[l] == Approx(b.statistics(i).totals[l]));
    }
}

} // namespace

TEST_CASE("a generated plan over the empty plan is one undo step back to the empty plan", "[edit][generate]") {
    const auto graph = grid_graph(4, 4, 1.0);
    lp::PlanEditor editor(graph, population_layer(graph.size()));
    const lp::PlanState empty = editor.state();
    REQUIRE(empty.locality_count() == 0);
    const std::size_t empty_id = editor.state_id();

    const lp::EditResult result = editor.execute(std::make_unique<lp::ReplacePlan>(three_rows(), "generate 3 localities"));
    REQUIRE(result.applied);
    CHECK_FALSE(result.split);
    const lp::PlanState generated = editor.state();
    CHECK(lp::plan_content(generated) == three_rows());
    CHECK(generated.localities()[0].name == "Inverness");
    CHECK(generated.localities()[2].id == "L3");
    CHECK(generated.localities()[2].colour == lp::default_locality_colour(2));
    CHECK(generated.unassigned_count() == 0);
    CHECK(generated.statistics(2).zones == 8);
    require_statistics_match(generated);
    CHECK(editor.undo_depth() == 1);
    CHECK(editor.undo_label() == "generate 3 localities");

    REQUIRE(editor.undo());
    require_same_state(editor.state(), empty);
    CHECK(editor.state().locality_count() == 0);
    CHECK(editor.state().unassigned_count() == graph.size());
    CHECK(editor.state_id() == empty_id);  // "unsaved" compares this: the empty plan is clean again

    REQUIRE(editor.redo());
    require_same_state(editor.state(), generated);
    require_statistics_match(editor.state());
}

TEST_CASE("generating over a drawn plan drops its arrangements and locks, and undo brings them back", "[edit][generate]") {
    const auto graph = grid_graph(4, 4, 1.0);
    lp::PlanEditor editor = two_halves(graph);
    const lp::Arrangement hosted{lp::Delivery::hosted, "E", ""};
    REQUIRE(editor.execute(std::make_unique<lp::SetArrangement>("adult_social_care", "W", hosted)).applied);
    REQUIRE(editor.lock_zones({cell(0, 0, 4), cell(3, 3, 4)}, true).applied);
    REQUIRE(editor.execute(std::make_unique<lp::SetLocalityLock>("E", true)).applied);
    const lp::PlanState drawn = editor.state();
    const std::size_t depth = editor.undo_depth();

    // Locks bind the planner's edits, not the generated plan: every zone takes its new locality.
    REQUIRE(editor.execute(std::make_unique<lp::ReplacePlan>(three_rows(), "generate")).applied);
    CHECK(editor.state().locality_count() == 3);
    CHECK(editor.state().arrangements().empty());
    CHECK(editor.state().locked_zone_count() == 0);
    CHECK(editor.state().locality_of(cell(3, 3, 4)) == 2);
    require_statistics_match(editor.state());

    REQUIRE(editor.undo());
    CHECK(editor.undo_depth() == depth);
    require_same_state(editor.state(), drawn);
    CHECK(editor.state().zone_locked(cell(0, 0, 4)));
    CHECK(editor.state().localities()[1].locked);
    CHECK(editor.state().arrangements().at("adult_social_care").at("W").hosted_by == "E");
    require_statistics_match(editor.state());
}

TEST_CASE("a generated plan keeps the content it is given, locks and arrangements too", "[edit][generate]") {
    const auto graph = grid_graph(4, 4, 1.0);
    lp::PlanEditor editor(graph, population_layer(graph.size()));
    lp::PlanContent content = three_rows();
    content.locked_zones = {cell(3, 0, 4), cell(0, 1, 4)};  // any order
    content.arrangements["adult_social_care"]["L2"] = lp::Arrangement{};
    REQUIRE(editor.execute(std::make_unique<lp::ReplacePlan>(content, "generate")).applied);
    CHECK(editor.state().zone_locked(cell(3, 0, 4)));
    CHECK(editor.state().zone_locked(cell(0, 1, 4)));
    CHECK(editor.state().locked_zone_count() == 2);
    CHECK(editor.state().arrangements().at("adult_social_care").count("L2") == 1);
}

TEST_CASE("a generated plan that does not fit the zones is refused and changes nothing", "[edit][generate]") {
    const auto graph = grid_graph(4, 4, 1.0);
    lp::PlanEditor editor = two_halves(graph);
    const lp::PlanContent before = lp::plan_content(editor.state());
    const std::size_t depth = editor.undo_depth();

    lp::PlanContent short_one = three_rows();
    short_one.assignment.pop_back();
    lp::PlanContent unknown = three_rows();
    unknown.assignment[5] = 3;
    lp::PlanContent twice = three_rows();
    twice.localities[1].id = "L1";
    for (const auto& [content, message] : {std::pair{short_one, "the new plan has 15 zones, the plan has 16"},
                                           std::pair{unknown, "the new plan names locality 3"},
                                           std::pair{twice, "the new plan has locality 'L1' twice"}}) {
        const lp::EditResult result = editor.execute(std::make_unique<lp::ReplacePlan>(content, "generate"));
        CHECK_FALSE(result.applied);
        CHECK(result.message == message);
        CHECK(lp::plan_content(editor.state()) == before);
        CHECK(editor.undo_depth() == depth);
    }
    // The same plan again is no edit at all.
    const lp::EditResult same = editor.execute(std::make_unique<lp::ReplacePlan>(before, "generate"));
    CHECK_FALSE(same.applied);
    CHECK(same.message == "nothing changed");
}

TEST_CASE("a generated locality in pieces is refused as a split, or applied with a warning", "[edit][generate]") {
    const auto graph = grid_graph(4, 4, 1.0);
    lp::PlanEditor editor(graph, population_layer(graph.size()));
    lp::PlanContent content = three_rows();
    content.assignment[cell(3, 3, 4)] = 0;  // a corner of the first rows' locality, cut off
    const lp::EditResult refused = editor.execute(std::make_unique<lp::ReplacePlan>(content, "generate"));
    CHECK_FALSE(refused.applied);
    CHECK(refused.message == "refused: generate would split Inverness");
    CHECK(editor.state().locality_count() == 0);
    editor.set_split_policy(lp::SplitPolicy::warn);
    const lp::EditResult warned = editor.execute(std::make_unique<lp::ReplacePlan>(content, "generate"));
    CHECK(warned.applied);
    CHECK(warned.split);
    CHECK(editor.state().statistics(0).pieces == 2);
}
