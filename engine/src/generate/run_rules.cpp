#include <lp/generate/run_rules.hpp>

#include <lp/community/settlements.hpp>
#include <lp/core/error.hpp>
#include <lp/geometry/building_blocks.hpp>
#include <lp/plan/plan_sources.hpp>

#include <algorithm>

namespace lp {

namespace {

std::string cut_cost_text(CutCostKind kind) {
    switch (kind) {
    case CutCostKind::automatic: return "";
    case CutCostKind::length: return "length";
    case CutCostKind::people: return "people";
    }
    return "";
}

} // namespace

std::string settlement_splitting_text(SettlementSplitting splitting) {
    switch (splitting) {
    case SettlementSplitting::automatic: return "";
    case SettlementSplitting::when_forced: return "when-forced";
    case SettlementSplitting::never: return "never";
    }
    return "";
}

RunRules run_rules_of(const LocalityRunOptions& options) {
    RunRules rules;
    rules.balance = options.balance;
    rules.settlements = options.settlements;
    rules.building_blocks = options.building_blocks;
    PartitionerRules& p = rules.partitioner;
    p.cut_cost = cut_cost_text(options.cut_cost);
    p.population = options.population;
    p.split_settlements = settlement_splitting_text(options.split_settlements);
    p.keep_whole = options.keep_whole;
    p.split_cost = options.split_cost;
    p.blocks = options.blocks == BlockMode::hard ? "hard" : "soft";
    p.block_split_cost = options.block_split_cost;
    p.seed = options.seed;
    p.effort = options.effort;
    return rules;
}

LocalityRunOptions run_options(const RunRules& rules, const std::vector<std::string>& tables) {
    LocalityRunOptions options;
    const PartitionerRules& p = rules.partitioner;
    options.balance = rules.balance;
    // Each spec is refused here, before anything is read, in the engine's words.
    options.settlements = rules.settlements;
    if (!options.settlements.empty()) parse_settlements(options.settlements);
    options.building_blocks = rules.building_blocks;
    if (!options.building_blocks.empty()) parse_building_blocks(options.building_blocks);
    if (!p.cut_cost.empty()) options.cut_cost = parse_cut_cost(p.cut_cost);
    options.population = p.population;
    if (!p.split_settlements.empty()) options.split_settlements = parse_settlement_splitting(p.split_settlements);
    options.keep_whole = p.keep_whole;
    options.keep_whole_tables = tables;
    options.split_cost = p.split_cost;
    options.blocks = parse_block_mode(p.blocks);
    options.block_split_cost = p.block_split_cost;
    options.seed = p.seed;
    options.effort = p.effort;
    return options;
}

void record_rules(LocalityPlan& plan, const RunRules& rules) {
    plan.balance.clear();
    for (const BalanceSpec& spec : rules.balance) plan.balance.push_back({spec.column, spec.tolerance, spec.soft});
    plan.sources.erase("settlements");
    if (!rules.settlements.empty()) plan.sources["settlements"] = rules.settlements;
    record_building_blocks(plan, rules.building_blocks);
    plan.partitioner = rules.partitioner;
}

RunRules rules_of_plan(const LocalityPlan& plan, const std::string& plan_path) {
    RunRules rules;
    for (const BalanceRule& rule : plan.balance) rules.balance.push_back({rule.column, rule.tolerance, rule.soft});
    if (const auto found = plan.sources.find("settlements"); found != plan.sources.end()) rules.settlements = found->second;
    rules.building_blocks = building_blocks_from_plan(plan, plan_path);
    if (plan.partitioner) rules.partitioner = *plan.partitioner;
    return rules;
}

LocalityRunOptions touch_up_options(const RunRules& rules, const PlanState& state,
                                    const std::vector<std::string>& zone_ids, const std::vector<std::string>& tables) {
    LocalityRunOptions options = run_options(rules, tables);
    // A touch-up keeps a town the planner painted across a boundary where it is, unless
    // the rules say settlements are never split: towns are kept whole at a price.
    if (options.split_settlements == SettlementSplitting::automatic)
        options.split_settlements = SettlementSplitting::when_forced;
    const std::size_t k = state.locality_count();
    options.k = static_cast<int>(k);
    options.locks.assign(state.zone_count(), -1);
    options.closed.assign(k, 0);
    std::size_t closed = 0;
    for (std::size_t loc = 0; loc < k; ++loc) {
        const Locality& locality = state.localities()[loc];
        options.names.push_back(locality.name);
        if (!locality.locked) continue;
        if (state.members(loc).empty())
            throw Error(ErrorKind::bad_setting, "locality " + locality.name +
                                                    " is locked but has no zones: unlock it or paint zones into it first");
        options.closed[loc] = 1;
        ++closed;
    }
    if (closed == k) throw Error(ErrorKind::bad_setting, "every locality is locked: there is nothing to optimise");
    if (closed == 0) options.closed.clear();
    bool all_assigned = true;
    for (std::uint32_t z = 0; z < state.zone_count(); ++z) {
        if (state.locality_of(z) < 0) all_assigned = false;
        else if (state.zone_fixed(z)) options.locks[z] = state.locality_of(z); // locked zones and closed localities' zones
    }
    // A locality's hub stays in it, as it did when the plan was generated.
    for (std::size_t loc = 0; loc < k; ++loc) {
        const std::string& hub = state.localities()[loc].hub_zone;
        if (hub.empty()) continue;
        const auto at = std::find(zone_ids.begin(), zone_ids.end(), hub);
        if (at == zone_ids.end()) continue; // a hub outside the open data holds nothing here
        const auto zone = static_cast<std::uint32_t>(at - zone_ids.begin());
        // A hub the planner painted into another locality is theirs to move.
        if (state.locality_of(zone) == static_cast<int>(loc)) options.locks[zone] = static_cast<int>(loc);
    }
    if (all_assigned) {
        // Improve the plan on screen, don't start over: each zone that leaves its
        // locality costs the stay price, so only moves that pay for it are made.
        options.start = state.assignment();
        options.stay_cost = -1;
    }
    return options;
}

} // namespace lp
