#pragma once
// Replays a list of actions, one line each, so tests and demos can drive the viewer:
//   fit | zoom F | pan DX DY | paint ZONE[,ZONE...] LOC | unassign ZONE | brush X Y | brush-radius PX
//   lock-zone ZONE | unlock-zone ZONE | lock-locality LOC | unlock-locality LOC
//   begin-stroke [LABEL] | end-stroke (edits between are one undo step)
//   undo | redo | select-locality LOC | new-locality NAME | rename LOC NAME | recolour LOC #rrggbb
//   merge KEPT ABSORBED | split LOC | optimise | split-policy refuse|warn
//   arrangement FUNCTION LOC local|hosted|partnership-wide|acute [HOST] | fill-defaults
//   choropleth COLUMN|off | hover ZONE|off | open-plan PATH | save-plan PATH
//   mouse X Y (moves the pointer to window pixel X,Y, e.g. onto a column header for its tooltip)
//   save-copy PATH (writes the plan there; its file and unsaved state stay as they are)
//   export-geojson PATH | export-report PATH | screenshot PATH | wait-frames N | wait-seconds S
//   recovery restore|keep|discard (answers the recovery question; fails when none is open)
//   close (as the window's close button: asks about unsaved changes, or quits at once)
//   prompt save|discard|cancel (answers "Save changes to <plan>?"; fails when it is not open)
//   expect-locality ZONE LOC | expect-status TEXT | expect-title TEXT (part of the window title)
//   balance add COLUMN TOL% | balance set COLUMN TOL% | balance remove COLUMN (the Balance rules panel)
//   expect-balance COLUMN TOL%|none
//   expect-prompt recovery|unsaved|none | expect-unsaved yes|no | quit
//   search TEXT (the search box: zooms to the first match and prints the view) |
//   search-text TEXT (types only: the drop-down shows) | expect-view-contains ZONE (its centre
//   in the middle of a view under 10 km across, or KM: expect-view-contains ZONE [KM]) |
//   choropleth-classes quantile|equal
//   export-png PATH | export-svg PATH (the map, as File > Export map) | compare PATH|off
//   menu quit (File > Quit: asks about unsaved changes like close)
//   alternatives start STEPS SEED (the Alternatives window: a ReCom chain from the plan) |
//   alternatives wait (until it ends; prints its figures) | alternatives cancel (stops it and
//   waits) | expect-alternatives-steps-at-least N
// open-plan asks about unsaved changes like the File menu; quit and the end of the
// script do not (they leave the recovery file as a crash would).
// LOC is a locality's index (from 0), id or name (a name with spaces only as the last
// argument); ZONE a zone id. Blank lines and
// lines starting with # are skipped. A failing line stops the viewer with exit 1.
#include "session.hpp"

#include <chrono>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace lp::viewer {

class AlternativesPanel;
class MapView;
class OptimiserJob;
class UnsavedPrompt;

class ScriptRunner {
public:
    // Throws lp::Error(file_not_found) when the script cannot be read.
    explicit ScriptRunner(const std::string& path);

    // Runs actions until one needs a rendered frame. Call once per frame before the UI.
    void step(Session& session, MapView& map, OptimiserJob& optimiser, UnsavedPrompt& unsaved,
              AlternativesPanel& alternatives);
    // A screenshot to take after this frame renders ("" for none).
    std::string take_screenshot_request();
    // The script asked to close the window (once).
    bool take_close_request() { return std::exchange(close_requested_, false); }
    // Actions the window itself carries out (export-png, export-svg, compare, menu), once.
    std::vector<std::vector<std::string>> take_app_requests() { return std::exchange(app_requests_, {}); }
    // Where the script moved the mouse pointer (window pixels), once.
    std::optional<std::pair<double, double>> take_mouse_request() { return std::exchange(mouse_, std::nullopt); }

    bool finished() const { return done_; }
    bool failed() const { return !error_.empty(); }
    const std::string& error() const { return error_; }

private:
    // Returns false when the action must be retried next frame (waiting on a job).
    bool run(const std::vector<std::string>& words, Session& session, MapView& map, OptimiserJob& optimiser,
             UnsavedPrompt& unsaved, AlternativesPanel& alternatives);
    void fail(const std::string& message);

    std::string path_;
    std::vector<std::string> lines_;
    std::size_t next_ = 0;
    int wait_frames_ = 0;
    std::chrono::steady_clock::time_point wait_until_{};
    bool close_requested_ = false;
    std::optional<std::pair<double, double>> mouse_;
    std::vector<std::vector<std::string>> app_requests_;
    std::string screenshot_;
    bool done_ = false;
    bool job_started_ = false;
    std::string error_;
}; // class ScriptRunner

} // namespace lp::viewer
