#include <lp/core/error.hpp>
#include <lp/geometry/crs.hpp>

#include <proj.h>

#include <map>
#include <utility>

namespace lp {

struct CoordinateTransform::Impl {
    PJ_CONTEXT* context = nullptr;
    PJ* transform = nullptr;
    bool identity = false;

    ~Impl() {
        if (transform) proj_destroy(transform);
        if (context) proj_context_destroy(context);
    }
};

namespace {

std::shared_ptr<const CoordinateTransform::Impl> make_impl(const std::string& source, const std::string& target) {
    auto impl = std::make_shared<CoordinateTransform::Impl>();
    if (source == target) {
        impl->identity = true;
        return impl;
    }
    impl->context = proj_context_create();
    // Never reach for the network (the grid CDN): results must not depend on connectivity.
    proj_context_set_enable_network(impl->context, 0);
    PJ* raw = proj_create_crs_to_crs(impl->context, source.c_str(), target.c_str(), nullptr);
    if (!raw)
        throw Error(ErrorKind::crs_problem, "cannot transform from " + source + " to " + target + ": " +
                                               proj_context_errno_string(impl->context, proj_context_errno(impl->context)));
    // Traditional GIS order (x = easting/longitude) whatever the CRS's official axis order.
    impl->transform = proj_normalize_for_visualization(impl->context, raw);
    proj_destroy(raw);
    if (!impl->transform) throw Error(ErrorKind::crs_problem, "cannot normalise axis order for " + source + " -> " + target);
    return impl;
}

} // namespace

CoordinateTransform::CoordinateTransform(const std::string& source, const std::string& target) {
    // Setting a transformation up opens PROJ's database and searches it (tens of
    // milliseconds, a fifth of a whole-Scotland batch when done per partnership), so each
    // thread keeps the ones it has made. A context is only ever used by one thread: the
    // cache is per thread, and objects are used on the thread that made them.
    thread_local std::map<std::pair<std::string, std::string>, std::shared_ptr<const Impl>> made;
    auto& cached = made[{source, target}];
    if (!cached) cached = make_impl(source, target);
    impl_ = cached;
}

CoordinateTransform::~CoordinateTransform() = default;
CoordinateTransform::CoordinateTransform(CoordinateTransform&&) noexcept = default;
CoordinateTransform& CoordinateTransform::operator=(CoordinateTransform&&) noexcept = default;

Point CoordinateTransform::apply(Point p) const {
    if (impl_->identity) return p;
    PJ_COORD c = proj_coord(p.x, p.y, 0, 0);
    c = proj_trans(impl_->transform, PJ_FWD, c);
    if (c.xy.x == HUGE_VAL) throw Error(ErrorKind::crs_problem, "coordinate outside the transformation's area of use");
    return {c.xy.x, c.xy.y};
}

void CoordinateTransform::apply(Ring& ring) const {
    if (impl_->identity || ring.empty()) return;
    const std::size_t stride = sizeof(Point);
    const std::size_t n = ring.size();
    proj_trans_generic(impl_->transform, PJ_FWD, &ring[0].x, stride, n, &ring[0].y, stride, n, nullptr, 0, 0,
                       nullptr, 0, 0);
    for (const auto& p : ring)
        if (p.x == HUGE_VAL || p.y == HUGE_VAL)
            throw Error(ErrorKind::crs_problem, "coordinate outside the transformation's area of use");
}

void CoordinateTransform::apply(MultiPolygon& shape) const {
    for (auto& p : shape) {
        apply(p.exterior);
        for (auto& h : p.holes) apply(h);
    }
}

} // namespace lp
