#pragma once
// The statutory check (Public Bodies (Joint Working) (Scotland) Act 2014 s.29(3),
// rules as in DOMAIN.md):
//   1. at least two localities;
//   2. every zone of the area in exactly one locality, none outside the area;
//   3. every locality has an arrangement for every integration function;
//   4. each locality is one connected area, water crossings allowed and listed.
#include <lp/graph/contiguity_graph.hpp>
#include <lp/plan/assignment_csv.hpp>
#include <lp/plan/function_catalogue.hpp>
#include <lp/plan/locality_plan.hpp>

#include <cstddef>
#include <map>
#include <string>
#include <vector>

namespace lp {

enum class CheckProblem {
    too_few_localities,      // rule 1
    empty_locality,          // rule 1: a locality with no zones divides nothing
    zone_unassigned,         // rule 2
    zone_outside_area,       // rule 2
    zone_in_two_localities,  // rule 2 (only from a zone,locality CSV; a plan file cannot say it)
    unknown_locality,        // rule 2: a zone assigned to an id that is not a locality
    function_missing,        // rule 3
    host_missing,            // rule 3: "hosted" without a host, or hosted by no such locality
    locality_disconnected,   // rule 4
};

std::string to_string(CheckProblem problem);
int statutory_rule(CheckProblem problem);

struct CheckFailure {
    CheckProblem problem;
    std::string zone;        // the zone concerned, when there is one
    std::string locality;    // locality id, when there is one
    std::string function;    // function code, when there is one
    std::string message;     // one line a planner can act on
};

// A water crossing a locality needs to be one area.
struct CrossingUse {
    std::string locality;
    std::string zone_a;
    std::string zone_b;
    std::string note;
    bool recorded_in_plan = false;  // false: found by the graph builder (nearest island link)
};

struct PlanCheck {
    std::vector<CheckFailure> failures;
    std::vector<std::string> warnings;      // not invalid, but worth a look
    std::vector<CrossingUse> crossings_used;
    std::size_t zones_in_area = 0;
    std::size_t localities = 0;
    std::size_t functions = 0;

    bool valid() const { return failures.empty(); }
    std::size_t count(CheckProblem problem) const;
}; // struct PlanCheck

struct CheckInput {
    std::vector<std::string> zone_ids;        // every zone of the partnership's area
    const ContiguityGraph* graph = nullptr;   // aligned with zone_ids; nullptr: rule 4 is not checked
    const FunctionCatalogue* catalogue = nullptr; // nullptr: rule 3 is not checked
    std::vector<AssignmentConflict> conflicts;    // from plan_from_assignment
    // Crossings the graph builder added between disconnected pieces (not recorded by
    // the user) count as allowed breaks when true; false allows only the plan's own
    // crossings and user-supplied ones.
    bool allow_generated_crossings = true;
};

PlanCheck check_plan(const LocalityPlan& plan, const CheckInput& input);

// The plan as the check reads it, whichever form it is in: a file (LocalityPlan, zones
// and localities named by text) or the editor's (lp::check_state, a locality index per
// zone, so an edit is checked without a text map of every zone).
struct CheckedPlan {
    const std::vector<Locality>* localities = nullptr;
    const std::map<std::string, std::map<std::string, Arrangement>>* arrangements = nullptr;
    const std::vector<PlanCrossing>* crossings = nullptr;
    std::vector<int> groups;                        // per zone of CheckInput::zone_ids: index into localities, -1 none
    std::vector<std::string> locked_unassigned;     // locked zones in no locality (a warning)
    // The file's assignment, where a zone may name a locality that does not exist or a zone
    // outside the area (nullptr: the editor's form, which cannot say either).
    const std::map<std::string, std::string>* assignment = nullptr;
}; // struct CheckedPlan

// Throws lp::Error(unexpected) when groups does not have one entry per zone of the area.
PlanCheck check_plan(const CheckedPlan& plan, const CheckInput& input);

// Human-readable report: one line per failure, then crossings used and warnings,
// ending with "VALID" or "NOT VALID: n problems".
std::string format_check(const PlanCheck& check, const LocalityPlan& plan);

} // namespace lp
