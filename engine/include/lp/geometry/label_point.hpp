#pragma once
// Where a name goes on a map: inside the shape it names, as far from its edges as can be
// (the pole of inaccessibility: the centre of the largest circle inside it, GEOS
// MaximumInscribedCircle), in its largest part. A centroid or a zone near the centre can
// fall in a neighbour's bay or over a fjord; this point cannot.
#include <lp/core/geometry.hpp>

#include <cstddef>
#include <vector>

namespace lp {

// The pole of inaccessibility of the shape's largest part (by area), found to within a
// two-hundredth of that part's size. NaN x for an empty shape.
Point label_point(const MultiPolygon& shape);

// One per group: the label point of the union of its zones (shapes[z], boxes[z] as a
// ZoneLayer holds them; NaN x for an empty group). Unsnapped: a sliver between zones stays
// a gap, so the point lies inside one of the group's zones.
std::vector<Point> group_label_points(const std::vector<MultiPolygon>& shapes, const std::vector<Box>& boxes,
                                      const std::vector<std::vector<std::size_t>>& groups);

} // namespace lp
