#pragma once
// Coordinate transformation with PROJ. Use an object on the thread that made it: objects
// made on one thread for the same pair of CRSs share one PROJ context.
#include <lp/core/geometry.hpp>

#include <memory>
#include <string>

namespace lp {

class CoordinateTransform {
public:
    // source and target: anything PROJ understands ("EPSG:27700", WKT, PROJ strings).
    // Axis order is normalised: x = easting or longitude, y = northing or latitude.
    CoordinateTransform(const std::string& source, const std::string& target);
    ~CoordinateTransform();
    CoordinateTransform(CoordinateTransform&&) noexcept;
    CoordinateTransform& operator=(CoordinateTransform&&) noexcept;

    Point apply(Point p) const;
    void apply(Ring& ring) const;
    void apply(MultiPolygon& shape) const;

    struct Impl;

private:
    std::shared_ptr<const Impl> impl_;
}; // class CoordinateTransform

// A working CRS measures areas, boundary lengths and distances, so it must be projected, in
// metres and keep them true enough: Web Mercator (EPSG:3857) and other Mercator projections
// stretch Scotland's areas about 3.5 times, and a geographic CRS counts degrees. Throws
// lp::Error(bad_setting) beginning "working CRS <text>: " for text PROJ does not know, a
// geographic or non-metre CRS, or a Mercator projection, suggesting EPSG:27700 or a UTM
// zone.
void check_working_crs(const std::string& crs);

} // namespace lp
