#pragma once
// Everything the viewer has open, in four parts: the open data (zones, mesh, places,
// catalogue), the plan document (the editor, its file, its rules, recovery), the plan's
// figures (check, demand shares, communities, labels; recomputed when what they depend
// on moves) and the view state (active locality, status line, errors, flashes). The
// Session itself does what spans them: opening data resets the plan, an edit's result
// goes to the status line, the per-frame update.
#include "model/open_data.hpp"
#include "model/plan_document.hpp"
#include "model/plan_figures.hpp"
#include "model/view_state.hpp"

#include <lp/edit/plan_editor.hpp>
#include <lp/partition/balance_spec.hpp>

#include <string>
#include <vector>

namespace lp::viewer {

// The band the viewer gives a balance rule that names none (--balance COLUMN, the
// population it balances by default, a layer added in the panel): looser than the
// command line's lp::default_balance_tolerance (1 %), since a hand-drawn plan starts
// rough and the planner tightens it.
inline constexpr double viewer_default_balance_tolerance = 0.10;

class Session {
public:
    Session() = default;
    Session(const Session&) = delete;
    Session& operator=(const Session&) = delete;

    // Declared in this order: the document and figures hold references to the parts above.
    OpenData data;
    ViewState view;
    PlanDocument document{data, view.errors};
    PlanFigures figures{data, document, view.errors};

    // ---- opening and saving (each throws lp::Error with a message naming the file) ----
    // Opening replaces the plan without asking: the viewer asks about unsaved changes
    // first (UnsavedPrompt). When the plan left behind has none, its recovery files go.
    void open_dataset(const DatasetOptions& options);
    // The quick half, after OpenData::load read the data on another thread: the balance
    // keeps the columns the new data has (else the population), and an empty plan starts.
    void open_dataset(const DatasetOptions& options, OpenData::Loaded loaded);
    void open_plan(const std::string& path);
    // A plan with no localities yet (the planner adds them or runs the partitioner).
    void new_empty_plan();
    void save_plan(const std::string& path);
    void save_copy(const std::string& path) { document.save_copy(path); }
    void export_geojson(const std::string& path);
    void export_report(const std::string& path);
    // restore, keep aside or discard the recovery file (PlanDocument::answer_recovery);
    // what happened goes to the status line.
    void answer_recovery(RecoveryAnswer answer);

    // The balance rules replaced at once (--balance, a new data's columns): the plan is
    // rebuilt under them.
    void set_balance(std::vector<BalanceSpec> specs);
    // A planner's change of the balance rules (the Balance rules panel, a script): one
    // undoable edit on the plan. `what` labels the undo step. Throws lp::Error when refused.
    void edit_balance(std::vector<BalanceSpec> specs, const std::string& what) {
        document.edit_balance(std::move(specs), what);
    }
    // --settlements SPEC (the CLI's; empty: none): towns the optimiser keeps whole and
    // the table names as each locality's main town.
    void set_settlements(std::string spec) { document.set_settlements_spec(std::move(spec)); }

    // Per frame: the figures follow the plan, the view its localities, the autosave runs.
    void update();

    // Reports an edit's result to the status line; a refused split's cut-off zones flash.
    void report(const EditResult& result);
    // Ends the editor's brush stroke; "painting..." gives way to what the stroke did.
    void end_stroke();

private:
    // A new plan (opened, made, restored, rebalanced) starts on its first locality; an
    // edit that removed localities leaves the active one in range.
    void follow_plan();
    std::size_t plan_generation_ = 0;
}; // class Session

} // namespace lp::viewer
