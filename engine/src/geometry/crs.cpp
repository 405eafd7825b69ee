#include <lp/core/error.hpp>
#include <lp/geometry/crs.hpp>

#include <proj.h>

#include <cmath>
#include <map>
#include <vector>
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

void check_working_crs(const std::string& crs) {
    const std::string prefix = "working CRS " + crs + ": ";
    const std::string suggestion = "; use a projected CRS in metres that keeps areas, e.g. EPSG:27700 (British National "
                                   "Grid) in Great Britain, else the UTM zone of the area (EPSG:326NN north, 327NN south)";
    PJ_CONTEXT* context = proj_context_create();
    proj_context_set_enable_network(context, 0);
    struct Release {
        PJ_CONTEXT* context;
        std::vector<PJ*> objects;
        ~Release() {
            for (PJ* object : objects)
                if (object) proj_destroy(object);
            proj_context_destroy(context);
        }
    } release{context, {}};
    proj_log_level(context, PJ_LOG_NONE); // the message below says what is wrong, not PROJ's text
    // An authority code (EPSG:27700), WKT or a PROJ string: PROJ would also take any word
    // that names some CRS ("foo" finds one), which is never what a planner meant.
    const bool code = crs.find(':') != std::string::npos && crs.find(' ') == std::string::npos;
    const bool wkt = crs.find('[') != std::string::npos;
    const bool proj_string = crs.rfind("+proj=", 0) == 0;
    PJ* object = code || wkt || proj_string ? proj_create(context, crs.c_str()) : nullptr;
    release.objects.push_back(object);
    if (!object) throw Error(ErrorKind::bad_setting, prefix + "not a coordinate reference system PROJ knows" + suggestion);
    const PJ_TYPE type = proj_get_type(object);
    if (type == PJ_TYPE_GEOGRAPHIC_2D_CRS || type == PJ_TYPE_GEOGRAPHIC_3D_CRS || type == PJ_TYPE_GEOGRAPHIC_CRS ||
        type == PJ_TYPE_GEOCENTRIC_CRS)
        throw Error(ErrorKind::bad_setting, prefix + "geographic (degrees), so areas and lengths would be meaningless" +
                                                suggestion);
    if (type != PJ_TYPE_PROJECTED_CRS)
        throw Error(ErrorKind::bad_setting, prefix + "not a projected coordinate reference system" + suggestion);
    PJ* system = proj_crs_get_coordinate_system(context, object);
    release.objects.push_back(system);
    double to_metres = 0;
    const char* unit = nullptr;
    if (!system || !proj_cs_get_axis_info(context, system, 0, nullptr, nullptr, nullptr, &to_metres, &unit, nullptr, nullptr) ||
        std::abs(to_metres - 1.0) > 1e-9)
        throw Error(ErrorKind::bad_setting, prefix + "its unit is " + (unit ? unit : "not the metre") +
                                                ", and areas and lengths are measured in metres" + suggestion);
    PJ* conversion = proj_crs_get_coordoperation(context, object);
    release.objects.push_back(conversion);
    const char* method = nullptr;
    if (conversion) proj_coordoperation_get_method_info(context, conversion, &method, nullptr, nullptr);
    const std::string name = method ? method : "";
    if (name.find("Mercator") != std::string::npos && name.find("Transverse") == std::string::npos)
        throw Error(ErrorKind::bad_setting, prefix + name +
                                                " does not keep areas or distances (at Scotland's latitude it "
                                                "stretches areas about 3.5 times and lengths about 1.9 times)" +
                                                suggestion);
}

} // namespace lp
