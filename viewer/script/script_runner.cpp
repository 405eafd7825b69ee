#include "script/script_runner.hpp"

#include "panels/alternatives_panel.hpp"
#include "panels/balance_panel.hpp"
#include "panels/control_check.hpp"
#include "panels/functions_panel.hpp"
#include "dialogs/generate_dialog.hpp"
#include "map/map_view.hpp"
#include "jobs/optimiser_job.hpp"
#include "export/qgis_export.hpp"
#include "script/script_actions.hpp"
#include "dialogs/unsaved_prompt.hpp"

#include <lp/core/error.hpp>
#include <lp/ensemble/mixing.hpp>
#include <lp/generate/locality_run.hpp>
#include <lp/plan/function_catalogue.hpp>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <utility>

namespace lp::viewer {
namespace {

std::vector<std::string> words_of(const std::string& line) {
    std::vector<std::string> words;
    std::istringstream in(line);
    std::string w;
    while (in >> w) words.push_back(w);
    return words;
}

std::string rest_of(const std::vector<std::string>& words, std::size_t from) {
    std::string text;
    for (std::size_t i = from; i < words.size(); ++i) text += (i > from ? " " : "") + words[i];
    return text;
}

int locality_arg(const Session& session, const std::string& text) {
    const PlanState& state = session.document.state();
    if (int found = state.find_locality(text); found >= 0) return found;
    for (std::size_t i = 0; i < state.locality_count(); ++i) {
        if (state.localities()[i].name == text) return static_cast<int>(i);
    }
    if (!text.empty() && text.find_first_not_of("0123456789") == std::string::npos) {
        const int index = std::stoi(text);
        if (index < static_cast<int>(state.locality_count())) return index;
    }
    throw Error(ErrorKind::bad_setting, "no locality '" + text + "' (give an index, id or name)");
}

std::uint32_t zone_arg(const Session& session, const std::string& id) {
    const auto found = session.data.dataset().zones.find(id);
    if (!found) throw Error(ErrorKind::unknown_zone, "no zone '" + id + "' in the zone layer");
    return static_cast<std::uint32_t>(*found);
}

const std::string& locality_id(const Session& session, const std::string& text) {
    return session.document.state().localities()[static_cast<std::size_t>(locality_arg(session, text))].id;
}

void need(const std::vector<std::string>& words, std::size_t count, const char* usage) {
    if (words.size() < count + 1) throw Error(ErrorKind::bad_setting, std::string("usage: ") + usage);
}

} // namespace

ScriptRunner::ScriptRunner(const std::string& path) : path_(path) {
    std::ifstream in(path);
    if (!in) throw Error(ErrorKind::file_not_found, "cannot read script " + path);
    std::string line;
    while (std::getline(in, line)) lines_.push_back(line);
    check_handlers();
}

void ScriptRunner::fail(const std::string& message) {
    error_ = path_ + ":" + std::to_string(next_ + 1) + ": " + message;
    done_ = true;
}

std::string ScriptRunner::take_screenshot_request() {
    if (wait_frames_ > 0) return {};
    return std::exchange(screenshot_, {});
}

void ScriptRunner::step(Session& session, MapView& map, OptimiserJob& optimiser, UnsavedPrompt& unsaved,
                        AlternativesPanel& alternatives, GenerateDialog& generate) {
    if (done_) return;
    if (wait_frames_ > 0) {
        --wait_frames_;
        return;
    }
    if (std::chrono::steady_clock::now() < wait_until_) return;
    // Actions on the map wait until it has been drawn once (a plan opened with its data
    // loads in the background): a view set before knows no screen size.
    if (session.data.is_open() && !map.laid_out()) return;
    while (next_ < lines_.size()) {
        const std::vector<std::string> words = words_of(lines_[next_]);
        if (words.empty() || words[0][0] == '#') {
            ++next_;
            continue;
        }
        bool complete = true;
        try {
            complete = run(words, session, map, optimiser, unsaved, alternatives, generate);
        } catch (const std::exception& e) {
            fail(e.what());
            return;
        }
        if (!complete) return;  // waiting on the partitioner
        ++next_;
        if (done_ || wait_frames_ > 0 || !screenshot_.empty()) return;
    }
    done_ = true;
}

// One step's view of the window: what the actions act on.
struct ScriptRunner::Targets {
    Session& session;
    MapView& map;
    OptimiserJob& optimiser;
    UnsavedPrompt& unsaved;
    AlternativesPanel& alternatives;
    GenerateDialog& generate;
};

template <auto write>
bool ScriptRunner::session_writes(ScriptRunner&, Targets& t, const std::vector<std::string>& w) {
    (t.session.*write)(w[1]);
    return true;
}

bool ScriptRunner::run(const std::vector<std::string>& w, Session& session, MapView& map, OptimiserJob& optimiser,
                       UnsavedPrompt& unsaved, AlternativesPanel& alternatives, GenerateDialog& generate) {
    const ScriptAction& action = script_action_for(w);
    if (action.needs == ScriptNeeds::data && !session.data.is_open())
        throw Error(ErrorKind::bad_setting, "no zones are open (start with --zones or --plan)");
    if (action.needs == ScriptNeeds::plan && !session.document.has_plan())
        throw Error(ErrorKind::bad_setting, w[0] + ": no plan is open");
    Targets targets{session, map, optimiser, unsaved, alternatives, generate};
    return handlers().at(action.name)(*this, targets, w);
}

void ScriptRunner::check_handlers() {
    const auto& table = handlers();
    std::size_t named = 0;
    for (const ScriptAction& action : script_actions()) {
        if (!table.contains(action.name))
            throw Error(ErrorKind::unexpected, "script action '" + std::string(action.name) + "' has no handler");
        ++named;
    }
    if (named != table.size()) throw Error(ErrorKind::unexpected, "a script handler has no entry in script_actions()");
}

// Each handler runs once its arguments are counted and what it needs is open; it returns
// false when it must run again next frame (waiting on a job).
const std::unordered_map<std::string_view, ScriptRunner::Handler>& ScriptRunner::handlers() {
    using Words = std::vector<std::string>;
    static const std::unordered_map<std::string_view, Handler> table{
        {"quit", [](ScriptRunner& r, Targets&, const Words&) {
             r.done_ = true;
             return true;
         }},
        {"wait-frames", [](ScriptRunner& r, Targets&, const Words& w) {
             r.wait_frames_ = std::stoi(w[1]);
             return true;
         }},
        {"wait-seconds", [](ScriptRunner& r, Targets&, const Words& w) {
             r.wait_until_ = std::chrono::steady_clock::now() +
                             std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                                 std::chrono::duration<double>(std::stod(w[1])));
             r.wait_frames_ = 1; // end this frame's actions; step() waits for the time
             return true;
         }},
        {"close", [](ScriptRunner& r, Targets&, const Words&) {
             r.close_requested_ = true;
             r.wait_frames_ = 1; // the window sees the request next frame, then asks (or quits)
             return true;
         }},
        {"wait-file", [](ScriptRunner& r, Targets&, const Words& w) {
             // Keys and clicks sent from outside (xdotool) land between script lines: the
             // driver writes the file once it has sent them.
             const auto now = std::chrono::steady_clock::now();
             if (!r.file_wait_since_) r.file_wait_since_ = now;
             if (std::filesystem::exists(w[1])) {
                 r.file_wait_since_.reset();
                 r.wait_frames_ = 3; // the X events sent before it reach the window first
                 return true;
             }
             if (now - *r.file_wait_since_ > std::chrono::minutes(2))
                 throw Error(ErrorKind::unexpected, "waited 2 minutes for " + w[1] + ", which never appeared");
             return false;
         }},
        {"print-view", [](ScriptRunner&, Targets& t, const Words&) {
             // What the map shows, for a driver to compare before and after keys.
             const MapCamera& camera = t.map.camera();
             std::fprintf(stderr, "locality-viewer: view centre %.1f %.1f scale %.6g tool %d\n", camera.centre.x,
                          camera.centre.y, camera.scale, static_cast<int>(t.map.tool));
             return true;
         }},
        {"print-labels", [](ScriptRunner&, Targets& t, const Words&) {
             // Where each name went and what covers the map, for a driver to check that no
             // name is hidden or off the map.
             const ScreenRect& r = t.map.camera().rect;
             std::fprintf(stderr, "locality-viewer: map %.0f %.0f %.0f %.0f\n", r.x, r.y, r.x + r.w, r.y + r.h);
             for (const ScreenBox& b : t.map.labels().covered())
                 if (b.x1 > b.x0) std::fprintf(stderr, "locality-viewer: covered %.0f %.0f %.0f %.0f\n", b.x0, b.y0, b.x1, b.y1);
             for (const MapLabels::Shown& label : t.map.labels().shown())
                 std::fprintf(stderr, "locality-viewer: label %s %.0f %.0f %.0f %.0f %s\n", label.locality ? "locality" : "place",
                              label.box.x0, label.box.y0, label.box.x1, label.box.y1, label.text.c_str());
             return true;
         }},
        {"mouse", [](ScriptRunner& r, Targets&, const Words& w) {
             r.mouse_ = std::make_pair(std::stod(w[1]), std::stod(w[2]));
             r.wait_frames_ = 2; // ImGui sees the pointer next frame; a tooltip shows the one after
             return true;
         }},
        {"prompt", [](ScriptRunner& r, Targets& t, const Words& w) {
             if (!t.unsaved.open()) throw Error(ErrorKind::unexpected, "prompt " + w[1] + ": no unsaved-changes question is open");
             UnsavedAnswer answer;
             if (w[1] == "save") answer = UnsavedAnswer::save;
             else if (w[1] == "discard") answer = UnsavedAnswer::discard;
             else if (w[1] == "cancel") answer = UnsavedAnswer::cancel;
             else throw Error(ErrorKind::bad_setting, "prompt takes save, discard or cancel");
             t.unsaved.answer(t.session, answer);
             if (!t.session.view.errors.pending().empty())
                 throw Error(ErrorKind::unexpected, t.session.view.errors.pending().front().message);
             r.wait_frames_ = 1;
             return true;
         }},
        {"recovery", [](ScriptRunner&, Targets& t, const Words& w) {
             if (!t.session.document.recovery_pending())
                 throw Error(ErrorKind::unexpected, "recovery " + w[1] + ": no recovery question is open");
             if (w[1] == "restore") t.session.answer_recovery(RecoveryAnswer::restore);
             else if (w[1] == "keep") t.session.answer_recovery(RecoveryAnswer::keep_aside);
             else if (w[1] == "discard") t.session.answer_recovery(RecoveryAnswer::discard);
             else throw Error(ErrorKind::bad_setting, "recovery takes restore, keep or discard");
             return true;
         }},
        {"screenshot", [](ScriptRunner& r, Targets& t, const Words& w) {
             // Neighbouring areas load in the background: wait for them, so what a screenshot
             // shows does not depend on how fast the machine is.
             if (t.session.data.is_open() && !t.map.context().settled(t.session)) return false;
             // Two frames first, so the UI has laid out whatever the last action changed.
             r.wait_frames_ = 2;
             r.screenshot_ = w[1];
             return true;
         }},
        {"export-png", &app_request},
        {"export-svg", &app_request},
        {"compare", &app_request},
        {"menu", &app_request},
        {"fit", [](ScriptRunner&, Targets& t, const Words&) {
             t.map.fit(t.session);
             return true;
         }},
        {"zoom", [](ScriptRunner&, Targets& t, const Words& w) {
             const ScreenRect& rect = t.map.camera().rect;
             t.map.camera().zoom_at(rect.x + rect.w / 2, rect.y + rect.h / 2, std::stod(w[1]));
             return true;
         }},
        {"pan", [](ScriptRunner&, Targets& t, const Words& w) {
             t.map.camera().pan_pixels(std::stof(w[1]), std::stof(w[2]));
             return true;
         }},
        {"brush-radius", [](ScriptRunner&, Targets& t, const Words& w) {
             t.map.brush_radius = std::stof(w[1]);
             return true;
         }},
        {"brush", [](ScriptRunner&, Targets& t, const Words& w) {
             const ScreenRect& rect = t.map.camera().rect;
             const MapTool before = t.map.tool;
             t.map.tool = MapTool::paint;
             t.map.apply_tool(t.session, rect.x + std::stof(w[1]), rect.y + std::stof(w[2]));
             t.map.tool = before;
             return true;
         }},
        {"choropleth", [](ScriptRunner&, Targets& t, const Words& w) {
             if (w[1] != "off" && !t.session.data.dataset().demand.has(w[1]))
                 t.session.data.dataset().demand.column(w[1]); // throws, naming columns
             t.map.set_choropleth(t.session, w[1] == "off" ? "" : w[1]);
             return true;
         }},
        {"choropleth-classes", [](ScriptRunner&, Targets& t, const Words& w) {
             if (w[1] == "quantile") t.map.set_class_method(t.session, ClassMethod::quantile);
             else if (w[1] == "equal") t.map.set_class_method(t.session, ClassMethod::equal_interval);
             else throw Error(ErrorKind::bad_setting, "choropleth-classes takes quantile or equal");
             return true;
         }},
        {"hover", [](ScriptRunner&, Targets& t, const Words& w) {
             t.map.forced_hover = w[1] == "off" ? -1 : static_cast<int>(zone_arg(t.session, w[1]));
             return true;
         }},
        {"search", &search},
        {"search-text", &search},
        {"paint", &paint},
        {"unassign", &paint},
        {"lock-zone", &lock_zone},
        {"unlock-zone", &lock_zone},
        {"lock-locality", &lock_locality},
        {"unlock-locality", &lock_locality},
        {"begin-stroke", [](ScriptRunner&, Targets& t, const Words& w) {
             t.session.document.editor().begin_stroke(w.size() > 1 ? rest_of(w, 1) : "scripted stroke");
             return true;
         }},
        {"end-stroke", [](ScriptRunner&, Targets& t, const Words&) {
             t.session.end_stroke();
             return true;
         }},
        {"undo", [](ScriptRunner&, Targets& t, const Words&) {
             if (!t.session.document.editor().undo()) throw Error(ErrorKind::bad_setting, "nothing to undo");
             return true;
         }},
        {"redo", [](ScriptRunner&, Targets& t, const Words&) {
             if (!t.session.document.editor().redo()) throw Error(ErrorKind::bad_setting, "nothing to redo");
             return true;
         }},
        {"select-locality", [](ScriptRunner&, Targets& t, const Words& w) {
             t.session.view.active_locality = locality_arg(t.session, rest_of(w, 1));
             return true;
         }},
        {"new-locality", [](ScriptRunner&, Targets& t, const Words& w) {
             Session& session = t.session;
             const std::string id = session.document.unused_locality_id();
             session.report(session.document.editor().execute(std::make_unique<AddLocality>(
                 Locality{id, rest_of(w, 1), default_locality_colour(session.document.state().locality_count()), false})));
             session.view.active_locality = static_cast<int>(session.document.state().locality_count()) - 1;
             return true;
         }},
        {"rename", [](ScriptRunner&, Targets& t, const Words& w) {
             t.session.report(t.session.document.editor().execute(
                 std::make_unique<EditLocality>(locality_id(t.session, w[1]), rest_of(w, 2), std::nullopt)));
             return true;
         }},
        {"recolour", [](ScriptRunner&, Targets& t, const Words& w) {
             t.session.report(t.session.document.editor().execute(
                 std::make_unique<EditLocality>(locality_id(t.session, w[1]), std::nullopt, w[2])));
             return true;
         }},
        {"merge", [](ScriptRunner&, Targets& t, const Words& w) {
             const std::string kept = locality_id(t.session, w[1]);
             const std::string gone = locality_id(t.session, w[2]);
             t.session.report(t.session.document.editor().execute(std::make_unique<MergeLocalities>(kept, gone)));
             return true;
         }},
        {"split", &optimise},
        {"optimise", &optimise},
        {"split-policy", [](ScriptRunner&, Targets& t, const Words& w) {
             if (w[1] != "refuse" && w[1] != "warn") throw Error(ErrorKind::bad_setting, "split-policy takes refuse or warn");
             t.session.document.editor().set_split_policy(w[1] == "refuse" ? SplitPolicy::refuse : SplitPolicy::warn);
             return true;
         }},
        {"arrangement", [](ScriptRunner&, Targets& t, const Words& w) {
             const auto delivery = parse_delivery(w[3]);
             if (!delivery) throw Error(ErrorKind::bad_setting, "unknown delivery '" + w[3] + "'");
             Arrangement arrangement;
             arrangement.delivery = *delivery;
             if (w.size() > 4) arrangement.hosted_by = locality_id(t.session, w[4]);
             t.session.report(t.session.document.editor().execute(
                 std::make_unique<SetArrangement>(w[1], locality_id(t.session, w[2]), arrangement)));
             return true;
         }},
        {"fill-defaults", [](ScriptRunner&, Targets& t, const Words&) {
             fill_default_arrangements(t.session);
             return true;
         }},
        {"balance", [](ScriptRunner&, Targets& t, const Words& w) {
             if (w[1] == "remove") {
                 remove_balance_layer(t.session, w[2]);
                 return true;
             }
             need(w, 3, "balance add|set COLUMN TOL%");
             const double band = parse_balance(w[2] + ":" + w[3]).tolerance;
             if (w[1] == "add") add_balance_layer(t.session, w[2], band);
             else if (w[1] == "set") set_balance_band(t.session, w[2], band);
             else throw Error(ErrorKind::bad_setting, "balance " + w[1] + ": expected add, set or remove");
             return true;
         }},
        {"alternatives", &alternatives_action},
        {"generate-dialog", [](ScriptRunner& r, Targets& t, const Words& w) {
             if (w[1] != "open" && w[1] != "close") throw Error(ErrorKind::bad_setting, "generate-dialog takes open or close");
             t.generate.open = w[1] == "open";
             r.wait_frames_ = 2;  // the window lays itself out
             return true;
         }},
        {"generate-hub", [](ScriptRunner&, Targets& t, const Words& w) {
             // PLACE [= NAME], each of any number of words.
             const std::string text = rest_of(w, 1);
             const auto equals = text.find(" = ");
             const std::string place = text.substr(0, equals);
             t.generate.add_hub(t.session, t.map, place, equals == std::string::npos ? "" : text.substr(equals + 3));
             return true;
         }},
        {"generate-pick", [](ScriptRunner& r, Targets& t, const Words& w) {
             const ScreenRect& rect = t.map.camera().rect;
             const std::size_t before = t.generate.settings(t.session).hubs.size();
             t.map.pick_at(t.session, rect.x + std::stof(w[1]), rect.y + std::stof(w[2]));
             t.generate.add_picked(t.session, t.map);
             if (t.generate.settings(t.session).hubs.size() == before) {
                 const Point at = t.map.camera().to_map(rect.x + std::stof(w[1]), rect.y + std::stof(w[2]));
                 const Point o = t.session.data.mesh().origin;
                 throw Error(ErrorKind::unexpected, "generate-pick " + w[1] + " " + w[2] + ": no hub added at " +
                                                       std::to_string(static_cast<long>(at.x + o.x)) + " " +
                                                       std::to_string(static_cast<long>(at.y + o.y)) + " (" +
                                                       t.session.view.status + ")");
             }
             r.wait_frames_ = 1;
             return true;
         }},
        {"generate-clear-hubs", [](ScriptRunner&, Targets& t, const Words&) {
             t.generate.settings(t.session).hubs.clear();
             return true;
         }},
        {"generate-band", [](ScriptRunner&, Targets& t, const Words& w) {
             set_band(t.generate.settings(t.session), t.session.data.dataset(), parse_balance(w[1], viewer_default_balance_tolerance));
             return true;
         }},
        {"generate-set", &generate_set},
        {"generate", &generate},
        {"generate-tradeoff", &generate},
        {"generate-pick-band", &generate},
        {"open-plan", [](ScriptRunner&, Targets& t, const Words& w) {
             t.unsaved.request(t.session, "open plan " + w[1],
                               [&session = t.session, &map = t.map, &optimiser = t.optimiser, path = w[1]] {
                                   optimiser.stop();
                                   session.open_plan(path);
                                   map.fit(session);
                               });
             return true;
         }},
        {"save-plan", &session_writes<&Session::save_plan>},
        {"save-copy", &session_writes<&Session::save_copy>},
        {"export-geojson", &session_writes<&Session::export_geojson>},
        {"export-report", &session_writes<&Session::export_report>},
        {"export-qgis", [](ScriptRunner&, Targets& t, const Words& w) {
             for (const std::string& path : export_qgis_project(t.session, w[1])) {
                 std::fprintf(stderr, "locality-viewer: wrote %s\n", path.c_str());
             }
             return true;
         }},
        {"expect-locality", [](ScriptRunner&, Targets& t, const Words& w) {
             const int actual = t.session.document.state().locality_of(zone_arg(t.session, w[1]));
             const int expected = w[2] == "none" ? -1 : locality_arg(t.session, w[2]);
             if (actual != expected) {
                 throw Error(ErrorKind::unexpected, "zone " + w[1] + " is in locality " + std::to_string(actual) +
                                                       ", expected " + std::to_string(expected) +
                                                       " (last status: " + t.session.view.status + ")");
             }
             return true;
         }},
        {"expect-status", [](ScriptRunner&, Targets& t, const Words& w) {
             const std::string text = rest_of(w, 1);
             if (t.session.view.status.find(text) == std::string::npos)
                 throw Error(ErrorKind::unexpected, "status is '" + t.session.view.status + "', expected it to contain '" + text + "'");
             return true;
         }},
        {"expect-title", [](ScriptRunner&, Targets& t, const Words& w) {
             const std::string text = rest_of(w, 1);
             if (t.session.document.window_title().find(text) == std::string::npos) {
                 throw Error(ErrorKind::unexpected, "window title is '" + t.session.document.window_title() +
                                                       "', expected it to contain '" + text + "'");
             }
             return true;
         }},
        {"expect-message", [](ScriptRunner&, Targets& t, const Words& w) {
             // The Problem window's message (title and text), printed whole for a driver to read.
             const std::string text = rest_of(w, 1);
             for (const auto& entry : t.session.view.errors.pending()) {
                 if ((entry.title + "\n" + entry.message).find(text) == std::string::npos) continue;
                 std::fprintf(stderr, "locality-viewer: message '%s': %s\n", entry.title.c_str(), entry.message.c_str());
                 return true;
             }
             throw Error(ErrorKind::unexpected, "no message on screen contains '" + text + "' (" +
                                                    std::to_string(t.session.view.errors.pending().size()) + " on screen)");
         }},
        {"expect-prompt", [](ScriptRunner&, Targets& t, const Words& w) {
             const bool recovery = t.session.document.recovery_pending();
             const std::string open = recovery ? "recovery" : t.unsaved.open() ? "unsaved" : "none";
             const std::string both = recovery && t.unsaved.open() ? " (and unsaved)" : "";
             if (open != w[1]) throw Error(ErrorKind::unexpected, "the open question is " + open + both + ", expected " + w[1]);
             return true;
         }},
        {"expect-unsaved", [](ScriptRunner&, Targets& t, const Words& w) {
             if (t.session.document.dirty() != (w[1] == "yes")) {
                 throw Error(ErrorKind::unexpected,
                             std::string("the plan ") + (t.session.document.dirty() ? "has" : "has no") + " unsaved changes");
             }
             return true;
         }},
        {"expect-balance", &expect_balance},
        {"expect-view-contains", &expect_view_contains},
        {"expect-control-visible", [](ScriptRunner&, Targets&, const Words& w) {
             const std::string name = rest_of(w, 1);
             const std::optional<bool> seen = control_seen(name);
             if (!seen) throw Error(ErrorKind::unexpected, "the control '" + name + "' was never drawn");
             if (!*seen) throw Error(ErrorKind::unexpected, "the control '" + name + "' is drawn out of sight (clipped or off the window)");
             std::fprintf(stderr, "locality-viewer: control '%s' is in sight\n", name.c_str());
             return true;
         }},
        {"expect-alternatives-steps-at-least", [](ScriptRunner&, Targets& t, const Words& w) {
             const std::uint64_t steps = t.alternatives.view().steps_done;
             if (steps < std::stoull(w[1])) {
                 throw Error(ErrorKind::unexpected, "the alternatives chain ran " + std::to_string(steps) +
                                                       " steps, expected at least " + w[1]);
             }
             return true;
         }},
    };
    return table;
}

// export-png, export-svg, compare and menu: the window carries them out.
bool ScriptRunner::app_request(ScriptRunner& r, Targets&, const std::vector<std::string>& w) {
    r.app_requests_.push_back(w);
    r.wait_frames_ = 3; // the window acts next frame; a PNG is read two frames later
    return true;
}

// search TEXT: type it in the search box and take the first match (as Enter);
// search-text TEXT: type it only (the drop-down shows the matches).
bool ScriptRunner::search(ScriptRunner& r, Targets& t, const std::vector<std::string>& w) {
    const std::string text = rest_of(w, 1);
    t.map.search().type(t.session, text);
    if (w[0] == "search") {
        const Place* place = t.map.search().choose(t.session, t.map);
        if (!place) throw Error(ErrorKind::unexpected, "search '" + text + "': no place matches");
        const MapCamera& camera = t.map.camera();
        std::fprintf(stderr, "locality-viewer: search '%s': %s (%s, %zu zones); view centre %.0f %.0f, %.0f m across\n",
                     text.c_str(), place->name.c_str(), kind_name(place->kind), place->zones.size(),
                     camera.centre.x + t.session.data.mesh().origin.x, camera.centre.y + t.session.data.mesh().origin.y,
                     camera.rect.w / camera.scale);
    }
    r.wait_frames_ = 2;  // the map draws the new view (and the drop-down shows)
    return true;
}

// paint ZONE[,ZONE...] LOCALITY and unassign ZONE[,ZONE...]: one edit for the list.
bool ScriptRunner::paint(ScriptRunner&, Targets& t, const std::vector<std::string>& w) {
    const int target = w[0] == "paint" ? locality_arg(t.session, w[2]) : -1;
    std::vector<std::uint32_t> zones;
    std::istringstream list(w[1]);
    for (std::string id; std::getline(list, id, ',');) zones.push_back(zone_arg(t.session, id));
    const EditResult result = t.session.document.editor().paint(std::move(zones), target);
    // A refusal and what it would have cut off, for a scripted test to read.
    if (!result.applied && !result.cut_off_zones.empty())
        std::fprintf(stderr, "locality-viewer: %s %s: %s; %zu zones flash\n", w[0].c_str(), w[1].c_str(),
                     result.message.c_str(), result.cut_off_zones.size());
    t.session.report(result);
    return true;
}

bool ScriptRunner::lock_zone(ScriptRunner&, Targets& t, const std::vector<std::string>& w) {
    t.session.report(t.session.document.editor().lock_zones({zone_arg(t.session, w[1])}, w[0] == "lock-zone"));
    return true;
}

bool ScriptRunner::lock_locality(ScriptRunner&, Targets& t, const std::vector<std::string>& w) {
    t.session.report(t.session.document.editor().execute(
        std::make_unique<SetLocalityLock>(locality_id(t.session, rest_of(w, 1)), w[0] == "lock-locality")));
    return true;
}

// split LOCALITY and optimise: start the job, then run again each frame until it ends.
bool ScriptRunner::optimise(ScriptRunner& r, Targets& t, const std::vector<std::string>& w) {
    if (!r.job_started_) {
        if (w[0] == "split") t.optimiser.start_split(t.session, locality_arg(t.session, rest_of(w, 1)));
        else t.optimiser.start_optimise(t.session);
        r.job_started_ = true;
        return false;
    }
    if (t.optimiser.busy()) {
        t.optimiser.poll(t.session);
        if (t.optimiser.busy()) return false;
    }
    r.job_started_ = false;
    if (!t.session.view.errors.pending().empty()) throw Error(ErrorKind::unexpected, t.session.view.errors.pending().front().message);
    return true;
}

bool ScriptRunner::alternatives_action(ScriptRunner& r, Targets& t, const std::vector<std::string>& w) {
    AlternativesPanel& alternatives = t.alternatives;
    if (w[1] == "start") {
        need(w, 3, "alternatives start STEPS SEED");
        if (!alternatives.start(t.session, std::stoull(w[2]), std::stoull(w[3]), 1))
            throw Error(ErrorKind::unexpected, t.session.view.status);
        r.wait_frames_ = 1;
    } else if (w[1] == "until-reliable") {
        need(w, 3, "alternatives until-reliable MAX_SECONDS SEED");
        if (!alternatives.start(t.session, 2000, std::stoull(w[3]), 2, kMinReliableEss, std::stod(w[2])))
            throw Error(ErrorKind::unexpected, t.session.view.status);
        r.wait_frames_ = 1;
    } else if (w[1] == "wait") {
        if (alternatives.running()) return false;
        const EnsembleJobView view = alternatives.view();
        std::fprintf(stderr, "locality-viewer: %s\n", alternatives.summary_line().c_str());
        if (!view.error.empty()) throw Error(ErrorKind::unexpected, "alternatives: " + view.error);
        r.wait_frames_ = 2;  // the window and the overlay show the final figures
    } else if (w[1] == "cancel") {
        alternatives.cancel();
        alternatives.stop();
        std::fprintf(stderr, "locality-viewer: %s\n", alternatives.summary_line().c_str());
        r.wait_frames_ = 1;
    } else {
        throw Error(ErrorKind::bad_setting, "alternatives takes start STEPS SEED, until-reliable MAX_SECONDS SEED, wait or cancel");
    }
    return true;
}

bool ScriptRunner::generate(ScriptRunner& r, Targets& t, const std::vector<std::string>& w) {
    GenerateDialog& dialog = t.generate;
    Session& session = t.session;
    if (!r.job_started_) {
        bool started = false;
        if (w[0] == "generate") {
            dialog.settings(session).k = std::stoi(w[1]);
            std::fprintf(stderr, "locality-viewer: generate: %s\n", settings_text(dialog.settings(session)).c_str());
            started = dialog.start(session);
        } else if (w[0] == "generate-tradeoff") {
            started = dialog.start_tradeoff(session, w.size() > 1 ? w[1] : default_tradeoff_bands);
        } else {
            started = dialog.pick_band(session, w[1]);
        }
        if (!started) throw Error(ErrorKind::unexpected, session.view.status);
        r.job_started_ = true;
        r.job_start_time_ = std::chrono::steady_clock::now();
        return false;
    }
    dialog.poll(session);
    if (dialog.running()) return false;
    r.job_started_ = false;
    if (!session.view.errors.pending().empty()) throw Error(ErrorKind::unexpected, session.view.errors.pending().front().message);
    const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - r.job_start_time_).count();
    if (w[0] == "generate-tradeoff") {
        if (!dialog.tradeoff()) throw Error(ErrorKind::unexpected, "generate-tradeoff: no trade-off (" + session.view.status + ")");
        std::fprintf(stderr, "locality-viewer: what balance costs (%.1f s):\n%s", wall,
                     tradeoff_csv(dialog.tradeoff()->rows).c_str());
    } else {
        std::fprintf(stderr, "locality-viewer: %s (%.1f s from the start to the edit)\n", dialog.last_report().c_str(), wall);
    }
    r.wait_frames_ = 2;  // the map and the table show the plan
    return true;
}

// generate-set seed|settlements|split-settlements|building-blocks|blocks VALUE
bool ScriptRunner::generate_set(ScriptRunner&, Targets& t, const std::vector<std::string>& w) {
    GenerateSettings& settings = t.generate.settings(t.session);
    const std::string value = rest_of(w, 2);
    if (w[1] == "seed") settings.seed = std::stoull(value);
    else if (w[1] == "settlements") settings.settlements = value == "none" ? "" : value;
    else if (w[1] == "split-settlements")
        settings.split_settlements = value == "automatic" ? SettlementSplitting::automatic : parse_settlement_splitting(value);
    else if (w[1] == "building-blocks") settings.building_blocks = value == "none" ? "" : value;
    else if (w[1] == "blocks") settings.blocks = parse_block_mode(value);
    else throw Error(ErrorKind::bad_setting, "generate-set " + w[1] + ": expected seed, settlements, split-settlements, "
                                             "building-blocks or blocks");
    return true;
}

// expect-balance COLUMN TOL% (or "none": the column is not balanced)
bool ScriptRunner::expect_balance(ScriptRunner&, Targets& t, const std::vector<std::string>& w) {
    const BalanceSpec* found = nullptr;
    std::string have;
    for (const BalanceSpec& spec : t.session.document.balance_specs()) {
        if (spec.column == w[1]) found = &spec;
        have += (have.empty() ? "" : ", ") + spec.column + ":" + std::to_string(spec.tolerance);
    }
    if (w[2] == "none") {
        if (found) throw Error(ErrorKind::unexpected, "balance has " + w[1] + " (" + have + "), expected none");
        return true;
    }
    const double band = parse_balance(w[1] + ":" + w[2]).tolerance;
    if (!found || std::fabs(found->tolerance - band) > 1e-9) {
        throw Error(ErrorKind::unexpected, "balance is " + (have.empty() ? std::string("empty") : have) + ", expected " +
                                              w[1] + " " + w[2]);
    }
    return true;
}

// expect-view-contains ZONE [KM]: the zone's centre is in the middle half of the map and
// the view is no wider than KM kilometres (10 by default: a search zoomed in on it; a town
// the size of Inverness needs more).
bool ScriptRunner::expect_view_contains(ScriptRunner&, Targets& t, const std::vector<std::string>& w) {
    const std::uint32_t z = zone_arg(t.session, w[1]);
    const double widest_km = w.size() > 2 ? std::stod(w[2]) : 10.0;
    const MapCamera& camera = t.map.camera();
    const Point c = t.session.data.mesh().centres[z];
    float sx, sy;
    camera.to_screen(c, sx, sy);
    const ScreenRect& r = camera.rect;
    const bool middle = sx > r.x + r.w / 4 && sx < r.x + 3 * r.w / 4 && sy > r.y + r.h / 4 && sy < r.y + 3 * r.h / 4;
    const double across = r.w / camera.scale;
    if (!middle || across > 1000 * widest_km) {
        throw Error(ErrorKind::unexpected, "zone " + w[1] + " is at pixel " + std::to_string(static_cast<int>(sx)) + "," +
                                              std::to_string(static_cast<int>(sy)) + " of the map " +
                                              std::to_string(static_cast<int>(r.w)) + "x" +
                                              std::to_string(static_cast<int>(r.h)) + ", " +
                                              std::to_string(static_cast<long>(across)) +
                                              " m across; expected it in the middle of a view under " +
                                              std::to_string(static_cast<int>(widest_km)) + " km");
    }
    return true;
}

} // namespace lp::viewer
