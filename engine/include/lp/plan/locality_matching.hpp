#pragma once
// Which locality of one plan is which of another's: matched by the people they share, not
// by id, since two plans of one area made apart (the command line's and a hand-edited
// one) number and name the same localities differently.
#include <lp/plan/locality_plan.hpp>

#include <string>
#include <vector>

namespace lp {

struct LocalityPair {
    std::string a_id;       // locality of plan A
    std::string b_id;       // the locality of plan B it is matched with
    double shared = 0;      // people (or zones) the two have in common
    double a_total = 0;     // people (or zones) of A's locality
};

// One-to-one, greedily by the most shared first (ties: A's then B's order): each pair
// shares more than nothing; a locality left over is in no pair. weight: per zone of
// zone_ids (e.g. the population); a zone without one (empty weight, or not in zone_ids)
// counts 1, so without a population the zones shared are counted. Pairs in A's order.
std::vector<LocalityPair> match_localities(const LocalityPlan& a, const LocalityPlan& b,
                                           const std::vector<std::string>& zone_ids, const std::vector<double>& weight);

// A with each matched locality under the id of its partner in B (assignment and
// locality list; arrangements and hosts follow), so diff_plans(renumbered, b) counts
// a zone as moved only when its matched locality differs. A locality left unmatched
// keeps its id unless B uses it, then gets a primed one ("L3'").
LocalityPlan renumbered_as(const LocalityPlan& a, const std::vector<LocalityPair>& pairs, const LocalityPlan& b);

} // namespace lp
