#include "model/plan_document.hpp"

#include <lp/core/error.hpp>
#include <lp/edit/plan_conversion.hpp>
#include <lp/edit/set_balance_layers.hpp>
#include <lp/generate/locality_run.hpp>
#include <lp/plan/plan_diff.hpp>
#include <lp/plan/plan_file.hpp>
#include <lp/plan/plan_sources.hpp>

#include <chrono>
#include <ctime>
#include <filesystem>
#include <optional>

namespace lp::viewer {

namespace {

constexpr std::size_t stale = static_cast<std::size_t>(-1);

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

const LocalityPlan& PlanDocument::current_plan() {
    sync_balance();
    if (plan_revision_ != revision()) {
        plan_cache_ = plan_from_state(state(), data_.dataset().zones.ids, base_plan_);
        // The plan carries its own rules: the balance in use and how settlements are found.
        plan_cache_.balance.clear();
        for (const BalanceSpec& spec : balance_specs_) plan_cache_.balance.push_back({spec.column, spec.tolerance, spec.soft});
        if (!settlements_spec_.empty()) plan_cache_.sources["settlements"] = settlements_spec_;
        plan_revision_ = revision();
    }
    return plan_cache_;
}

const std::vector<BalanceSpec>& PlanDocument::balance_specs() {
    sync_balance();
    return balance_specs_;
}

void PlanDocument::rebalance(std::vector<BalanceSpec> specs) {
    // The plan as it stands (with the editor's own rules) before the new rules replace them.
    const LocalityPlan plan = has_plan() ? current_plan() : LocalityPlan{};
    balance_specs_ = std::move(specs);
    if (!has_plan()) return;
    const bool unsaved = dirty();
    rebuild_editor(plan);
    // A new editor starts a new history: keep what the planner sees as saved or not.
    if (unsaved) saved_.mark_unsaved();
    else saved_.mark_saved(editor_->state_id());
    if (autosave_) autosave_->skip_to(revision());
}

void PlanDocument::edit_balance(std::vector<BalanceSpec> specs, const std::string& what) {
    if (!has_plan()) {
        rebalance(std::move(specs));
        return;
    }
    const EditResult result = editor_->execute(std::make_unique<SetBalanceLayers>(balance_layers(data_.dataset(), specs), what));
    if (!result.applied && !result.message.empty() && result.message != "nothing changed") {
        throw Error(ErrorKind::bad_value, result.message);
    }
    sync_balance();
}

void PlanDocument::sync_balance() {
    // Only an edit, undo or redo changes the editor's rules; between them balance_specs_
    // may lead (a plan being opened sets them before its editor is built).
    if (!editor_ || balance_revision_ == revision()) return;
    balance_revision_ = revision();
    const std::vector<BalanceLayer>& layers = editor_->state().layers();
    bool same = layers.size() == balance_specs_.size();
    for (std::size_t i = 0; same && i < layers.size(); ++i) {
        same = layers[i].name == balance_specs_[i].column && layers[i].tolerance == balance_specs_[i].tolerance &&
               layers[i].soft == balance_specs_[i].soft;
    }
    if (same) return;
    balance_specs_.clear();
    for (const BalanceLayer& layer : layers) balance_specs_.push_back({layer.name, layer.tolerance, layer.soft});
    plan_revision_ = stale;
}

void PlanDocument::set_settlements_spec(std::string spec) {
    settlements_spec_ = std::move(spec);
    plan_revision_ = stale;  // the file form records it
}

RunRules PlanDocument::run_rules() { return rules_of_plan(current_plan(), plan_path_); }

void PlanDocument::record_run_rules(const RunRules& rules) {
    base_plan_.partitioner = rules.partitioner;
    record_building_blocks(base_plan_, rules.building_blocks);
    settlements_spec_ = rules.settlements;
    plan_revision_ = stale;  // the file form changed without an edit
}

PlanState PlanDocument::state_for(const LocalityPlan& plan, std::vector<std::string>* problems) const {
    const Dataset& data = data_.dataset();
    return state_from_plan(plan, data.zones.ids, data.graph, balance_layers(data, balance_specs_), problems);
}

void PlanDocument::rebuild_editor(const LocalityPlan& plan) { rebuild_editor(plan, state_for(plan)); }

void PlanDocument::rebuild_editor(const LocalityPlan& plan, PlanState state) {
    const SplitPolicy policy = editor_ ? editor_->split_policy() : SplitPolicy::refuse;
    if (editor_) revision_offset_ += editor_->revision() + 1;
    editor_ = std::make_unique<PlanEditor>(std::move(state));
    editor_->set_split_policy(policy);
    ++generation_;
    balance_revision_ = revision();
    base_plan_ = plan;
    plan_revision_ = stale;
}

void PlanDocument::leave_plan() const {
    if (has_plan() && !dirty()) release_recovery_files();
}

void PlanDocument::new_empty() {
    if (!data_.is_open()) throw Error(ErrorKind::bad_setting, "open a zone layer before making a plan");
    LocalityPlan plan;
    record_sources(plan, data_.options()); // so `boundaries check --plan` and a reopen find the same data
    leave_plan();
    plan_path_.clear();
    rebuild_editor(plan);
    saved_.mark_saved(editor_->state_id());
    track_recovery();
}

std::string PlanDocument::open(const std::string& path) {
    if (!data_.is_open()) throw Error(ErrorKind::bad_setting, "open a zone layer before opening plan " + path);
    LocalityPlan plan = read_plan(path);
    std::string note;
    // The plan's recorded balance replaces the default, unless --balance was given.
    if (!plan.balance.empty()) {
        if (balance_override_) {
            note = "--balance overrides the plan's recorded balance";
        } else {
            std::vector<BalanceSpec> recorded;
            for (const BalanceRule& rule : plan.balance) {
                if (data_.dataset().demand.has(rule.column)) recorded.push_back({rule.column, rule.tolerance, rule.soft});
                else errors_.add("Balance column missing", path + " balances '" + rule.column +
                                                               "', which the demand tables do not have.");
            }
            if (!recorded.empty()) balance_specs_ = recorded;
        }
    }
    const auto recorded_settlements = plan.sources.find("settlements");
    if (settlements_spec_.empty() && recorded_settlements != plan.sources.end()) {
        settlements_spec_ = recorded_settlements->second;
    }
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
        errors_.add("Plan opened with problems", message);
        note = path + ": opened with " + std::to_string(problems.size()) + " problem(s); see the message";
    }
    return note;
}

void PlanDocument::track_recovery() {
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

std::string PlanDocument::answer_recovery(RecoveryAnswer answer) {
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
        return "restored the plan from " + found + "; not saved yet (" +
               (plan_path_.empty() ? std::string("no plan file") : plan_path_ + " is unchanged") + ")";
    case RecoveryAnswer::keep_aside:
        return "kept the recovery file aside as " + kept;
    case RecoveryAnswer::discard:
        return "discarded the recovery file " + found;
    }
    return {};
}

void PlanDocument::rewrite_recovery_file() {
    if (autosave_ && dirty()) autosave_->save_now(revision());
}

void PlanDocument::autosave() {
    if (!autosave_ || !dirty()) return;
    autosave_->poll(revision());
    if (!autosave_->last_error().empty()) {
        errors_.add("Autosave failed", autosave_->path() + ": " + autosave_->last_error());
        autosave_ = nullptr; // one report, not one per frame
    }
}

std::string PlanDocument::plan_name() const {
    if (plan_path_.empty()) return "untitled plan";
    return std::filesystem::path(plan_path_).filename().string();
}

std::string PlanDocument::window_title() const {
    if (!has_plan()) return "Locality Planner";
    return plan_name() + (dirty() ? " *" : "") + " - Locality Planner";
}

void PlanDocument::save(const std::string& path) {
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
}

void PlanDocument::save_copy(const std::string& path) { write_plan(path, current_plan()); }

std::string PlanDocument::unused_locality_id() const {
    for (std::size_t n = state().locality_count() + 1;; ++n) {
        const std::string id = "L" + std::to_string(n);
        if (state().find_locality(id) < 0) return id;
    }
}

} // namespace lp::viewer
