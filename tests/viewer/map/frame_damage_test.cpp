// The viewer draws only where a frame differs from the window's last (viewer/frame_damage.*):
// every pixel whose triangles, or their order, differ must lie in the damage, and the
// damage should be little more than that.
#include "map/frame_damage.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <random>

using lp::viewer::changed_boxes;
using lp::viewer::DamageRect;
using lp::viewer::DrawnTriangle;
using lp::viewer::merge_boxes;

namespace {

bool covers(const std::vector<DamageRect>& rects, int x, int y) {
    return std::any_of(rects.begin(), rects.end(), [&](const DamageRect& r) { return x >= r.x0 && x < r.x1 && y >= r.y0 && y < r.y1; });
}

bool covers(const std::vector<DamageRect>& rects, const DamageRect& box) {
    for (int y = box.y0; y < box.y1; ++y)
        for (int x = box.x0; x < box.x1; ++x)
            if (!covers(rects, x, y)) return false;
    return true;
}

// What a pixel shows: the keys of the triangles over it, in drawing order.
std::vector<std::uint64_t> pixel(const std::vector<DrawnTriangle>& frame, int x, int y) {
    std::vector<std::uint64_t> keys;
    for (const DrawnTriangle& t : frame)
        if (x >= t.box.x0 && x < t.box.x1 && y >= t.box.y0 && y < t.box.y1) keys.push_back(t.key);
    return keys;
}

// A row of glyph-sized triangles, as a line of text draws.
std::vector<DrawnTriangle> row(int count, int y, std::uint64_t first_key) {
    std::vector<DrawnTriangle> out;
    for (int i = 0; i < count; ++i) out.push_back({first_key + static_cast<std::uint64_t>(i), {8 * i, y, 8 * i + 7, y + 13}});
    return out;
}

} // namespace

TEST_CASE("Frame damage: a frame drawn as before has none", "[viewer][frame_damage]") {
    const std::vector<DrawnTriangle> frame = row(50, 10, 1);
    CHECK(changed_boxes(frame, frame).empty());
    CHECK(changed_boxes({}, {}).empty());
}

TEST_CASE("Frame damage: a changed glyph damages its old and its new box only", "[viewer][frame_damage]") {
    const std::vector<DrawnTriangle> before = row(50, 10, 1);
    std::vector<DrawnTriangle> after = before;
    after[20] = {1000, {160, 10, 166, 23}};  // another digit, a little narrower
    const std::vector<DamageRect> boxes = changed_boxes(before, after);
    REQUIRE(boxes.size() == 2);
    CHECK(std::find(boxes.begin(), boxes.end(), before[20].box) != boxes.end());
    CHECK(std::find(boxes.begin(), boxes.end(), after[20].box) != boxes.end());
}

TEST_CASE("Frame damage: a popup that closes leaves its box to clear, and a shorter line its tail", "[viewer][frame_damage]") {
    std::vector<DrawnTriangle> before = row(40, 10, 1);
    const DrawnTriangle popup{5000, {100, 100, 300, 200}};
    before.push_back(popup);
    std::vector<DrawnTriangle> after = row(30, 10, 1);  // the line lost ten glyphs, the popup is gone
    const std::vector<DamageRect> boxes = changed_boxes(before, after);
    CHECK(boxes.size() == 11);
    CHECK(covers(boxes, popup.box));
    for (std::size_t i = 30; i < 40; ++i) CHECK(covers(boxes, before[i].box));
    CHECK_FALSE(covers(boxes, 4, 15));  // the glyphs that stayed are not drawn again
}

TEST_CASE("Frame damage: the same triangles in another order damage where they overlap", "[viewer][frame_damage]") {
    // A window raised above another: both triangles are in both frames.
    const DrawnTriangle a{1, {0, 0, 20, 20}}, b{2, {10, 10, 30, 30}};
    const std::vector<DamageRect> boxes = changed_boxes({a, b}, {b, a});
    CHECK_FALSE(boxes.empty());
    CHECK(covers(boxes, DamageRect{10, 10, 20, 20}));
}

TEST_CASE("Frame damage: a key drawn twice in a frame is never matched", "[viewer][frame_damage]") {
    // Two triangles with one key (the same glyph drawn twice at one place) and the order
    // changed around them: neither can be told apart, so both are drawn again.
    const DrawnTriangle a{7, {0, 0, 5, 5}}, b{7, {50, 50, 55, 55}}, c{8, {20, 0, 25, 5}}, d{9, {30, 0, 35, 5}};
    const std::vector<DamageRect> boxes = changed_boxes({a, b, c}, {d, b, a});
    CHECK(covers(boxes, a.box));
    CHECK(covers(boxes, b.box));
    CHECK(covers(boxes, c.box));
    CHECK(covers(boxes, d.box));
    // The same frame ending in both is matched there: nothing to draw again.
    CHECK(changed_boxes({c, a, b}, {a, b}) == std::vector<DamageRect>{c.box});
}

TEST_CASE("Frame damage: random edits, every pixel that differs is in the damage", "[viewer][frame_damage]") {
    // Triangles over a 48x48 frame; frames differ by inserted, removed, recoloured and
    // moved triangles and by swapped pairs. A pixel differs when the keys over it, in
    // order, differ; each one must be inside a merged rectangle.
    std::mt19937 random(20261207);
    const auto random_box = [&] {
        std::uniform_int_distribution<int> at(0, 44), size(1, 12);
        const int x = at(random), y = at(random);
        return DamageRect{x, y, std::min(48, x + size(random)), std::min(48, y + size(random))};
    };
    std::uint64_t next_key = 1;
    int differing = 0, damaged = 0;
    for (int round = 0; round < 200; ++round) {
        std::vector<DrawnTriangle> before;
        for (int i = 0; i < 60; ++i) before.push_back({next_key++, random_box()});
        std::vector<DrawnTriangle> after = before;
        std::uniform_int_distribution<int> kind(0, 3), edits(1, 4);
        for (int e = edits(random); e > 0; --e) {
            std::uniform_int_distribution<std::size_t> at(0, after.size() - 1);
            const std::size_t i = at(random);
            switch (kind(random)) {
            case 0: after.insert(after.begin() + static_cast<std::ptrdiff_t>(i), {next_key++, random_box()}); break;
            case 1: after.erase(after.begin() + static_cast<std::ptrdiff_t>(i)); break;
            case 2: after[i] = {next_key++, random_box()}; break;
            default: std::swap(after[i], after[at(random)]); break;
            }
        }
        const std::vector<DamageRect> boxes = changed_boxes(before, after);
        const std::vector<DamageRect> rects = merge_boxes(boxes, 3);
        CHECK(rects.size() <= 3);
        for (int y = 0; y < 48; ++y) {
            for (int x = 0; x < 48; ++x) {
                if (covers(rects, x, y)) ++damaged;
                if (pixel(before, x, y) == pixel(after, x, y)) continue;
                ++differing;
                INFO("round " << round << " pixel " << x << "," << y);
                CHECK(covers(boxes, x, y));
                CHECK(covers(rects, x, y));
            }
        }
    }
    // The damage is more than the pixels that differ (boxes are merged), but not the frame.
    CHECK(differing > 0);
    CHECK(damaged < 200 * 48 * 48);
}

TEST_CASE("Frame damage: glyph boxes merge into a few rectangles that cover them", "[viewer][frame_damage]") {
    // Two changed numbers far apart (the table and the functions panel) and a map box.
    std::vector<DamageRect> boxes;
    for (int i = 0; i < 5; ++i) boxes.push_back({100 + 8 * i, 700, 107 + 8 * i, 713});
    for (int i = 0; i < 4; ++i) boxes.push_back({1300 + 8 * i, 300, 1307 + 8 * i, 313});
    boxes.push_back({400, 200, 460, 260});
    const std::vector<DamageRect> rects = merge_boxes(boxes, 6);
    CHECK(rects.size() == 3);
    for (const DamageRect& box : boxes) CHECK(covers(rects, box));
    long area = 0;
    for (const DamageRect& r : rects) area += r.area();
    CHECK(area == 39 * 13 + 31 * 13 + 60 * 60);
    // Fewer allowed: the pair whose union wastes least joins (the map box and the functions
    // panel's number, side by side); the table's number stays on its own.
    const std::vector<DamageRect> two = merge_boxes(boxes, 2);
    REQUIRE(two.size() == 2);
    for (const DamageRect& box : boxes) CHECK(covers(two, box));
    CHECK(std::find(two.begin(), two.end(), DamageRect{100, 700, 139, 713}) != two.end());
    CHECK(std::find(two.begin(), two.end(), DamageRect{400, 200, 1331, 313}) != two.end());
    CHECK(merge_boxes({}, 6).empty());
    CHECK(merge_boxes({DamageRect{5, 5, 5, 9}}, 6).empty());  // empty boxes are dropped
}
