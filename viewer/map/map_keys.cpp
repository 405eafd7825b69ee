#include "map/map_keys.hpp"

#include <GLFW/glfw3.h>
#include <imgui.h>

#include <array>

namespace lp::viewer {
namespace {

constexpr std::array tools{
    ToolKey{MapTool::pan, "Pan", "H", GLFW_KEY_H, "Pan: drag the map to move it (key H; the arrow keys pan with any tool)"},
    ToolKey{MapTool::paint, "Paint", "P", GLFW_KEY_P, "Paint: click or brush zones into the active locality (key P)"},
    ToolKey{MapTool::lock, "Lock", "L", GLFW_KEY_L, "Lock: click or brush zones to keep them where they are (key L)"},
    ToolKey{MapTool::unlock, "Unlock", "U", GLFW_KEY_U, "Unlock: click or brush locked zones to free them (key U)"},
};

// Pressed this frame, without the key repeat: one zoom step a press (1.5 times is a big
// step; repeated, a held key would race through the scales).
bool pressed_any(std::initializer_list<int> keys) {
    for (const int key : keys) {
        if (ImGui::IsKeyPressed(key, false)) return true;
    }
    return false;
}

} // namespace

std::span<const ToolKey> tool_keys() { return tools; }

void zoom_map_centre(MapCamera& camera, double factor) {
    const ScreenRect& r = camera.rect;
    camera.zoom_at(r.x + r.w / 2, r.y + r.h / 2, factor);
}

bool map_keys_ui(MapView& map) {
    const ImGuiIO& io = ImGui::GetIO();
    // Ctrl and Alt belong to the menus' shortcuts (Ctrl+L is not Lock).
    if (io.KeyCtrl || io.KeyAlt || io.KeySuper) return false;
    MapCamera& camera = map.camera();
    const float dx = camera.rect.w * arrow_pan_fraction, dy = camera.rect.h * arrow_pan_fraction;
    bool acted = false;
    // Keys held down repeat (IsKeyPressed's default), so a held arrow keeps panning.
    // The view moves the way the arrow points: Right shows what lies to the east.
    const auto pan = [&](int key, float x, float y) {
        if (!ImGui::IsKeyPressed(key)) return;
        camera.pan_pixels(x, y);
        acted = true;
    };
    pan(GLFW_KEY_LEFT, dx, 0);
    pan(GLFW_KEY_RIGHT, -dx, 0);
    pan(GLFW_KEY_UP, 0, dy);
    pan(GLFW_KEY_DOWN, 0, -dy);
    // + is Shift+= on most layouts; = alone zooms in too, as in most map viewers.
    const auto zoom = [&](std::initializer_list<int> keys, double factor) {
        if (!pressed_any(keys)) return;
        zoom_map_centre(camera, factor);
        acted = true;
    };
    zoom({GLFW_KEY_EQUAL, GLFW_KEY_KP_ADD}, key_zoom_factor);
    zoom({GLFW_KEY_MINUS, GLFW_KEY_KP_SUBTRACT}, 1 / key_zoom_factor);
    if (!io.KeyShift) {
        for (const ToolKey& key : tools) {
            if (ImGui::IsKeyPressed(key.glfw_key, false)) {
                map.tool = key.tool;
                acted = true;
            }
        }
    }
    return acted;
}

} // namespace lp::viewer
