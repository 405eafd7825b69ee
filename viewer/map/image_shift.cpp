#include "map/image_shift.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>

namespace lp::viewer {

std::optional<ImageShift> image_shift(double view_dx, double view_dy, int width, int height) {
    const double rx = std::round(view_dx), ry = std::round(view_dy);
    if (std::abs(view_dx - rx) > 1e-3 || std::abs(view_dy - ry) > 1e-3) return std::nullopt;
    if (std::abs(rx) * 2 > width || std::abs(ry) * 2 > height) return std::nullopt;
    ImageShift shift;
    shift.dx = static_cast<int>(rx);
    shift.dy = static_cast<int>(ry);
    const int sx = shift.dx, sy = shift.dy;
    // Moving the view right by sx moves the map left by sx (GL's y runs up, as the map's).
    const int cw = width - std::abs(sx), ch = height - std::abs(sy);
    shift.source = {std::max(0, sx), std::max(0, sy), cw, ch};
    shift.target = {std::max(0, -sx), std::max(0, -sy), cw, ch};
    // A column the whole height, then a row between the column's ends, so no pixel is
    // drawn twice.
    if (sx > 0) shift.strips.push_back({width - sx, 0, sx, height});
    if (sx < 0) shift.strips.push_back({0, 0, -sx, height});
    const int row_x = std::max(0, -sx);
    if (sy > 0) shift.strips.push_back({row_x, height - sy, cw, sy});
    if (sy < 0) shift.strips.push_back({row_x, 0, cw, -sy});
    return shift;
}

} // namespace lp::viewer
