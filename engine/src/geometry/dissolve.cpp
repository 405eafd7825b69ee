#include <lp/geometry/dissolve.hpp>

#include "core/worker_threads.hpp"
#include "geometry/geos_context.hpp"

#include <algorithm>

namespace lp {

namespace {

// The zones a dissolve reads: shapes[z] and boxes[z], one per zone.
struct Zones {
    const std::vector<MultiPolygon>& shapes;
    const std::vector<Box>& boxes;
    std::size_t size() const { return shapes.size(); }
};

bool covered_by_other_zone(const Zones& zones, const std::vector<bool>& member, const Point& p) {
    for (std::size_t z = 0; z < zones.size(); ++z)
        if (!member[z] && zones.boxes[z].contains(p) && contains(zones.shapes[z], p)) return true;
    return false;
}

MultiPolygon dissolve_with(const detail::GeosContext& geos, const Zones& zones,
                           const std::vector<std::size_t>& members, double snap_tolerance, double min_hole_area) {
    if (members.empty()) return {};
    std::vector<detail::GeometryPtr> parts;
    parts.reserve(members.size());
    for (std::size_t z : members) parts.push_back(detail::to_geos(geos, zones.shapes[z]));
    auto collection = detail::collection(geos, GEOS_GEOMETRYCOLLECTION, std::move(parts));
    // Zones of a layer share their borders vertex for vertex, so coverage union (which
    // only drops identical edges) is tens of times faster than an overlay union. Where
    // the layer is not a clean coverage it may fail or give an invalid result: then the
    // full union, which is always right.
    detail::GeometryPtr merged(GEOSCoverageUnion_r(geos, collection.get()), detail::GeometryDeleter{geos.get()});
    if (!merged || GEOSisValid_r(geos, merged.get()) != 1)
        merged = detail::own(geos, GEOSUnaryUnion_r(geos, collection.get()), "union");
    if (snap_tolerance > 0) {
        // Close the slivers a simplified layer leaves between neighbours: grow by the
        // tolerance and shrink back. Mitred joins keep the corners where they were.
        auto grown = detail::own(geos,
                                 GEOSBufferWithStyle_r(geos, merged.get(), snap_tolerance, 8, GEOSBUF_CAP_FLAT,
                                                       GEOSBUF_JOIN_MITRE, 5.0),
                                 "buffer");
        merged = detail::own(geos,
                             GEOSBufferWithStyle_r(geos, grown.get(), -snap_tolerance, 8, GEOSBUF_CAP_FLAT,
                                                   GEOSBUF_JOIN_MITRE, 5.0),
                             "buffer");
    }
    MultiPolygon shape = detail::from_geos(geos, merged.get());

    // A small hole that no other zone fills is a gap in the source coverage, not an enclave.
    std::vector<bool> member(zones.size(), false);
    for (std::size_t z : members) member[z] = true;
    for (auto& poly : shape) {
        std::vector<Ring> kept;
        for (auto& hole : poly.holes) {
            const double a = std::abs(signed_area(hole));
            if (a < min_hole_area) {
                const MultiPolygon as_shape{Polygon{hole, {}}};
                if (!covered_by_other_zone(zones, member, interior_point(as_shape))) continue;
            }
            kept.push_back(std::move(hole));
        }
        poly.holes = std::move(kept);
    }
    return shape;
}

} // namespace

MultiPolygon dissolve(const std::vector<MultiPolygon>& shapes, const std::vector<Box>& boxes,
                      const std::vector<std::size_t>& members, double snap_tolerance, double min_hole_area) {
    detail::GeosContext geos;
    return dissolve_with(geos, Zones{shapes, boxes}, members, snap_tolerance, min_hole_area);
}

std::vector<MultiPolygon> dissolve_groups(const std::vector<MultiPolygon>& shapes, const std::vector<Box>& boxes,
                                          const std::vector<int>& groups, int group_count, double snap_tolerance,
                                          double min_hole_area) {
    const Zones zones{shapes, boxes};
    std::vector<std::vector<std::size_t>> members(std::max(group_count, 0));
    for (std::size_t z = 0; z < groups.size() && z < zones.size(); ++z)
        if (groups[z] >= 0 && groups[z] < group_count) members[groups[z]].push_back(z);
    std::vector<MultiPolygon> out(members.size());
    // GEOS contexts are per thread; each worker takes every n-th group.
    detail::run_workers(detail::worker_count(members.size()), [&](unsigned w, unsigned workers) {
        detail::GeosContext geos;
        for (std::size_t g = w; g < members.size(); g += workers)
            out[g] = dissolve_with(geos, zones, members[g], snap_tolerance, min_hole_area);
    });
    return out;
}

} // namespace lp
