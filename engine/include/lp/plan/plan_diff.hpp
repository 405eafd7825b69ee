#pragma once
// What changed between two plans of the same area: which zones moved, and how each
// locality's zone count, population and demand changed.
#include <lp/io/demand_table.hpp>
#include <lp/plan/locality_plan.hpp>

#include <string>
#include <vector>

namespace lp {

struct ZoneMove {
    std::string zone;
    std::string from;   // locality id in plan A ("" when A leaves the zone unassigned)
    std::string to;     // locality id in plan B ("" when B leaves it unassigned)
};

struct LocalityChange {
    std::string id;
    std::string name;                // B's name when B has the locality, else A's
    bool in_a = false;
    bool in_b = false;
    std::size_t zones_a = 0;
    std::size_t zones_b = 0;
    std::vector<double> totals_a;    // per DiffResult::columns
    std::vector<double> totals_b;
}; // struct LocalityChange

struct PlanDiff {
    std::vector<ZoneMove> moved;     // sorted by zone id
    std::vector<std::string> columns;
    std::vector<LocalityChange> localities;  // A's order, then localities only B has
    std::vector<std::string> renamed;        // "L1: North -> North East"
    bool same_assignment() const { return moved.empty(); }
}; // struct PlanDiff

// Localities are matched by id. Totals are sums of the named columns over the zones
// each plan assigns to the locality (zone_ids aligned with the columns; zones that
// are not in zone_ids count for moves but not for totals).
PlanDiff diff_plans(const LocalityPlan& a, const LocalityPlan& b, const std::vector<std::string>& zone_ids = {},
                    const DemandColumns* demand = nullptr, const std::vector<std::string>& columns = {});

// Text: moves one per line, then the locality table (diff_table_csv).
std::string format_diff(const PlanDiff& diff);
// The locality table as CSV: zones and each column's totals in A and B, and the change.
std::string diff_table_csv(const PlanDiff& diff);

} // namespace lp
