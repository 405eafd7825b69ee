#pragma once
// The planner's session on one plan: runs edit commands against the PlanState, keeps
// the undo and redo stacks, and guards contiguity: an edit that would break a locality
// into more pieces than it had is refused or applied with a warning, as the planner
// chooses. Brush strokes group many small edits into one undo step.
#include <lp/edit/edit_commands.hpp>
#include <lp/edit/plan_state.hpp>

#include <cstddef>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace lp {

enum class SplitPolicy { refuse, warn };

struct EditResult {
    bool applied = false;       // the state changed and the edit is on the undo stack
    bool split = false;         // the edit broke a locality apart (applied only under warn)
    std::string message;        // why it was refused, the split warning, or a note
    std::vector<std::string> split_localities; // names of localities it broke apart
    // A refused split, explained: the zones the edit would have left apart from their
    // locality's main piece (a viewer flashes them), sorted, and the localities it was
    // refused for only because its zones are not next to them ("not next to North").
    std::vector<std::uint32_t> cut_off_zones;
    std::vector<std::string> not_next_to;
};

class PlanEditor {
public:
    PlanEditor(const ContiguityGraph& graph, std::vector<BalanceLayer> layers);
    // Starts from an existing state (e.g. converted from a LocalityPlan).
    explicit PlanEditor(PlanState state);

    const PlanState& state() const { return state_; }

    SplitPolicy split_policy() const { return policy_; }
    void set_split_policy(SplitPolicy policy) { policy_ = policy; }

    EditResult execute(std::unique_ptr<EditCommand> command);

    // Convenience wrappers.
    EditResult paint(std::vector<std::uint32_t> zones, int locality);
    EditResult lock_zones(std::vector<std::uint32_t> zones, bool locked);

    // Between begin_stroke() and end_stroke(), executed commands are collected into
    // one undo step (each is still guarded on its own).
    void begin_stroke(std::string what);
    void end_stroke();
    bool in_stroke() const { return stroke_ != nullptr; }

    bool can_undo() const { return !done_.empty(); }
    bool can_redo() const { return !undone_.empty(); }
    std::string undo_label() const { return done_.empty() ? std::string() : done_.back()->describe(); }
    std::string redo_label() const { return undone_.empty() ? std::string() : undone_.back()->describe(); }
    bool undo();
    bool redo();
    std::size_t undo_depth() const { return done_.size(); }

    // Counts every change to the state (edits, undos, redos): the autosave and the
    // renderer compare it with what they last saw.
    std::size_t revision() const { return revision_; }
    // Names the state by its place in the undo history: equal after an undo and a redo,
    // or an edit and its undo, so "unsaved changes" can compare it with the state last
    // saved (revision() only grows). 0 is the state the editor started from.
    std::size_t state_id() const;

private:
    EditResult guarded_apply(EditCommand& command);
    // After a refused command was reverted: which of the zones it left apart (`strays`,
    // per locality id) were its own zones painted out of reach and which were cut off.
    void explain_refusal(EditResult& result, const std::vector<std::pair<std::string, std::vector<std::uint32_t>>>& strays) const;
    void bump();

    PlanState state_;
    SplitPolicy policy_ = SplitPolicy::refuse;
    std::vector<std::unique_ptr<EditCommand>> done_;
    std::vector<std::unique_ptr<EditCommand>> undone_;
    std::unique_ptr<CompositeCommand> stroke_;
    std::size_t revision_ = 0;
    // state_id() of the state after each command on the stacks, and of the stroke so far.
    std::vector<std::size_t> done_ids_;
    std::vector<std::size_t> undone_ids_;
    std::size_t stroke_id_ = 0;
    std::size_t last_id_ = 0;
}; // class PlanEditor

} // namespace lp
