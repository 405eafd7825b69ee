#pragma once
// --frame-stats N: times N frames in each of four phases (after five warm-up frames
// each): an empty frame (the window cleared and presented, nothing else: the floor any
// frame pays), a still view (the map image is reused), panning (the view moves every
// frame) and editing (every frame paints a boundary zone into its neighbour's locality
// or undoes that, so the table, the colours and the map follow an edit). Prints the
// frame times and how each phase splits between the edit and derived figures, building
// the panels (ImGui, CPU), drawing the map (GL), finding where the frame differs from the
// window's last (CPU), drawing the panels (GL), copying the frame cache to the window (GL)
// and presenting the frame.
#include "model/session.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace lp::viewer {

class FrameStats {
public:
    enum class Phase { empty, still, panning, editing, done };
    explicit FrameStats(int frames) : frames_(frames) {}

    Phase phase() const;
    // One frame, milliseconds: all of it, and its parts.
    // damage: comparing the frame with the window's last (FrameCache::begin, CPU).
    void add(double total, double update, double panels, double map, double damage, double panels_gl, double copy, double swap);
    // width x height: the window; zones_drawn, triangles: of the last frame.
    void print(int width, int height, std::size_t zones_drawn, std::size_t triangles, std::size_t redraws) const;

private:
    struct Frame {
        double total, update, panels, map, damage, panels_gl, copy, swap;
    };
    static constexpr int phase_count = 4;
    int frames_;
    std::vector<Frame> phases_[phase_count];
}; // class FrameStats

// The editing phase's edit: the first boundary zone whose move the editor accepts,
// painted into its neighbour's locality on even calls and undone on odd ones.
class TimedEdit {
public:
    // False when the plan has no move to time (fewer than two localities).
    bool step(Session& session);

private:
    bool painted_ = false;
    bool searched_ = false;
    bool found_ = false;
    std::uint32_t zone_ = 0;
    int target_ = -1;
}; // class TimedEdit

} // namespace lp::viewer
