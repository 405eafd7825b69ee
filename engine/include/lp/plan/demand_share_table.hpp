#pragma once
// Each integration function's demand share per locality, kept up to date as zones move:
// the per-zone weight of every demand term is worked out once, the per-locality sums are
// then changed only by the zones whose locality changed since the last update. What the
// viewer's Functions panel reads after every edit, and what function_demand_shares()
// computes for a plan file (one implementation, tested against a fresh count).
#include <lp/io/demand_table.hpp>
#include <lp/plan/function_catalogue.hpp>
#include <lp/plan/locality_indicators.hpp>

#include <cstddef>
#include <string>
#include <vector>

namespace lp {

class DemandShareTable {
public:
    DemandShareTable(const FunctionCatalogue& catalogue, const DemandColumns& columns,
                     const IndicatorColumns& indicator_columns = {});

    // Brings the sums to `assignment` (a locality index 0..localities-1 per zone, -1 or
    // anything else: none). Zones that kept their locality since the last update cost
    // nothing; a different number of localities or zones starts the sums again.
    void update(const std::vector<int>& assignment, std::size_t localities);

    // Per catalogue function, as function_demand_shares() defines them.
    std::vector<FunctionDemandShare> shares() const;

    // Zones whose locality the last update() applied (all of them when it started again).
    std::size_t last_moved() const { return last_moved_; }

private:
    struct Term {
        std::size_t function = 0;
        double weight = 1.0;
        std::vector<double> zone_value;   // per zone: value x deprivation weight (0 for none)
        std::vector<double> per_locality;
        double total = 0;                 // over zones in a locality
    }; // struct Term

    void add(std::size_t zone, int locality, double sign);

    std::vector<FunctionDemandShare> base_;   // code, why unavailable; shares filled by shares()
    std::vector<Term> terms_;
    std::vector<int> applied_;                // the assignment the sums hold
    std::size_t localities_ = 0;
    std::size_t last_moved_ = 0;
}; // class DemandShareTable

} // namespace lp
