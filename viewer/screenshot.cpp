#include "screenshot.hpp"

#include "gl.hpp"

#include <lp/core/error.hpp>
#include <lp/io/atomic_file.hpp>

#include <stb_image_write.h>

#include <cstring>
#include <vector>

namespace lp::viewer {

void write_screenshot(const std::string& path, int width, int height) {
    write_screenshot_region(path, 0, 0, width, height, height);
}

void write_screenshot_region(const std::string& path, int x, int y, int width, int height, int framebuffer_height) {
    if (width <= 0 || height <= 0) throw Error(ErrorKind::write_failed, path + ": nothing to write (the map has no area)");
    std::vector<unsigned char> pixels(static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 3);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadBuffer(GL_BACK);
    glReadPixels(x, framebuffer_height - y - height, width, height, GL_RGB, GL_UNSIGNED_BYTE, pixels.data());
    // GL rows run bottom-up; PNG rows top-down.
    const std::size_t row = static_cast<std::size_t>(width) * 3;
    std::vector<unsigned char> flipped(pixels.size());
    for (int y = 0; y < height; ++y) {
        std::memcpy(flipped.data() + static_cast<std::size_t>(y) * row,
                    pixels.data() + static_cast<std::size_t>(height - 1 - y) * row, row);
    }
    std::string png;
    const int ok = stbi_write_png_to_func(
        [](void* context, void* data, int size) { static_cast<std::string*>(context)->append(static_cast<char*>(data), static_cast<std::size_t>(size)); },
        &png, width, height, 3, flipped.data(), static_cast<int>(row));
    if (!ok) throw Error(ErrorKind::write_failed, path + ": could not encode the screenshot as PNG");
    write_file_atomically(path, png);
}

} // namespace lp::viewer
