#include "map/label_placement.hpp"

#include <algorithm>
#include <numeric>
#include <optional>
#include <utility>

namespace lp::viewer {

std::vector<PlacedLabel> place_labels(const std::vector<LabelRequest>& requests, const std::vector<ScreenBox>& obstacles,
                                      const ScreenBox& screen, float margin, const LabelFitTest& fit) {
    std::vector<std::size_t> order(requests.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        if (requests[a].tier != requests[b].tier) return requests[a].tier < requests[b].tier;
        return requests[a].priority > requests[b].priority;
    });
    std::vector<PlacedLabel> placed;
    for (std::size_t i : order) {
        const LabelRequest& r = requests[i];
        const float w = r.width + 2 * margin, h = r.height + 2 * margin;
        // Centred first; then above, below, right, left of the anchor by half a label,
        // then the four diagonals: a marker at the anchor pushes the name beside it.
        // Locality names (tier 0) matter most, so they also try two wider rings before
        // giving up, and settlements (tier 1) one: the biggest town is where markers crowd.
        const float dx = w / 2 + 3, dy = h / 2 + 2;
        std::vector<std::pair<float, float>> offsets{{0.0f, 0.0f}};
        const int rings = r.tier == 0 ? 3 : r.tier == 1 ? 2 : 1;
        for (int k = 1; k <= rings; ++k) {
            const float kx = dx * static_cast<float>(k), ky = dy * static_cast<float>(k);
            for (const auto& o : {std::pair{0.0f, -ky}, std::pair{0.0f, ky}, std::pair{kx, 0.0f}, std::pair{-kx, 0.0f},
                                  std::pair{kx, -ky}, std::pair{-kx, -ky}, std::pair{kx, ky}, std::pair{-kx, ky}})
                offsets.push_back(o);
        }
        // The first free good spot; else the first free fallback one.
        std::optional<PlacedLabel> chosen;
        for (const auto& [ox, oy] : offsets) {
            const float cx = r.x + ox, cy = r.y + oy;
            const ScreenBox box{cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2};
            if (!box.inside(screen)) continue;
            const bool blocked =
                std::any_of(placed.begin(), placed.end(), [&](const PlacedLabel& p) { return p.box.overlaps(box); }) ||
                std::any_of(obstacles.begin(), obstacles.end(), [&](const ScreenBox& o) { return o.overlaps(box); });
            if (blocked) continue;
            const LabelFit how = fit ? fit(i, ScreenBox{box.x0 + margin, box.y0 + margin, box.x1 - margin, box.y1 - margin})
                                     : LabelFit::good;
            const PlacedLabel spot{i, box, ox != 0.0f || oy != 0.0f};
            if (how == LabelFit::good) {
                chosen = spot;
                break;
            }
            if (how == LabelFit::fallback && !chosen) chosen = spot;
        }
        if (chosen) placed.push_back(*chosen);
    }
    return placed;
}

} // namespace lp::viewer
