#pragma once
// "Generate localities" (Plan menu, and the empty plan's "Generate localities..."): the
// partitioner draws the whole plan from a number of localities or from hubs (picked on
// the map, or found by the search: settlements, towns of --places, places, zones), under
// balance rules (column, band, hard or soft), with settlements kept whole, building blocks
// and a seed. It runs in the background (viewer/jobs/generate_job.hpp) with a progress bar and
// Cancel, and its plan lands as one undoable edit (lp::ReplacePlan): localities named
// after their hubs or main towns, in the default colours. "Show what balance costs" runs
// the first rule under 5%, 10%, 25%, 50% and soft and tabulates what each band costs
// (towns split, people on a boundary...); clicking a row makes that band's plan the plan.
#include "jobs/generate_job.hpp"
#include "model/generate_request.hpp"
#include "map/map_camera.hpp"
#include "model/session.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

struct ImDrawList;

namespace lp::viewer {

class MapView;

class GenerateDialog {
public:
    // "Plan > Generate localities..." appended to the main menu bar.
    void menu_ui(const Session& session);
    // The window (when open).
    void ui(Session& session, MapView& map);
    // What the right panel says while the plan has no localities (or no data is open).
    void empty_state_ui(Session& session);
    // Numbered markers on the hubs' zones (while the window is open).
    void draw_overlay(ImDrawList* draw, const Session& session, const MapCamera& camera);
    // Applies a finished run to the plan, or shows a finished trade-off (once per frame).
    void poll(Session& session);
    // Cancels and waits (closing the viewer).
    void stop() { job_.stop(); }

    // The settings, for the data open now (they start again when other data opens).
    GenerateSettings& settings(Session& session);
    // A hub from a place as typed ("Portree", "S01010529"): its marker goes on the best
    // match of the search (same name or code), else on no zone until the run finds it.
    void add_hub(Session& session, MapView& map, const std::string& place, const std::string& name = {});
    // Adds the zones clicked on the map while picking hubs.
    void add_picked(Session& session, MapView& map);
    // Generate with the settings; false (the reason in the status line) when it cannot start.
    bool start(Session& session);
    // "Show what balance costs": the first rule under each of `bands`.
    bool start_tradeoff(Session& session, const std::string& bands = default_tradeoff_bands);
    // A row of the trade-off by its band ("25%", "soft"): that band becomes the first rule's
    // and its plan the plan (the row's own plan when nothing else changed since, else a run).
    bool pick_band(Session& session, const std::string& band);
    void cancel() { job_.cancel(); }
    bool running() const { return job_.running(); }
    // The last generated plan, for the log: "generated 9 localities in 3.1 s: ...".
    const std::string& last_report() const { return last_report_; }
    const std::optional<Tradeoff>& tradeoff() const { return tradeoff_; }

    bool open = false;

private:
    void hubs_ui(Session& session, MapView& map);
    void bands_ui(const Session& session);
    void settlements_ui(const Session& session);
    void run_ui(Session& session);
    void tradeoff_ui(Session& session);
    void apply(Session& session, const LocalityRun& run, const GenerateSettings& asked, double seconds,
               const std::string& how);
    // What a run of the settings reads, or nullopt with why in the status line (`what`
    // names the run there: "generate", "trade-off").
    std::optional<GenerateSnapshot> snapshot(Session& session, const std::string& what);

    GenerateJob job_;
    GenerateSettings settings_;
    std::size_t settings_mesh_ = static_cast<std::size_t>(-1);  // the data the settings are for
    char search_[128] = "";
    std::vector<std::size_t> matches_;
    std::optional<Tradeoff> tradeoff_;
    std::string tradeoff_asked_;     // settings_text of the trade-off's settings, first band aside
    std::shared_ptr<const Dataset> tradeoff_data_;
    std::string last_report_;
}; // class GenerateDialog

} // namespace lp::viewer
