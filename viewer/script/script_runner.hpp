#pragma once
// Replays a list of actions, one line each, so tests and demos can drive the viewer. The
// actions are the table in script_actions.cpp (docs/viewer.md lists them with what each does).
// open-plan asks about unsaved changes like the File menu; quit and the end of the
// script do not (they leave the recovery file as a crash would).
// LOCALITY is a locality's index (from 0), id or name (a name with spaces only as the last
// argument); ZONE a zone id. Blank lines and
// lines starting with # are skipped. A failing line stops the viewer with exit 1.
#include "model/session.hpp"

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace lp::viewer {

class AlternativesPanel;
class GenerateDialog;
class MapView;
class OptimiserJob;
class UnsavedPrompt;

class ScriptRunner {
public:
    // Throws lp::Error(file_not_found) when the script cannot be read.
    explicit ScriptRunner(const std::string& path);

    // Runs actions until one needs a rendered frame. Call once per frame before the UI.
    void step(Session& session, MapView& map, OptimiserJob& optimiser, UnsavedPrompt& unsaved,
              AlternativesPanel& alternatives, GenerateDialog& generate);
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
             UnsavedPrompt& unsaved, AlternativesPanel& alternatives, GenerateDialog& generate);
    void fail(const std::string& message);

    // What the actions act on during one step; a handler per action in script_actions().
    struct Targets;
    using Handler = bool (*)(ScriptRunner&, Targets&, const std::vector<std::string>&);
    static const std::unordered_map<std::string_view, Handler>& handlers();
    // Throws lp::Error(unexpected) when the handlers and script_actions() name different actions.
    static void check_handlers();
    static bool app_request(ScriptRunner&, Targets&, const std::vector<std::string>&);
    // save-plan, save-copy, export-geojson, export-report: the session writes the file at PATH.
    template <auto write>
    static bool session_writes(ScriptRunner&, Targets& targets, const std::vector<std::string>& words);
    static bool search(ScriptRunner&, Targets&, const std::vector<std::string>&);
    static bool paint(ScriptRunner&, Targets&, const std::vector<std::string>&);
    static bool lock_zone(ScriptRunner&, Targets&, const std::vector<std::string>&);
    static bool lock_locality(ScriptRunner&, Targets&, const std::vector<std::string>&);
    static bool optimise(ScriptRunner&, Targets&, const std::vector<std::string>&);
    static bool alternatives_action(ScriptRunner&, Targets&, const std::vector<std::string>&);
    // generate, generate-tradeoff and generate-pick-band: start, then wait for the run.
    static bool generate(ScriptRunner&, Targets&, const std::vector<std::string>&);
    static bool generate_set(ScriptRunner&, Targets&, const std::vector<std::string>&);
    static bool expect_balance(ScriptRunner&, Targets&, const std::vector<std::string>&);
    static bool expect_view_contains(ScriptRunner&, Targets&, const std::vector<std::string>&);

    std::string path_;
    std::vector<std::string> lines_;
    std::size_t next_ = 0;
    int wait_frames_ = 0;
    std::chrono::steady_clock::time_point wait_until_{};
    // wait-file: when the wait began (a driver outside, e.g. xdotool, writes the file).
    std::optional<std::chrono::steady_clock::time_point> file_wait_since_;
    bool close_requested_ = false;
    std::optional<std::pair<double, double>> mouse_;
    std::vector<std::vector<std::string>> app_requests_;
    std::string screenshot_;
    bool done_ = false;
    bool job_started_ = false;
    std::chrono::steady_clock::time_point job_start_time_{};
    std::string error_;
}; // class ScriptRunner

} // namespace lp::viewer
