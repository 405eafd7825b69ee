#pragma once
// The plan being edited: its editor (the engine's PlanEditor, whose commands make undo
// free), the file it came from and the rules it records (balance, settlements, the
// partitioner's), whether it holds unsaved changes, and its recovery files. What the plan
// looks like as a file is current_plan(); what is computed from it lives in PlanFigures.
#include "model/error_log.hpp"
#include "model/open_data.hpp"

#include <lp/edit/plan_editor.hpp>
#include <lp/edit/recovery.hpp>
#include <lp/edit/recovery_autosave.hpp>
#include <lp/generate/run_rules.hpp>
#include <lp/partition/balance_spec.hpp>
#include <lp/plan/locality_plan.hpp>

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

namespace lp::viewer {

class PlanDocument {
public:
    // Reads zones and demand from `data`; what it cannot take (a balance column the demand
    // tables lack, a plan entry the zones do not hold) goes to `errors`.
    PlanDocument(const OpenData& data, ErrorLog& errors) : data_(data), errors_(errors) {}
    PlanDocument(const PlanDocument&) = delete;
    PlanDocument& operator=(const PlanDocument&) = delete;

    bool has_plan() const { return editor_ != nullptr; }
    PlanEditor& editor() { return *editor_; }
    const PlanEditor& editor() const { return *editor_; }
    const PlanState& state() const { return editor_->state(); }
    // Grows with every edit, undo and redo, and across plans (a cache keyed on it never
    // mistakes one plan for another).
    std::size_t revision() const { return editor_ ? editor_->revision() + revision_offset_ : 0; }
    // Counts the editors built (a plan opened, made, restored or rebalanced).
    std::size_t generation() const { return generation_; }
    const std::string& plan_path() const { return plan_path_; }
    // The plan as last read or saved (names, colours, arrangements the editor does not hold).
    const LocalityPlan& base_plan() const { return base_plan_; }
    // The plan as a file would hold it now (cached per revision).
    const LocalityPlan& current_plan();

    // ---- the rules the plan records ----
    // The plan's balance rules (after an undo or redo, as the plan now has them).
    const std::vector<BalanceSpec>& balance_specs();
    // Before a plan is built (other data opening): the rules the next plan starts with.
    void set_balance_specs(std::vector<BalanceSpec> specs) { balance_specs_ = std::move(specs); }
    // The same plan under other rules: a new editor (and history); unsaved stays unsaved.
    void rebalance(std::vector<BalanceSpec> specs);
    // A planner's change of the balance rules: one undoable edit (lp::SetBalanceLayers)
    // labelled `what`. Throws lp::Error when the edit is refused.
    void edit_balance(std::vector<BalanceSpec> specs, const std::string& what);
    // --balance was given: it wins over a plan's recorded balance.
    void set_balance_override(bool on) { balance_override_ = on; }
    // --settlements SPEC, or the plan's recorded one (empty: none).
    const std::string& settlements_spec() const { return settlements_spec_; }
    void set_settlements_spec(std::string spec);
    // The rules the partitioner divides this plan by (lp::rules_of_plan of the plan now).
    RunRules run_rules();
    // After Generate localities: the run's settlements, building blocks and partitioner
    // rules become the plan's (its balance rules are an edit of their own).
    void record_run_rules(const RunRules& rules);

    // ---- opening and saving (each throws lp::Error naming the file) ----
    // A plan with no localities yet, recording the open data's sources.
    void new_empty();
    // Opens `path`. A plan `boundaries check` reads but fails opens with its problems
    // listed in the errors; returns a note for the status line (empty: none).
    std::string open(const std::string& path);
    // Makes `path` the plan's file: the changes are saved, the recovery files removed.
    void save(const std::string& path);
    // Writes the plan to `path` and nothing else.
    void save_copy(const std::string& path);

    // ---- unsaved changes and recovery files (lp/edit/recovery.hpp) ----
    bool dirty() const { return editor_ && saved_.dirty(editor_->state_id()); }
    // "glasgow.plan.json" or "untitled plan"; the window title adds " *" when dirty.
    std::string plan_name() const;
    std::string window_title() const;
    const PlanRecovery& recovery() const { return recovery_; }
    // A recovery file newer than the plan, left by a session that neither saved nor
    // discarded (a crash), waits for answer_recovery(). Until then nothing writes over it.
    bool recovery_pending() const { return recovery_.pending(); }
    const std::string& recovery_summary() const { return recovery_summary_; }
    // restore: the recovered plan becomes the current plan, unsaved; keep_aside: the file
    // is renamed "<plan>.recovered-YYYYMMDD-HHMMSS.json"; discard: deleted. Returns what
    // happened, for the status line. Throws lp::Error (the question stays open) when the
    // file cannot be read or moved.
    std::string answer_recovery(RecoveryAnswer answer);
    // The planner is done with the plan's changes: removes this session's recovery files,
    // never one still waiting for its answer.
    void release_recovery_files() const { recovery_.remove_own_files(); }
    // Writes the recovery file again at once while the plan has unsaved changes.
    void rewrite_recovery_file();
    // Per frame: writes the recovery file when it is due.
    void autosave();

    // A fresh locality id ("L<n>") not used yet.
    std::string unused_locality_id() const;

private:
    // Throws when the plan does not fit the zones; with `problems`, what `boundaries check`
    // reads but fails is listed there and left out.
    PlanState state_for(const LocalityPlan& plan, std::vector<std::string>* problems = nullptr) const;
    void rebuild_editor(const LocalityPlan& plan);
    void rebuild_editor(const LocalityPlan& plan, PlanState state);
    // Takes the rules from the editor's state when an undo or redo changed them.
    void sync_balance();
    // After a plan is opened or saved under a new name: look for its recovery file, and
    // point the autosave at the right file with nothing due yet.
    void track_recovery();
    // Before another plan replaces this one: a plan without unsaved changes leaves no
    // recovery file behind.
    void leave_plan() const;

    const OpenData& data_;
    ErrorLog& errors_;
    std::unique_ptr<PlanEditor> editor_;
    std::size_t revision_offset_ = 0;  // keeps revisions growing across plan reloads
    std::size_t generation_ = 0;
    LocalityPlan base_plan_;
    std::string plan_path_;
    std::vector<BalanceSpec> balance_specs_;
    bool balance_override_ = false;
    std::size_t balance_revision_ = 0;  // revision() when balance_specs_ last matched the editor
    std::string settlements_spec_;
    std::unique_ptr<RecoveryAutosave> autosave_;
    PlanRecovery recovery_;
    std::string recovery_summary_;
    SaveState saved_;
    std::size_t plan_revision_ = static_cast<std::size_t>(-1);
    LocalityPlan plan_cache_;
}; // class PlanDocument

} // namespace lp::viewer
