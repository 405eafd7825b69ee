#include <lp/core/error.hpp>
#include <lp/geometry/points_near.hpp>

#include "geometry/geos_context.hpp"

#include <cmath>
#include <string>

namespace lp {

std::vector<std::size_t> points_within(const std::vector<MultiPolygon>& shapes, const std::vector<Point>& points,
                                       double margin) {
    if (!std::isfinite(margin) || margin < 0)
        throw Error(ErrorKind::bad_setting, "point margin " + std::to_string(margin) +
                                                ": must be a distance in metres, 0 or more");
    Box box;
    for (const auto& shape : shapes) box.expand(bounds(shape));
    std::vector<std::size_t> near;
    if (box.empty()) return near;
    box = box.grown(margin);

    detail::GeosContext geos;
    std::vector<detail::GeometryPtr> parts;
    for (const auto& shape : shapes)
        if (!shape.empty()) parts.push_back(detail::to_geos(geos, shape));
    const detail::GeometryPtr area = detail::collection(geos, GEOS_GEOMETRYCOLLECTION, std::move(parts));
    // Prepared: each query then walks an index of the area's edges, not all of them.
    struct Prepared {
        const detail::GeosContext& geos;
        const GEOSPreparedGeometry* geometry;
        ~Prepared() { GEOSPreparedGeom_destroy_r(geos, geometry); }
    } prepared{geos, geos.check(GEOSPrepare_r(geos, area.get()), "prepare")};
    for (std::size_t i = 0; i < points.size(); ++i) {
        if (!box.contains(points[i])) continue; // far outside: no GEOS call
        const detail::GeometryPtr point =
            detail::own(geos, GEOSGeom_createPointFromXY_r(geos, points[i].x, points[i].y), "point");
        const char within = GEOSPreparedDistanceWithin_r(geos, prepared.geometry, point.get(), margin);
        if (within == 2) geos.fail("distance within");
        if (within == 1) near.push_back(i);
    }
    return near;
}

} // namespace lp
