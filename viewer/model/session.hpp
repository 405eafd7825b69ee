#pragma once
// Everything the viewer has open: the dataset and its mesh, the plan being edited
// (through the engine's PlanEditor), the function catalogue, and the figures derived
// from the plan (statutory check, demand shares, label positions, split zones), which
// are recomputed only when the editor's revision moves.
#include <lp/community/settlements.hpp>
#include <lp/generate/run_rules.hpp>
#include <lp/plan/demand_share_table.hpp>
#include <lp/plan/plan_check.hpp>
#include <lp/data/dataset.hpp>
#include <lp/edit/plan_editor.hpp>
#include <lp/edit/recovery.hpp>
#include <lp/edit/recovery_autosave.hpp>
#include <lp/render/zone_mesh.hpp>
#include <lp/partition/balance_spec.hpp>
#include <lp/partition/statistics.hpp>
#include <lp/plan/function_catalogue.hpp>
#include <lp/plan/locality_indicators.hpp>
#include <lp/plan/locality_plan.hpp>
#include <lp/plan/plan_check.hpp>

#include <chrono>
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace lp::viewer {

// The band the viewer gives a balance rule that names none (--balance COLUMN, the
// population it balances by default, a layer added in the panel): looser than the
// command line's lp::default_balance_tolerance (1 %), since a hand-drawn plan starts
// rough and the planner tightens it.
inline constexpr double viewer_default_balance_tolerance = 0.10;

class ErrorLog {
public:
    void add(std::string title, std::string message) { pending_.push_back({std::move(title), std::move(message)}); }
    struct Entry {
        std::string title;
        std::string message;
    };
    std::vector<Entry>& pending() { return pending_; }

private:
    std::vector<Entry> pending_;
}; // class ErrorLog

class Session {
public:
    // ---- opening and saving (each throws lp::Error with a message naming the file) ----
    // Opening replaces the plan without asking: the viewer asks about unsaved changes
    // first (UnsavedPrompt). When the plan left behind has none, its recovery files go.
    void open_dataset(const DatasetOptions& options);
    // The slow half of open_dataset (reading, the graph, triangulating), touching no
    // session state, so it can run on another thread while the window shows progress.
    struct LoadedData {
        std::unique_ptr<Dataset> data;
        ZoneMesh mesh;
        std::shared_ptr<const PointLayer> places;  // the gazetteer (--places), placed in these zones
    };
    // `places`: a gazetteer of towns (e.g. GeoNames places) hubs may name; empty: none.
    static LoadedData load_data(const DatasetOptions& options, const std::string& places = {});
    // The quick half: takes what load_data() read.
    void open_dataset(const DatasetOptions& options, LoadedData loaded);
    void open_plan(const std::string& path);
    // A plan with no localities yet (the planner adds them or runs the partitioner).
    void new_empty_plan();
    // Makes `path` the plan's file: the changes are saved, the recovery files removed.
    void save_plan(const std::string& path);
    // Writes the plan to `path` and nothing else: the plan's file, its unsaved state and
    // its recovery file stay as they are.
    void save_copy(const std::string& path);
    void export_geojson(const std::string& path);
    void export_report(const std::string& path);
    void set_balance(std::vector<BalanceSpec> specs);
    // A planner's change of the balance rules (the Balance rules panel, a script): one
    // undoable edit on the plan (lp::SetBalanceLayers), as the rules are saved in it.
    // `what` labels the undo step. Throws lp::Error when the edit is refused.
    void edit_balance(std::vector<BalanceSpec> specs, const std::string& what);
    // --balance was given: it wins over a plan's recorded balance.
    void set_balance_override(bool on) { balance_override_ = on; }
    // --settlements SPEC (the CLI's; empty: none): towns the optimiser keeps whole and
    // the table names as each locality's main town. Found when data opens and when the
    // balance changes; a spec the data cannot meet is reported and left out.
    void set_settlements(std::string spec);
    const std::string& settlements_spec() const { return settlements_spec_; }
    // --places FILE: a gazetteer of towns (a point layer with a name field) that Generate
    // localities' hubs and the search box may name ("Portree", "Aviemore": no zone is
    // called so). Read with the data (open_dataset), for its zones.
    void set_places(std::string path) { places_path_ = std::move(path); }
    const std::string& places_path() const { return places_path_; }
    const PointLayer* places() const { return places_.get(); }
    // Shared ownership for work on another thread (Generate localities).
    std::shared_ptr<const PointLayer> shared_places() const { return places_; }

    bool has_data() const { return data_ != nullptr; }
    bool has_plan() const { return editor_ != nullptr; }
    const Dataset& data() const { return *data_; }
    // Shared ownership for work that may outlive the next open_dataset (OptimiserJob).
    std::shared_ptr<const Dataset> shared_data() const { return data_; }
    const DatasetOptions& data_options() const { return data_options_; }
    const ZoneMesh& mesh() const { return mesh_; }
    std::size_t mesh_generation() const { return mesh_generation_; }
    PlanEditor& editor() { return *editor_; }
    const PlanEditor& editor() const { return *editor_; }
    const PlanState& state() const { return editor_->state(); }
    const FunctionCatalogue& catalogue() const { return catalogue_; }
    const std::string& plan_path() const { return plan_path_; }
    const LocalityPlan& base_plan() const { return base_plan_; }
    // The plan's balance rules (after an undo or redo, as the plan now has them).
    const std::vector<BalanceSpec>& balance_specs() {
        sync_balance();
        return balance_specs_;
    }

    // ---- what the partitioner and the table know about communities (as the CLI) ----
    // The balanced column counting people (lp::population_among), empty when none is.
    const std::string& population_column() const { return population_column_; }
    const std::vector<double>* population() const;
    // Price of cutting each graph edge: the people living along it when a population is
    // balanced (the CLI's default --cut-cost people), else empty (metres).
    const std::vector<double>& cut_cost() const { return cut_cost_; }
    const Settlements* settlements() const { return settlements_ ? &*settlements_ : nullptr; }
    // evaluate() of the plan with the population and settlements: people on each
    // locality's boundary, its main settlement (cached per revision).
    const PlanStatistics& community_statistics();

    // The plan as a file would hold it now (cached per revision).
    const LocalityPlan& current_plan();
    // The rules the partitioner divides this plan by (lp::rules_of_plan of the plan now):
    // its balance rules, settlements, building blocks and partitioner rules, as read from
    // its file or recorded by the last Generate localities.
    RunRules run_rules();
    // After Generate localities: the run's settlements, building blocks and partitioner
    // rules become the plan's (its balance rules are an edit of their own).
    void record_run_rules(const RunRules& rules);
    const PlanCheck& check();
    const std::vector<FunctionDemandShare>& demand_shares();

    // Per-frame: refresh what depends on the revision, autosave.
    void update();
    std::size_t revision() const { return editor_ ? editor_->revision() + revision_offset_ : 0; }

    // Locality the planner paints into and whose functions the panel shows.
    int active_locality = 0;
    std::string status;       // last edit's message, shown in the status line
    ErrorLog errors;

    // Derived per revision.
    const std::vector<std::uint32_t>& stray_zones() const { return stray_zones_; }
    // Where each locality's name goes (mesh coordinates; NaN x: none): the pole of
    // inaccessibility of its largest part (lp::group_label_points), found again only for
    // localities whose zones changed, and not mid-stroke.
    const std::vector<Point>& label_points() const { return label_points_; }

    // ---- unsaved changes and recovery files (lp/edit/recovery.hpp) ----
    // The plan holds changes its file does not (undoing back to the saved state clears it).
    bool dirty() const { return editor_ && saved_.dirty(editor_->state_id()); }
    // "glasgow.plan.json" or "untitled plan"; the window title adds " *" when dirty.
    std::string plan_name() const;
    std::string window_title() const;
    const PlanRecovery& recovery() const { return recovery_; }
    // A recovery file newer than the plan, left by a session that neither saved nor
    // discarded (a crash), waits for answer_recovery(). Until then nothing writes over it.
    bool recovery_pending() const { return recovery_.pending(); }
    // For the question: when the file was written and how it differs from the plan file.
    const std::string& recovery_summary() const { return recovery_summary_; }
    // restore: the recovered plan becomes the current plan, unsaved (the plan file is
    // untouched until the planner saves); keep_aside: the file is renamed to
    // "<plan>.recovered-YYYYMMDD-HHMMSS.json" and the plan stays as saved; discard: the
    // file is deleted. Throws lp::Error (the question stays open) when the file cannot
    // be read or moved.
    void answer_recovery(RecoveryAnswer answer);
    // The planner is done with the plan's changes (saved, discarded or none): removes
    // this session's recovery files, never one still waiting for its answer.
    void release_recovery_files() const { recovery_.remove_own_files(); }
    // Writes the recovery file again at once while the plan has unsaved changes (after
    // release_recovery_files() when what was to replace the plan failed).
    void rewrite_recovery_file();

    // Reports an edit's result to the status line; a refused split's cut-off zones flash.
    void report(const EditResult& result);
    // Ends the editor's brush stroke; "painting..." gives way to what the stroke did.
    void end_stroke();
    // Zones a refused edit would have left apart from their locality (or painted out of
    // its reach): the map flashes them until flash_until.
    std::vector<std::uint32_t> flash_zones;
    std::chrono::steady_clock::time_point flash_until{};
    // A fresh locality id ("L<n>") not used yet.
    std::string unused_locality_id() const;

private:
    // Throws when the plan does not fit the zones; with `problems`, what `boundaries check`
    // reads but fails (unknown zones, undefined localities) is listed there and left out.
    PlanState state_for(const LocalityPlan& plan, std::vector<std::string>* problems = nullptr) const;
    void rebuild_editor(const LocalityPlan& plan);
    void rebuild_editor(const LocalityPlan& plan, PlanState state);
    // After a plan is opened or saved under a new name: look for its recovery file, and
    // point the autosave at the right file with nothing due yet.
    void track_recovery();
    // Before another plan replaces this one: a plan without unsaved changes leaves no
    // recovery file behind.
    void leave_plan() const;
    std::vector<BalanceLayer> balance_layers() const;
    std::vector<BalanceLayer> balance_layers(const std::vector<BalanceSpec>& specs) const;
    // Takes the rules from the editor's state when an undo or redo changed them.
    void sync_balance();
    // Population, cut cost and settlements for the open data and balance.
    void refresh_community();
    void refresh_derived();
    void refresh_labels();

    std::shared_ptr<const Dataset> data_;
    DatasetOptions data_options_;
    std::string places_path_;
    std::shared_ptr<const PointLayer> places_;
    ZoneMesh mesh_;
    std::size_t mesh_generation_ = 0;
    std::unique_ptr<PlanEditor> editor_;
    std::size_t revision_offset_ = 0;     // keeps revisions growing across plan reloads
    LocalityPlan base_plan_;
    std::string plan_path_;
    FunctionCatalogue catalogue_;
    std::vector<BalanceSpec> balance_specs_;
    bool balance_override_ = false;
    std::size_t balance_revision_ = 0;   // revision() when balance_specs_ last matched the editor
    std::unique_ptr<RecoveryAutosave> autosave_;
    PlanRecovery recovery_;
    std::string recovery_summary_;
    SaveState saved_;

    std::size_t derived_revision_ = static_cast<std::size_t>(-1);
    std::vector<std::uint32_t> stray_zones_;
    std::vector<Point> label_points_;
    struct LabelCacheEntry {
        std::string id;
        std::vector<std::uint32_t> members;  // sorted
        Point point;
    };
    std::vector<LabelCacheEntry> label_cache_;
    std::size_t label_revision_ = static_cast<std::size_t>(-1);
    std::size_t plan_revision_ = static_cast<std::size_t>(-1);
    LocalityPlan plan_cache_;
    std::size_t check_revision_ = static_cast<std::size_t>(-1);
    PlanCheck check_cache_;
    std::size_t shares_revision_ = static_cast<std::size_t>(-1);
    std::vector<FunctionDemandShare> shares_cache_;
    std::optional<DemandShareTable> share_table_;  // for the open data and catalogue
    CheckInput check_input_;                       // the open data's zones, graph and catalogue
    DemandColumns driver_columns_;
    std::string settlements_spec_;
    std::string population_column_;
    std::vector<double> cut_cost_;
    std::optional<Settlements> settlements_;
    std::size_t community_revision_ = static_cast<std::size_t>(-1);
    PlanStatistics community_cache_;
}; // class Session

} // namespace lp::viewer
