#pragma once
// Which map labels to draw and where, in screen space: greedy by tier (locality names,
// then settlements, then smaller places) and within a tier by priority (people), each
// label tried centred on its anchor and then nudged around it (locality names and
// settlements further), kept only where it meets no label already placed and no
// obstacle (service point markers) and stays on screen, and where the caller's fit test
// allows (a locality's name over its own locality, not a neighbour's or another council).
// No window code: tested in tests/viewer/.
#include <cstddef>
#include <functional>
#include <vector>

namespace lp::viewer {

struct ScreenBox {
    float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    bool overlaps(const ScreenBox& o) const { return x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1; }
    bool inside(const ScreenBox& o) const { return x0 >= o.x0 && y0 >= o.y0 && x1 <= o.x1 && y1 <= o.y1; }
    friend bool operator==(const ScreenBox&, const ScreenBox&) = default;
};

struct LabelRequest {
    float x = 0, y = 0;           // anchor (screen pixels)
    float width = 0, height = 0;  // the text's size
    int tier = 0;                 // 0 first (locality names), then 1, 2...
    double priority = 0;          // within a tier, higher first (people)
};

struct PlacedLabel {
    std::size_t request = 0;
    ScreenBox box;       // where the text goes (with its margin)
    bool moved = false;  // not centred on its anchor: the map draws a leader line to it
};

// Whether a spot suits a request's label (e.g. a locality's name over that locality):
// good spots are taken first, then fallback ones, never `no`.
enum class LabelFit { no, fallback, good };
using LabelFitTest = std::function<LabelFit(std::size_t request, const ScreenBox& text)>;

// margin: pixels kept clear around each label. Labels that find no free spot are left
// out (zooming in makes room). fit (optional): asked of each free spot with the text's own
// box (without the margin); without it every free spot is good.
std::vector<PlacedLabel> place_labels(const std::vector<LabelRequest>& requests, const std::vector<ScreenBox>& obstacles,
                                      const ScreenBox& screen, float margin = 2.0f, const LabelFitTest& fit = {});

} // namespace lp::viewer
