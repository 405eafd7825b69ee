#include "model/session.hpp"

#include <lp/geometry/dissolve.hpp>
#include <lp/io/atomic_file.hpp>
#include <lp/io/geojson_writer.hpp>
#include <lp/plan/locality_indicators.hpp>
#include <lp/plan/plan_check.hpp>
#include <lp/report/locality_features.hpp>

#include <chrono>
#include <cstdio>
#include <sstream>

namespace lp::viewer {

void Session::open_dataset(const DatasetOptions& options) {
    open_dataset(options, OpenData::load(options, data.places_path()));
}

void Session::open_dataset(const DatasetOptions& options, OpenData::Loaded loaded) {
    data.take(options, std::move(loaded));
    const Dataset& dataset = data.dataset();
    // Keep only balance columns this data has; default to total population.
    std::vector<BalanceSpec> kept;
    for (const BalanceSpec& spec : document.balance_specs()) {
        if (dataset.demand.has(spec.column)) kept.push_back(spec);
        else view.errors.add("Balance column missing", "The demand tables have no column '" + spec.column + "'.");
    }
    if (kept.empty()) {
        const std::string population = find_demand_column(dataset.demand, IndicatorColumns{}.population);
        if (!population.empty()) kept.push_back({population, viewer_default_balance_tolerance});
    }
    document.set_balance_specs(std::move(kept));
    new_empty_plan();
}

void Session::new_empty_plan() {
    document.new_empty();
    follow_plan();
}

void Session::open_plan(const std::string& path) {
    const std::string note = document.open(path);
    if (!note.empty()) view.status = note;
    follow_plan();
}

void Session::save_plan(const std::string& path) {
    document.save(path);
    view.status = "saved " + path;
}

void Session::answer_recovery(RecoveryAnswer answer) {
    view.status = document.answer_recovery(answer);
    follow_plan();
}

void Session::set_balance(std::vector<BalanceSpec> specs) {
    document.rebalance(std::move(specs));
    follow_plan();
}

void Session::follow_plan() {
    if (!document.has_plan()) return;
    const int count = static_cast<int>(document.state().locality_count());
    if (plan_generation_ != document.generation()) {
        plan_generation_ = document.generation();
        view.active_locality = count == 0 ? -1 : 0;
    }
    if (view.active_locality >= count) view.active_locality = count - 1;
}

void Session::update() {
    if (!document.has_plan()) return;
    follow_plan();
    figures.update();
    document.autosave();
}

void Session::report(const EditResult& result) {
    const PlanEditor& editor = document.editor();
    if (!result.message.empty()) view.status = result.message;
    else if (result.applied) view.status = editor.in_stroke() ? "painting..." : "done: " + editor.undo_label();
    if (!result.applied && !result.cut_off_zones.empty()) {
        view.flash_zones = result.cut_off_zones;
        view.flash_until = std::chrono::steady_clock::now() + std::chrono::seconds(3);
    }
}

void Session::end_stroke() {
    if (!document.has_plan()) return;
    PlanEditor& editor = document.editor();
    const std::size_t depth = editor.undo_depth();
    editor.end_stroke();
    // A stroke's edits show "painting..." while it lasts; once over, that is stale.
    if (view.status == "painting...") view.status = editor.undo_depth() > depth ? "done: " + editor.undo_label() : "";
}

void Session::export_geojson(const std::string& path) {
    const LocalityPlan& plan = document.current_plan();
    const PlanState& s = document.state();
    const Dataset& dataset = data.dataset();
    const auto shapes = dissolve_groups(dataset.zones.shapes, dataset.zones.boxes, s.assignment(),
                                        static_cast<int>(s.locality_count()));
    // The layout every output of a plan shares; a .gpkg or .shp opens in QGIS coloured and
    // labelled as in the viewer.
    write_features(path, locality_features(plan, dataset, shapes, data.catalogue()), dataset.zones.working_crs,
                   locality_style(plan));
}

void Session::export_report(const std::string& path) {
    const LocalityPlan& plan = document.current_plan();
    const PlanState& s = document.state();
    std::ostringstream out;
    out << "# Locality plan report\n\n";
    if (!plan.partnership_name.empty()) out << "Partnership: " << plan.partnership_name << " " << plan.partnership_code << "\n\n";
    out << "| locality | zones |";
    for (const BalanceLayer& layer : s.layers()) out << " " << layer.name << " | deviation |";
    out << " area km2 | Polsby-Popper | pieces | crossings |\n|---|---|";
    for (std::size_t i = 0; i < s.layers().size(); ++i) out << "---|---|";
    out << "---|---|---|---|\n";
    char buffer[64];
    for (std::size_t loc = 0; loc < s.locality_count(); ++loc) {
        const LiveStatistics& st = s.statistics(loc);
        out << "| " << s.localities()[loc].name << " | " << st.zones << " |";
        for (std::size_t layer = 0; layer < s.layers().size(); ++layer) {
            std::snprintf(buffer, sizeof buffer, " %.0f | %+.1f%%%s |", st.totals[layer],
                          100 * s.deviation(loc, layer), s.within_tolerance(loc, layer) ? "" : " (outside)");
            out << buffer;
        }
        std::snprintf(buffer, sizeof buffer, " %.1f | %.3f | %zu | %zu |\n", st.area / 1e6, st.polsby_popper(),
                      st.pieces, st.crossings);
        out << buffer;
    }
    out << "\n## Statutory check\n\n```\n" << format_check(figures.check(), plan) << "\n```\n";
    write_file_atomically(path, out.str());
}

} // namespace lp::viewer
