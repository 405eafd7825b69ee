#pragma once
// How a cached map image follows a pan: the part still in view is copied, moved by whole
// pixels, and only the strips the move uncovers are drawn. Rectangles are x, y, width,
// height in the image's pixels with GL's bottom-left origin. No GL here, so it is tested
// without a window (tests/viewer/map/image_shift_test.cpp).
#include <array>
#include <optional>
#include <vector>

namespace lp::viewer {

using PixelRect = std::array<int, 4>;

struct ImageShift {
    int dx = 0, dy = 0;  // whole pixels the view moved (x right, y up); the image moves the other way
    PixelRect source{};  // what is copied from the old image...
    PixelRect target{};  // ...and where it lands in the new one
    std::vector<PixelRect> strips;  // uncovered: drawn again
};

// view_dx, view_dy: how far the view moved, in pixels. Nothing when the move is not whole
// pixels (within 1/1000: the old image would sit a fraction of a pixel off the new strips)
// or is over half the image (drawing it all is as cheap).
std::optional<ImageShift> image_shift(double view_dx, double view_dy, int width, int height);

} // namespace lp::viewer
