// The areas two zone layers share, on squares whose overlaps are known by hand.
#include <lp/core/error.hpp>
#include <lp/geometry/zone_overlaps.hpp>

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using namespace lp;

namespace {

MultiPolygon square(double x, double y, double w, double h) {
    return {{{{x, y}, {x + w, y}, {x + w, y + h}, {x, y + h}, {x, y}}, {}}};
}

ZoneLayer layer(const std::string& name, const std::vector<MultiPolygon>& shapes) {
    ZoneLayer out;
    out.source = name;
    out.working_crs = "EPSG:27700";
    for (std::size_t i = 0; i < shapes.size(); ++i) {
        out.ids.push_back(name + std::to_string(i));
        out.names.push_back(out.ids.back());
        out.shapes.push_back(shapes[i]);
        out.areas.push_back(area(shapes[i]));
        out.boxes.push_back(bounds(shapes[i]));
    }
    out.rebuild_index();
    return out;
}

} // namespace

TEST_CASE("zone overlaps: areas in common, by index, whether nested, holding or cut", "[geometry][overlaps]") {
    // Old: two 100 m squares side by side. New: one inside the first, one holding the second
    // whole, one across their border (30 m in the first, 20 m in the second), one far away.
    const ZoneLayer old_layer = layer("old", {square(0, 0, 100, 100), square(100, 0, 100, 100)});
    const ZoneLayer new_layer = layer("new", {square(10, 10, 20, 20), square(90, -10, 120, 120),
                                              square(70, 40, 50, 10), square(1000, 1000, 10, 10)});
    const ZoneOverlaps overlaps = zone_overlaps(new_layer, old_layer);
    REQUIRE(overlaps.size() == 4);
    REQUIRE(overlaps[0].size() == 1);
    CHECK(overlaps[0][0].zone == 0);
    CHECK(overlaps[0][0].area == Approx(400));
    REQUIRE(overlaps[1].size() == 2);
    CHECK(overlaps[1][0].zone == 0);
    CHECK(overlaps[1][0].area == Approx(10 * 100));
    CHECK(overlaps[1][1].zone == 1);
    CHECK(overlaps[1][1].area == Approx(100 * 100));
    REQUIRE(overlaps[2].size() == 2);
    CHECK(overlaps[2][0].area == Approx(300));
    CHECK(overlaps[2][1].area == Approx(200));
    CHECK(overlaps[3].empty());
    // Zones that only touch share no area and are not listed.
    const ZoneLayer touching = layer("touch", {square(200, 0, 50, 50)});
    CHECK(zone_overlaps(touching, old_layer)[0].empty());
}

TEST_CASE("zone overlaps refuse layers in two working CRSs", "[geometry][overlaps]") {
    const ZoneLayer a = layer("a", {square(0, 0, 10, 10)});
    ZoneLayer b = layer("b", {square(0, 0, 10, 10)});
    b.working_crs = "EPSG:32630";
    try {
        (void)zone_overlaps(a, b);
        FAIL("expected lp::Error");
    } catch (const Error& e) {
        CHECK(e.kind() == ErrorKind::crs_problem);
        CHECK(std::string(e.what()).find("EPSG:32630") != std::string::npos);
    }
}
