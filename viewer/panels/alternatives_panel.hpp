#pragma once
// The "Alternatives" window (issue 12 item 4): a ReCom chain runs in the background from
// the plan on screen under its balance rules and locks (viewer/jobs/ensemble_job.hpp), and the
// window shows, as the samples arrive, where the plan sits among them per measure (its
// percentile and the samples' 5%..95% range) while the map shows each border between two
// zones by how often it was a locality boundary: the natural boundaries stand out. The
// chain never edits the plan; Cancel or closing the window leaves it as it was.
#include "jobs/ensemble_job.hpp"
#include "map/map_camera.hpp"
#include "model/session.hpp"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

struct ImDrawList;

namespace lp::viewer {

class AlternativesPanel {
public:
    // "Plan > Alternatives..." appended to the main menu bar.
    void menu_ui(const Session& session);
    // The window (when open).
    void ui(Session& session);
    // The boundary-frequency lines over the map (when open and the overlay is on).
    void draw_overlay(ImDrawList* draw, const MapCamera& camera);

    // Starts a chain from the session's plan; a plan that cannot start one (a zone in no
    // locality, a single locality) is reported in the status line and returns false.
    // target_ess > 0: "Run until reliable" (two chains until every measure has that many
    // effective samples and R-hat <= 1.05, or max_seconds).
    bool start(Session& session, std::uint64_t steps, std::uint64_t seed, unsigned chains, double target_ess = 0,
               double max_seconds = 300);
    void cancel() { job_.cancel(); }
    // Cancels and waits (closing the viewer, opening another plan).
    void stop() { job_.stop(); }
    bool running() const { return job_.running(); }
    // The latest state of the chain (refreshed by ui()).
    EnsembleJobView view() const { return job_.view(); }
    // One line for the log: steps, plans, steps/s and each measure's percentile.
    std::string summary_line() const;

    bool open = false;
    bool show_overlay = true;

private:
    void refresh();

    EnsembleJob job_;
    int steps_ = 20000;
    int chains_ = 1;
    int seed_ = 1;
    // The border lines of the mesh they were computed for, kept between runs.
    std::shared_ptr<const BorderLines> borders_;
    std::size_t borders_mesh_ = static_cast<std::size_t>(-1);
    std::size_t run_mesh_ = static_cast<std::size_t>(-1);
    std::size_t shown_mesh_ = static_cast<std::size_t>(-2);  // the session's, as ui() last saw it
    std::size_t started_revision_ = 0;
    EnsembleJobView view_;
    std::vector<std::size_t> draw_order_;  // edges drawn, rarest first (frequent ones on top)
}; // class AlternativesPanel

} // namespace lp::viewer
