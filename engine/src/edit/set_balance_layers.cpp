#include <lp/edit/set_balance_layers.hpp>

namespace lp {
namespace {

// Same names and bands in the same order (the values follow from the names).
bool same_rules(const std::vector<BalanceLayer>& a, const std::vector<BalanceLayer>& b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (a[i].name != b[i].name || a[i].tolerance != b[i].tolerance) return false;
    }
    return true;
}

} // namespace

void SetBalanceLayers::apply(PlanState& state) {
    previous_ = state.layers();
    changed_ = !same_rules(previous_, next_);
    if (changed_) state.set_layers(next_);
}

void SetBalanceLayers::revert(PlanState& state) {
    if (changed_) state.set_layers(previous_);
}

} // namespace lp
