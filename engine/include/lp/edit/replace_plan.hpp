#pragma once
// The whole plan replaced at once (Generate localities: the partitioner's plan from its
// hubs, bands and settlements): its localities, every zone's locality, the function
// arrangements and the zone locks, as one undoable edit. Undo gives back exactly the plan
// before (the empty plan, or a hand-drawn one with its arrangements and locks).
#include <lp/edit/edit_commands.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace lp {

// What ReplacePlan swaps: everything of a PlanState but its graph and balance layers.
struct PlanContent {
    std::vector<Locality> localities;
    std::vector<int> assignment;              // per zone, -1 unassigned
    ArrangementTable arrangements;
    std::vector<std::uint32_t> locked_zones;  // ascending
    friend bool operator==(const PlanContent&, const PlanContent&) = default;
};

// The state's content (locked zones ascending).
PlanContent plan_content(const PlanState& state);

class ReplacePlan final : public EditCommand {
public:
    // `next` must have one entry per zone of the plan, each -1 or a locality of `next`,
    // and distinct locality ids (apply() throws lp::Error(bad_plan) otherwise, changing nothing).
    ReplacePlan(PlanContent next, std::string what) : next_(std::move(next)), what_(std::move(what)) {}
    void apply(PlanState& state) override;
    void revert(PlanState& state) override;
    std::string describe() const override { return what_; }
    bool changed_anything() const override { return changed_; }

private:
    PlanContent next_;
    PlanContent previous_;
    std::string what_;
    bool changed_ = false;
}; // class ReplacePlan

} // namespace lp
