#pragma once
// The rules a locality run is made by, in one shape: what the command line's flags say,
// what a plan file records (its balance rules, settlements, building blocks and
// partitioner rules) and what the viewer's Generate dialog asks. One way from rules to
// the partitioner's request, used by `generate` (one partnership or --all), `tradeoff`,
// and the viewer's generate and optimise, so none of them drops a rule the others keep.
#include <lp/data/dataset.hpp>
#include <lp/edit/plan_state.hpp>
#include <lp/generate/locality_run.hpp>
#include <lp/partition/balance_spec.hpp>
#include <lp/partition/partition.hpp>
#include <lp/plan/locality_plan.hpp>

#include <string>
#include <vector>

namespace lp {

// (RunRules itself is declared in locality_run.hpp: a run keeps the rules it was made by.)

// The rules of a run's options (what the plan it makes records).
RunRules run_rules_of(const LocalityRunOptions& options);

// The options these rules ask for (k, hubs, locks and the rest left as default).
// `tables` are the demand tables a keep-whole column or a place name may come from.
// Throws lp::Error(bad_setting) for a rule the engine does not know ("cut cost foo").
LocalityRunOptions run_options(const RunRules& rules, const std::vector<std::string>& tables);

// Writes the rules into the plan: its balance rules, the settlements and building
// blocks among its sources, and its partitioner rules.
void record_rules(LocalityPlan& plan, const RunRules& rules);

// The rules a plan records; a plan that records no partitioner rules gets the defaults.
// plan_path resolves a relative building-blocks file; a remote one is lp::Error(bad_plan).
RunRules rules_of_plan(const LocalityPlan& plan, const std::string& plan_path = "");

// "Optimise around locks" on an edited plan: the rules' options with its locks (a locked
// locality is closed: it neither gains nor loses a zone; a locked zone and each
// locality's hub zone never move) and, when every zone is assigned, the plan itself as
// the start, each zone leaving its locality costing the partitioner's stay price, so a
// touch-up moves few zones. Throws lp::Error(bad_setting) naming a locked locality with
// no zones, or when every locality is locked.
LocalityRunOptions touch_up_options(const RunRules& rules, const PlanState& state,
                                    const std::vector<std::string>& zone_ids, const std::vector<std::string>& tables);

// The partitioner's request for a run on `data`: balance layers, keep-whole groups,
// the cut cost, settlements (and their bridging when never split), building blocks,
// hubs and where localities start. Fills `run` with what it found (k, layers,
// settlements, blocks, hubs, seeds, notes); run_localities() calls it, and the viewer's
// optimise runs the request on its own thread. The request points into data only.
PartitionRequest locality_request(const Dataset& data, const LocalityRunOptions& options, LocalityRun& run,
                                  std::vector<std::string>& notes);

} // namespace lp
