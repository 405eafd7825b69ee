#include "geos_context.hpp"

#include <cstdarg>
#include <cstdio>

namespace lp::detail {

namespace {
void on_notice(const char*, void*) {}
} // namespace

GeosContext::GeosContext() : handle_(GEOS_init_r()) {
    GEOSContext_setErrorMessageHandler_r(handle_, &GeosContext::on_error, this);
    GEOSContext_setNoticeMessageHandler_r(handle_, &on_notice, nullptr);
}

GeosContext::~GeosContext() { GEOS_finish_r(handle_); }

void GeosContext::on_error(const char* message, void* self) {
    static_cast<GeosContext*>(self)->last_error_ = message ? message : "unknown GEOS error";
}

void GeosContext::fail(const char* operation) const {
    throw Error(ErrorKind::bad_geometry, std::string("GEOS ") + operation + " failed: " + last_error_);
}

namespace {
// GEOS takes the pointed-to geometries over in the call that receives them.
std::vector<GEOSGeometry*> hand_over(std::vector<GeometryPtr>& parts) {
    std::vector<GEOSGeometry*> raw;
    raw.reserve(parts.size());
    for (auto& p : parts) raw.push_back(p.release());
    return raw;
}
} // namespace

GeometryPtr collection(const GeosContext& ctx, int type, std::vector<GeometryPtr> parts) {
    auto raw = hand_over(parts);
    return own(ctx, GEOSGeom_createCollection_r(ctx, type, raw.data(), static_cast<unsigned>(raw.size())),
               type == GEOS_MULTIPOLYGON ? "multipolygon" : "collection");
}

GeometryPtr to_geos(const GeosContext& ctx, const Ring& ring) {
    static_assert(sizeof(Point) == 2 * sizeof(double), "Point must be two packed doubles");
    GEOSCoordSequence* seq = ctx.check(
        GEOSCoordSeq_copyFromBuffer_r(ctx, reinterpret_cast<const double*>(ring.data()),
                                      static_cast<unsigned>(ring.size()), 0, 0),
        "coordinate sequence");
    return own(ctx, GEOSGeom_createLinearRing_r(ctx, seq), "linear ring"); // the ring owns seq, even on failure
}

GeometryPtr to_geos(const GeosContext& ctx, const Polygon& polygon) {
    GeometryPtr shell = to_geos(ctx, polygon.exterior);
    std::vector<GeometryPtr> holes;
    holes.reserve(polygon.holes.size());
    for (const auto& h : polygon.holes) holes.push_back(to_geos(ctx, h));
    auto raw = hand_over(holes);
    return own(ctx, GEOSGeom_createPolygon_r(ctx, shell.release(), raw.data(), static_cast<unsigned>(raw.size())),
               "polygon");
}

GeometryPtr to_geos(const GeosContext& ctx, const MultiPolygon& shape) {
    std::vector<GeometryPtr> parts;
    parts.reserve(shape.size());
    for (const auto& p : shape) parts.push_back(to_geos(ctx, p));
    return collection(ctx, GEOS_MULTIPOLYGON, std::move(parts));
}

namespace {
Ring ring_from_geos(const GeosContext& ctx, const GEOSGeometry* ring) {
    const GEOSCoordSequence* seq = ctx.check(GEOSGeom_getCoordSeq_r(ctx, ring), "ring coordinates");
    unsigned n = 0;
    GEOSCoordSeq_getSize_r(ctx, seq, &n);
    Ring out(n);
    if (n > 0 && !GEOSCoordSeq_copyToBuffer_r(ctx, seq, reinterpret_cast<double*>(out.data()), 0, 0))
        ctx.fail("copy coordinates");
    return out;
}

void collect(const GeosContext& ctx, const GEOSGeometry* g, MultiPolygon& out) {
    const int type = GEOSGeomTypeId_r(ctx, g);
    if (type == GEOS_POLYGON) {
        if (GEOSisEmpty_r(ctx, g)) return;
        Polygon p;
        p.exterior = ring_from_geos(ctx, GEOSGetExteriorRing_r(ctx, g));
        const int holes = GEOSGetNumInteriorRings_r(ctx, g);
        for (int i = 0; i < holes; ++i) p.holes.push_back(ring_from_geos(ctx, GEOSGetInteriorRingN_r(ctx, g, i)));
        out.push_back(std::move(p));
    } else if (type == GEOS_MULTIPOLYGON || type == GEOS_GEOMETRYCOLLECTION) {
        const int n = GEOSGetNumGeometries_r(ctx, g);
        for (int i = 0; i < n; ++i) collect(ctx, GEOSGetGeometryN_r(ctx, g, i), out);
    }
}
} // namespace

MultiPolygon from_geos(const GeosContext& ctx, const GEOSGeometry* g) {
    MultiPolygon out;
    collect(ctx, g, out);
    return out;
}

} // namespace lp::detail
