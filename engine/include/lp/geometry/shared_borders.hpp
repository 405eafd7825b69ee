#pragma once
// The lines two zones share: what a border between two zones looks like on a map (the
// ensemble's boundary frequencies, drawn per border).
#include <lp/core/geometry.hpp>
#include <lp/io/zone_layer.hpp>

#include <cstdint>
#include <utility>
#include <vector>

namespace lp {

// Per pair (a, b) of zone indices: the stretches of a's outline within snap_tolerance
// of b (working CRS), merged into as few lines as possible; empty where they only
// touch at a point or are further apart (a water crossing).
std::vector<std::vector<Ring>> shared_borders(const ZoneLayer& zones,
                                              const std::vector<std::pair<std::uint32_t, std::uint32_t>>& pairs,
                                              double snap_tolerance = 10.0);

} // namespace lp
