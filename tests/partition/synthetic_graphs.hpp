#pragma once
// Small graphs with known answers for the partitioner tests.
#include "../grid_graph.hpp"

#include <lp/graph/contiguity_graph.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace lp::test {

// Populations like Data Zones: 500..1100, varied but repeatable.
inline std::vector<double> zone_populations(std::size_t n, std::uint32_t salt = 7) {
    std::vector<double> values(n);
    std::uint32_t state = 2463534242u ^ salt;
    for (auto& value : values) {
        state ^= state << 13;
        state ^= state >> 17;
        state ^= state << 5;
        value = 500 + state % 601;
    }
    return values;
}

inline std::vector<std::string> zone_names(std::size_t n) {
    std::vector<std::string> names;
    for (std::size_t i = 0; i < n; ++i) names.push_back("Z" + std::to_string(i));
    return names;
}

} // namespace lp::test
