#include "../test_data.hpp"

#include <lp/graph/graph_builder.hpp>
#include <lp/io/zone_layer.hpp>

#include <catch2/catch.hpp>

#include <set>
#include <tuple>

using namespace lp;

namespace {

std::set<std::pair<std::string, std::string>> land_pairs(const ZoneLayer& z, const ContiguityGraph& g) {
    std::set<std::pair<std::string, std::string>> out;
    for (const auto& e : g.edges())
        if (!e.crossing) out.insert(std::minmax(z.ids[e.a], z.ids[e.b]));
    return out;
}

} // namespace

TEST_CASE("Shapefile, GeoPackage and GeoJSON copies of Glasgow give the same graph", "[graph][real]") {
    const ZoneLayer gpkg = read_zones(test::council_from_gpkg("S12000049"));
    const ZoneLayer shp = read_zones(test::zones_file(test::data("shapefiles/glasgow_city/dz2011_glasgow_city.shp")));
    const ZoneLayer json = read_zones(test::zones_file(test::data("councils/dz2011_glasgow_city_S12000049.geojson")));
    const auto from_gpkg = land_pairs(gpkg, build_contiguity_graph(gpkg));
    const auto from_shp = land_pairs(shp, build_contiguity_graph(shp));
    const auto from_json = land_pairs(json, build_contiguity_graph(json));
    CHECK(from_gpkg.size() > 2000);
    std::vector<std::pair<std::string, std::string>> only_gpkg, only_json;
    std::set_difference(from_gpkg.begin(), from_gpkg.end(), from_json.begin(), from_json.end(), std::back_inserter(only_gpkg));
    std::set_difference(from_json.begin(), from_json.end(), from_gpkg.begin(), from_gpkg.end(), std::back_inserter(only_json));
    CHECK((from_gpkg == from_shp));
    for (const auto& p : only_gpkg) UNSCOPED_INFO("only in GeoPackage: " << p.first << " - " << p.second);
    for (const auto& p : only_json) UNSCOPED_INFO("only in GeoJSON: " << p.first << " - " << p.second);
    CHECK(only_gpkg.empty());
    CHECK(only_json.empty());
}
