#pragma once
// Reads the back buffer and writes it as a PNG (atomically), for scripted screenshots.
#include <string>

namespace lp::viewer {

// Throws lp::Error(write_failed) naming the path.
void write_screenshot(const std::string& path, int width, int height);
// Part of the back buffer: x, y from the framebuffer's top-left corner.
void write_screenshot_region(const std::string& path, int x, int y, int width, int height, int framebuffer_height);

} // namespace lp::viewer
