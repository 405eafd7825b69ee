#pragma once
// Service points (GP practices, hospitals) and their aggregation to zones.
#include <lp/core/geometry.hpp>

#include <string>
#include <vector>

namespace lp {

class ZoneLayer;

struct PointLayer {
    std::string source;
    std::string kind;                 // e.g. "gp_practices" (file stem unless named)
    std::vector<Point> points;        // working CRS
    std::vector<std::string> labels;  // a name-like attribute, or the feature id
    std::vector<long> zone;           // index of the containing zone, -1 outside every zone
};

// Reads points, reprojects them into the zones' working CRS and finds each one's zone
// with an R-tree and point-in-polygon.
PointLayer read_points(const std::string& path, const ZoneLayer& zones, const std::string& label_field = "");

// Count of points per zone.
std::vector<double> count_per_zone(const PointLayer& points, std::size_t zone_count);

} // namespace lp
