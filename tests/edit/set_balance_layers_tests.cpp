#include <lp/core/error.hpp>
#include <lp/edit/plan_editor.hpp>
#include <lp/edit/set_balance_layers.hpp>

#include "two_halves.hpp"

#include <catch2/catch.hpp>

#include <memory>

using lp::test::cell;
using lp::test::grid_graph;
using lp::test::two_halves;

namespace {

void require_totals_match(const lp::PlanState& state) {
    const auto fresh = lp::recount_statistics(state.graph(), state.layers(), state.assignment(), state.locality_count());
    for (std::size_t i = 0; i < state.locality_count(); ++i) {
        REQUIRE(state.statistics(i).totals.size() == state.layers().size());
        for (std::size_t l = 0; l < state.layers().size(); ++l) {
            CHECK(state.statistics(i).totals[l] == Approx(fresh[i].totals[l]));
        }
    }
}

} // namespace

TEST_CASE("a balance rule change is one undo step that restores the layers and totals", "[edit][balance]") {
    const auto graph = grid_graph(4, 4, 1.0);
    lp::PlanEditor editor = two_halves(graph);
    const double west_people = editor.state().statistics(0).totals[0];
    const std::size_t depth = editor.undo_depth();

    // Add a second layer with a 20% band.
    auto layers = editor.state().layers();
    layers.push_back(lp::test::counting_layer("over75", graph.size(), 1, 0.20));
    REQUIRE(editor.execute(std::make_unique<lp::SetBalanceLayers>(layers, "balance over75")).applied);
    REQUIRE(editor.state().layers().size() == 2);
    CHECK(editor.state().layers()[1].name == "over75");
    require_totals_match(editor.state());
    CHECK(editor.undo_label() == "balance over75");

    // Move the first band, then undo both changes one at a time.
    layers[0].tolerance = 0.15;
    REQUIRE(editor.execute(std::make_unique<lp::SetBalanceLayers>(layers, "band of population")).applied);
    CHECK(editor.state().layers()[0].tolerance == Approx(0.15));
    REQUIRE(editor.undo());
    CHECK(editor.state().layers()[0].tolerance == Approx(0.05));
    CHECK(editor.state().layers().size() == 2);
    REQUIRE(editor.undo());
    REQUIRE(editor.state().layers().size() == 1);
    CHECK(editor.state().layers()[0].name == "population");
    CHECK(editor.state().statistics(0).totals[0] == Approx(west_people));
    CHECK(editor.undo_depth() == depth);
    const std::size_t saved_id = editor.state_id();

    // Redo brings the layer back with its totals; a paint afterwards keeps them current.
    REQUIRE(editor.redo());
    REQUIRE(editor.state().layers().size() == 2);
    CHECK(editor.state_id() != saved_id);
    REQUIRE(editor.paint({cell(0, 2, 4)}, 0).applied);
    require_totals_match(editor.state());
}

TEST_CASE("setting the same rules is no edit, and a layer of the wrong size is refused", "[edit][balance]") {
    const auto graph = grid_graph(4, 4, 1.0);
    lp::PlanEditor editor = two_halves(graph);
    const std::size_t depth = editor.undo_depth();
    CHECK_FALSE(editor.execute(std::make_unique<lp::SetBalanceLayers>(editor.state().layers(), "same")).applied);
    CHECK(editor.undo_depth() == depth);

    auto layers = editor.state().layers();
    layers.push_back(lp::test::counting_layer("short", 3, 1, 0.1));
    const lp::EditResult result = editor.execute(std::make_unique<lp::SetBalanceLayers>(layers, "bad"));
    CHECK_FALSE(result.applied);
    CHECK(result.message.find("short") != std::string::npos);
    CHECK(editor.state().layers().size() == 1);
}
