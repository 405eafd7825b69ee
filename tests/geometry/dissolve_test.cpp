#include "../test_data.hpp"

#include <lp/geometry/dissolve.hpp>
#include <lp/io/geojson_writer.hpp>
#include <lp/io/zone_layer.hpp>

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <numeric>

using namespace lp;

TEST_CASE("dissolving all of Glasgow gives one boundary with the zones' area", "[geometry][real]") {
    const ZoneLayer z = read_zones(test::council_from_gpkg("S12000049"));
    std::vector<std::size_t> all(z.size());
    std::iota(all.begin(), all.end(), 0);
    const MultiPolygon city = dissolve(z.shapes, z.boxes, all);
    const double sum = std::accumulate(z.areas.begin(), z.areas.end(), 0.0);
    CHECK(area(city) == Approx(sum).epsilon(0.001));
    std::size_t holes = 0;
    for (const auto& p : city) holes += p.holes.size();
    CHECK(holes == 0); // the slivers between zones are closed, not left as holes
    // One feature; no piece is a sliver (the Clyde gap splits the city in at most a few parts).
    CHECK(city.size() <= 2);
    for (const auto& p : city) CHECK(area(p) > 1e6);
}

TEST_CASE("dissolving by group keeps every zone's area and real enclaves", "[geometry][real]") {
    const ZoneLayer z = read_zones(test::council_from_gpkg("S12000042")); // Dundee
    const auto& iz = *z.field("iz11_code");
    std::vector<std::string> codes(iz.begin(), iz.end());
    std::sort(codes.begin(), codes.end());
    codes.erase(std::unique(codes.begin(), codes.end()), codes.end());
    std::vector<int> groups(z.size());
    for (std::size_t i = 0; i < z.size(); ++i)
        groups[i] = static_cast<int>(std::lower_bound(codes.begin(), codes.end(), iz[i]) - codes.begin());
    const auto shapes = dissolve_groups(z.shapes, z.boxes, groups, static_cast<int>(codes.size()));
    REQUIRE(shapes.size() == codes.size());
    std::vector<double> expected(codes.size(), 0.0);
    for (std::size_t i = 0; i < z.size(); ++i) expected[groups[i]] += z.areas[i];
    for (std::size_t g = 0; g < codes.size(); ++g) {
        INFO(codes[g]);
        CHECK(area(shapes[g]) == Approx(expected[g]).epsilon(0.01));
    }
}

TEST_CASE("GeoJSON output is RFC 7946", "[geometry][io]") {
    // A square with a hole, given with the exterior clockwise and the hole counter-clockwise.
    const double x = 325000, y = 673000;
    Polygon p;
    p.exterior = {{x, y}, {x, y + 1000}, {x + 1000, y + 1000}, {x + 1000, y}, {x, y}};
    p.holes = {{{x + 400, y + 400}, {x + 600, y + 400}, {x + 600, y + 600}, {x + 400, y + 600}, {x + 400, y + 400}}};
    Feature f;
    f.shape = {p};
    f.properties["name"] = "square";
    const auto doc = nlohmann::json::parse(to_geojson({f}, "EPSG:27700"));
    CHECK_FALSE(doc.contains("crs"));
    const auto& rings = doc["features"][0]["geometry"]["coordinates"];
    REQUIRE(doc["features"][0]["geometry"]["type"] == "Polygon");
    auto signed_area_of = [](const nlohmann::json& ring) {
        double a = 0;
        for (std::size_t i = 0; i + 1 < ring.size(); ++i)
            a += ring[i][0].get<double>() * ring[i + 1][1].get<double>() - ring[i + 1][0].get<double>() * ring[i][1].get<double>();
        return a;
    };
    CHECK(signed_area_of(rings[0]) > 0); // exterior counter-clockwise
    CHECK(signed_area_of(rings[1]) < 0); // hole clockwise
    const double lon = rings[0][0][0], lat = rings[0][0][1];
    CHECK(lon == Approx(-3.19).margin(0.05)); // Edinburgh: longitude first
    CHECK(lat == Approx(55.95).margin(0.05));
    CHECK(lon * 1e6 == Approx(std::round(lon * 1e6)).margin(1e-6));
}
