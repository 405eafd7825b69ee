#pragma once
// A change of the balance rules (a layer added or removed, a band moved) as an undoable
// edit: the rules are part of the plan (its `balance` member), so undo walks back
// through them like any other change.
#include <lp/edit/edit_commands.hpp>

#include <string>
#include <vector>

namespace lp {

class SetBalanceLayers final : public EditCommand {
public:
    SetBalanceLayers(std::vector<BalanceLayer> layers, std::string what)
        : next_(std::move(layers)), what_(std::move(what)) {}
    void apply(PlanState& state) override;
    void revert(PlanState& state) override;
    std::string describe() const override { return what_; }
    bool changed_anything() const override { return changed_; }

private:
    std::vector<BalanceLayer> next_;
    std::vector<BalanceLayer> previous_;
    std::string what_;
    bool changed_ = false;
}; // class SetBalanceLayers

} // namespace lp
