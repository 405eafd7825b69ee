#pragma once
// The keyboard's share of the map: arrow keys pan, + and - zoom, and a letter picks each
// tool. One table, so the keys the window acts on are the keys the menus and tooltips name.
#include "map/map_camera.hpp"
#include "map/map_view.hpp"

#include <span>

namespace lp::viewer {

struct ToolKey {
    MapTool tool;
    const char* name;     // as the tools panel and the Edit menu show it
    const char* key;      // the letter, as shown ("P")
    int glfw_key;         // GLFW_KEY_P (ImGui 1.86 indexes keys by the backend's codes)
    const char* what;     // the tooltip
};

std::span<const ToolKey> tool_keys();

// A fraction of the map's width or height that one arrow key press moves the view.
inline constexpr float arrow_pan_fraction = 0.125f;
// One + or - press: the factor the scale changes by, around the map's centre.
inline constexpr double key_zoom_factor = 1.5;

// Arrow keys, + and -, and the tool letters, acted on the map and its tool (the caller
// checks that no text field has the keyboard). Returns true when a key acted.
bool map_keys_ui(MapView& map);

// The same moves the keys make, for the View menu.
void zoom_map_centre(MapCamera& camera, double factor);

} // namespace lp::viewer
