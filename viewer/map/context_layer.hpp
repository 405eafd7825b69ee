#pragma once
// Neighbouring areas drawn in grey around the partnership, so it is not an island on
// blue: the council outlines file next to the zone layer (council_areas_2019.geojson,
// read with its ca_code field), without the councils the zone filter selects; without
// that file, the zone layer's other areas dissolved (neighbouring_areas.hpp). It is
// read, reprojected and triangulated once on a background thread, so the first frame
// never waits for it; the triangles are then handed to the renderer, which draws them
// under the zones in the cached map image.
#include "model/session.hpp"

#include <lp/render/zone_mesh.hpp>

#include <future>
#include <string>
#include <vector>

namespace lp::viewer {

class ContextLayer {
public:
    // Starts loading for the session's data when it changed (call every frame).
    void update(const Session& session);
    // Loaded and not yet handed to the renderer: the triangles and boundary segments
    // relative to the session mesh's origin. Returns false when there is nothing new.
    bool take(std::vector<float>& triangles, std::vector<float>& segments);
    bool ready() const { return ready_; }
    // Nothing is loading for the session's current data (loaded, failed or no file):
    // scripts wait for this before a screenshot, so screenshots do not depend on timing.
    bool settled(const Session& session) const {
        return generation_ == session.data.mesh_generation() && !loading_.valid();
    }
    // Whether a point (relative to the session mesh's origin) lies on a neighbouring area:
    // a locality's name is never put there.
    bool covers(Point p) const {
        return ready_ && areas_.zone_at({p.x + origin_.x - areas_.origin.x, p.y + origin_.y - areas_.origin.y}) >= 0;
    }
    const std::string& source() const { return source_; }
    const std::string& problem() const { return problem_; }

    // The outlines file used for a zone layer at `zones_path`: "" when there is none.
    static std::string outlines_path(const std::string& zones_path);

private:
    std::size_t generation_ = static_cast<std::size_t>(-1);
    std::future<ZoneMesh> loading_;
    Point origin_;
    std::string source_, problem_;
    bool ready_ = false;
    bool fresh_ = false;
    std::vector<float> triangles_, segments_;
    ZoneMesh areas_;  // the neighbouring areas themselves, for covers()
}; // class ContextLayer

} // namespace lp::viewer
