#pragma once
// RAII around the GEOS C API: one context per object (so one per thread), an error
// handler that records GEOS's message, and owning geometry pointers. Private to the engine.
#include <lp/core/error.hpp>
#include <lp/core/geometry.hpp>

#include <geos_c.h>

#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace lp::detail {

class GeosContext {
public:
    GeosContext();
    ~GeosContext();
    GeosContext(const GeosContext&) = delete;
    GeosContext& operator=(const GeosContext&) = delete;

    GEOSContextHandle_t get() const { return handle_; }
    operator GEOSContextHandle_t() const { return handle_; }

    // Throws lp::Error(bad_geometry) with GEOS's last message when result is null.
    template <typename T>
    T* check(T* result, const char* operation) const {
        if (!result) fail(operation);
        return result;
    }
    [[noreturn]] void fail(const char* operation) const;

    const std::string& last_error() const { return last_error_; }
    // The last message, cleared: for callers that list failures and go on.
    std::string take_error() { return std::exchange(last_error_, {}); }

private:
    static void on_error(const char* message, void* self);
    GEOSContextHandle_t handle_;
    std::string last_error_;
}; // class GeosContext

struct GeometryDeleter {
    GEOSContextHandle_t context;
    void operator()(GEOSGeometry* g) const { if (g) GEOSGeom_destroy_r(context, g); }
};
using GeometryPtr = std::unique_ptr<GEOSGeometry, GeometryDeleter>;

inline GeometryPtr own(const GeosContext& ctx, GEOSGeometry* g, const char* operation) {
    return GeometryPtr(ctx.check(g, operation), GeometryDeleter{ctx.get()});
}

// A collection (GEOS_MULTIPOLYGON, GEOS_GEOMETRYCOLLECTION) that takes the parts over;
// until the call they stay owned, so a part that fails to build leaks none of the others.
GeometryPtr collection(const GeosContext& ctx, int type, std::vector<GeometryPtr> parts);

GeometryPtr to_geos(const GeosContext& ctx, const Ring& ring);
GeometryPtr to_geos(const GeosContext& ctx, const Polygon& polygon);
GeometryPtr to_geos(const GeosContext& ctx, const MultiPolygon& shape);
// Collects every polygon inside g (polygons, multipolygons, collections); lines and
// points that make-valid leaves from collapsed parts are dropped.
MultiPolygon from_geos(const GeosContext& ctx, const GEOSGeometry* g);

} // namespace lp::detail
