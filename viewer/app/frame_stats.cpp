#include "app/frame_stats.hpp"

#include <algorithm>
#include <cstdio>
#include <numeric>

namespace lp::viewer {

namespace {
constexpr int warm_up = 5;  // frames left out at the start of each phase (caches warming)
} // namespace

FrameStats::Phase FrameStats::phase() const {
    for (int p = 0; p < phase_count; ++p) {
        if (static_cast<int>(phases_[p].size()) < frames_ + warm_up) return static_cast<Phase>(p);
    }
    return Phase::done;
}

void FrameStats::add(double total, double update, double panels, double map, double damage, double panels_gl, double copy,
                     double swap) {
    const Phase p = phase();
    if (p == Phase::done) return;
    phases_[static_cast<int>(p)].push_back({total, update, panels, map, damage, panels_gl, copy, swap});
}

void FrameStats::print(int width, int height, std::size_t zones_drawn, std::size_t triangles, std::size_t redraws) const {
    static const char* names[] = {"empty", "still", "panning", "editing"};
    for (int p = 0; p < phase_count; ++p) {
        if (static_cast<int>(phases_[p].size()) <= warm_up) continue;
        std::vector<Frame> timed(phases_[p].begin() + warm_up, phases_[p].end());
        std::vector<double> totals;
        for (const Frame& f : timed) totals.push_back(f.total);
        std::sort(totals.begin(), totals.end());
        const auto mean = [&](double Frame::*part) {
            double sum = 0;
            for (const Frame& f : timed) sum += f.*part;
            return sum / static_cast<double>(timed.size());
        };
        const double average = mean(&Frame::total);
        const double p95 = totals[std::min(totals.size() - 1, totals.size() * 95 / 100)];
        std::printf("frame-stats %s: %zu frames at %dx%d, mean %.2f ms (%.1f fps), median %.2f ms, p95 %.2f ms; "
                    "%zu zones, %zu triangles in view\n",
                    names[p], timed.size(), width, height, average, 1000.0 / average, totals[totals.size() / 2], p95, zones_drawn,
                    triangles);
        std::printf("frame-stats %s split: edit and derived figures %.2f ms, panels built (ImGui, CPU) %.2f ms, "
                    "map drawn (GL) %.2f ms, changes found (CPU) %.2f ms, panels drawn (GL) %.2f ms, "
                    "frame copied to the window (GL) %.2f ms, presented (swap) %.2f ms\n",
                    names[p], mean(&Frame::update), mean(&Frame::panels), mean(&Frame::map), mean(&Frame::damage), mean(&Frame::panels_gl),
                    mean(&Frame::copy), mean(&Frame::swap));
    }
    std::printf("frame-stats: map redrawn in %zu frames\n", redraws);
}

bool TimedEdit::step(Session& session) {
    if (!session.document.has_plan()) return false;
    PlanEditor& editor = session.document.editor();
    if (!searched_) {
        searched_ = true;
        const PlanState& state = editor.state();
        for (const GraphEdge& e : state.graph().edges()) {
            const int a = state.locality_of(e.a), b = state.locality_of(e.b);
            if (a < 0 || b < 0 || a == b) continue;
            if (editor.paint({e.a}, b).applied) {
                zone_ = e.a;
                target_ = b;
                found_ = painted_ = true;
                return true;
            }
        }
        return false;
    }
    if (!found_) return false;
    if (painted_) editor.undo();
    else editor.paint({zone_}, target_);
    painted_ = !painted_;
    return true;
}

} // namespace lp::viewer
