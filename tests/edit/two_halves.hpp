#pragma once
// The plan editor tests' common start: a 4x4 grid (tests/grid_graph.hpp) split into a west
// half (locality 0, columns 0-1) and an east half (1), with a population layer balanced
// within 5%; and the check that a state's live statistics are the figures counted afresh.
#include "../grid_graph.hpp"

#include <lp/edit/plan_editor.hpp>
#include <lp/partition/statistics.hpp>

#include <catch2/catch.hpp>

#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace lp::test {

// n zones holding base, base + 1, ... base + n - 1.
inline BalanceLayer counting_layer(std::string name, std::size_t n, double base, double tolerance) {
    BalanceLayer layer;
    layer.name = std::move(name);
    for (std::size_t z = 0; z < n; ++z) layer.values.push_back(base + static_cast<double>(z));
    layer.tolerance = tolerance;
    return layer;
}

inline std::vector<BalanceLayer> population_layer(std::size_t n) { return {counting_layer("population", n, 100, 0.05)}; }

inline PlanEditor two_halves(const ContiguityGraph& graph) {
    PlanEditor editor(graph, population_layer(graph.size()));
    editor.execute(std::make_unique<AddLocality>(Locality{"W", "West", "#e69f00", false}));
    editor.execute(std::make_unique<AddLocality>(Locality{"E", "East", "#56b4e9", false}));
    std::vector<std::uint32_t> west, east;
    for (std::uint32_t r = 0; r < 4; ++r) {
        for (std::uint32_t c = 0; c < 4; ++c) (c < 2 ? west : east).push_back(cell(r, c, 4));
    }
    REQUIRE(editor.paint(west, 0).applied);
    REQUIRE(editor.paint(east, 1).applied);
    return editor;
}

inline void require_statistics_match(const lp::PlanState& state) {
    const auto fresh = lp::recount_statistics(state.graph(), state.layers(), state.assignment(), state.locality_count());
    REQUIRE(fresh.size() == state.locality_count());
    // The partitioner's evaluate() is an independent implementation of the same figures.
    const lp::PlanStatistics evaluated =
        lp::evaluate(state.graph(), state.assignment(), static_cast<int>(state.locality_count()), state.layers());
    for (std::size_t i = 0; i < state.locality_count(); ++i) {
        INFO("evaluate(), locality " << i);
        const lp::LiveStatistics& live = state.statistics(i);
        CHECK(static_cast<int>(live.zones) == evaluated.localities[i].zones);
        CHECK(static_cast<int>(live.pieces) == evaluated.localities[i].pieces);
        CHECK(static_cast<int>(live.crossings) == evaluated.localities[i].crossings);
        CHECK(live.perimeter == Approx(evaluated.localities[i].perimeter).margin(1e-6));
        CHECK(live.polsby_popper() == Approx(evaluated.localities[i].polsby_popper).margin(1e-9));
    }
    for (std::size_t i = 0; i < fresh.size(); ++i) {
        const lp::LiveStatistics& live = state.statistics(i);
        INFO("locality " << i);
        CHECK(live.zones == fresh[i].zones);
        CHECK(live.area == Approx(fresh[i].area).margin(1e-9));
        CHECK(live.perimeter == Approx(fresh[i].perimeter).margin(1e-9));
        CHECK(live.crossings == fresh[i].crossings);
        CHECK(live.pieces == fresh[i].pieces);
        for (std::size_t l = 0; l < fresh[i].totals.size(); ++l) {
            CHECK(live.totals[l] == Approx(fresh[i].totals[l]).margin(1e-9));
        }
    }
}

} // namespace lp::test
