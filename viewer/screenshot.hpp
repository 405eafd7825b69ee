#pragma once
// Reads the back buffer and writes it as a PNG (atomically), for scripted screenshots.
#include <string>

namespace lp::viewer {

// Throws lp::Error(write_failed) naming the path.
void write_screenshot(const std::string& path, int width, int height);

} // namespace lp::viewer
