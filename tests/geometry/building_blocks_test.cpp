#include "../plan/plan_fixtures.hpp"
#include "../test_data.hpp"

#include <lp/core/error.hpp>
#include <lp/geometry/building_blocks.hpp>
#include <lp/geometry/crs.hpp>
#include <lp/io/zone_layer.hpp>

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <vector>

using namespace lp;
namespace fs = std::filesystem;

namespace {

// Squares and rectangles in British National Grid metres, around (300000, 700000).
const double X0 = 300000, Y0 = 700000;

Ring rect(double x0, double y0, double x1, double y1) {
    return {{X0 + x0, Y0 + y0}, {X0 + x1, Y0 + y0}, {X0 + x1, Y0 + y1}, {X0 + x0, Y0 + y1}, {X0 + x0, Y0 + y0}};
}

struct TestFeature {
    nlohmann::json properties;
    std::vector<Ring> parts;
};

// A GeoJSON layer: in EPSG:27700 (declared with a "crs" member), or reprojected to
// longitude and latitude as RFC 7946 has it.
std::string write_layer(const std::string& folder, const std::string& name, const std::vector<TestFeature>& features,
                        bool lon_lat = false) {
    nlohmann::json doc = {{"type", "FeatureCollection"}, {"features", nlohmann::json::array()}};
    if (!lon_lat) doc["crs"] = {{"type", "name"}, {"properties", {{"name", "urn:ogc:def:crs:EPSG::27700"}}}};
    const CoordinateTransform to_lon_lat("EPSG:27700", "EPSG:4326");
    for (const auto& f : features) {
        nlohmann::json polygons = nlohmann::json::array();
        for (Ring ring : f.parts) {
            if (lon_lat) to_lon_lat.apply(ring);
            nlohmann::json coordinates = nlohmann::json::array();
            for (const auto& p : ring) coordinates.push_back({p.x, p.y});
            polygons.push_back({coordinates});
        }
        doc["features"].push_back({{"type", "Feature"},
                                   {"properties", f.properties},
                                   {"geometry", {{"type", "MultiPolygon"}, {"coordinates", polygons}}}});
    }
    const std::string path = folder + "/" + name + ".geojson";
    std::ofstream(path) << doc.dump();
    return path;
}

ZoneLayer read_test_zones(const std::string& path) {
    ZoneReadOptions o;
    o.path = path;
    o.id_field = "zone";
    return read_zones(o);
}

// A 4x4 grid of 1000 m square zones, Z<row><column>, row by row from the south-west.
std::vector<TestFeature> grid_zones() {
    std::vector<TestFeature> zones;
    for (int r = 0; r < 4; ++r)
        for (int c = 0; c < 4; ++c) {
            const std::string id{'Z', static_cast<char>('0' + r), static_cast<char>('0' + c)};
            zones.push_back({{{"zone", id}}, {rect(1000.0 * c, 1000.0 * r, 1000.0 * c + 1000, 1000.0 * r + 1000)}});
        }
    return zones;
}

// Four blocks over the grid (and beyond it), split at x = 2250 and y = 1500 so they do not
// nest: column 2 of the zones lies a quarter west, three quarters east of the split, and row
// 1 half south, half north. Written north-east first so that ties cannot follow file order;
// B11 comes as two features that are one block.
std::vector<TestFeature> offset_blocks() {
    const auto block = [](const char* id, std::vector<Ring> parts) {
        return TestFeature{{{"block_code", id}, {"block_name", std::string("Block ") + id}}, std::move(parts)};
    };
    return {block("B11", {rect(2250, 1500, 5000, 3000)}), block("B11", {rect(2250, 3000, 5000, 5000)}),
            block("B10", {rect(-1000, 1500, 2250, 5000)}), block("B01", {rect(2250, -1000, 5000, 1500)}),
            block("B00", {rect(-1000, -1000, 2250, 1500)})};
}

struct Expected {
    const char* zone;
    const char* block;
    double share;
    const char* tied_with = nullptr; // a block holding as much of the zone
};

// Blocks reprojected through longitude and latitude come back a millimetre or so off: shares
// are as near, and ties are no longer exact (either of the tied blocks is right).
void check_grid_assignment(const ZoneLayer& zones, const BlockAssignment& a, bool reprojected) {
    const double margin = reprojected ? 1e-5 : 1e-9;
    // Row 1 is split half and half between a southern and a northern block: the tie goes
    // to the block whose id sorts first (the southern one). Column 2's zones are three
    // quarters in an eastern block.
    const std::vector<Expected> expected = {
        {"Z00", "B00", 1.0}, {"Z01", "B00", 1.0}, {"Z02", "B01", 0.75}, {"Z03", "B01", 1.0},
        {"Z10", "B00", 0.5, "B10"}, {"Z11", "B00", 0.5, "B10"}, {"Z12", "B01", 0.375, "B11"}, {"Z13", "B01", 0.5, "B11"},
        {"Z20", "B10", 1.0}, {"Z21", "B10", 1.0}, {"Z22", "B11", 0.75}, {"Z23", "B11", 1.0},
        {"Z30", "B10", 1.0}, {"Z31", "B10", 1.0}, {"Z32", "B11", 0.75}, {"Z33", "B11", 1.0}};
    REQUIRE(zones.size() == expected.size());
    REQUIRE(a.block_of_zone.size() == zones.size());
    REQUIRE(a.share.size() == zones.size());
    CHECK(a.block_ids == std::vector<std::string>{"B00", "B01", "B10", "B11"}); // in order of first zone
    CHECK(a.block_names == std::vector<std::string>{"Block B00", "Block B01", "Block B10", "Block B11"});
    std::vector<std::size_t> low;
    for (const auto& e : expected) {
        INFO(e.zone);
        const std::size_t z = *zones.find(e.zone);
        const std::string& block = a.block_ids[a.block_of_zone[z]];
        if (reprojected && e.tied_with) CHECK((block == e.block || block == e.tied_with));
        else CHECK(block == e.block);
        CHECK(a.share[z] == Approx(e.share).epsilon(0).margin(margin));
        if (e.share < 0.6) low.push_back(z);
    }
    REQUIRE(a.low_overlap.size() == low.size()); // Z10, Z11, Z12, Z13
    for (std::size_t i = 0; i < low.size(); ++i) {
        CHECK(a.low_overlap[i].zone == low[i]);
        CHECK(a.low_overlap[i].block == a.block_of_zone[low[i]]);
        CHECK(a.low_overlap[i].share == a.share[low[i]]);
    }
}

template <typename Call>
Error error_from(Call call) {
    try {
        call();
    } catch (const Error& e) {
        return e;
    }
    return Error(ErrorKind::unexpected, "no error was thrown");
}

} // namespace

TEST_CASE("Highland's zones go to the wards they overlap most", "[blocks][real]") {
    const ZoneLayer z = read_zones(test::council_from_gpkg("S12000017"));
    const auto spec = parse_building_blocks(test::data("wards2022_scotland.gpkg") + ":wards:ward22_code");
    const BlockAssignment a = assign_building_blocks(z, spec);
    REQUIRE(a.block_of_zone.size() == z.size());
    REQUIRE(a.share.size() == z.size());
    REQUIRE(a.block_names.size() == a.block_ids.size());
    // Highland had 21 wards in 2022; every one holds zones, and a zone on the council's edge
    // may lean into a neighbour's ward by little.
    CHECK(a.block_ids.size() >= 21);
    CHECK(a.block_ids.size() <= 24);
    CHECK(std::set<std::string>(a.block_ids.begin(), a.block_ids.end()).size() == a.block_ids.size());
    for (std::size_t b = 0; b < a.block_ids.size(); ++b) {
        INFO(a.block_ids[b]);
        CHECK(a.block_ids[b].starts_with("S13"));
        CHECK(a.block_names[b] != a.block_ids[b]); // named from ward22_name
    }
    std::size_t well_inside = 0;
    std::vector<std::size_t> low;
    for (std::size_t i = 0; i < z.size(); ++i) {
        INFO(z.ids[i]);
        REQUIRE(a.block_of_zone[i] >= 0);
        REQUIRE(a.block_of_zone[i] < static_cast<int>(a.block_ids.size()));
        CHECK(a.share[i] >= 0.0);
        CHECK(a.share[i] <= 1.0);
        if (a.share[i] >= 0.6) ++well_inside;
        else low.push_back(i);
    }
    CHECK(well_inside > 0.85 * z.size());
    REQUIRE(a.low_overlap.size() == low.size());
    for (std::size_t i = 0; i < low.size(); ++i) {
        CHECK(a.low_overlap[i].zone == low[i]);
        CHECK(a.low_overlap[i].block == a.block_of_zone[low[i]]);
        CHECK(a.low_overlap[i].share == a.share[low[i]]);
    }
    // Wards are large beside zones: nearly every ward holds some zone whole.
    std::set<int> whole;
    for (std::size_t i = 0; i < z.size(); ++i)
        if (a.share[i] == 1.0) whole.insert(a.block_of_zone[i]);
    CHECK(whole.size() >= 18);
}

TEST_CASE("zones go to the block holding the larger part of them", "[blocks]") {
    const std::string folder = test::scratch_folder("building_blocks_grid");
    const ZoneLayer zones = read_test_zones(write_layer(folder, "zones", grid_zones()));
    SECTION("blocks in the zones' CRS") {
        const auto blocks = write_layer(folder, "blocks", offset_blocks());
        check_grid_assignment(zones, assign_building_blocks(zones, parse_building_blocks(blocks + ":block_code")), false);
    }
    SECTION("blocks in longitude and latitude are reprojected") {
        const auto blocks = write_layer(folder, "blocks_wgs84", offset_blocks(), true);
        check_grid_assignment(zones, assign_building_blocks(zones, {blocks, "", "block_code"}), true);
    }
    SECTION("the threshold decides what is reported") {
        const auto blocks = write_layer(folder, "blocks", offset_blocks());
        const auto a = assign_building_blocks(zones, {blocks, "blocks", "block_code"}, 0.8);
        CHECK(a.low_overlap.size() == 7); // row 1 and column 2's three quarters
        const auto none = assign_building_blocks(zones, {blocks, "", "block_code"}, 0.3);
        CHECK(none.low_overlap.empty());
    }
    SECTION("without a name field the id names the block") {
        std::vector<TestFeature> blocks = offset_blocks();
        for (auto& b : blocks) b.properties.erase("block_name");
        const auto a = assign_building_blocks(zones, {write_layer(folder, "unnamed", blocks), "", "block_code"});
        CHECK(a.block_names == a.block_ids);
    }
}

TEST_CASE("a zone outside every block goes to the nearest one, share 0, and is reported", "[blocks]") {
    const std::string folder = test::scratch_folder("building_blocks_island");
    const auto zones = read_test_zones(write_layer(
        folder, "zones",
        {{{{"zone", "IN"}}, {rect(100, 100, 900, 900)}},
         {{{"zone", "ISLE"}}, {rect(3500, 0, 3800, 300)}},     // 500 m east of B, 2500 m from A
         {{{"zone", "SHORE"}}, {rect(1000, 0, 1400, 400)}}})); // touches A, 600 m from B
    const auto blocks = write_layer(folder, "blocks",
                                    {{{{"code", "A"}}, {rect(0, 0, 1000, 1000)}},
                                     {{{"code", "B"}}, {rect(2000, 0, 3000, 1000)}}});
    const auto a = assign_building_blocks(zones, {blocks, "", "code"});
    CHECK(a.block_ids == std::vector<std::string>{"A", "B"});
    CHECK(a.block_of_zone == std::vector<int>{0, 1, 0});
    CHECK(a.share == std::vector<double>{1.0, 0.0, 0.0});
    REQUIRE(a.low_overlap.size() == 2);
    CHECK(a.low_overlap[0].zone == 1);
    CHECK(a.low_overlap[0].block == 1);
    CHECK(a.low_overlap[0].share == 0.0);
    CHECK(a.low_overlap[1].zone == 2);
    CHECK(a.low_overlap[1].block == 0);
    CHECK(a.low_overlap[1].share == 0.0);
}

TEST_CASE("building block errors name the file", "[blocks]") {
    const std::string folder = test::scratch_folder("building_blocks_errors");
    const auto zones = read_test_zones(write_layer(folder, "zones", grid_zones()));
    const auto blocks = write_layer(folder, "blocks", offset_blocks());
    SECTION("missing file") {
        const std::string missing = folder + "/nowhere.gpkg";
        const Error e = error_from([&] { assign_building_blocks(zones, {missing, "", "ward22_code"}); });
        CHECK(e.kind() == ErrorKind::file_not_found);
        CHECK_THAT(e.what(), Catch::Contains(missing));
    }
    SECTION("unknown field, listing the fields there are") {
        const Error e = error_from([&] { assign_building_blocks(zones, {blocks, "", "ward22_code"}); });
        CHECK(e.kind() == ErrorKind::field_not_found);
        CHECK_THAT(e.what(), Catch::Contains(blocks) && Catch::Contains("'ward22_code'") &&
                                 Catch::Contains("block_code, block_name"));
    }
    SECTION("unknown layer, listing the layers there are") {
        const std::string wards = test::data("wards2022_scotland.gpkg");
        const Error e = error_from([&] { assign_building_blocks(zones, {wards, "councils", "ward22_code"}); });
        CHECK(e.kind() == ErrorKind::layer_not_found);
        CHECK_THAT(e.what(), Catch::Contains(wards) && Catch::Contains("'councils'") && Catch::Contains("wards"));
    }
    SECTION("no CRS") {
        // A Shapefile without its .prj.
        const std::string shp = folder + "/no_crs.shp";
        {
            GDALAllRegister();
            GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("ESRI Shapefile");
            REQUIRE(driver);
            GDALDatasetUniquePtr ds(driver->Create(shp.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
            REQUIRE(ds);
            OGRLayer* layer = ds->CreateLayer("no_crs", nullptr, wkbPolygon, nullptr);
            REQUIRE(layer);
            OGRFieldDefn code("code", OFTString);
            REQUIRE(layer->CreateField(&code) == OGRERR_NONE);
            OGRFeature feature(layer->GetLayerDefn());
            feature.SetField("code", "A");
            OGRPolygon square;
            OGRLinearRing ring;
            for (const auto& p : rect(0, 0, 1000, 1000)) ring.addPoint(p.x, p.y);
            square.addRing(&ring);
            feature.SetGeometry(&square);
            REQUIRE(layer->CreateFeature(&feature) == OGRERR_NONE);
        }
        REQUIRE_FALSE(fs::exists(folder + "/no_crs.prj"));
        const Error e = error_from([&] { assign_building_blocks(zones, {shp, "", "code"}); });
        CHECK(e.kind() == ErrorKind::crs_problem);
        CHECK_THAT(e.what(), Catch::Contains(shp) && Catch::Contains("no coordinate reference system"));
    }
}

TEST_CASE("building blocks option takes FILE:FIELD or FILE:LAYER:FIELD", "[blocks]") {
    const auto two = parse_building_blocks("wards.gpkg:ward22_code");
    CHECK(two.path == "wards.gpkg");
    CHECK(two.layer.empty());
    CHECK(two.field == "ward22_code");
    const auto three = parse_building_blocks("../data/wards.gpkg:wards:ward22_code");
    CHECK(three.path == "../data/wards.gpkg");
    CHECK(three.layer == "wards");
    CHECK(three.field == "ward22_code");
    // A file whose name holds a colon is a file, not a file and a layer.
    const std::string folder = test::scratch_folder("building_blocks_parse");
    const std::string odd = folder + "/wards:2022.geojson";
    std::ofstream(odd) << "{}";
    const auto colon = parse_building_blocks(odd + ":code");
    CHECK(colon.path == odd);
    CHECK(colon.layer.empty());
    CHECK(colon.field == "code");
    for (const char* bad : {"wards.gpkg", "wards.gpkg:", ":ward22_code", "wards.gpkg::ward22_code", ":wards:code"}) {
        INFO(bad);
        const Error e = error_from([&] { parse_building_blocks(bad); });
        CHECK(e.kind() == ErrorKind::bad_setting);
        CHECK_THAT(e.what(), Catch::StartsWith(std::string("building blocks ") + bad) &&
                                 Catch::Contains("expected FILE[:LAYER]:FIELD"));
    }
}
