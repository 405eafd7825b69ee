#include "../test_data.hpp"

#include <lp/core/error.hpp>
#include <lp/io/zone_layer.hpp>

#include <catch2/catch.hpp>

#include <fstream>
#include <iterator>
#include <numeric>

using namespace lp;

TEST_CASE("Glasgow has 746 Data Zones in the national GeoPackage", "[io][real]") {
    const ZoneLayer z = read_zones(test::council_from_gpkg("S12000049"));
    CHECK(z.size() == 746);
    CHECK(z.working_crs == "EPSG:27700");
    CHECK(z.source_crs == "EPSG:27700");
    CHECK(z.names[*z.find("S01010023")] == "Gorbals and Hutchesontown - 01");
    REQUIRE(z.field("iz11_code"));
    CHECK(z.field("iz11_code")->size() == 746);
    CHECK(z.excluded_ids.size() == 6976 - 746);
    const double km2 = std::accumulate(z.areas.begin(), z.areas.end(), 0.0) / 1e6;
    CHECK(km2 == Approx(174.7).epsilon(0.01));
}

TEST_CASE("a partnership spanning two councils takes both codes", "[io][real]") {
    ZoneReadOptions o = test::council_from_gpkg("S12000005");
    o.filter_values.push_back("S12000030");
    const ZoneLayer both = read_zones(o);
    const ZoneLayer lookup = read_zones(test::zones_file(test::data("councils/dz2011_clackmannanshire_and_stirling_hscp_S37000005.geojson")));
    CHECK(both.size() == 193);
    CHECK(lookup.size() == 193);
}

TEST_CASE("GeoJSON in WGS84 is reprojected to the British National Grid", "[io][real]") {
    const ZoneLayer json = read_zones(test::zones_file(test::data("councils/dz2011_orkney_islands_S12000023.geojson")));
    const ZoneLayer gpkg = read_zones(test::council_from_gpkg("S12000023"));
    CHECK(json.source_crs == "EPSG:4326");
    CHECK(json.working_crs == "EPSG:27700");
    REQUIRE(json.size() == 29);
    for (std::size_t i = 0; i < json.size(); ++i) {
        const auto j = gpkg.find(json.ids[i]);
        REQUIRE(j);
        // Same zone, same place and size, within the 6-decimal rounding of the GeoJSON copy.
        CHECK(json.areas[i] == Approx(gpkg.areas[*j]).epsilon(0.001));
        CHECK(json.boxes[i].min_x == Approx(gpkg.boxes[*j].min_x).margin(2.0));
        CHECK(json.boxes[i].max_y == Approx(gpkg.boxes[*j].max_y).margin(2.0));
    }
}

TEST_CASE("invalid geometry is repaired and reported", "[io]") {
    ZoneReadOptions o;
    o.path = std::string(LP_SOURCE_DIR) + "/tests/fixtures/bowtie_zone.geojson";
    o.id_field = "zone";
    const ZoneLayer z = read_zones(o);
    REQUIRE(z.repairs.size() == 1);
    CHECK(z.repairs[0].zone_id == "A");
    CHECK_THAT(z.repairs[0].what, Catch::Contains("Self-intersection"));
    // The bow-tie becomes its two triangles, with their area.
    CHECK(z.shapes[*z.find("A")].size() == 2);
    CHECK(z.areas[*z.find("A")] == Approx(z.areas[*z.find("B")] / 2).epsilon(0.02));
}

TEST_CASE("a layer outside Great Britain gets a UTM working CRS", "[io]") {
    // The three-square fixture moved to Norway by naming its CRS as WGS84 but reading a copy shifted east.
    const std::string path = std::string(LP_BINARY_DIR) + "/norway_zones.geojson";
    {
        std::ifstream in(std::string(LP_SOURCE_DIR) + "/tests/fixtures/three_zones.geojson");
        std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        for (std::size_t at; (at = text.find("[-3.")) != std::string::npos;) text.replace(at, 4, "[10.");
        std::ofstream(path) << text;
    }
    ZoneReadOptions o;
    o.path = path;
    o.id_field = "zone";
    const ZoneLayer z = read_zones(o);
    CHECK(z.working_crs == "EPSG:32632");
    CHECK(z.areas[0] == Approx(z.areas[1]).epsilon(0.001));
}
