// Locality names inside their locality (issue 23 item 2): the pole of inaccessibility of
// each group's largest part, on the 31 health and social care partnerships of Scotland.
#include "../test_data.hpp"

#include <lp/geometry/label_point.hpp>
#include <lp/io/csv_table.hpp>
#include <lp/io/zone_layer.hpp>

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

using namespace lp;

TEST_CASE("every partnership's label point lies inside one of its own zones", "[geometry][real]") {
    ZoneReadOptions options;
    options.path = test::scotland_gpkg();
    options.layer = "datazones";
    options.id_field = "dz11_code";
    const ZoneLayer z = read_zones(options);
    REQUIRE(z.size() == 6976);
    const CsvTable lookup = read_csv_file(test::data("demand/dz2011_lookup.csv"));
    const std::size_t zone_column = *lookup.column("dz11_code"), hscp_column = *lookup.column("hscp_code");
    std::unordered_map<std::string, std::string> partnership_of;
    for (const auto& row : lookup.rows) partnership_of[row[zone_column]] = row[hscp_column];
    std::map<std::string, std::vector<std::size_t>> by_code;
    for (std::size_t i = 0; i < z.size(); ++i) by_code[partnership_of.at(z.ids[i])].push_back(i);
    REQUIRE(by_code.size() == 31);
    std::vector<std::vector<std::size_t>> groups;
    std::vector<std::string> codes;
    for (auto& [code, members] : by_code) {
        codes.push_back(code);
        groups.push_back(members);
    }
    const std::vector<Point> points = group_label_points(z.shapes, z.boxes, groups);
    REQUIRE(points.size() == 31);
    for (std::size_t g = 0; g < groups.size(); ++g) {
        INFO("partnership " << codes[g]);
        REQUIRE_FALSE(std::isnan(points[g].x));
        std::size_t holding = 0;
        for (std::size_t i : groups[g])
            if (z.boxes[i].contains(points[g]) && contains(z.shapes[i], points[g])) ++holding;
        CHECK(holding == 1);
        // ...and in no zone of another partnership.
        for (std::size_t i = 0; i < z.size(); ++i) {
            if (partnership_of.at(z.ids[i]) != codes[g] && z.boxes[i].contains(points[g])) CHECK_FALSE(contains(z.shapes[i], points[g]));
        }
    }
}

TEST_CASE("a crescent's label point is inside it, where its centroid is not", "[geometry]") {
    // A C shape opening east: its centroid falls in the mouth, outside the shape.
    const Ring c = {{0, 0}, {10, 0}, {10, 2}, {2, 2}, {2, 8}, {10, 8}, {10, 10}, {0, 10}, {0, 0}};
    const MultiPolygon shape{Polygon{c, {}}};
    const Point p = label_point(shape);
    CHECK(contains(shape, p));
    // A circle of radius about 1 fits there: a unit or so from every edge of the C.
    CHECK(std::min({p.x, p.y, 10 - p.y}) >= 0.8);
    CHECK_FALSE(contains(shape, Point{6, 5}));  // where a centroid of the C would go
    // A small island beside a big one: the big one holds the point.
    const Ring island = {{20, 0}, {21, 0}, {21, 1}, {20, 1}, {20, 0}};
    const Ring big = {{30, 0}, {60, 0}, {60, 30}, {30, 30}, {30, 0}};
    const Point q = label_point(MultiPolygon{Polygon{island, {}}, Polygon{big, {}}});
    CHECK(q.x == Approx(45).margin(0.5));
    CHECK(q.y == Approx(15).margin(0.5));
    CHECK(std::isnan(label_point({}).x));
}
