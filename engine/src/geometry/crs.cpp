#include <lp/core/error.hpp>
#include <lp/geometry/crs.hpp>

#include <proj.h>

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

CoordinateTransform::CoordinateTransform(const std::string& source, const std::string& target)
    : impl_(std::make_unique<Impl>()) {
    if (source == target) {
        impl_->identity = true;
        return;
    }
    impl_->context = proj_context_create();
    // Never reach for the network (the grid CDN): results must not depend on connectivity.
    proj_context_set_enable_network(impl_->context, 0);
    PJ* raw = proj_create_crs_to_crs(impl_->context, source.c_str(), target.c_str(), nullptr);
    if (!raw)
        throw Error(ExitCode::crs_problem, "cannot transform from " + source + " to " + target + ": " +
                                               proj_context_errno_string(impl_->context, proj_context_errno(impl_->context)));
    // Traditional GIS order (x = easting/longitude) whatever the CRS's official axis order.
    impl_->transform = proj_normalize_for_visualization(impl_->context, raw);
    proj_destroy(raw);
    if (!impl_->transform) throw Error(ExitCode::crs_problem, "cannot normalise axis order for " + source + " -> " + target);
}

CoordinateTransform::~CoordinateTransform() = default;
CoordinateTransform::CoordinateTransform(CoordinateTransform&&) noexcept = default;
CoordinateTransform& CoordinateTransform::operator=(CoordinateTransform&&) noexcept = default;

Point CoordinateTransform::apply(Point p) const {
    if (impl_->identity) return p;
    PJ_COORD c = proj_coord(p.x, p.y, 0, 0);
    c = proj_trans(impl_->transform, PJ_FWD, c);
    if (c.xy.x == HUGE_VAL) throw Error(ExitCode::crs_problem, "coordinate outside the transformation's area of use");
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
            throw Error(ExitCode::crs_problem, "coordinate outside the transformation's area of use");
}

void CoordinateTransform::apply(MultiPolygon& shape) const {
    for (auto& p : shape) {
        apply(p.exterior);
        for (auto& h : p.holes) apply(h);
    }
}

} // namespace lp
