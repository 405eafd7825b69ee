// The graph builder's work is bounded by the data: a mistyped vertex or a layer in
// degrees declared as metres is refused by name (before anything big is allocated), or
// the graph comes out right; a legitimately long straight border is still found.
#include "../scratch_folder.hpp"

#include <lp/core/error.hpp>
#include <lp/graph/graph_builder.hpp>
#include <lp/io/zone_layer.hpp>

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <optional>
#include <set>
#include <string>

using namespace lp;
namespace fs = std::filesystem;

namespace {

Ring rect(double x0, double y0, double x1, double y1) {
    return {{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}, {x0, y0}};
}

void add_zone(ZoneLayer& layer, const std::string& id, Ring ring) {
    MultiPolygon shape{Polygon{std::move(ring), {}}};
    layer.ids.push_back(id);
    layer.names.push_back(id);
    layer.areas.push_back(area(shape));
    layer.boxes.push_back(bounds(shape));
    layer.shapes.push_back(std::move(shape));
}

// columns x rows squares of `side` metres from (x0, y0); zone "r<row>c<column>".
ZoneLayer grid_layer(int columns, int rows, double side, double x0, double y0) {
    ZoneLayer layer;
    layer.source = "test-grid.gpkg";
    for (int r = 0; r < rows; ++r)
        for (int c = 0; c < columns; ++c)
            add_zone(layer, "r" + std::to_string(r) + "c" + std::to_string(c),
                     rect(x0 + c * side, y0 + r * side, x0 + (c + 1) * side, y0 + (r + 1) * side));
    layer.rebuild_index();
    return layer;
}

std::set<std::pair<std::string, std::string>> land_pairs(const ZoneLayer& z, const ContiguityGraph& g) {
    std::set<std::pair<std::string, std::string>> out;
    for (const auto& e : g.edges())
        if (!e.crossing) out.insert(std::minmax(z.ids[e.a], z.ids[e.b]));
    return out;
}

// The top-right corner of zone r5c5 multiplied by `factor` (both coordinates), as a
// typo in one vertex would have it.
ZoneLayer with_mistyped_vertex(ZoneLayer layer, double factor) {
    const auto z = *layer.find("r5c5");
    Ring& ring = layer.shapes[z][0].exterior;
    ring[2] = {ring[2].x * factor, ring[2].y * factor};
    layer.boxes[z] = bounds(layer.shapes[z]);
    return layer;
}

std::string error_of(const ZoneLayer& layer, std::optional<ErrorKind>* kind = nullptr) {
    try {
        build_contiguity_graph(layer);
    } catch (const Error& e) {
        if (kind) *kind = e.kind();
        return e.what();
    }
    return {};
}

} // namespace

TEST_CASE("Graph: one vertex typed ten or a million times too large is named, never a huge grid", "[graph]") {
    // In British National Grid metres: times ten puts the vertex 6,000 km away from a 1 km layer.
    const ZoneLayer bng = grid_layer(10, 10, 100, 300000, 700000);
    for (double factor : {10.0, 1e6}) {
        std::optional<ErrorKind> kind;
        const std::string message = error_of(with_mistyped_vertex(bng, factor), &kind);
        INFO(message);
        CHECK(kind == ErrorKind::bad_geometry);
        CHECK(message.find("test-grid.gpkg") != std::string::npos);
        CHECK(message.find("zone r5c5 ") != std::string::npos);
        CHECK(message.find("mistyped coordinate") != std::string::npos);
    }
    CHECK(error_of(bng).empty());
}

TEST_CASE("Graph: a vertex times ten near the origin gives the graph, the long spike found by R-tree", "[graph]") {
    // 1 km of zones near the origin: the vertex at (6000, 6000) is 5 km beyond the layer,
    // within reason, so the graph is built; the spike's two sides cross hundreds of cells.
    const ZoneLayer plain = grid_layer(10, 10, 100, 0, 0);
    const ZoneLayer typo = with_mistyped_vertex(plain, 10.0);
    const auto expected = land_pairs(plain, build_contiguity_graph(plain));
    const auto found = land_pairs(typo, build_contiguity_graph(typo));
    REQUIRE(expected.size() == 180);
    // r5c5's right and top sides now run diagonally out to the spike, along neither
    // r5c6 nor r6c5; crossing other zones at 45 degrees shares no border. All else stays.
    auto without_spike = expected;
    without_spike.erase({"r5c5", "r5c6"});
    without_spike.erase({"r5c5", "r6c5"});
    CHECK(found == without_spike);
}

TEST_CASE("Graph: a zone on a big loch keeps its one long straight border with every small neighbour", "[graph]") {
    // A row of 100 small zones along y = 0 and, south of them, one 10 km by 20 km zone
    // whose north side is a single segment (100 grid cells long).
    ZoneLayer layer;
    layer.source = "loch.gpkg";
    for (int c = 0; c < 100; ++c) add_zone(layer, "shore" + std::to_string(c), rect(c * 100.0, 0, c * 100.0 + 100, 100));
    add_zone(layer, "loch", {{0, -20000}, {10000, -20000}, {10000, 0}, {0, 0}, {0, -20000}});
    layer.rebuild_index();
    const ContiguityGraph graph = build_contiguity_graph(layer);
    const auto pairs = land_pairs(layer, graph);
    std::size_t loch_borders = 0;
    for (const auto& [a, b] : pairs) loch_borders += (a == "loch" || b == "loch") ? 1 : 0;
    CHECK(loch_borders == 100);
    CHECK(pairs.size() == 199);
    for (const auto& e : graph.edges())
        if (layer.ids[e.a] == "loch" || layer.ids[e.b] == "loch") CHECK(e.shared_length == Approx(100.0));
}

TEST_CASE("Graph: longitude/latitude rings in a file declared as British National Grid are named", "[graph]") {
    const fs::path dir = test::scratch_folder("wgs84_in_bng");
    nlohmann::json doc = {{"type", "FeatureCollection"},
                          {"crs", {{"type", "name"}, {"properties", {{"name", "urn:ogc:def:crs:EPSG::27700"}}}}},
                          {"features", nlohmann::json::array()}};
    // 40 x 40 zones of 0.005 degrees around Edinburgh: a partnership's worth of boundaries
    // all within the 10 m snap of each other if read as metres.
    for (int r = 0; r < 40; ++r)
        for (int c = 0; c < 40; ++c) {
            const double x0 = -3.3 + c * 0.005, y0 = 55.9 + r * 0.005;
            nlohmann::json ring = nlohmann::json::array();
            for (const auto& p : rect(x0, y0, x0 + 0.005, y0 + 0.005)) ring.push_back({p.x, p.y});
            doc["features"].push_back({{"type", "Feature"},
                                       {"properties", {{"zone", "Z" + std::to_string(r * 40 + c)}}},
                                       {"geometry", {{"type", "Polygon"}, {"coordinates", {ring}}}}});
        }
    const std::string path = (dir / "degrees_as_bng.geojson").string();
    std::ofstream(path) << doc.dump();
    ZoneReadOptions options;
    options.path = path;
    options.id_field = "zone";
    const ZoneLayer layer = read_zones(options);
    REQUIRE(layer.working_crs == "EPSG:27700");
    std::optional<ErrorKind> kind;
    const std::string message = error_of(layer, &kind);
    INFO(message);
    CHECK(kind == ErrorKind::crs_problem);
    CHECK(message.find(path) != std::string::npos);
    CHECK(message.find("zone Z0 ") != std::string::npos);
    CHECK(message.find("longitude/latitude") != std::string::npos);
    fs::remove_all(dir);
}
