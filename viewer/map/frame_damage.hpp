#pragma once
// Where a frame differs from the one the window holds. Under llvmpipe the panels' GL cost
// is fill rate: an edit changes a few numbers in the table and the functions panel, yet
// drawing the panels whole fills the 1600x1000 window again (23 ms of a 40 ms editing
// frame on all of Scotland). So the frame's ImGui triangles are compared, in drawing
// order, with last frame's: a triangle is the same when its three vertices (position,
// texture coordinates, colour), its texture and its clip rectangle are. The triangles in
// both frames' longest common subsequence cover every pixel they covered before, in the
// same order, so a pixel that no other triangle covers, in either frame, is unchanged; the
// boxes of the others are the damage, and only they are cleared, drawn and presented.
#include <cstddef>
#include <cstdint>
#include <vector>

namespace lp::viewer {

// Framebuffer pixels, top-left origin (ImGui's), half-open: [x0, x1) x [y0, y1).
struct DamageRect {
    int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    bool empty() const { return x1 <= x0 || y1 <= y0; }
    long area() const { return empty() ? 0 : static_cast<long>(x1 - x0) * (y1 - y0); }
    bool operator==(const DamageRect&) const = default;
};
DamageRect unite(const DamageRect& a, const DamageRect& b);
DamageRect intersect(const DamageRect& a, const DamageRect& b);

// One triangle ImGui draws: what decides its pixels (key) and the pixels it may touch
// (box: its vertices' box within its clip rectangle, a pixel wider on each side). The
// frame cache lists them from ImGui's draw data (frame_cache.cpp).
struct DrawnTriangle {
    std::uint64_t key = 0;
    DamageRect box;
};

// The boxes of the triangles of `before` and `after` outside their longest common
// subsequence (by key; a key twice in one frame is never matched, which only widens the
// damage). Together they cover every pixel the two frames draw differently.
std::vector<DamageRect> changed_boxes(const std::vector<DrawnTriangle>& before, const std::vector<DrawnTriangle>& after);

// At most max_rects rectangles covering every box: boxes that overlap or lie within `gap`
// pixels of each other merge first, then the pairs whose union adds the least area. Each
// rectangle costs a pass over the draw lists and a present, so a few large ones beat
// hundreds of glyph-sized ones.
std::vector<DamageRect> merge_boxes(std::vector<DamageRect> boxes, std::size_t max_rects, int gap = 8);

} // namespace lp::viewer
