#pragma once
// Reads the back buffer and writes it as a PNG (atomically), for scripted screenshots;
// or reads an offscreen image into a PNG (document_export.hpp).
#include <string>
#include <vector>

namespace lp::viewer {

// Throws lp::Error(write_failed) naming the path.
void write_screenshot(const std::string& path, int width, int height);
// Part of the back buffer: x, y from the framebuffer's top-left corner.
void write_screenshot_region(const std::string& path, int x, int y, int width, int height, int framebuffer_height);
// RGB pixels (rows top-down, no padding) as a PNG. Throws lp::Error(write_failed).
std::string encode_png_rgb(const unsigned char* pixels, int width, int height);
// RGB pixels of a region of whatever the caller bound for reading (the back buffer, an
// offscreen framebuffer), rows top-down; x, y from the top-left corner.
std::vector<unsigned char> read_pixels_top_down(int x, int y, int width, int height, int framebuffer_height);

} // namespace lp::viewer
