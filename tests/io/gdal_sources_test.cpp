// Sources as GDAL reads them: a zipped shapefile opened in place, upper-case extensions, a
// GeoPackage of several layers refused without one named (listing them), and connection
// strings or URLs handed to GDAL rather than refused as missing files.
#include <catch2/catch.hpp>

#include "../cli_run.hpp"
#include "../test_data.hpp"

#include <lp/core/error.hpp>
#include <lp/io/geojson_writer.hpp>
#include <lp/io/zone_layer.hpp>

#include <filesystem>
#include <unistd.h>

using namespace lp;

namespace {

struct Scratch {
    std::filesystem::path dir = std::filesystem::temp_directory_path() / ("lp_gdal_sources_" + std::to_string(::getpid()));
    Scratch() { std::filesystem::create_directories(dir); }
    ~Scratch() { std::filesystem::remove_all(dir); }
    std::string path(const std::string& name) const { return (dir / name).string(); }
};

ZoneReadOptions zones_at(const std::string& path, const std::string& layer = "") {
    ZoneReadOptions o;
    o.path = path;
    o.layer = layer;
    o.id_field = "dz11_code";
    return o;
}

} // namespace

TEST_CASE("a zipped shapefile and upper-case extensions read as GDAL reads them", "[io][gdal_sources]") {
    const Scratch s;
    const std::string shapefile = test::data("shapefiles/glasgow_city");
    REQUIRE(test::shell("cd " + shapefile + " && zip -q " + s.path("glasgow_shp.zip") + " *").status == 0);
    CHECK(read_zones(zones_at(s.path("glasgow_shp.zip"))).size() == 746);
    std::filesystem::copy_file(test::data("councils/dz2011_orkney_islands_S12000023.geojson"), s.path("ORKNEY.GEOJSON"));
    CHECK(read_zones(zones_at(s.path("ORKNEY.GEOJSON"))).size() == 29);
}

TEST_CASE("a GeoPackage of several layers names them when none is chosen", "[io][gdal_sources]") {
    const Scratch s;
    const std::string gpkg = s.path("two.gpkg");
    const std::string scotland = test::scotland_gpkg();
    REQUIRE(test::shell("ogr2ogr -f GPKG " + gpkg + " " + scotland + " datazones -where \"ca_code='S12000023'\" -nln orkney")
                .status == 0);
    REQUIRE(test::shell("ogr2ogr -update -f GPKG " + gpkg + " " + scotland +
                        " datazones -where \"ca_code='S12000013'\" -nln western_isles")
                .status == 0);
    try {
        read_zones(zones_at(gpkg));
        FAIL("the first layer was taken silently");
    } catch (const Error& e) {
        CHECK(e.kind() == ErrorKind::layer_not_found);
        CHECK_THAT(e.what(), Catch::EndsWith("two.gpkg: holds 2 layers (orkney, western_isles); name the one to read (--layer)"));
    }
    CHECK(read_zones(zones_at(gpkg, "western_isles")).size() == 36);
}

TEST_CASE("connection strings and URLs go to GDAL, not to a file check", "[io][gdal_sources]") {
    // No server listens: GDAL's own refusal, not "file not found".
    for (const std::string source : {"PG:dbname=nothing_here host=127.0.0.1 port=1 connect_timeout=1",
                                     "/vsicurl/http://127.0.0.1:1/zones.gpkg"}) {
        try {
            read_zones(zones_at(source));
            FAIL("opened " + source);
        } catch (const Error& e) {
            CHECK_THAT(e.what(), Catch::Contains("GDAL cannot read it") && !Catch::Contains("file not found"));
        }
    }
}

TEST_CASE("outputs by extension: FlatGeobuf, and upper-case extensions", "[io][gdal_sources]") {
    const Scratch s;
    const ZoneLayer zones = read_zones(zones_at(test::data("councils/dz2011_orkney_islands_S12000023.geojson")));
    std::vector<Feature> features(2);
    for (std::size_t i = 0; i < 2; ++i) {
        features[i].shape = zones.shapes[i];
        features[i].properties["locality"] = static_cast<int>(i + 1);
        features[i].properties["name"] = i == 0 ? "Kirkwall" : "Stromness";
    }
    for (const std::string name : {"out.fgb", "OUT.GPKG", "Out.GeoJSON"}) {
        write_features(s.path(name), features, zones.working_crs);
        const auto run = test::shell("ogrinfo -ro -al -so " + s.path(name));
        INFO(run.output);
        CHECK(run.status == 0);
        CHECK_THAT(run.output, Catch::Contains("Feature Count: 2"));
    }
    CHECK_THROWS_WITH(write_features(s.path("out.kml"), features, zones.working_crs),
                      Catch::Contains("use .geojson, .gpkg, .shp, .fgb or PG:connection"));
}
