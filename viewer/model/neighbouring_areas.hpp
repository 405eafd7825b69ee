#pragma once
// The areas around a partnership when no council outlines file lies beside the zones: the
// zone layer's other areas under the same filter field (the other councils of a Scotland-
// wide Data Zone layer filtered by ca_code), each dissolved into one shape. Slower than
// reading outlines (a union of every other zone), so the viewer does it on a background
// thread, and only when the outlines file is missing.
#include <lp/io/zone_layer.hpp>
#include <lp/render/zone_mesh.hpp>

#include <string>
#include <vector>

namespace lp::viewer {

struct NeighbouringAreas {
    std::vector<std::string> ids;       // the filter field's values, sorted
    std::vector<MultiPolygon> shapes;   // dissolved, in the working CRS
}; // struct NeighbouringAreas

// `zones` as the data was opened (with its filter field and values). Empty when the layer
// is not filtered: all of it is open, so nothing neighbours it. Throws lp::Error naming the
// file when the filter field is not a field of the layer.
NeighbouringAreas dissolve_neighbouring_areas(const ZoneReadOptions& zones, const std::string& working_crs);

} // namespace lp::viewer
