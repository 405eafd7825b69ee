#pragma once
// Replays a list of actions, one line each, so tests and demos can drive the viewer:
//   fit | zoom F | pan DX DY | paint ZONE[,ZONE...] LOC | unassign ZONE | brush X Y | brush-radius PX
//   lock-zone ZONE | unlock-zone ZONE | lock-locality LOC | unlock-locality LOC
//   begin-stroke [LABEL] | end-stroke (edits between are one undo step)
//   undo | redo | select-locality LOC | new-locality NAME | rename LOC NAME | recolour LOC #rrggbb
//   merge KEPT ABSORBED | split LOC | optimise | split-policy refuse|warn
//   arrangement FUNCTION LOC local|hosted|partnership-wide|acute [HOST] | fill-defaults
//   choropleth COLUMN|off | hover ZONE|off | open-plan PATH | save-plan PATH
//   export-geojson PATH | export-report PATH | screenshot PATH | wait-frames N
//   expect-locality ZONE LOC | expect-status TEXT | quit
// LOC is a locality's index (from 0), id or name (a name with spaces only as the last
// argument); ZONE a zone id. Blank lines and
// lines starting with # are skipped. A failing line stops the viewer with exit 1.
#include "session.hpp"

#include <string>
#include <vector>

namespace lp::viewer {

class MapView;
class OptimiserJob;

class ScriptRunner {
public:
    // Throws lp::Error(file_not_found) when the script cannot be read.
    explicit ScriptRunner(const std::string& path);

    // Runs actions until one needs a rendered frame. Call once per frame before the UI.
    void step(Session& session, MapView& map, OptimiserJob& optimiser);
    // A screenshot to take after this frame renders ("" for none).
    std::string take_screenshot_request();

    bool finished() const { return done_; }
    bool failed() const { return !error_.empty(); }
    const std::string& error() const { return error_; }

private:
    // Returns false when the action must be retried next frame (waiting on a job).
    bool run(const std::vector<std::string>& words, Session& session, MapView& map, OptimiserJob& optimiser);
    void fail(const std::string& message);

    std::string path_;
    std::vector<std::string> lines_;
    std::size_t next_ = 0;
    int wait_frames_ = 0;
    std::string screenshot_;
    bool done_ = false;
    bool job_started_ = false;
    std::string error_;
}; // class ScriptRunner

} // namespace lp::viewer
