#pragma once
// A colour texture of a given size with a framebuffer drawing into it: the map image and
// the frame cache are both one.
#include "app/gl.hpp"

namespace lp::viewer {

class RenderTarget {
public:
    RenderTarget() = default;
    RenderTarget(const RenderTarget&) = delete;
    RenderTarget& operator=(const RenderTarget&) = delete;
    ~RenderTarget();

    // Makes the texture width x height (RGBA, nearest sampling). Returns true when it was
    // (re)allocated, so its pixels are undefined. Leaves the framebuffer binding as it was
    // only when nothing was allocated.
    bool ensure(int width, int height);

    GLuint framebuffer() const { return framebuffer_; }
    GLuint texture() const { return texture_; }
    int width() const { return width_; }
    int height() const { return height_; }

private:
    GLuint framebuffer_ = 0;
    GLuint texture_ = 0;
    int width_ = 0;
    int height_ = 0;
}; // class RenderTarget

} // namespace lp::viewer
