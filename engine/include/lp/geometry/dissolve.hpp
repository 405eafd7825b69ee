#pragma once
// Dissolving zones into locality boundaries.
#include <lp/core/geometry.hpp>

#include <cstddef>
#include <vector>

namespace lp {

// Zones are given as their shapes and bounding boxes (a ZoneLayer's `shapes` and `boxes`),
// one per zone, in a working CRS in metres.

// Union of the given zones as one (multi)polygon without slivers: boundaries closer
// than snap_tolerance metres are closed, and holes smaller than min_hole_area that
// no zone fills are dropped.
MultiPolygon dissolve(const std::vector<MultiPolygon>& shapes, const std::vector<Box>& boxes,
                      const std::vector<std::size_t>& members, double snap_tolerance = 10.0,
                      double min_hole_area = 10000.0);

// One dissolved shape per group: groups[zone] in 0..group_count-1 (or -1 for none).
std::vector<MultiPolygon> dissolve_groups(const std::vector<MultiPolygon>& shapes, const std::vector<Box>& boxes,
                                          const std::vector<int>& groups, int group_count,
                                          double snap_tolerance = 10.0, double min_hole_area = 10000.0);

} // namespace lp
