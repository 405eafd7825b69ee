#pragma once
// What building blocks and zone overlaps share: an R-tree over the boxes of a set of
// shapes, and a per-thread overlay that makes those shapes GEOS geometries (and
// prepared ones) only as queries first need them. Private to the engine.
#include <lp/core/geometry.hpp>

#include "geometry/geos_context.hpp"

#include <boost/geometry.hpp>
#include <boost/geometry/index/rtree.hpp>

#include <cstddef>
#include <memory>
#include <utility>
#include <vector>

namespace lp::detail {

using BgPoint = boost::geometry::model::point<double, 2, boost::geometry::cs::cartesian>;
using BgBox = boost::geometry::model::box<BgPoint>;
using ShapeTree = boost::geometry::index::rtree<std::pair<BgBox, std::size_t>, boost::geometry::index::quadratic<16>>;

inline BgBox to_bg(const Box& b) { return BgBox({b.min_x, b.min_y}, {b.max_x, b.max_y}); }

// The tree over shapes whose boxes are given (one per shape, same order).
ShapeTree build_shape_tree(const std::vector<Box>& boxes);

struct PreparedDeleter {
    GEOSContextHandle_t context;
    void operator()(const GEOSPreparedGeometry* p) const { if (p) GEOSPreparedGeom_destroy_r(context, p); }
};
using PreparedPtr = std::unique_ptr<const GEOSPreparedGeometry, PreparedDeleter>;

// One thread's view of the indexed shapes: its own GEOS context and caches.
class ShapeOverlay {
public:
    ShapeOverlay(const std::vector<MultiPolygon>& shapes, const std::vector<Box>& boxes, const ShapeTree& tree)
        : shapes_(shapes), boxes_(boxes), tree_(tree), geometries_(shapes.size()), prepared_(shapes.size()) {}

    const GeosContext& geos() const { return geos_; }
    const ShapeTree& tree() const { return tree_; }
    const std::vector<Box>& boxes() const { return boxes_; }
    std::size_t size() const { return shapes_.size(); }

    // Indices of the shapes whose boxes meet the box, ascending (so ties go the same way every run).
    void candidates(const Box& box, std::vector<std::size_t>& out) const;

    const GEOSGeometry* geometry(std::size_t i);
    const GEOSPreparedGeometry* prepared(std::size_t i);

    // The tests GEOS answers with 2 on failure, made to throw.
    bool covers(std::size_t i, const GEOSGeometry* g);
    bool intersects(std::size_t i, const GEOSGeometry* g);
    double intersection_area(const GEOSGeometry* a, const GEOSGeometry* b) const;

private:
    const std::vector<MultiPolygon>& shapes_;
    const std::vector<Box>& boxes_;
    const ShapeTree& tree_;
    GeosContext geos_;
    std::vector<GeometryPtr> geometries_;
    std::vector<PreparedPtr> prepared_; // after geometries_: gone before the shapes they point into
    mutable std::vector<std::pair<BgBox, std::size_t>> hits_;
}; // class ShapeOverlay

// The GEOS prepared form of g, owned.
PreparedPtr prepare(const GeosContext& geos, const GEOSGeometry* g);

} // namespace lp::detail
