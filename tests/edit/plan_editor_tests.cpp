#include <lp/edit/plan_editor.hpp>

#include "two_halves.hpp"

#include <catch2/catch.hpp>

#include <memory>
#include <random>

using lp::test::cell;
using lp::test::grid_graph;
using lp::test::population_layer;
using lp::test::require_statistics_match;
using lp::test::two_halves;

TEST_CASE("painting zones moves them and updates the live statistics", "[edit]") {
    const auto graph = grid_graph(4, 4, 1.0);
    lp::PlanEditor editor = two_halves(graph);
    const lp::PlanState& state = editor.state();
    REQUIRE(state.statistics(0).zones == 8);
    CHECK(state.statistics(0).area == 8.0);
    CHECK(state.statistics(0).perimeter == 12.0); // a 2x4 block
    CHECK(state.statistics(0).connected());
    CHECK(state.unassigned_count() == 0);

    // Paint the top-right corner cell of the east into the west: west grows by one.
    const auto result = editor.paint({cell(0, 2, 4)}, 0);
    REQUIRE(result.applied);
    CHECK(state.locality_of(cell(0, 2, 4)) == 0);
    CHECK(state.statistics(0).zones == 9);
    CHECK(state.statistics(1).zones == 7);
    CHECK(state.statistics(0).perimeter == 14.0);
    CHECK(state.statistics(0).totals[0] == Approx(100 * 9 + (0 + 1 + 4 + 5 + 8 + 9 + 12 + 13 + 2)));
    require_statistics_match(state);
}

TEST_CASE("undo and redo walk every edit back and forth", "[edit]") {
    const auto graph = grid_graph(4, 4, 1.0);
    lp::PlanEditor editor = two_halves(graph);
    const std::vector<int> before = editor.state().assignment();
    REQUIRE(editor.paint({cell(0, 2, 4), cell(1, 2, 4)}, 0).applied);
    REQUIRE(editor.execute(std::make_unique<lp::EditLocality>("E", std::string("Eastwood"), std::nullopt)).applied);
    const std::vector<int> after = editor.state().assignment();
    CHECK(editor.state().localities()[1].name == "Eastwood");

    REQUIRE(editor.undo());
    CHECK(editor.state().localities()[1].name == "East");
    REQUIRE(editor.undo());
    CHECK(editor.state().assignment() == before);
    require_statistics_match(editor.state());
    CHECK(editor.can_redo());

    REQUIRE(editor.redo());
    REQUIRE(editor.redo());
    CHECK(editor.state().assignment() == after);
    CHECK(editor.state().localities()[1].name == "Eastwood");
    require_statistics_match(editor.state());

    // A new edit after an undo clears the redo stack.
    REQUIRE(editor.undo());
    REQUIRE(editor.can_redo());
    REQUIRE(editor.paint({cell(2, 2, 4)}, 0).applied);
    CHECK_FALSE(editor.can_redo());
}

TEST_CASE("locked zones and locked localities stay where they are", "[edit]") {
    const auto graph = grid_graph(4, 4, 1.0);
    lp::PlanEditor editor = two_halves(graph);
    REQUIRE(editor.lock_zones({cell(0, 2, 4)}, true).applied);
    CHECK(editor.state().zone_locked(cell(0, 2, 4)));

    auto result = editor.paint({cell(0, 2, 4), cell(1, 2, 4)}, 0);
    REQUIRE(result.applied);
    CHECK(editor.state().locality_of(cell(0, 2, 4)) == 1); // locked: stayed east
    CHECK(editor.state().locality_of(cell(1, 2, 4)) == 0);
    CHECK(result.message.find("1 locked zone") != std::string::npos);

    // Painting only locked zones changes nothing and stacks nothing.
    const std::size_t depth = editor.undo_depth();
    result = editor.paint({cell(0, 2, 4)}, 0);
    CHECK_FALSE(result.applied);
    CHECK(editor.undo_depth() == depth);

    // A locked locality neither gives nor takes zones.
    REQUIRE(editor.execute(std::make_unique<lp::SetLocalityLock>("W", true)).applied);
    CHECK_FALSE(editor.paint({cell(0, 0, 4)}, 1).applied);
    CHECK_FALSE(editor.paint({cell(2, 3, 4)}, 0).applied);
    CHECK(editor.state().locality_of(cell(0, 0, 4)) == 0);

    // Undo unlocks again.
    REQUIRE(editor.undo());
    CHECK_FALSE(editor.state().localities()[0].locked);
    REQUIRE(editor.paint({cell(2, 2, 4)}, 0).applied);
    require_statistics_match(editor.state());
}

TEST_CASE("an edit that would split a locality is refused or warned", "[edit]") {
    const auto graph = grid_graph(3, 3, 1.0);
    lp::PlanEditor editor(graph, population_layer(graph.size()));
    editor.execute(std::make_unique<lp::AddLocality>(lp::Locality{"A", "Row", "#e69f00", false}));
    editor.execute(std::make_unique<lp::AddLocality>(lp::Locality{"B", "Rest", "#56b4e9", false}));
    // A = middle row; B = top and bottom rows joined by the left column... B is
    // top row + left-middle + bottom row, A = the two right cells of the middle row.
    std::vector<std::uint32_t> a = {cell(1, 1, 3), cell(1, 2, 3)};
    std::vector<std::uint32_t> b;
    for (std::uint32_t z = 0; z < 9; ++z) {
        if (z != a[0] && z != a[1]) b.push_back(z);
    }
    REQUIRE(editor.paint(b, 1).applied);
    REQUIRE(editor.paint(a, 0).applied);
    REQUIRE(editor.state().statistics(1).pieces == 1);

    // Taking the left-middle cell from B cuts its top row off its bottom row.
    const std::vector<int> before = editor.state().assignment();
    auto result = editor.paint({cell(1, 0, 3)}, 0);
    CHECK_FALSE(result.applied);
    CHECK(result.split);
    CHECK(result.message.find("Rest") != std::string::npos);
    CHECK(editor.state().assignment() == before);
    CHECK(editor.state().statistics(1).pieces == 1);

    editor.set_split_policy(lp::SplitPolicy::warn);
    result = editor.paint({cell(1, 0, 3)}, 0);
    CHECK(result.applied);
    CHECK(result.split);
    CHECK(result.message.find("warning") != std::string::npos);
    CHECK(editor.state().statistics(1).pieces == 2);
    CHECK_FALSE(editor.state().statistics(1).connected());
    require_statistics_match(editor.state());

    // Undo restores the single piece.
    REQUIRE(editor.undo());
    CHECK(editor.state().statistics(1).pieces == 1);
}

TEST_CASE("a water crossing keeps a locality in one piece and is counted", "[edit]") {
    // Two 1x2 islands: zones 0-1 and 2-3, no land border, joined by a crossing 1-2.
    std::vector<lp::GraphEdge> edges = {{0, 1, 1.0, false}, {2, 3, 1.0, false}, {1, 2, 0.0, true}};
    const lp::ContiguityGraph graph(4, edges, std::vector<double>(4, 1.0), std::vector<double>(4, 4.0));
    lp::PlanEditor editor(graph, {});
    editor.execute(std::make_unique<lp::AddLocality>(lp::Locality{"I", "Isles", "#e69f00", false}));
    REQUIRE(editor.paint({0, 1, 2, 3}, 0).applied);
    CHECK(editor.state().statistics(0).pieces == 1);
    CHECK(editor.state().statistics(0).crossings == 1);
    CHECK(editor.state().statistics(0).perimeter == Approx(12.0));
    require_statistics_match(editor.state());
}

TEST_CASE("merging localities and undoing the merge", "[edit]") {
    const auto graph = grid_graph(4, 4, 1.0);
    lp::PlanEditor editor = two_halves(graph);
    lp::Arrangement hosted;
    hosted.delivery = lp::Delivery::hosted;
    hosted.hosted_by = "E";
    REQUIRE(editor.execute(std::make_unique<lp::SetArrangement>("PC-OOH", "W", hosted)).applied);
    REQUIRE(editor.execute(std::make_unique<lp::SetArrangement>("PC-OOH", "E", lp::Arrangement{})).applied);

    REQUIRE(editor.execute(std::make_unique<lp::MergeLocalities>("W", "E")).applied);
    CHECK(editor.state().locality_count() == 1);
    CHECK(editor.state().statistics(0).zones == 16);
    CHECK(editor.state().statistics(0).perimeter == Approx(16.0));
    CHECK(editor.state().arrangements().at("PC-OOH").at("W").hosted_by == "W");
    CHECK(editor.state().arrangements().at("PC-OOH").count("E") == 0);

    REQUIRE(editor.undo());
    CHECK(editor.state().locality_count() == 2);
    CHECK(editor.state().localities()[1].id == "E");
    CHECK(editor.state().statistics(1).zones == 8);
    CHECK(editor.state().arrangements().at("PC-OOH").at("W").hosted_by == "E");
    require_statistics_match(editor.state());
}

TEST_CASE("a brush stroke is one undo step", "[edit]") {
    const auto graph = grid_graph(4, 4, 1.0);
    lp::PlanEditor editor = two_halves(graph);
    const std::vector<int> before = editor.state().assignment();
    const std::size_t depth = editor.undo_depth();
    editor.begin_stroke("brush");
    REQUIRE(editor.paint({cell(0, 2, 4)}, 0).applied);
    REQUIRE(editor.paint({cell(1, 2, 4)}, 0).applied);
    REQUIRE(editor.paint({cell(2, 2, 4)}, 0).applied);
    editor.end_stroke();
    CHECK(editor.undo_depth() == depth + 1);
    CHECK(editor.state().statistics(0).zones == 11);
    REQUIRE(editor.undo());
    CHECK(editor.state().assignment() == before);
}

TEST_CASE("replacing the whole assignment is undoable", "[edit]") {
    const auto graph = grid_graph(4, 4, 1.0);
    lp::PlanEditor editor = two_halves(graph);
    const std::vector<int> before = editor.state().assignment();
    std::vector<int> rows(16);
    for (std::uint32_t z = 0; z < 16; ++z) rows[z] = z < 8 ? 0 : 1; // north / south halves
    REQUIRE(editor.execute(std::make_unique<lp::ReplaceAssignment>(rows, "optimise")).applied);
    CHECK(editor.state().assignment() == rows);
    require_statistics_match(editor.state());
    REQUIRE(editor.undo());
    CHECK(editor.state().assignment() == before);
    // A malformed assignment is refused with a reason, never half applied.
    auto bad = editor.execute(std::make_unique<lp::ReplaceAssignment>(std::vector<int>(3, 0), "bad"));
    CHECK_FALSE(bad.applied);
    CHECK(bad.message.find("3 zones") != std::string::npos);
    CHECK(editor.state().assignment() == before);
}

TEST_CASE("live statistics equal a from-scratch recount after random edits", "[edit]") {
    const auto graph = grid_graph(12, 12, 1.0, {{0, 143, 0.0, true}});
    lp::PlanEditor editor(graph, population_layer(graph.size()));
    editor.set_split_policy(lp::SplitPolicy::warn);
    for (int i = 0; i < 4; ++i) {
        const std::string id = "L" + std::to_string(i);
        editor.execute(std::make_unique<lp::AddLocality>(lp::Locality{id, id, "#000000", false}));
    }
    std::mt19937 random(20260523);
    std::uniform_int_distribution<std::uint32_t> zone(0, 143);
    std::uniform_int_distribution<int> locality(-1, 3);
    std::uniform_int_distribution<int> action(0, 9);
    for (int step = 0; step < 400; ++step) {
        const int a = action(random);
        if (a < 6) {
            std::vector<std::uint32_t> zones;
            const std::uint32_t centre = zone(random);
            zones.push_back(centre);
            if (centre + 1 < 144) zones.push_back(centre + 1);
            if (centre + 12 < 144) zones.push_back(centre + 12);
            editor.paint(zones, locality(random));
        } else if (a == 6) {
            editor.lock_zones({zone(random)}, random() % 2 == 0);
        } else if (a == 7) {
            editor.undo();
        } else if (a == 8) {
            editor.redo();
        } else {
            editor.undo();
            editor.undo();
        }
        require_statistics_match(editor.state());
    }
    // Under refuse, random edits never add pieces.
    editor.set_split_policy(lp::SplitPolicy::refuse);
    std::vector<std::size_t> pieces;
    for (const auto& s : editor.state().statistics()) pieces.push_back(s.pieces);
    for (int step = 0; step < 200; ++step) {
        editor.paint({zone(random)}, locality(random));
        for (std::size_t i = 0; i < pieces.size(); ++i) {
            CHECK(editor.state().statistics(i).pieces <= std::max<std::size_t>(pieces[i], 1));
            pieces[i] = editor.state().statistics(i).pieces;
        }
    }
    require_statistics_match(editor.state());
}

TEST_CASE("stray zones are the members cut off from a locality's largest piece", "[edit]") {
    const auto graph = grid_graph(5, 1, 1.0); // a row of five
    lp::PlanEditor editor(graph, {});
    editor.set_split_policy(lp::SplitPolicy::warn);
    editor.execute(std::make_unique<lp::AddLocality>(lp::Locality{"A", "A", "#000000", false}));
    editor.execute(std::make_unique<lp::AddLocality>(lp::Locality{"B", "B", "#ffffff", false}));
    REQUIRE(editor.paint({0, 1, 3, 4}, 0).applied);
    REQUIRE(editor.paint({2}, 1).applied);
    CHECK(editor.state().statistics(0).pieces == 2);
    REQUIRE(editor.paint({4}, 1).applied);
    // A is now {0,1} and {3}: zone 3 is the stray one.
    CHECK(editor.state().stray_zones(0) == std::vector<std::uint32_t>{3});
    CHECK(editor.state().stray_zones(1).empty() == false); // B = {2} and {4}
}

TEST_CASE("a refused paint says not next to the locality when that is why", "[edit]") {
    // West = columns 0-1, East = columns 2-3 of a 4x4 grid: the far-east column is not next to West.
    const auto graph = grid_graph(4, 4, 1.0);
    lp::PlanEditor editor = two_halves(graph);
    const std::vector<int> before = editor.state().assignment();
    const auto result = editor.paint({cell(1, 3, 4)}, 0);
    CHECK_FALSE(result.applied);
    CHECK(result.message == "refused: paint 1 zone into West: not next to West");
    CHECK(result.not_next_to == std::vector<std::string>{"West"});
    // What would have been left apart is the painted zone itself.
    CHECK(result.cut_off_zones == std::vector<std::uint32_t>{cell(1, 3, 4)});
    CHECK(editor.state().assignment() == before);
}

TEST_CASE("a refused split names the zones it would cut off", "[edit]") {
    // Taking row 1 of the east and the west cell of its row 2 leaves the east's top row
    // (2 cells) apart from the rest of it (3 cells): the top row is what would be cut off.
    const auto graph = grid_graph(4, 4, 1.0);
    lp::PlanEditor editor = two_halves(graph);
    const auto result = editor.paint({cell(1, 2, 4), cell(1, 3, 4), cell(2, 2, 4)}, 0);
    CHECK_FALSE(result.applied);
    CHECK(result.not_next_to.empty());
    CHECK(result.message.find("would split East (2 zones cut off)") != std::string::npos);
    CHECK(result.cut_off_zones == std::vector<std::uint32_t>{cell(0, 2, 4), cell(0, 3, 4)});
    // The state is as it was: East whole again.
    CHECK(editor.state().statistics(1).pieces == 1);
    CHECK(editor.state().locality_of(cell(1, 2, 4)) == 1);
}
