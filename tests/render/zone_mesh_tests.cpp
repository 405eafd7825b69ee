#include <lp/render/zone_mesh.hpp>

#include <catch2/catch.hpp>

namespace {

lp::MultiPolygon square(double x0, double y0, double size) {
    lp::Polygon p;
    p.exterior = {{x0, y0}, {x0 + size, y0}, {x0 + size, y0 + size}, {x0, y0 + size}, {x0, y0}};
    return {p};
}

} // namespace

TEST_CASE("the zone mesh triangulates zones and pairs shared boundary segments", "[render]") {
    // Two squares side by side; the left one has a 2x2 hole, and an L-shaped third zone
    // tests a concave outline.
    lp::MultiPolygon left = square(0, 0, 10);
    left[0].holes.push_back({{4, 4}, {4, 6}, {6, 6}, {6, 4}, {4, 4}});
    const lp::MultiPolygon right = square(10, 0, 10);
    lp::Polygon ell;
    ell.exterior = {{0, 10}, {20, 10}, {20, 12}, {2, 12}, {2, 30}, {0, 30}, {0, 10}};
    const lp::ZoneMesh mesh = lp::build_zone_mesh({left, right, {ell}}, {"L", "R", "E"});

    REQUIRE(mesh.failures.empty());
    REQUIRE(mesh.zone_count() == 3);
    CHECK(mesh.areas[0] == Approx(96.0));
    CHECK(mesh.areas[1] == Approx(100.0));
    CHECK(mesh.areas[2] == Approx(40.0 + 36.0));
    CHECK(mesh.vertex_count[0] % 3 == 0);

    // Picking respects the hole and the concave corner.
    const lp::Point o = mesh.origin;
    auto at = [&](double x, double y) { return mesh.zone_at({x - o.x, y - o.y}); };
    CHECK(at(1, 1) == 0);
    CHECK(at(5, 5) == -1);
    CHECK(at(15, 5) == 1);
    CHECK(at(1, 20) == 2);
    CHECK(at(10, 20) == -1);

    // The shared edge x = 10 (0..10) has zones 0 and 1 on its sides.
    bool found_shared = false;
    for (std::size_t s = 0; s < mesh.segment_total(); ++s) {
        const float* xy = &mesh.segments[4 * s];
        if (std::abs(xy[0] + o.x - 10) < 1e-3 && std::abs(xy[2] + o.x - 10) < 1e-3) {
            found_shared = true;
            CHECK(((mesh.segment_left[s] == 0 && mesh.segment_right[s] == 1) ||
                   (mesh.segment_left[s] == 1 && mesh.segment_right[s] == 0)));
        }
    }
    CHECK(found_shared);
    // Simplified levels: squares and the L survive simplification, so every zone keeps
    // triangles at every level.
    REQUIRE(mesh.levels.size() == 3);
    for (const lp::ZoneMesh::Level& level : mesh.levels) {
        CHECK(level.tolerance > 0);
        for (std::size_t z = 0; z < 3; ++z) {
            CHECK(level.vertex_count[z] > 0);
            CHECK(level.vertex_count[z] % 3 == 0);
        }
    }
    CHECK(mesh.levels[0].tolerance < mesh.levels[2].tolerance);

    const auto near = mesh.zones_near({15 - o.x, 5 - o.y}, 1.0);
    REQUIRE(near.size() == 1);
    CHECK(near[0] == 1);
}

TEST_CASE("zone_at finds through its grid the zone a test of every zone finds", "[render]") {
    // A 12 x 9 patchwork of squares, every third one with a hole, and one long strip over
    // a row (its box meets many cells): every point agrees with a mesh without the grid.
    std::vector<lp::MultiPolygon> shapes;
    std::vector<std::string> ids;
    for (int r = 0; r < 9; ++r) {
        for (int c = 0; c < 12; ++c) {
            lp::MultiPolygon s = square(c * 10.0, r * 10.0, 10);
            if ((r * 12 + c) % 3 == 0) s[0].holes.push_back({{c * 10.0 + 3, r * 10.0 + 3}, {c * 10.0 + 3, r * 10.0 + 7}, {c * 10.0 + 7, r * 10.0 + 7}, {c * 10.0 + 7, r * 10.0 + 3}, {c * 10.0 + 3, r * 10.0 + 3}});
            shapes.push_back(s);
            ids.push_back(std::to_string(r * 12 + c));
        }
    }
    lp::Polygon strip;
    strip.exterior = {{0, 95}, {120, 95}, {120, 98}, {0, 98}, {0, 95}};
    shapes.push_back({strip});
    ids.push_back("strip");
    const lp::ZoneMesh mesh = lp::build_zone_mesh(shapes, ids);
    REQUIRE(mesh.pick_grid.columns > 1);
    lp::ZoneMesh scan = mesh;
    scan.pick_grid = {};
    const lp::Point o = mesh.origin;
    int found = 0;
    for (double y = -2.25; y < 101; y += 0.7) {
        for (double x = -1.5; x < 122; x += 0.55) {
            const int expected = scan.zone_at({x - o.x, y - o.y});
            INFO(x << "," << y);
            CHECK(mesh.zone_at({x - o.x, y - o.y}) == expected);
            found += expected >= 0;
        }
    }
    CHECK(found > 10000);  // most points fall on a zone, the holes and the margin on none
    CHECK(mesh.zone_at({55 - o.x, 96 - o.y}) == 108);  // the strip
    CHECK(mesh.zone_at({35 - o.x, 35 - o.y}) == -1);   // a hole (zone 39's)
}
