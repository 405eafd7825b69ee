#pragma once
// The graph ReCom's spanning trees span: zones that must move together (a hard
// building block's or keep-whole group's zones that touch inside one start locality)
// contracted to one unit, with their balance values summed and their lock.
#include <lp/ensemble/recom.hpp>

#include <cstdint>
#include <vector>

namespace lp::detail {

struct UnitGraph {
    std::size_t size = 0;
    std::vector<std::uint32_t> offsets;    // size + 1
    std::vector<std::uint32_t> adjacent;   // neighbour units, each pair once per side
    std::vector<std::uint32_t> zone_unit;  // per zone
    std::vector<double> weight;            // unit * layers + layer
    std::vector<int> pin;                  // per unit: -1 free, else its locked locality
    std::vector<std::uint8_t> start;       // per unit: start locality
};

// Checks the request (throws lp::Error naming zones and localities) and contracts it.
UnitGraph contract_units(const EnsembleRequest& request);

} // namespace lp::detail
