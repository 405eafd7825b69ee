#include <lp/plan/plan_balance.hpp>

#include <cmath>
#include <cstdio>
#include <unordered_map>

namespace lp {

std::vector<BalanceMeasure> measure_balance(const LocalityPlan& plan, const std::vector<std::string>& zone_ids,
                                            const DemandColumns& demand) {
    const std::vector<int> groups = zone_groups(plan, zone_ids);
    const std::size_t k = plan.localities.size();
    std::vector<BalanceMeasure> out;
    for (const auto& rule : plan.balance) {
        BalanceMeasure m;
        m.rule = rule;
        if (!demand.has(rule.column)) {
            m.problem = "column \"" + rule.column + "\" is not in the data";
            out.push_back(std::move(m));
            continue;
        }
        const auto& values = demand.column(rule.column);
        m.totals.assign(k, 0.0);
        double sum = 0;
        for (std::size_t z = 0; z < groups.size() && z < values.size(); ++z)
            if (groups[z] >= 0) {
                m.totals[static_cast<std::size_t>(groups[z])] += values[z];
                sum += values[z];
            }
        m.mean = k ? sum / static_cast<double>(k) : 0.0;
        for (std::size_t l = 0; l < k; ++l) {
            const double d = m.mean > 0 ? (m.totals[l] - m.mean) / m.mean : 0.0;
            m.deviation.push_back(d);
            m.outside.push_back(std::fabs(d) > rule.tolerance + 1e-12);
        }
        out.push_back(std::move(m));
    }
    return out;
}

namespace {
std::string trimmed(double v, int digits) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", digits, v + 0.0); // + 0.0: no "-0"
    std::string s = buffer;
    if (s.find('.') != std::string::npos) {
        while (!s.empty() && s.back() == '0') s.pop_back();
        if (!s.empty() && s.back() == '.') s.pop_back();
    }
    return s == "-0" ? "0" : s;
}

// A band as a per cent: "10", "0.5", "0" (never "-0", from a tolerance of -0), and a band too
// wide to write out ("1e+310", never "inf": the per cent of 1e308 overflows a double).
std::string band_percent(double tolerance) {
    if (!(tolerance > 0)) return "0"; // -0, and (refused on reading) a negative or NaN
    const long double percent = static_cast<long double>(tolerance) * 100.0L;
    if (percent < 1e9L) return trimmed(static_cast<double>(percent), 2);
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.3Lg", percent);
    return buffer;
}
} // namespace

std::string describe_rule(const BalanceRule& rule) {
    return rule.column + " +/-" + band_percent(rule.tolerance) + "%" + (rule.soft ? " (soft: a town kept whole may exceed it)" : "");
}

std::string format_deviation(double deviation) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%+.1f%%", deviation * 100.0);
    return buffer;
}

std::vector<std::string> balance_warnings(const LocalityPlan& plan, const std::vector<BalanceMeasure>& measures) {
    std::vector<std::string> lines;
    for (const auto& m : measures) {
        if (!m.problem.empty()) {
            lines.push_back("warning: balance " + describe_rule(m.rule) + ": " + m.problem);
            continue;
        }
        for (std::size_t l = 0; l < m.outside.size(); ++l)
            if (m.outside[l])
                lines.push_back("warning: balance: " + plan.localities[l].name + " (" + plan.localities[l].id + "): " +
                                m.rule.column + " " + format_deviation(m.deviation[l]) +
                                (m.rule.soft ? ", beyond the soft band +/-" : ", outside +/-") +
                                band_percent(m.rule.tolerance) + "%");
    }
    return lines;
}

} // namespace lp
