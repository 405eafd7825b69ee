#pragma once
// A plan's own balance rules (LocalityPlan::balance) measured on its data: each
// locality's total of the column and its deviation from the mean, and whether it is
// within the recorded band. Read by `check`, `report` and the viewer.
#include <lp/io/demand_table.hpp>
#include <lp/plan/locality_plan.hpp>

#include <string>
#include <vector>

namespace lp {

struct BalanceMeasure {
    BalanceRule rule;
    std::string problem;            // non-empty: the column is not in the data (nothing measured)
    double mean = 0;                // total / localities
    std::vector<double> totals;     // per plan locality
    std::vector<double> deviation;  // per plan locality: (total - mean) / mean, signed
    std::vector<bool> outside;      // per plan locality: |deviation| > tolerance
};

// One measure per rule of plan.balance; zone_ids are the data's zones in the order
// of the demand columns.
std::vector<BalanceMeasure> measure_balance(const LocalityPlan& plan, const std::vector<std::string>& zone_ids,
                                            const DemandColumns& demand);

// "pop2020_total +/-10%" (the tolerance in per cent, as few digits as it needs).
std::string describe_rule(const BalanceRule& rule);
// "+12.3%" for 0.123.
std::string format_deviation(double deviation);

// One warning line per locality outside its band, and one per rule whose column is
// missing: "warning: balance: North (L1): pop2020_total +12.3%, outside +/-10%".
std::vector<std::string> balance_warnings(const LocalityPlan& plan, const std::vector<BalanceMeasure>& measures);

} // namespace lp
