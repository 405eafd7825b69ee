#pragma once
// Checks of a partition request before any search: malformed requests are refused, and
// requests no plan can meet are explained (a zone larger than a locality may be, an
// island no whole number of localities fits, locks on unconnected islands).
#include <lp/partition/partition.hpp>

#include <cstddef>
#include <string>
#include <vector>

namespace lp::detail {

// Names zones in messages by their ids, else "zone #i".
class ZoneNames {
public:
    explicit ZoneNames(const std::vector<std::string>* ids) : ids_(ids) {}
    std::string operator()(std::size_t zone) const;
    // "S01..., S01... and 3 more"
    std::string list(const std::vector<std::size_t>& zones, std::size_t shown = 3) const;

private:
    const std::vector<std::string>* ids_;
}; // class ZoneNames

// A number rounded to two decimals, without trailing zeros.
std::string number(double value);

// Throws lp::Error(bad_value / infeasible_request) naming what is wrong.
void validate(const PartitionRequest& request, const ZoneNames& name);

// Reasons, found before searching, why no plan can meet the request.
std::vector<std::string> infeasibility_reasons(const PartitionRequest& request, const std::vector<double>& mean,
                                               const ZoneNames& name);

// One sentence per group kept whole (a settlement) that is larger than one locality may
// hold on some balance layer, saying how many parts it needs at least, e.g. "settlement
// Inverness (47 zones, pop2020_total 47350) is larger than one locality may hold (mean
// 26158 + 25% = 32698), so it is split into at least 2 localities".
std::vector<std::string> split_settlement_notes(const PartitionRequest& request, const std::vector<double>& mean);

} // namespace lp::detail
