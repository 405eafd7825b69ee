#include <lp/plan/demand_share_table.hpp>

#include <cmath>

namespace lp {

DemandShareTable::DemandShareTable(const FunctionCatalogue& catalogue, const DemandColumns& columns,
                                   const IndicatorColumns& indicator_columns) {
    std::vector<double> deprivation;
    if (const auto q = find_demand_column(columns, indicator_columns.simd_quintile); !q.empty())
        deprivation = deprivation_weights(columns.column(q));
    for (const auto& f : catalogue.functions) {
        FunctionDemandShare s;
        s.code = f.code;
        if (f.demand.empty()) s.why_unavailable = "no demand driver in the catalogue";
        std::vector<Term> terms;
        for (const auto& term : f.demand) {
            const auto name = resolve_demand_column(columns, term.column);
            if (name.empty()) {
                s.why_unavailable = "no demand column \"" + term.column + "\"";
                break;
            }
            if (term.deprivation && deprivation.empty()) {
                s.why_unavailable = "no SIMD quintile column for the deprivation weighting";
                break;
            }
            const auto& values = columns.column(name);
            Term t;
            t.function = base_.size();
            t.weight = term.weight;
            t.zone_value.resize(values.size());
            for (std::size_t z = 0; z < values.size(); ++z)
                t.zone_value[z] = std::isfinite(values[z]) ? values[z] * (term.deprivation ? deprivation[z] : 1.0) : 0.0;
            terms.push_back(std::move(t));
        }
        if (s.why_unavailable.empty())
            for (auto& t : terms) terms_.push_back(std::move(t));
        base_.push_back(std::move(s));
    }
}

void DemandShareTable::add(std::size_t zone, int locality, double sign) {
    if (locality < 0 || static_cast<std::size_t>(locality) >= localities_) return;
    for (Term& t : terms_) {
        if (zone >= t.zone_value.size()) continue;
        const double v = sign * t.zone_value[zone];
        t.per_locality[static_cast<std::size_t>(locality)] += v;
        t.total += v;
    }
}

void DemandShareTable::update(const std::vector<int>& assignment, std::size_t localities) {
    last_moved_ = 0;
    if (localities != localities_ || assignment.size() != applied_.size()) {
        // Start again: every sum from zero.
        localities_ = localities;
        applied_.assign(assignment.size(), -1);
        for (Term& t : terms_) {
            t.per_locality.assign(localities, 0.0);
            t.total = 0;
        }
    }
    for (std::size_t z = 0; z < assignment.size(); ++z) {
        if (assignment[z] == applied_[z]) continue;
        add(z, applied_[z], -1.0);
        add(z, assignment[z], 1.0);
        applied_[z] = assignment[z];
        ++last_moved_;
    }
}

std::vector<FunctionDemandShare> DemandShareTable::shares() const {
    std::vector<FunctionDemandShare> result = base_;
    std::vector<double> weight_total(result.size(), 0.0);
    for (auto& s : result) s.share.assign(localities_, 0.0);
    for (const Term& t : terms_) {
        if (t.total <= 0) continue; // a term with no demand anywhere says nothing about shares
        auto& share = result[t.function].share;
        for (std::size_t l = 0; l < localities_; ++l) share[l] += t.weight * t.per_locality[l] / t.total;
        weight_total[t.function] += t.weight;
    }
    for (std::size_t f = 0; f < result.size(); ++f) {
        FunctionDemandShare& s = result[f];
        if (!s.why_unavailable.empty()) continue;
        if (weight_total[f] > 0) {
            for (auto& v : s.share) v /= weight_total[f];
            s.available = true;
        } else {
            s.why_unavailable = "the driver columns are zero in every locality";
            s.share.assign(localities_, 0.0);
        }
    }
    return result;
}

} // namespace lp
