#include "../scratch_folder.hpp"
#include "../test_data.hpp"

#include <lp/core/error.hpp>
#include <lp/io/zone_layer.hpp>

#include <catch2/catch.hpp>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <algorithm>

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
    const std::string path = test::scratch_file("norway_zones.geojson");
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

namespace {

// A GeoPackage in British National Grid of side x side square zones (100 m), ids Z<n>; the
// zones listed in `bowties` are drawn as self-intersecting bow-ties, those in `slivers` as
// rings that repair leaves without area.
std::string write_square_zones(const std::string& name, int side, const std::vector<int>& bowties,
                               const std::vector<int>& slivers = {}) {
    const std::string path = test::scratch_file(name);
    GDALAllRegister();
    auto* driver = GetGDALDriverManager()->GetDriverByName("GPKG");
    GDALDatasetUniquePtr ds(driver->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    OGRSpatialReference bng;
    bng.importFromEPSG(27700);
    OGRLayer* layer = ds->CreateLayer("zones", &bng, wkbPolygon, nullptr);
    OGRFieldDefn id("zone_code", OFTString);
    layer->CreateField(&id);
    ds->StartTransaction();
    for (int i = 0; i < side * side; ++i) {
        const double x = 300000 + 100.0 * (i % side);
        const double y = 600000 + 100.0 * (i / side);
        OGRLinearRing ring;
        const bool bowtie = std::find(bowties.begin(), bowties.end(), i) != bowties.end();
        const bool sliver = std::find(slivers.begin(), slivers.end(), i) != slivers.end();
        if (sliver) {
            ring.addPoint(x, y);
            ring.addPoint(x + 100, y);
            ring.addPoint(x + 50, y);
        } else if (bowtie) {
            ring.addPoint(x, y);
            ring.addPoint(x + 100, y + 100);
            ring.addPoint(x + 100, y);
            ring.addPoint(x, y + 100);
        } else {
            ring.addPoint(x, y);
            ring.addPoint(x + 100, y);
            ring.addPoint(x + 100, y + 100);
            ring.addPoint(x, y + 100);
        }
        ring.closeRings();
        OGRPolygon polygon;
        polygon.addRing(&ring);
        OGRFeature feature(layer->GetLayerDefn());
        feature.SetField("zone_code", ("Z" + std::to_string(i)).c_str());
        feature.SetGeometry(&polygon);
        layer->CreateFeature(&feature);
    }
    ds->CommitTransaction();
    return path;
}

} // namespace

TEST_CASE("a large layer is validated while it is read, with the same repairs in zone order", "[io]") {
    // 160 x 160 = 25,600 zones in British National Grid: the size at which a second thread
    // reprojects and validates behind the reader. Bow-ties early, in the middle and last.
    const std::vector<int> bowties{3, 12800, 25599};
    ZoneReadOptions o;
    o.path = write_square_zones("large_zones.gpkg", 160, bowties);
    o.id_field = "zone_code";
    const ZoneLayer z = read_zones(o);
    REQUIRE(z.size() == 25600);
    CHECK(z.working_crs == "EPSG:27700");
    REQUIRE(z.repairs.size() == 3);
    for (std::size_t r = 0; r < 3; ++r) {
        CHECK(z.repairs[r].zone_id == "Z" + std::to_string(bowties[r]));
        CHECK_THAT(z.repairs[r].what, Catch::Contains("Self-intersection"));
        // A bow-tie is two triangles: half a square.
        CHECK(z.areas[bowties[r]] == Approx(5000.0));
    }
    for (std::size_t i = 0; i < z.size(); i += 997) {
        if (std::find(bowties.begin(), bowties.end(), static_cast<int>(i)) != bowties.end()) continue;
        CHECK(z.areas[i] == Approx(10000.0));
        CHECK(z.boxes[i].max_x - z.boxes[i].min_x == Approx(100.0));
        CHECK(*z.find("Z" + std::to_string(i)) == i);
    }
    // Read again with a working CRS named: reprojected on the second thread as well.
    o.working_crs = "EPSG:32630";
    const ZoneLayer utm = read_zones(o);
    CHECK(utm.working_crs == "EPSG:32630");
    CHECK(utm.areas[7] == Approx(10000.0).epsilon(0.002));
    CHECK(utm.repairs.size() == 3);
}

TEST_CASE("a large layer with a zone that repair leaves without area names that zone", "[io]") {
    ZoneReadOptions o;
    o.path = write_square_zones("large_zones_sliver.gpkg", 150, {}, {20000});
    o.id_field = "zone_code";
    try {
        read_zones(o);
        FAIL("a zone with no area was accepted");
    } catch (const Error& e) {
        CHECK(e.kind() == ErrorKind::bad_geometry);
        CHECK_THAT(e.what(), Catch::Contains("Z20000") && Catch::Contains("no area left"));
    }
}
