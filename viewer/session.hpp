#pragma once
// Everything the viewer has open: the dataset and its mesh, the plan being edited
// (through the engine's PlanEditor), the function catalogue, and the figures derived
// from the plan (statutory check, demand shares, label positions, split zones), which
// are recomputed only when the editor's revision moves.
#include <lp/data/dataset.hpp>
#include <lp/edit/plan_editor.hpp>
#include <lp/edit/recovery_autosave.hpp>
#include <lp/edit/zone_mesh.hpp>
#include <lp/plan/function_catalogue.hpp>
#include <lp/plan/locality_indicators.hpp>
#include <lp/plan/locality_plan.hpp>
#include <lp/plan/plan_check.hpp>

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace lp::viewer {

// --balance COL[:TOL]
struct BalanceSpec {
    std::string column;
    double tolerance = 0.10;
};
BalanceSpec parse_balance_spec(const std::string& text);

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
    void open_dataset(const DatasetOptions& options);
    void open_plan(const std::string& path);
    // A plan with no localities yet (the planner adds them or runs the partitioner).
    void new_empty_plan();
    void save_plan(const std::string& path);
    void export_geojson(const std::string& path) const;
    void export_report(const std::string& path);
    void set_balance(std::vector<BalanceSpec> specs);

    bool has_data() const { return data_ != nullptr; }
    bool has_plan() const { return editor_ != nullptr; }
    const Dataset& data() const { return *data_; }
    const ZoneMesh& mesh() const { return mesh_; }
    std::size_t mesh_generation() const { return mesh_generation_; }
    PlanEditor& editor() { return *editor_; }
    const PlanEditor& editor() const { return *editor_; }
    const PlanState& state() const { return editor_->state(); }
    const FunctionCatalogue& catalogue() const { return catalogue_; }
    const std::string& plan_path() const { return plan_path_; }
    const LocalityPlan& base_plan() const { return base_plan_; }
    const std::vector<BalanceSpec>& balance_specs() const { return balance_specs_; }

    // The plan as a file would hold it now (cached per revision).
    const LocalityPlan& current_plan();
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
    const std::vector<Point>& label_points() const { return label_points_; }
    std::string recovery_path() const;

    // Reports an edit's result to the status line.
    void report(const EditResult& result);
    // A fresh locality id ("L<n>") not used yet.
    std::string unused_locality_id() const;

private:
    void rebuild_editor(const LocalityPlan& plan);
    std::vector<BalanceLayer> balance_layers() const;
    void refresh_derived();

    std::unique_ptr<Dataset> data_;
    DatasetOptions data_options_;
    ZoneMesh mesh_;
    std::size_t mesh_generation_ = 0;
    std::unique_ptr<PlanEditor> editor_;
    std::size_t revision_offset_ = 0;     // keeps revisions growing across plan reloads
    LocalityPlan base_plan_;
    std::string plan_path_;
    FunctionCatalogue catalogue_;
    std::vector<BalanceSpec> balance_specs_;
    std::unique_ptr<RecoveryAutosave> autosave_;

    std::size_t derived_revision_ = static_cast<std::size_t>(-1);
    std::vector<std::uint32_t> stray_zones_;
    std::vector<Point> label_points_;
    std::size_t plan_revision_ = static_cast<std::size_t>(-1);
    LocalityPlan plan_cache_;
    std::size_t check_revision_ = static_cast<std::size_t>(-1);
    PlanCheck check_cache_;
    std::size_t shares_revision_ = static_cast<std::size_t>(-1);
    std::vector<FunctionDemandShare> shares_cache_;
    DemandColumns driver_columns_;
}; // class Session

} // namespace lp::viewer
