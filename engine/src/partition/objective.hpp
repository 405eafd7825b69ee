#pragma once
// The one comparison every phase of the partitioner uses: balance first, then cost.
// A plan within every band beats any plan outside one; among equals on balance, the
// cheaper boundary (cut price plus split groups) wins.
#include <algorithm>

namespace lp::detail {

struct Score {
    double violation = 0; // squared excess beyond the bands, summed over regions and layers
    double cost = 0;      // cut price plus the price of every split group
}; // struct Score

// Whether a change of (violation, cost) improves the plan. The relative slack keeps
// rounding noise from making a move and its reverse both look like improvements.
inline bool improves(double violation_change, double violation_scale, double cost_change) {
    const double slack = 1e-9 * violation_scale;
    if (violation_change < -slack) return true;
    return violation_change <= slack && cost_change < -1e-7;
}

// Whether plan a is better than plan b.
inline bool better(const Score& a, const Score& b) {
    return improves(a.violation - b.violation, std::max(a.violation, b.violation), a.cost - b.cost);
}

} // namespace lp::detail
