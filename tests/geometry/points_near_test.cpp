// lp::points_within: what export keeps of a national point layer (issue 22 item 5): points
// inside the area and within the margin of its edge, across every shape, in order.
#include <lp/core/error.hpp>
#include <lp/geometry/points_near.hpp>

#include <catch2/catch.hpp>

#include <cmath>
#include <limits>

using namespace lp;

namespace {

MultiPolygon square(double x0, double y0, double side) {
    Polygon p;
    p.exterior = {{x0, y0}, {x0 + side, y0}, {x0 + side, y0 + side}, {x0, y0 + side}, {x0, y0}};
    return {p};
}

} // namespace

TEST_CASE("points within a margin of an area: inside, just outside, beyond, and by every shape", "[geometry][points]") {
    // Two 100 m squares 1 km apart; a hole in neither.
    const std::vector<MultiPolygon> area{square(0, 0, 100), square(1000, 0, 100)};
    const std::vector<Point> points{
        {50, 50},     // 0: inside the first
        {105, 50},    // 1: 5 m east of it
        {130, 50},    // 2: 30 m east: beyond a 10 m margin
        {107, 107},   // 3: 7 m from the corner on each axis: 9.9 m away
        {108, 108},   // 4: 11.3 m from the corner
        {1050, -9},   // 5: 9 m south of the second
        {550, 50},    // 6: between them, 450 m from both
    };
    CHECK(points_within(area, points, 10) == std::vector<std::size_t>{0, 1, 3, 5});
    CHECK(points_within(area, points, 0) == std::vector<std::size_t>{0});
    CHECK(points_within(area, points, 500).size() == points.size());
    CHECK(points_within({}, points, 10).empty());
    CHECK_THROWS_AS(points_within(area, points, -1), Error);
    CHECK_THROWS_AS(points_within(area, points, std::numeric_limits<double>::quiet_NaN()), Error);
}
