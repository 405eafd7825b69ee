// The contiguity graph builder (graph/graph_builder) on small polygons made from the fuzz
// input: byte 0 picks rook/queen and whether islands are joined, byte 1 the snap distance
// (0-25.5 m); then each zone is a count byte (3-10 vertices) and one byte per vertex, its
// high and low nibbles x and y on a 100 m grid, so that zones share corners and edges,
// repeat vertices and cross themselves. The polygons go through read_zones (a GeoJSON in
// British National Grid on /vsimem/), which repairs them as it does real layers. Any input
// gives a graph or a named lp::Error; a graph has no self-loop, no repeated edge, only
// edges between zones of the layer, and degrees that add up.
#include "fuzz_support.hpp"

#include <lp/graph/graph_builder.hpp>
#include <lp/io/zone_layer.hpp>

#include <cpl_vsi.h>

#include <cstddef>
#include <cstdint>
#include <set>
#include <string>
#include <utility>

namespace {

constexpr std::size_t max_zones = 48;

std::string polygons_as_geojson(const std::uint8_t* data, std::size_t size) {
    std::string json = "{\"type\":\"FeatureCollection\",\"crs\":{\"type\":\"name\",\"properties\":{\"name\":"
                       "\"urn:ogc:def:crs:EPSG::27700\"}},\"features\":[";
    std::size_t at = 0, zones = 0;
    while (at < size && zones < max_zones) {
        const std::size_t vertices = 3 + data[at++] % 8;
        if (at + vertices > size) break;
        std::string ring;
        for (std::size_t v = 0; v <= vertices; ++v) {
            const std::uint8_t b = data[at + v % vertices]; // the ring closes on its first vertex
            ring += (v ? ",[" : "[") + std::to_string(300000 + (b >> 4) * 100) + "," +
                    std::to_string(700000 + (b & 15) * 100) + "]";
        }
        at += vertices;
        json += (zones ? ",{" : "{") + std::string("\"type\":\"Feature\",\"properties\":{\"zone\":\"Z") +
                std::to_string(zones) + "\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[" + ring + "]]}}";
        ++zones;
    }
    return json + "]}";
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size < 2) return 0;
    lp::GraphOptions options;
    options.adjacency = data[0] & 1 ? lp::Adjacency::queen : lp::Adjacency::rook;
    options.join_components = (data[0] & 2) == 0;
    options.snap_tolerance = data[1] * 0.1;
    const std::string json = polygons_as_geojson(data + 2, size - 2);
    const std::string path = "/vsimem/fuzz_graph_zones.geojson";
    VSILFILE* file = VSIFileFromMemBuffer(path.c_str(),
                                          reinterpret_cast<GByte*>(const_cast<char*>(json.data())), json.size(), FALSE);
    if (!file) return 0;
    VSIFCloseL(file);
    lp::ZoneReadOptions read;
    read.path = path;
    read.id_field = "zone";
    try {
        const lp::ZoneLayer zones = lp::read_zones(read);
        const lp::ContiguityGraph graph = lp::build_contiguity_graph(zones, options);
        if (graph.size() != zones.size()) lp::fuzz::broken("graph and layer differ in zones");
        std::set<std::pair<std::uint32_t, std::uint32_t>> seen;
        for (const auto& e : graph.edges()) {
            if (e.a >= e.b) lp::fuzz::broken("an edge is a self-loop or not ordered a < b");
            if (e.b >= graph.size()) lp::fuzz::broken("an edge leaves the layer");
            if (!seen.emplace(e.a, e.b).second) lp::fuzz::broken("edge " + zones.ids[e.a] + "-" + zones.ids[e.b] + " twice");
            if (!(e.shared_length >= 0)) lp::fuzz::broken("an edge has a negative or NaN shared length");
        }
        std::size_t degrees = 0;
        for (std::uint32_t z = 0; z < graph.size(); ++z) degrees += graph.degree(z);
        if (degrees != 2 * graph.edges().size()) lp::fuzz::broken("degrees do not add up to twice the edges");
    } catch (const lp::Error&) {
    }
    VSIUnlink(path.c_str());
    return 0;
}
