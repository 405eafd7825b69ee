#pragma once
// Compare the plan on screen with another plan file (the CLI's `diff` in the viewer).
// The other plan's localities are matched to this plan's by the people they share
// (lp::match_localities; zones when no population is balanced), not by id, so the same
// localities numbered or named otherwise differ in nothing. Zones whose matched
// locality differs are hatched on the map, and a window shows the pairing and lists each
// locality's zones and balance totals in the other plan, now, and the change. The
// comparison follows edits (recomputed once per revision).
#include "map/map_renderer.hpp"
#include "model/session.hpp"

#include <lp/plan/locality_matching.hpp>
#include <lp/plan/plan_diff.hpp>

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

namespace lp::viewer {

class PlanComparison {
public:
    // Reads the other plan. Throws lp::Error naming the file (or a zone the data lacks).
    void open(Session& session, const std::string& path);
    void close() { path_.clear(); }
    bool active() const { return !path_.empty(); }
    const std::string& path() const { return path_; }

    // Zone indices assigned differently in the two plans (current as of session's revision).
    const std::vector<std::uint32_t>& moved_zones(Session& session);
    const PlanDiff& diff(Session& session);
    // The other plan's localities (by id) and the locality of this plan each is matched with.
    const std::vector<LocalityPair>& pairs(Session& session);

    // The change table window (over the map's top-left corner); Close ends the comparison.
    void ui(Session& session, const ScreenRect& map_rect);
    // Hatches the moved zones over the drawn map.
    void render(Session& session, MapRenderer& renderer, const MapCamera& camera, int framebuffer_height,
                float pixel_scale);

private:
    void refresh(Session& session);

    std::string path_;
    LocalityPlan other_;
    std::size_t revision_ = static_cast<std::size_t>(-1);
    PlanDiff diff_;
    std::vector<LocalityPair> pairs_;
    std::vector<std::uint32_t> moved_;
    std::unordered_map<std::string, std::uint32_t> zone_index_;
}; // class PlanComparison

} // namespace lp::viewer
