#include "model/session.hpp"

#include <lp/core/error.hpp>
#include <lp/edit/plan_conversion.hpp>
#include <lp/edit/state_check.hpp>
#include <lp/edit/set_balance_layers.hpp>
#include <lp/geometry/dissolve.hpp>
#include <lp/geometry/label_point.hpp>
#include <lp/io/atomic_file.hpp>
#include <lp/io/geojson_writer.hpp>
#include <lp/generate/locality_run.hpp>
#include <lp/plan/plan_diff.hpp>
#include <lp/plan/plan_file.hpp>
#include <lp/plan/plan_sources.hpp>
#include <lp/report/locality_features.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <limits>
#include <sstream>

namespace lp::viewer {

Session::LoadedData Session::load_data(const DatasetOptions& options, const std::string& places) {
    LoadedData loaded;
    loaded.data = std::make_unique<Dataset>(load_dataset(options));
    loaded.mesh = build_zone_mesh(loaded.data->zones.shapes, loaded.data->zones.ids);
    if (!places.empty()) loaded.places = std::make_shared<const PointLayer>(read_points(places, loaded.data->zones));
    return loaded;
}

void Session::open_dataset(const DatasetOptions& options) { open_dataset(options, load_data(options, places_path_)); }

void Session::open_dataset(const DatasetOptions& options, LoadedData loaded) {
    data_ = std::move(loaded.data);
    places_ = std::move(loaded.places);
    data_options_ = options;
    mesh_ = std::move(loaded.mesh);
    ++mesh_generation_;
    label_cache_.clear();  // zone indices of other data
    driver_columns_ = driver_columns(*data_);
    if (catalogue_.functions.empty()) catalogue_ = read_catalogue(default_catalogue_path());
    // What the check and the Functions panel read after each edit, set up once per data.
    share_table_.emplace(catalogue_, driver_columns_);
    check_input_ = CheckInput{};
    check_input_.zone_ids = data_->zones.ids;
    check_input_.graph = &data_->graph;
    check_input_.catalogue = &catalogue_;
    // Keep only balance columns this data has; default to total population.
    std::vector<BalanceSpec> kept;
    for (const BalanceSpec& spec : balance_specs_) {
        if (data_->demand.has(spec.column)) kept.push_back(spec);
        else errors.add("Balance column missing", "The demand tables have no column '" + spec.column + "'.");
    }
    if (kept.empty()) {
        const std::string population = find_demand_column(data_->demand, IndicatorColumns{}.population);
        if (!population.empty()) kept.push_back({population, viewer_default_balance_tolerance});
    }
    balance_specs_ = kept;
    refresh_community();
    new_empty_plan();
}

void Session::set_settlements(std::string spec) {
    settlements_spec_ = std::move(spec);
    if (data_) refresh_community();
}

const std::vector<double>* Session::population() const {
    return population_column_.empty() ? nullptr : &data_->demand.column(population_column_);
}

void Session::refresh_community() {
    std::vector<std::string> columns;
    for (const BalanceSpec& spec : balance_specs_) columns.push_back(spec.column);
    population_column_ = population_among(columns);
    cut_cost_ = population_column_.empty() ? std::vector<double>{} : people_cut_cost(data_->graph, *population());
    settlements_.reset();
    community_revision_ = static_cast<std::size_t>(-1);
    if (settlements_spec_.empty()) return;
    try {
        // Settlements are sized and named by people: the population, else the first balance layer.
        std::vector<double> people(data_->zones.size(), 1.0);
        if (population()) people = *population();
        else if (!balance_specs_.empty()) people = data_->demand.column(balance_specs_.front().column);
        settlements_ = find_settlements(*data_, parse_settlements(settlements_spec_), data_options_.demand_paths, people,
                                        area_name(*data_));
    } catch (const std::exception& e) {
        errors.add("Settlements not found", "--settlements " + settlements_spec_ + ": " + e.what());
    }
}

const PlanStatistics& Session::community_statistics() {
    if (community_revision_ != revision()) {
        CommunityContext community;
        community.population = population();
        if (settlements_) community.groupings.push_back(&settlements_->groups);
        const PlanState& s = state();
        community_cache_ = evaluate(data_->graph, s.assignment(), static_cast<int>(s.locality_count()), s.layers(), {},
                                    community);
        community_revision_ = revision();
    }
    return community_cache_;
}

void Session::set_balance(std::vector<BalanceSpec> specs) {
    // The plan as it stands (with the editor's own rules) before the new rules replace them.
    const LocalityPlan plan = has_plan() ? current_plan() : LocalityPlan{};
    balance_specs_ = std::move(specs);
    if (data_) refresh_community();
    if (!has_plan()) return;
    const bool unsaved = dirty();
    rebuild_editor(plan);
    // A new editor starts a new history: keep what the planner sees as saved or not.
    if (unsaved) saved_.mark_unsaved();
    else saved_.mark_saved(editor_->state_id());
    if (autosave_) autosave_->skip_to(revision());
}

void Session::edit_balance(std::vector<BalanceSpec> specs, const std::string& what) {
    if (!has_plan()) {
        set_balance(std::move(specs));
        return;
    }
    const EditResult result = editor_->execute(std::make_unique<SetBalanceLayers>(balance_layers(specs), what));
    if (!result.applied && !result.message.empty() && result.message != "nothing changed") {
        throw Error(ErrorKind::bad_value, result.message);
    }
    sync_balance();
}

void Session::sync_balance() {
    // Only an edit, undo or redo changes the editor's rules; between them balance_specs_
    // may lead (a plan being opened sets them before its editor is built).
    if (!editor_ || balance_revision_ == revision()) return;
    balance_revision_ = revision();
    const std::vector<BalanceLayer>& layers = editor_->state().layers();
    bool same = layers.size() == balance_specs_.size();
    bool same_columns = same;
    for (std::size_t i = 0; same && i < layers.size(); ++i) {
        same_columns = same_columns && layers[i].name == balance_specs_[i].column;
        same = same_columns && layers[i].tolerance == balance_specs_[i].tolerance && layers[i].soft == balance_specs_[i].soft;
    }
    if (same) return;
    balance_specs_.clear();
    for (const BalanceLayer& layer : layers) balance_specs_.push_back({layer.name, layer.tolerance, layer.soft});
    // The population, cut prices and settlements follow the columns, not the bands.
    if (!same_columns && data_) refresh_community();
    plan_revision_ = static_cast<std::size_t>(-1);
}

std::vector<BalanceLayer> Session::balance_layers() const { return balance_layers(balance_specs_); }

std::vector<BalanceLayer> Session::balance_layers(const std::vector<BalanceSpec>& specs) const {
    std::vector<BalanceLayer> layers;
    for (const BalanceSpec& spec : specs) {
        BalanceLayer layer;
        layer.name = spec.column;
        layer.values = data_->demand.column(spec.column);
        layer.tolerance = spec.tolerance;
        layer.soft = spec.soft;
        layers.push_back(std::move(layer));
    }
    return layers;
}

PlanState Session::state_for(const LocalityPlan& plan, std::vector<std::string>* problems) const {
    return state_from_plan(plan, data_->zones.ids, data_->graph, balance_layers(), problems);
}

void Session::rebuild_editor(const LocalityPlan& plan) { rebuild_editor(plan, state_for(plan)); }

void Session::rebuild_editor(const LocalityPlan& plan, PlanState state) {
    const SplitPolicy policy = editor_ ? editor_->split_policy() : SplitPolicy::refuse;
    if (editor_) revision_offset_ += editor_->revision() + 1;
    editor_ = std::make_unique<PlanEditor>(std::move(state));
    editor_->set_split_policy(policy);
    balance_revision_ = revision();
    base_plan_ = plan;
    active_locality = plan.localities.empty() ? -1 : 0;
    derived_revision_ = plan_revision_ = check_revision_ = shares_revision_ = community_revision_ =
        static_cast<std::size_t>(-1);
    refresh_derived();
}

void Session::leave_plan() const {
    if (has_plan() && !dirty()) release_recovery_files();
}

void Session::new_empty_plan() {
    if (!data_) throw Error(ErrorKind::bad_setting, "open a zone layer before making a plan");
    LocalityPlan plan;
    record_sources(plan, data_options_); // so `boundaries check --plan` and a reopen find the same data
    leave_plan();
    plan_path_.clear();
    rebuild_editor(plan);
    saved_.mark_saved(editor_->state_id());
    track_recovery();
}

void Session::open_plan(const std::string& path) {
    if (!data_) throw Error(ErrorKind::bad_setting, "open a zone layer before opening plan " + path);
    LocalityPlan plan = read_plan(path);
    // The plan's recorded balance replaces the default, unless --balance was given.
    if (!plan.balance.empty()) {
        if (balance_override_) {
            status = "--balance overrides the plan's recorded balance";
        } else {
            std::vector<BalanceSpec> recorded;
            for (const BalanceRule& rule : plan.balance) {
                if (data_->demand.has(rule.column)) recorded.push_back({rule.column, rule.tolerance, rule.soft});
                else errors.add("Balance column missing", path + " balances '" + rule.column +
                                                              "', which the demand tables do not have.");
            }
            if (!recorded.empty()) balance_specs_ = recorded;
        }
    }
    const auto recorded_settlements = plan.sources.find("settlements");
    const bool take_settlements = settlements_spec_.empty() && recorded_settlements != plan.sources.end() &&
                                  !recorded_settlements->second.empty();
    if (take_settlements) settlements_spec_ = recorded_settlements->second;
    if (take_settlements || !plan.balance.empty()) refresh_community();
    // Made before anything changes, so a plan that does not fit the zones leaves the
    // open one (and its recovery files) as they were.
    // A plan `boundaries check` reads but fails (a zone the layer lacks, a zone in a
    // locality the plan does not define) opens with those problems listed, so it can be
    // repaired here; the entries are left out, and saving writes the plan without them.
    std::optional<PlanState> state;
    std::vector<std::string> problems;
    try {
        state.emplace(state_for(plan, &problems));
    } catch (const Error& e) {
        throw Error(e.kind(), path + ": " + e.what());
    }
    leave_plan();
    rebuild_editor(plan, std::move(*state));
    plan_path_ = path;
    saved_.mark_saved(editor_->state_id());
    track_recovery();
    if (!problems.empty()) {
        std::string message = path + " opened with " + std::to_string(problems.size()) +
                              (problems.size() == 1 ? " problem" : " problems") +
                              ", as boundaries check reports them; these entries are left out (their zones "
                              "unassigned) and saving writes the plan without them:";
        for (std::size_t i = 0; i < problems.size() && i < 20; ++i) message += "\n  " + problems[i];
        if (problems.size() > 20) message += "\n  ... and " + std::to_string(problems.size() - 20) + " more";
        errors.add("Plan opened with problems", message);
        status = path + ": opened with " + std::to_string(problems.size()) + " problem(s); see the message";
    }
}

namespace {

std::string local_time_text(std::time_t when) {
    std::tm local{};
    localtime_r(&when, &local);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%d %H:%M:%S", &local);
    return text;
}

// How a recovery file differs from the plan it was made from, in a sentence or two.
// `against` names the plan it is compared with ("the plan file", "the empty plan").
std::string describe_recovery(const std::string& path, const LocalityPlan& plan, const std::string& against) {
    std::string text;
    std::error_code ec;
    const auto written = std::filesystem::last_write_time(path, ec);
    if (!ec) {
        text = "Written " + local_time_text(std::chrono::system_clock::to_time_t(std::chrono::file_clock::to_sys(written))) + ". ";
    }
    LocalityPlan recovered;
    try {
        recovered = read_plan(path);
    } catch (const std::exception& e) {
        return text + "It cannot be read: " + e.what();
    }
    if (recovered == plan) return text + "It holds the same plan as " + against + ".";
    const PlanDiff diff = diff_plans(plan, recovered);
    text += "Compared with " + against + " it has " + std::to_string(diff.moved.size()) +
            (diff.moved.size() == 1 ? " zone" : " zones") + " in another locality and " +
            std::to_string(recovered.localities.size()) + " localities (" + against + " has " +
            std::to_string(plan.localities.size()) + ")";
    if (!diff.renamed.empty()) text += ", " + std::to_string(diff.renamed.size()) + " renamed";
    return text + ".";
}

} // namespace

void Session::track_recovery() {
    recovery_ = PlanRecovery(plan_path_, std::filesystem::current_path().string());
    recovery_summary_ = recovery_.pending()
                            ? describe_recovery(recovery_.found(), base_plan_, plan_path_.empty() ? "the empty plan" : "the plan file")
                            : std::string();
    if (!autosave_) {
        autosave_ = std::make_unique<RecoveryAutosave>(
            recovery_.autosave_path(), [this] { return plan_to_json_text(current_plan()); }, 5, std::chrono::seconds(20));
    }
    autosave_->set_path(recovery_.autosave_path());
    autosave_->skip_to(revision()); // the plan just opened or saved: nothing to recover yet
}

void Session::answer_recovery(RecoveryAnswer answer) {
    if (!recovery_.pending()) throw Error(ErrorKind::bad_setting, "no recovery file is waiting for an answer");
    const std::string found = recovery_.found();
    if (answer == RecoveryAnswer::restore) {
        LocalityPlan recovered = read_plan(found);
        try {
            rebuild_editor(recovered);
        } catch (const Error& e) {
            throw Error(e.kind(), found + ": " + e.what());
        }
        saved_.mark_unsaved();
    }
    const std::string kept = recovery_.answer(answer);
    recovery_summary_.clear();
    if (autosave_) {
        autosave_->set_path(recovery_.autosave_path());
        autosave_->skip_to(revision()); // after a restore the file holds this very plan
    }
    switch (answer) {
    case RecoveryAnswer::restore:
        status = "restored the plan from " + found + "; not saved yet (" +
                 (plan_path_.empty() ? std::string("no plan file") : plan_path_ + " is unchanged") + ")";
        break;
    case RecoveryAnswer::keep_aside:
        status = "kept the recovery file aside as " + kept;
        break;
    case RecoveryAnswer::discard:
        status = "discarded the recovery file " + found;
        break;
    }
}

void Session::rewrite_recovery_file() {
    if (autosave_ && dirty()) autosave_->save_now(revision());
}

std::string Session::plan_name() const {
    if (plan_path_.empty()) return "untitled plan";
    return std::filesystem::path(plan_path_).filename().string();
}

std::string Session::window_title() const {
    if (!has_plan()) return "Locality Planner";
    return plan_name() + (dirty() ? " *" : "") + " - Locality Planner";
}

void Session::save_plan(const std::string& path) {
    const LocalityPlan plan = current_plan();
    write_plan(path, plan);
    // The changes are in the file now: the recovery files go (a found one still
    // waiting for its answer stays, and keeps its question when the path is the same).
    release_recovery_files();
    const bool same_file = path == plan_path_;
    plan_path_ = path;
    base_plan_ = plan;
    saved_.mark_saved(editor_->state_id());
    if (same_file && recovery_.pending()) {
        if (autosave_) autosave_->skip_to(revision());
    } else {
        track_recovery();
    }
    status = "saved " + path;
}

void Session::save_copy(const std::string& path) {
    write_plan(path, current_plan());
}

const LocalityPlan& Session::current_plan() {
    sync_balance();
    if (plan_revision_ != revision()) {
        plan_cache_ = plan_from_state(state(), data_->zones.ids, base_plan_);
        // The plan carries its own rules: the balance in use and how settlements are found.
        plan_cache_.balance.clear();
        for (const BalanceSpec& spec : balance_specs_) plan_cache_.balance.push_back({spec.column, spec.tolerance, spec.soft});
        if (!settlements_spec_.empty()) plan_cache_.sources["settlements"] = settlements_spec_;
        plan_revision_ = revision();
    }
    return plan_cache_;
}

RunRules Session::run_rules() { return rules_of_plan(current_plan(), plan_path_); }

void Session::record_run_rules(const RunRules& rules) {
    base_plan_.partitioner = rules.partitioner;
    record_building_blocks(base_plan_, rules.building_blocks);
    if (rules.settlements != settlements_spec_) set_settlements(rules.settlements);
    plan_revision_ = static_cast<std::size_t>(-1); // the file form changed without an edit
}

const PlanCheck& Session::check() {
    if (check_revision_ != revision()) {
        // The editor's own form: no text map of every zone per edit.
        check_cache_ = check_state(state(), base_plan_.crossings, check_input_);
        check_revision_ = revision();
    }
    return check_cache_;
}

const std::vector<FunctionDemandShare>& Session::demand_shares() {
    if (shares_revision_ != revision()) {
        // Only the zones the edit moved change the sums.
        share_table_->update(state().assignment(), state().locality_count());
        shares_cache_ = share_table_->shares();
        shares_revision_ = revision();
    }
    return shares_cache_;
}

void Session::refresh_derived() {
    if (!editor_ || derived_revision_ == revision()) return;
    derived_revision_ = revision();
    const PlanState& s = state();
    stray_zones_.clear();
    for (std::size_t loc = 0; loc < s.locality_count(); ++loc) {
        if (s.statistics(loc).pieces > 1) {
            const auto stray = s.stray_zones(loc);
            stray_zones_.insert(stray_zones_.end(), stray.begin(), stray.end());
        }
    }
    if (active_locality >= static_cast<int>(s.locality_count())) active_locality = static_cast<int>(s.locality_count()) - 1;
}

void Session::refresh_labels() {
    // Mid-stroke the labels stay where they were: a dissolve per painted zone would
    // stall the brush. The stroke's end leaves the revision moved, so they follow then.
    if (label_revision_ == revision() || editor_->in_stroke()) return;
    label_revision_ = revision();
    const PlanState& s = state();
    const std::size_t n = s.locality_count();
    std::vector<std::vector<std::size_t>> changed_members;
    std::vector<std::size_t> changed;
    std::vector<Point> points(n, Point{std::numeric_limits<double>::quiet_NaN(), 0});
    std::vector<LabelCacheEntry> cache(n);
    for (std::size_t loc = 0; loc < n; ++loc) {
        cache[loc].id = s.localities()[loc].id;
        cache[loc].members.assign(s.members(loc).begin(), s.members(loc).end());
        std::sort(cache[loc].members.begin(), cache[loc].members.end());
        const auto same = std::find_if(label_cache_.begin(), label_cache_.end(), [&](const LabelCacheEntry& e) {
            return e.id == cache[loc].id && e.members == cache[loc].members;
        });
        if (same != label_cache_.end()) {
            cache[loc].point = same->point;
            continue;
        }
        changed.push_back(loc);
        changed_members.emplace_back(cache[loc].members.begin(), cache[loc].members.end());
    }
    if (!changed.empty()) {
        std::vector<Point> found;
        try {
            found = group_label_points(data_->zones.shapes, data_->zones.boxes, changed_members);
        } catch (const Error&) {
            found.assign(changed.size(), Point{std::numeric_limits<double>::quiet_NaN(), 0});
        }
        for (std::size_t i = 0; i < changed.size(); ++i) {
            Point p = found[i];
            // Mesh coordinates; a locality GEOS cannot place is labelled at a zone of it.
            if (std::isnan(p.x) && !changed_members[i].empty()) p = mesh_.centres[changed_members[i].front()];
            else if (!std::isnan(p.x)) p = {p.x - mesh_.origin.x, p.y - mesh_.origin.y};
            cache[changed[i]].point = p;
        }
    }
    for (std::size_t loc = 0; loc < n; ++loc) points[loc] = cache[loc].point;
    // Keep the shapes of recent revisions too: an undo or redo gives back localities whose
    // labels are known, and finding them again would cost a dissolve each.
    const std::size_t keep = 4 * n + 16;
    for (LabelCacheEntry& old : label_cache_) {
        if (cache.size() >= keep) break;
        const bool current = std::any_of(cache.begin(), cache.begin() + static_cast<std::ptrdiff_t>(n),
                                         [&](const LabelCacheEntry& e) { return e.id == old.id && e.members == old.members; });
        if (!current) cache.push_back(std::move(old));
    }
    label_cache_ = std::move(cache);
    label_points_ = std::move(points);
}

void Session::update() {
    if (!editor_) return;
    sync_balance();
    refresh_derived();
    refresh_labels();
    if (autosave_ && dirty()) {
        autosave_->poll(revision());
        if (!autosave_->last_error().empty()) {
            errors.add("Autosave failed", autosave_->path() + ": " + autosave_->last_error());
            autosave_ = nullptr; // one report, not one per frame
        }
    }
}

void Session::report(const EditResult& result) {
    if (!result.message.empty()) status = result.message;
    else if (result.applied) status = editor_->in_stroke() ? "painting..." : "done: " + editor_->undo_label();
    if (!result.applied && !result.cut_off_zones.empty()) {
        flash_zones = result.cut_off_zones;
        flash_until = std::chrono::steady_clock::now() + std::chrono::seconds(3);
    }
}

void Session::end_stroke() {
    if (!editor_) return;
    const std::size_t depth = editor_->undo_depth();
    editor_->end_stroke();
    // A stroke's edits show "painting..." while it lasts; once over, that is stale.
    if (status == "painting...") status = editor_->undo_depth() > depth ? "done: " + editor_->undo_label() : "";
}

std::string Session::unused_locality_id() const {
    for (std::size_t n = state().locality_count() + 1;; ++n) {
        const std::string id = "L" + std::to_string(n);
        if (state().find_locality(id) < 0) return id;
    }
}

void Session::export_geojson(const std::string& path) {
    const LocalityPlan& plan = current_plan();
    const PlanState& s = state();
    const auto shapes = dissolve_groups(data_->zones.shapes, data_->zones.boxes, s.assignment(),
                                        static_cast<int>(s.locality_count()));
    // The layout every output of a plan shares; a .gpkg or .shp opens in QGIS coloured and
    // labelled as in the viewer.
    write_features(path, locality_features(plan, *data_, shapes, catalogue_), data_->zones.working_crs,
                   locality_style(plan));
}

void Session::export_report(const std::string& path) {
    const LocalityPlan& plan = current_plan();
    const PlanState& s = state();
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
    out << "\n## Statutory check\n\n```\n" << format_check(check(), plan) << "\n```\n";
    write_file_atomically(path, out.str());
}

} // namespace lp::viewer
