#pragma once
// Plain names for the data's column codes, for tooltips and table headers:
// "simd2020_rank" -> "SIMD 2020 rank (1 = most deprived)". No window code, so tests
// check it (tests/viewer/).
#include <string>

namespace lp::viewer {

// The plain name of a demand column (a point layer's count column included), or the
// column's own name when it follows no pattern the viewer knows.
std::string plain_column_name(const std::string& column);

} // namespace lp::viewer
