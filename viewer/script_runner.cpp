#include "script_runner.hpp"

#include "alternatives_panel.hpp"
#include "balance_panel.hpp"
#include "functions_panel.hpp"
#include "map_view.hpp"
#include "optimiser_job.hpp"
#include "unsaved_prompt.hpp"

#include <lp/core/error.hpp>
#include <lp/generate/locality_run.hpp>
#include <lp/plan/function_catalogue.hpp>

#include <cmath>
#include <cstdio>
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
    const PlanState& state = session.state();
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
    const auto found = session.data().zones.find(id);
    if (!found) throw Error(ErrorKind::unknown_zone, "no zone '" + id + "' in the zone layer");
    return static_cast<std::uint32_t>(*found);
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
                        AlternativesPanel& alternatives) {
    if (done_) return;
    if (wait_frames_ > 0) {
        --wait_frames_;
        return;
    }
    if (std::chrono::steady_clock::now() < wait_until_) return;
    // Actions on the map wait until it has been drawn once (a plan opened with its data
    // loads in the background): a view set before knows no screen size.
    if (session.has_data() && !map.laid_out()) return;
    while (next_ < lines_.size()) {
        const std::vector<std::string> words = words_of(lines_[next_]);
        if (words.empty() || words[0][0] == '#') {
            ++next_;
            continue;
        }
        bool complete = true;
        try {
            complete = run(words, session, map, optimiser, unsaved, alternatives);
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

bool ScriptRunner::run(const std::vector<std::string>& w, Session& session, MapView& map, OptimiserJob& optimiser,
                       UnsavedPrompt& unsaved, AlternativesPanel& alternatives) {
    const std::string& a = w[0];
    auto require_data = [&] {
        if (!session.has_data()) throw Error(ErrorKind::bad_setting, "no zones are open (start with --zones or --plan)");
    };
    auto require_plan = [&] {
        if (!session.has_plan()) throw Error(ErrorKind::bad_setting, a + ": no plan is open");
    };
    if (a == "quit") {
        done_ = true;
    } else if (a == "wait-frames") {
        need(w, 1, "wait-frames N");
        wait_frames_ = std::stoi(w[1]);
    } else if (a == "wait-seconds") {
        need(w, 1, "wait-seconds S");
        wait_until_ = std::chrono::steady_clock::now() +
                      std::chrono::duration_cast<std::chrono::steady_clock::duration>(std::chrono::duration<double>(std::stod(w[1])));
        wait_frames_ = 1; // end this frame's actions; step() waits for the time
    } else if (a == "close") {
        close_requested_ = true;
        wait_frames_ = 1; // the window sees the request next frame, then asks (or quits)
    } else if (a == "mouse") {
        need(w, 2, "mouse X Y (window pixels)");
        mouse_ = std::make_pair(std::stod(w[1]), std::stod(w[2]));
        wait_frames_ = 2; // ImGui sees the pointer next frame; a tooltip shows the one after
    } else if (a == "prompt") {
        need(w, 1, "prompt save|discard|cancel");
        if (!unsaved.open()) throw Error(ErrorKind::unexpected, "prompt " + w[1] + ": no unsaved-changes question is open");
        UnsavedAnswer answer;
        if (w[1] == "save") answer = UnsavedAnswer::save;
        else if (w[1] == "discard") answer = UnsavedAnswer::discard;
        else if (w[1] == "cancel") answer = UnsavedAnswer::cancel;
        else throw Error(ErrorKind::bad_setting, "prompt takes save, discard or cancel");
        unsaved.answer(session, answer);
        if (!session.errors.pending().empty()) throw Error(ErrorKind::unexpected, session.errors.pending().front().message);
        wait_frames_ = 1;
    } else if (a == "recovery") {
        need(w, 1, "recovery restore|keep|discard");
        if (!session.recovery_pending()) throw Error(ErrorKind::unexpected, "recovery " + w[1] + ": no recovery question is open");
        if (w[1] == "restore") session.answer_recovery(RecoveryAnswer::restore);
        else if (w[1] == "keep") session.answer_recovery(RecoveryAnswer::keep_aside);
        else if (w[1] == "discard") session.answer_recovery(RecoveryAnswer::discard);
        else throw Error(ErrorKind::bad_setting, "recovery takes restore, keep or discard");
    } else if (a == "export-png" || a == "export-svg" || a == "compare" || a == "menu") {
        need(w, 1, (a + (a == "menu" ? " quit" : a == "compare" ? " PATH|off" : " PATH")).c_str());
        app_requests_.push_back(w);
        wait_frames_ = 3; // the window acts next frame; a PNG is read two frames later
    } else if (a == "screenshot") {
        need(w, 1, "screenshot PATH");
        // Neighbouring areas load in the background: wait for them, so what a screenshot
        // shows does not depend on how fast the machine is.
        if (session.has_data() && !map.context().settled(session)) return false;
        // Two frames first, so the UI has laid out whatever the last action changed.
        wait_frames_ = 2;
        screenshot_ = w[1];
    } else if (a == "fit") {
        map.fit(session);
    } else if (a == "zoom") {
        need(w, 1, "zoom FACTOR");
        const ScreenRect& r = map.camera().rect;
        map.camera().zoom_at(r.x + r.w / 2, r.y + r.h / 2, std::stod(w[1]));
    } else if (a == "pan") {
        need(w, 2, "pan DX DY");
        map.camera().pan_pixels(std::stof(w[1]), std::stof(w[2]));
    } else if (a == "brush-radius") {
        need(w, 1, "brush-radius PIXELS");
        map.brush_radius = std::stof(w[1]);
    } else if (a == "brush") {
        need(w, 2, "brush X Y (pixels from the map's top-left)");
        require_plan();
        const ScreenRect& r = map.camera().rect;
        const MapTool before = map.tool;
        map.tool = MapTool::paint;
        map.apply_tool(session, r.x + std::stof(w[1]), r.y + std::stof(w[2]));
        map.tool = before;
    } else if (a == "paint" || a == "unassign") {
        need(w, a == "paint" ? 2 : 1, "paint ZONE LOCALITY | unassign ZONE");
        require_plan();
        const int target = a == "paint" ? locality_arg(session, w[2]) : -1;
        std::vector<std::uint32_t> zones;
        std::istringstream list(w[1]);
        for (std::string id; std::getline(list, id, ',');) zones.push_back(zone_arg(session, id));
        session.report(session.editor().paint(std::move(zones), target));
    } else if (a == "lock-zone" || a == "unlock-zone") {
        need(w, 1, "lock-zone ZONE");
        require_plan();
        session.report(session.editor().lock_zones({zone_arg(session, w[1])}, a == "lock-zone"));
    } else if (a == "lock-locality" || a == "unlock-locality") {
        need(w, 1, "lock-locality LOCALITY");
        require_plan();
        const int loc = locality_arg(session, rest_of(w, 1));
        session.report(session.editor().execute(std::make_unique<SetLocalityLock>(
            session.state().localities()[static_cast<std::size_t>(loc)].id, a == "lock-locality")));
    } else if (a == "begin-stroke") {
        require_plan();
        session.editor().begin_stroke(w.size() > 1 ? rest_of(w, 1) : "scripted stroke");
    } else if (a == "end-stroke") {
        require_plan();
        session.editor().end_stroke();
    } else if (a == "undo") {
        require_plan();
        if (!session.editor().undo()) throw Error(ErrorKind::bad_setting, "nothing to undo");
    } else if (a == "redo") {
        require_plan();
        if (!session.editor().redo()) throw Error(ErrorKind::bad_setting, "nothing to redo");
    } else if (a == "select-locality") {
        need(w, 1, "select-locality LOCALITY");
        require_plan();
        session.active_locality = locality_arg(session, rest_of(w, 1));
    } else if (a == "new-locality") {
        need(w, 1, "new-locality NAME");
        require_plan();
        const std::string id = session.unused_locality_id();
        session.report(session.editor().execute(std::make_unique<AddLocality>(
            Locality{id, rest_of(w, 1), default_locality_colour(session.state().locality_count()), false})));
        session.active_locality = static_cast<int>(session.state().locality_count()) - 1;
    } else if (a == "rename") {
        need(w, 2, "rename LOCALITY NAME");
        require_plan();
        const int loc = locality_arg(session, w[1]);
        session.report(session.editor().execute(std::make_unique<EditLocality>(
            session.state().localities()[static_cast<std::size_t>(loc)].id, rest_of(w, 2), std::nullopt)));
    } else if (a == "recolour") {
        need(w, 2, "recolour LOCALITY #rrggbb");
        require_plan();
        const int loc = locality_arg(session, w[1]);
        session.report(session.editor().execute(std::make_unique<EditLocality>(
            session.state().localities()[static_cast<std::size_t>(loc)].id, std::nullopt, w[2])));
    } else if (a == "merge") {
        need(w, 2, "merge KEPT ABSORBED");
        require_plan();
        const auto& locs = session.state().localities();
        const std::string kept = locs[static_cast<std::size_t>(locality_arg(session, w[1]))].id;
        const std::string gone = locs[static_cast<std::size_t>(locality_arg(session, w[2]))].id;
        session.report(session.editor().execute(std::make_unique<MergeLocalities>(kept, gone)));
    } else if (a == "split" || a == "optimise") {
        require_plan();
        if (!job_started_) {
            if (a == "split") {
                need(w, 1, "split LOCALITY");
                optimiser.start_split(session, locality_arg(session, rest_of(w, 1)));
            } else {
                optimiser.start_optimise(session);
            }
            job_started_ = true;
            return false;
        }
        if (optimiser.busy()) {
            optimiser.poll(session);
            if (optimiser.busy()) return false;
        }
        job_started_ = false;
        if (!session.errors.pending().empty()) throw Error(ErrorKind::unexpected, session.errors.pending().front().message);
    } else if (a == "alternatives") {
        need(w, 1, "alternatives start STEPS SEED|wait|cancel");
        require_plan();
        if (w[1] == "start") {
            need(w, 3, "alternatives start STEPS SEED");
            if (!alternatives.start(session, std::stoull(w[2]), std::stoull(w[3]), 1))
                throw Error(ErrorKind::unexpected, session.status);
            wait_frames_ = 1;
        } else if (w[1] == "wait") {
            if (alternatives.running()) return false;
            const EnsembleJobView view = alternatives.view();
            std::fprintf(stderr, "locality-viewer: %s\n", alternatives.summary_line().c_str());
            if (!view.error.empty()) throw Error(ErrorKind::unexpected, "alternatives: " + view.error);
            wait_frames_ = 2;  // the window and the overlay show the final figures
        } else if (w[1] == "cancel") {
            alternatives.cancel();
            alternatives.stop();
            std::fprintf(stderr, "locality-viewer: %s\n", alternatives.summary_line().c_str());
            wait_frames_ = 1;
        } else {
            throw Error(ErrorKind::bad_setting, "alternatives takes start STEPS SEED, wait or cancel");
        }
    } else if (a == "expect-alternatives-steps-at-least") {
        need(w, 1, "expect-alternatives-steps-at-least N");
        const std::uint64_t steps = alternatives.view().steps_done;
        if (steps < std::stoull(w[1]))
            throw Error(ErrorKind::unexpected, "the alternatives chain ran " + std::to_string(steps) + " steps, expected at least " + w[1]);
    } else if (a == "split-policy") {
        need(w, 1, "split-policy refuse|warn");
        require_plan();
        if (w[1] != "refuse" && w[1] != "warn") throw Error(ErrorKind::bad_setting, "split-policy takes refuse or warn");
        session.editor().set_split_policy(w[1] == "refuse" ? SplitPolicy::refuse : SplitPolicy::warn);
    } else if (a == "arrangement") {
        need(w, 3, "arrangement FUNCTION LOCALITY DELIVERY [HOST]");
        require_plan();
        const auto delivery = parse_delivery(w[3]);
        if (!delivery) throw Error(ErrorKind::bad_setting, "unknown delivery '" + w[3] + "'");
        Arrangement arrangement;
        arrangement.delivery = *delivery;
        const auto& locs = session.state().localities();
        if (w.size() > 4) arrangement.hosted_by = locs[static_cast<std::size_t>(locality_arg(session, w[4]))].id;
        session.report(session.editor().execute(std::make_unique<SetArrangement>(
            w[1], locs[static_cast<std::size_t>(locality_arg(session, w[2]))].id, arrangement)));
    } else if (a == "fill-defaults") {
        require_plan();
        fill_default_arrangements(session);
    } else if (a == "choropleth") {
        need(w, 1, "choropleth COLUMN|off");
        require_data();
        if (w[1] != "off" && !session.data().demand.has(w[1])) session.data().demand.column(w[1]); // throws, naming columns
        map.set_choropleth(session, w[1] == "off" ? "" : w[1]);
    } else if (a == "hover") {
        need(w, 1, "hover ZONE|off");
        require_data();
        map.forced_hover = w[1] == "off" ? -1 : static_cast<int>(zone_arg(session, w[1]));
    } else if (a == "open-plan") {
        need(w, 1, "open-plan PATH");
        unsaved.request(session, "open plan " + w[1], [&session, &map, &optimiser, path = w[1]] {
            optimiser.stop();
            session.open_plan(path);
            map.fit(session);
        });
    } else if (a == "save-plan") {
        need(w, 1, "save-plan PATH");
        require_plan();
        session.save_plan(w[1]);
    } else if (a == "save-copy") {
        need(w, 1, "save-copy PATH");
        require_plan();
        session.save_copy(w[1]);
    } else if (a == "export-geojson") {
        need(w, 1, "export-geojson PATH");
        require_plan();
        session.export_geojson(w[1]);
    } else if (a == "export-report") {
        need(w, 1, "export-report PATH");
        require_plan();
        session.export_report(w[1]);
    } else if (a == "expect-locality") {
        need(w, 2, "expect-locality ZONE LOCALITY|none");
        require_plan();
        const int actual = session.state().locality_of(zone_arg(session, w[1]));
        const int expected = w[2] == "none" ? -1 : locality_arg(session, w[2]);
        if (actual != expected) {
            throw Error(ErrorKind::unexpected, "zone " + w[1] + " is in locality " + std::to_string(actual) +
                                                  ", expected " + std::to_string(expected) +
                                                  " (last status: " + session.status + ")");
        }
    } else if (a == "expect-title") {
        need(w, 1, "expect-title TEXT");
        const std::string text = rest_of(w, 1);
        if (session.window_title().find(text) == std::string::npos) {
            throw Error(ErrorKind::unexpected, "window title is '" + session.window_title() + "', expected it to contain '" + text + "'");
        }
    } else if (a == "expect-prompt") {
        need(w, 1, "expect-prompt recovery|unsaved|none");
        const std::string open = session.recovery_pending() ? "recovery" : unsaved.open() ? "unsaved" : "none";
        const std::string both = session.recovery_pending() && unsaved.open() ? " (and unsaved)" : "";
        if (open != w[1]) throw Error(ErrorKind::unexpected, "the open question is " + open + both + ", expected " + w[1]);
    } else if (a == "expect-unsaved") {
        need(w, 1, "expect-unsaved yes|no");
        if (session.dirty() != (w[1] == "yes")) {
            throw Error(ErrorKind::unexpected, std::string("the plan ") + (session.dirty() ? "has" : "has no") + " unsaved changes");
        }
    } else if (a == "balance") {
        // balance add COLUMN 10% | balance set COLUMN 15% | balance remove COLUMN
        need(w, 2, "balance add|set COLUMN TOL% | balance remove COLUMN");
        if (w[1] == "remove") {
            remove_balance_layer(session, w[2]);
        } else {
            need(w, 3, "balance add|set COLUMN TOL%");
            const double band = parse_balance(w[2] + ":" + w[3]).tolerance;
            if (w[1] == "add") add_balance_layer(session, w[2], band);
            else if (w[1] == "set") set_balance_band(session, w[2], band);
            else throw Error(ErrorKind::bad_setting, "balance " + w[1] + ": expected add, set or remove");
        }
    } else if (a == "expect-balance") {
        // expect-balance COLUMN TOL% (or "none": the column is not balanced)
        need(w, 2, "expect-balance COLUMN TOL%|none");
        const BalanceSpec* found = nullptr;
        for (const BalanceSpec& spec : session.balance_specs()) if (spec.column == w[1]) found = &spec;
        std::string have;
        for (const BalanceSpec& spec : session.balance_specs())
            have += (have.empty() ? "" : ", ") + spec.column + ":" + std::to_string(spec.tolerance);
        if (w[2] == "none") {
            if (found) throw Error(ErrorKind::unexpected, "balance has " + w[1] + " (" + have + "), expected none");
        } else {
            const double band = parse_balance(w[1] + ":" + w[2]).tolerance;
            if (!found || std::fabs(found->tolerance - band) > 1e-9)
                throw Error(ErrorKind::unexpected, "balance is " + (have.empty() ? std::string("empty") : have) +
                                                      ", expected " + w[1] + " " + w[2]);
        }
    } else if (a == "search" || a == "search-text") {
        // search TEXT: type it in the search box and take the first match (as Enter);
        // search-text TEXT: type it only (the drop-down shows the matches).
        need(w, 1, "search TEXT");
        require_data();
        const std::string text = rest_of(w, 1);
        map.search().type(session, text);
        if (a == "search") {
            const Place* place = map.search().choose(session, map);
            if (!place) throw Error(ErrorKind::unexpected, "search '" + text + "': no place matches");
            const MapCamera& camera = map.camera();
            std::fprintf(stderr, "locality-viewer: search '%s': %s (%s, %zu zones); view centre %.0f %.0f, %.0f m across\n",
                         text.c_str(), place->name.c_str(), kind_name(place->kind), place->zones.size(),
                         camera.centre.x + session.mesh().origin.x, camera.centre.y + session.mesh().origin.y,
                         camera.rect.w / camera.scale);
        }
        wait_frames_ = 2;  // the map draws the new view (and the drop-down shows)
    } else if (a == "expect-view-contains") {
        // expect-view-contains ZONE [KM]: the zone's centre is in the middle half of the map
        // and the view is no wider than KM kilometres (10 by default: a search zoomed in on
        // it; a town the size of Inverness needs more).
        need(w, 1, "expect-view-contains ZONE [KM]");
        require_data();
        const std::uint32_t z = zone_arg(session, w[1]);
        const double widest_km = w.size() > 2 ? std::stod(w[2]) : 10.0;
        const MapCamera& camera = map.camera();
        const Point c = session.mesh().centres[z];
        float sx, sy;
        camera.to_screen(c, sx, sy);
        const ScreenRect& r = camera.rect;
        const bool middle = sx > r.x + r.w / 4 && sx < r.x + 3 * r.w / 4 && sy > r.y + r.h / 4 && sy < r.y + 3 * r.h / 4;
        const double across = r.w / camera.scale;
        if (!middle || across > 1000 * widest_km) {
            throw Error(ErrorKind::unexpected, "zone " + w[1] + " is at pixel " + std::to_string(static_cast<int>(sx)) + "," +
                                                  std::to_string(static_cast<int>(sy)) + " of the map " +
                                                  std::to_string(static_cast<int>(r.w)) + "x" + std::to_string(static_cast<int>(r.h)) +
                                                  ", " + std::to_string(static_cast<long>(across)) +
                                                  " m across; expected it in the middle of a view under " +
                                                  std::to_string(static_cast<int>(widest_km)) + " km");
        }
    } else if (a == "choropleth-classes") {
        need(w, 1, "choropleth-classes quantile|equal");
        require_data();
        if (w[1] == "quantile") map.set_class_method(session, ClassMethod::quantile);
        else if (w[1] == "equal") map.set_class_method(session, ClassMethod::equal_interval);
        else throw Error(ErrorKind::bad_setting, "choropleth-classes takes quantile or equal");
    } else if (a == "expect-status") {
        need(w, 1, "expect-status TEXT");
        const std::string text = rest_of(w, 1);
        if (session.status.find(text) == std::string::npos) {
            throw Error(ErrorKind::unexpected, "status is '" + session.status + "', expected it to contain '" + text + "'");
        }
    } else {
        throw Error(ErrorKind::bad_setting, "unknown action '" + a + "'");
    }
    return true;
}

} // namespace lp::viewer
