#pragma once
// Where the map looks: a centre in mesh coordinates (metres, relative to the mesh
// origin), a scale in screen pixels per metre, and the screen rectangle it fills.
#include <lp/core/geometry.hpp>

#include <algorithm>
#include <cmath>

namespace lp::viewer {

struct ScreenRect {
    float x = 0, y = 0, w = 1, h = 1; // top-left origin, pixels
};

struct MapCamera {
    Point centre;
    double scale = 1e-3;   // pixels per metre
    ScreenRect rect;

    Point to_map(float sx, float sy) const {
        return {centre.x + (sx - (rect.x + rect.w / 2)) / scale, centre.y - (sy - (rect.y + rect.h / 2)) / scale};
    }
    void to_screen(Point p, float& sx, float& sy) const {
        sx = static_cast<float>(rect.x + rect.w / 2 + (p.x - centre.x) * scale);
        sy = static_cast<float>(rect.y + rect.h / 2 - (p.y - centre.y) * scale);
    }
    Box visible() const {
        const double hw = rect.w / 2 / scale, hh = rect.h / 2 / scale;
        return {centre.x - hw, centre.y - hh, centre.x + hw, centre.y + hh};
    }
    void fit(const Box& box, float margin = 0.05f) {
        if (box.empty()) return;
        centre = {(box.min_x + box.max_x) / 2, (box.min_y + box.max_y) / 2};
        const double w = std::max(box.max_x - box.min_x, 1.0), h = std::max(box.max_y - box.min_y, 1.0);
        scale = std::min(rect.w / w, rect.h / h) * (1.0 - 2 * margin);
    }
    // Zoom by factor keeping the map point under (sx, sy) where it is.
    void zoom_at(float sx, float sy, double factor) {
        const Point before = to_map(sx, sy);
        scale = std::clamp(scale * factor, 1e-6, 50.0);
        const Point after = to_map(sx, sy);
        centre.x += before.x - after.x;
        centre.y += before.y - after.y;
    }
    void pan_pixels(float dx, float dy) {
        centre.x -= dx / scale;
        centre.y += dy / scale;
    }
}; // struct MapCamera

} // namespace lp::viewer
