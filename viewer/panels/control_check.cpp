#include "panels/control_check.hpp"

#include <imgui.h>

#include <map>

namespace lp::viewer {
namespace {

std::map<std::string, bool>& notes() {
    static std::map<std::string, bool> seen;
    return seen;
}

} // namespace

void note_control(const std::string& name) {
    // IsItemVisible: not clipped by the window, its scrolling or a table's; the display
    // check catches a window larger than the screen.
    const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    notes()[name] = ImGui::IsItemVisible() && min.x >= 0 && min.y >= 0 && max.x <= display.x && max.y <= display.y;
}

std::optional<bool> control_seen(const std::string& name) {
    const auto found = notes().find(name);
    if (found == notes().end()) return std::nullopt;
    return found->second;
}

} // namespace lp::viewer
