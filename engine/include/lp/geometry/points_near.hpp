#pragma once
// Points near an area: what a map of a partnership shows of a national point layer (GP
// practices, hospitals), those inside it and those just across its border that its
// residents use too.
#include <lp/core/geometry.hpp>

#include <cstddef>
#include <vector>

namespace lp {

// The indices, in order, of the points lying within margin metres of any of shapes (a point
// inside one is at distance 0), all in the same working CRS in metres. Throws
// lp::Error(bad_setting) for a negative or non-finite margin, lp::Error(bad_geometry) when
// GEOS fails.
std::vector<std::size_t> points_within(const std::vector<MultiPolygon>& shapes, const std::vector<Point>& points,
                                       double margin);

} // namespace lp
