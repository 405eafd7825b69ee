#include <lp/geometry/shared_borders.hpp>

#include "core/worker_threads.hpp"
#include "geometry/geos_context.hpp"

namespace lp {

namespace {

void collect_lines(const detail::GeosContext& geos, const GEOSGeometry* g, std::vector<Ring>& lines) {
    const int type = GEOSGeomTypeId_r(geos, g);
    if (type == GEOS_LINESTRING || type == GEOS_LINEARRING) {
        const GEOSCoordSequence* coords = GEOSGeom_getCoordSeq_r(geos, g);
        unsigned size = 0;
        GEOSCoordSeq_getSize_r(geos, coords, &size);
        if (size < 2) return;
        Ring line(size);
        for (unsigned i = 0; i < size; ++i) GEOSCoordSeq_getXY_r(geos, coords, i, &line[i].x, &line[i].y);
        lines.push_back(std::move(line));
    } else if (type == GEOS_MULTILINESTRING || type == GEOS_GEOMETRYCOLLECTION) {
        const int parts = GEOSGetNumGeometries_r(geos, g);
        for (int i = 0; i < parts; ++i) collect_lines(geos, GEOSGetGeometryN_r(geos, g, i), lines);
    }
}

} // namespace

std::vector<std::vector<Ring>> shared_borders(const ZoneLayer& zones,
                                              const std::vector<std::pair<std::uint32_t, std::uint32_t>>& pairs,
                                              double snap_tolerance) {
    std::vector<std::vector<Ring>> borders(pairs.size());
    detail::run_workers(detail::worker_count(pairs.size() / 64 + 1), [&](unsigned w, unsigned workers) {
        detail::GeosContext geos;
        // Each worker takes one stretch of the pairs and keeps the outlines and buffers
        // of the zones it met (pairs come grouped by their first zone).
        std::vector<detail::GeometryPtr> outline(zones.size()), near(zones.size());
        auto outline_of = [&](std::uint32_t z) -> const GEOSGeometry* {
            if (!outline[z]) {
                auto shape = detail::to_geos(geos, zones.shapes[z]);
                outline[z] = detail::own(geos, GEOSBoundary_r(geos, shape.get()), "boundary");
            }
            return outline[z].get();
        };
        auto near_of = [&](std::uint32_t z) -> const GEOSGeometry* {
            if (!near[z]) {
                auto shape = detail::to_geos(geos, zones.shapes[z]);
                near[z] = detail::own(geos, GEOSBuffer_r(geos, shape.get(), snap_tolerance, 2), "buffer");
            }
            return near[z].get();
        };
        const std::size_t first = pairs.size() * w / workers, last = pairs.size() * (w + 1) / workers;
        for (std::size_t i = first; i < last; ++i) {
            const auto [a, b] = pairs[i];
            if (a >= zones.size() || b >= zones.size()) continue;
            if (!zones.boxes[a].intersects(zones.boxes[b].grown(snap_tolerance))) continue;
            auto common = detail::own(geos, GEOSIntersection_r(geos, outline_of(a), near_of(b)), "intersection");
            if (GEOSisEmpty_r(geos, common.get())) continue;
            detail::GeometryPtr merged(GEOSLineMerge_r(geos, common.get()), detail::GeometryDeleter{geos.get()});
            collect_lines(geos, merged ? merged.get() : common.get(), borders[i]);
        }
    });
    return borders;
}

} // namespace lp
