#include "geometry/shape_overlay.hpp"

#include <algorithm>
#include <iterator>

namespace lp::detail {

namespace bgi = boost::geometry::index;

ShapeTree build_shape_tree(const std::vector<Box>& boxes) {
    std::vector<std::pair<BgBox, std::size_t>> entries;
    entries.reserve(boxes.size());
    for (std::size_t i = 0; i < boxes.size(); ++i) entries.emplace_back(to_bg(boxes[i]), i);
    return ShapeTree(entries);
}

void ShapeOverlay::candidates(const Box& box, std::vector<std::size_t>& out) const {
    hits_.clear();
    tree_.query(bgi::intersects(to_bg(box)), std::back_inserter(hits_));
    out.clear();
    for (const auto& hit : hits_) out.push_back(hit.second);
    std::sort(out.begin(), out.end());
}

const GEOSGeometry* ShapeOverlay::geometry(std::size_t i) {
    if (!geometries_[i]) geometries_[i] = to_geos(geos_, shapes_[i]);
    return geometries_[i].get();
}

PreparedPtr prepare(const GeosContext& geos, const GEOSGeometry* g) {
    return PreparedPtr(geos.check(GEOSPrepare_r(geos, g), "prepare"), PreparedDeleter{geos.get()});
}

const GEOSPreparedGeometry* ShapeOverlay::prepared(std::size_t i) {
    if (!prepared_[i]) prepared_[i] = prepare(geos_, geometry(i));
    return prepared_[i].get();
}

bool ShapeOverlay::covers(std::size_t i, const GEOSGeometry* g) {
    const char covered = GEOSPreparedCovers_r(geos_, prepared(i), g);
    if (covered == 2) geos_.fail("covers test");
    return covered != 0;
}

bool ShapeOverlay::intersects(std::size_t i, const GEOSGeometry* g) {
    const char meets = GEOSPreparedIntersects_r(geos_, prepared(i), g);
    if (meets == 2) geos_.fail("intersects test");
    return meets != 0;
}

double ShapeOverlay::intersection_area(const GEOSGeometry* a, const GEOSGeometry* b) const {
    auto common = own(geos_, GEOSIntersection_r(geos_, a, b), "intersection");
    double area = 0;
    if (!GEOSArea_r(geos_, common.get(), &area)) geos_.fail("area");
    return area;
}

} // namespace lp::detail
