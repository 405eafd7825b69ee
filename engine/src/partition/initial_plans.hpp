#pragma once
// The first plans: the zone graph coarsened level by level (groups first, then heavy
// edges), a plan made on the coarsest level (seeds and growth, or recursive bisection
// for many localities), and carried back down to the zones with a descent on each level.
// Several attempts, each with its own random numbers; the two best go on.
#include "objective.hpp"
#include "problem.hpp"
#include "random.hpp"

#include <vector>

namespace lp::detail {

struct InitialPlans {
    std::vector<int> best;
    Score best_score{1e300, 1e300};
    std::vector<int> runner_up;         // the second best attempt: it may end better after the search
    Score runner_up_score{1e300, 1e300};
    bool bisected = false;              // made by recursive bisection (localities [0, k/2) and the rest are halves)
    bool cancelled = false;
}; // struct InitialPlans

// Progress runs from 0 to 0.3.
InitialPlans make_initial_plans(const Problem& problem, Random& random);

} // namespace lp::detail
