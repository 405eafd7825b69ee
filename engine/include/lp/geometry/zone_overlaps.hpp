#pragma once
// The areas two zone layers share, zone by zone: what re-expressing a plan made on
// one layer (2011 Data Zones) on another (2022 Data Zones, Intermediate Zones, wards)
// is weighed by.
#include <lp/core/zone_overlap.hpp>
#include <lp/io/zone_layer.hpp>

namespace lp {

// For each zone of `zones`, every zone of `other` it shares area with, by index in
// `other`, ascending. Both layers must be in the same working CRS (lp::Error(crs_problem)
// otherwise). GEOS intersection areas over an R-tree of the other layer's boxes; a zone
// wholly inside another (or holding it whole) needs no overlay. On all cores.
ZoneOverlaps zone_overlaps(const ZoneLayer& zones, const ZoneLayer& other);

} // namespace lp
