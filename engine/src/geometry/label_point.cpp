#include <lp/geometry/dissolve.hpp>
#include <lp/geometry/label_point.hpp>

#include "core/worker_threads.hpp"
#include "geometry/geos_context.hpp"

#include <cmath>
#include <limits>

namespace lp {

namespace {

Point label_point_with(const detail::GeosContext& geos, const MultiPolygon& shape) {
    const Point none{std::numeric_limits<double>::quiet_NaN(), 0};
    const Polygon* largest = nullptr;
    double largest_area = 0;
    for (const Polygon& part : shape) {
        double area = std::abs(signed_area(part.exterior));
        for (const Ring& hole : part.holes) area -= std::abs(signed_area(hole));
        if (!largest || area > largest_area) {
            largest = &part;
            largest_area = area;
        }
    }
    if (!largest || largest->exterior.size() < 4) return none;
    const auto polygon = detail::to_geos(geos, *largest);
    const double tolerance = std::max(std::sqrt(std::max(largest_area, 0.0)) / 200, 1.0);
    const auto circle = detail::own(geos, GEOSMaximumInscribedCircle_r(geos, polygon.get(), tolerance), "inscribed circle");
    const auto centre = detail::own(geos, GEOSGeomGetPointN_r(geos, circle.get(), 0), "inscribed circle centre");
    Point p;
    if (GEOSGeomGetX_r(geos, centre.get(), &p.x) != 1 || GEOSGeomGetY_r(geos, centre.get(), &p.y) != 1) return none;
    return p;
}

} // namespace

Point label_point(const MultiPolygon& shape) {
    detail::GeosContext geos;
    return label_point_with(geos, shape);
}

std::vector<Point> group_label_points(const std::vector<MultiPolygon>& shapes, const std::vector<Box>& boxes,
                                      const std::vector<std::vector<std::size_t>>& groups) {
    std::vector<Point> out(groups.size(), Point{std::numeric_limits<double>::quiet_NaN(), 0});
    detail::run_workers(detail::worker_count(groups.size()), [&](unsigned w, unsigned workers) {
        detail::GeosContext geos;
        for (std::size_t g = w; g < groups.size(); g += workers) {
            if (groups[g].empty()) continue;
            // No snapping and every hole kept: the circle stays off any gap between zones.
            out[g] = label_point_with(geos, dissolve(shapes, boxes, groups[g], 0.0, 0.0));
        }
    });
    return out;
}

} // namespace lp
