#pragma once
// What the viewer shows besides the plan: the locality the planner paints into, the status
// line, messages for the error window, and zones a refused edit flashes. Nothing here is
// saved with the plan.
#include "model/error_log.hpp"

#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

namespace lp::viewer {

struct ViewState {
    // Locality the planner paints into and whose functions the panel shows (-1: none).
    int active_locality = 0;
    std::string status;  // last edit's message, shown in the status line
    ErrorLog errors;
    // Zones a refused edit would have left apart from their locality (or painted out of
    // its reach): the map flashes them until flash_until.
    std::vector<std::uint32_t> flash_zones;
    std::chrono::steady_clock::time_point flash_until{};
}; // struct ViewState

} // namespace lp::viewer
