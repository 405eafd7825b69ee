// Map label placement (viewer/map/label_placement.cpp): locality names first, then by people;
// no two labels overlap, none covers a marker, none leaves the screen, and a label whose
// anchor sits on a marker moves beside it rather than vanishing.
#include "map/label_placement.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <vector>

using namespace lp::viewer;

TEST_CASE("Labels go greedily by tier then people, never overlapping", "[viewer][labels]") {
    const ScreenBox screen{0, 0, 800, 600};
    std::vector<LabelRequest> requests = {
        {400, 300, 80, 14, 1, 5000},   // 0: a small settlement at the centre
        {402, 302, 120, 18, 0, 100},   // 1: a locality name on the same spot: wins (tier 0)
        {400, 318, 70, 14, 1, 90000},  // 2: a big settlement just below, overlapping it: nudged down
        {100, 100, 60, 14, 2, 3000},   // 3: an Intermediate Zone, alone
        {790, 300, 60, 14, 1, 4000},   // 4: off the right edge when centred: nudged left
    };
    const auto placed = place_labels(requests, {}, screen);
    REQUIRE(!placed.empty());
    CHECK(placed[0].request == 1);  // the locality name first, centred on its anchor
    CHECK(placed[0].box.x0 == Approx(402 - 62));
    for (std::size_t i = 0; i < placed.size(); ++i) {
        CHECK(placed[i].box.inside(screen));
        for (std::size_t j = i + 1; j < placed.size(); ++j) CHECK_FALSE(placed[i].box.overlaps(placed[j].box));
    }
    // The bigger settlement before the smaller one.
    std::vector<std::size_t> order;
    for (const PlacedLabel& p : placed) order.push_back(p.request);
    const auto big = std::find(order.begin(), order.end(), 2), small = std::find(order.begin(), order.end(), 0);
    CHECK(big != order.end());
    CHECK((small == order.end() || big < small));
    CHECK(std::find(order.begin(), order.end(), 3) != order.end());
    CHECK(std::find(order.begin(), order.end(), 4) != order.end());
}

TEST_CASE("Locality names never sit under a marker", "[viewer][labels]") {
    const ScreenBox screen{0, 0, 800, 600};
    // A hospital marker right at the locality's label point.
    const std::vector<ScreenBox> markers = {{395, 295, 405, 305}};
    const std::vector<LabelRequest> requests = {{400, 300, 100, 18, 0, 0}};
    const auto placed = place_labels(requests, markers, screen);
    REQUIRE(placed.size() == 1);  // moved beside the marker, not dropped
    CHECK_FALSE(placed[0].box.overlaps(markers[0]));
    // With markers all around it, it is left out rather than drawn over one.
    std::vector<ScreenBox> crowd;
    for (float x = 200; x < 600; x += 20)
        for (float y = 200; y < 400; y += 12) crowd.push_back({x, y, x + 6, y + 6});
    CHECK(place_labels(requests, crowd, screen).empty());
}

TEST_CASE("A locality name goes where the fit test says it is over its locality", "[viewer][labels]") {
    const ScreenBox screen{0, 0, 800, 600};
    const std::vector<LabelRequest> requests = {{400, 300, 100, 18, 0, 0}};
    // Its locality lies right of x = 420 only: the centred spot is refused, one to the right taken.
    const LabelFitTest right_of_420 = [](std::size_t, const ScreenBox& b) {
        return b.x0 >= 420 ? LabelFit::good : LabelFit::no;
    };
    auto placed = place_labels(requests, {}, screen, 2.0f, right_of_420);
    REQUIRE(placed.size() == 1);
    CHECK(placed[0].box.x0 + 2 >= 420);
    CHECK(placed[0].moved);  // off its anchor: the map draws a leader line
    // Centred when the centre fits: not moved.
    placed = place_labels(requests, {}, screen, 2.0f, [](std::size_t, const ScreenBox&) { return LabelFit::good; });
    REQUIRE(placed.size() == 1);
    CHECK_FALSE(placed[0].moved);
    // A good spot wins over an earlier fallback one; fallback is taken only when nothing is good.
    const LabelFitTest below_good = [](std::size_t, const ScreenBox& b) {
        return b.y0 > 300 ? LabelFit::good : LabelFit::fallback;
    };
    placed = place_labels(requests, {}, screen, 2.0f, below_good);
    REQUIRE(placed.size() == 1);
    CHECK(placed[0].box.y0 > 300);
    placed = place_labels(requests, {}, screen, 2.0f, [](std::size_t, const ScreenBox&) { return LabelFit::fallback; });
    REQUIRE(placed.size() == 1);
    CHECK_FALSE(placed[0].moved);  // the first fallback spot: centred
    // Nowhere over its locality and no fallback: left out rather than drawn over a neighbour.
    placed = place_labels(requests, {}, screen, 2.0f, [](std::size_t, const ScreenBox&) { return LabelFit::no; });
    CHECK(placed.empty());
}
