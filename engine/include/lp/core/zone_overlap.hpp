#pragma once
// How much of one zone lies in a zone of another layer: what the geometry module
// measures and the plan module re-expresses a plan by, without either knowing the other.
#include <cstdint>
#include <vector>

namespace lp {

struct ZoneOverlap {
    std::uint32_t zone = 0; // index into the other layer
    double area = 0;        // square metres in common, > 0
};

// Per zone of a layer: the zones of another layer it overlaps, by index.
using ZoneOverlaps = std::vector<std::vector<ZoneOverlap>>;

} // namespace lp
