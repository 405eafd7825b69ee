#pragma once
// The map for documents: the view on screen as a PNG (what the planner sees, names and
// legend included), or the localities as an SVG (vector, from the engine's report map).
#include "map_camera.hpp"
#include "session.hpp"

#include <string>

namespace lp::viewer {

// The map's rectangle of the back buffer (screen rect times pixel_scale). Call after the
// frame is drawn, before the buffers swap. Throws lp::Error(write_failed) naming the path.
void export_map_png(const std::string& path, const ScreenRect& map_rect, float pixel_scale, int framebuffer_height);

// Dissolved localities in their colours with names and a legend. Throws lp::Error.
void export_map_svg(Session& session, const std::string& path);

} // namespace lp::viewer
