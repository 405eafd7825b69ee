#pragma once
// The zone-level search that turns the best initial plan into the result: descent and
// balance repair, iterated local search (on the runner-up too, on a council; on two
// halves at once beyond large_graph zones after bisection), and a balance-only random
// walk when a band is still missed.
#include "initial_plans.hpp"
#include "problem.hpp"
#include "random.hpp"

#include <vector>

namespace lp::detail {

struct Refined {
    std::vector<int> part;
    bool cancelled = false;
}; // struct Refined

// Progress runs from 0.3 to 1. A start plan is passed as plans.best alone.
Refined refine(const Problem& problem, InitialPlans plans, Random& random);

} // namespace lp::detail
