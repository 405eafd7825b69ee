#pragma once
// Coordinate transformation with PROJ, one context per object (use one per thread).
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

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
}; // class CoordinateTransform

} // namespace lp
