#include <lp/plan/plan_diff.hpp>

#include <lp/io/csv_table.hpp>

#include <cmath>
#include <cstdio>
#include <map>
#include <set>
#include <sstream>

namespace lp {

namespace {

std::string number(double v) {
    char buffer[64];
    if (std::fabs(v - std::round(v)) < 1e-9) std::snprintf(buffer, sizeof buffer, "%.0f", v);
    else std::snprintf(buffer, sizeof buffer, "%.2f", v);
    return buffer;
}

std::string signed_number(double v) {
    std::string s = number(v);
    if (v > 0) s.insert(s.begin(), '+');
    return s;
}

} // namespace

PlanDiff diff_plans(const LocalityPlan& a, const LocalityPlan& b, const std::vector<std::string>& zone_ids,
                    const DemandColumns* demand, const std::vector<std::string>& columns) {
    PlanDiff diff;
    std::set<std::string> zones;
    for (const auto& [z, l] : a.assignment) zones.insert(z);
    for (const auto& [z, l] : b.assignment) zones.insert(z);
    for (const auto& z : zones) {
        auto ia = a.assignment.find(z);
        auto ib = b.assignment.find(z);
        const std::string from = ia == a.assignment.end() ? "" : ia->second;
        const std::string to = ib == b.assignment.end() ? "" : ib->second;
        if (from != to) diff.moved.push_back({z, from, to});
    }

    std::map<std::string, std::size_t> index;
    auto locality = [&](const Locality& l) -> LocalityChange& {
        auto [it, inserted] = index.emplace(l.id, diff.localities.size());
        if (inserted) {
            LocalityChange c;
            c.id = l.id;
            diff.localities.push_back(std::move(c));
        }
        return diff.localities[it->second];
    };
    for (const auto& l : a.localities) {
        auto& c = locality(l);
        c.in_a = true;
        c.name = l.name;
    }
    for (const auto& l : b.localities) {
        auto& c = locality(l);
        if (c.in_a && c.name != l.name) diff.renamed.push_back(l.id + ": " + c.name + " -> " + l.name);
        c.in_b = true;
        c.name = l.name;
    }

    if (demand)
        for (const auto& name : columns)
            if (demand->has(name)) diff.columns.push_back(name);
    for (auto& c : diff.localities) {
        c.totals_a.assign(diff.columns.size(), 0.0);
        c.totals_b.assign(diff.columns.size(), 0.0);
    }
    for (const auto& [z, l] : a.assignment)
        if (auto it = index.find(l); it != index.end()) ++diff.localities[it->second].zones_a;
    for (const auto& [z, l] : b.assignment)
        if (auto it = index.find(l); it != index.end()) ++diff.localities[it->second].zones_b;
    if (demand) {
        for (std::size_t col = 0; col < diff.columns.size(); ++col) {
            const auto& values = demand->column(diff.columns[col]);
            for (std::size_t z = 0; z < zone_ids.size() && z < values.size(); ++z) {
                if (!std::isfinite(values[z])) continue;
                if (auto ia = a.assignment.find(zone_ids[z]); ia != a.assignment.end())
                    if (auto it = index.find(ia->second); it != index.end()) diff.localities[it->second].totals_a[col] += values[z];
                if (auto ib = b.assignment.find(zone_ids[z]); ib != b.assignment.end())
                    if (auto it = index.find(ib->second); it != index.end()) diff.localities[it->second].totals_b[col] += values[z];
            }
        }
    }
    return diff;
}

std::string format_diff(const PlanDiff& diff) {
    std::ostringstream out;
    out << diff.moved.size() << (diff.moved.size() == 1 ? " zone moved" : " zones moved") << "\n";
    for (const auto& m : diff.moved)
        out << "  " << m.zone << ": " << (m.from.empty() ? "(unassigned)" : m.from) << " -> "
            << (m.to.empty() ? "(unassigned)" : m.to) << "\n";
    for (const auto& r : diff.renamed) out << "renamed " << r << "\n";
    return out.str() + diff_table_csv(diff);
}

std::string diff_table_csv(const PlanDiff& diff) {
    std::vector<std::string> header{"locality", "name", "in", "zones A", "zones B", "zones change"};
    for (const auto& c : diff.columns)
        for (const char* suffix : {" A", " B", " change"}) header.push_back(c + suffix);
    std::string out = csv_line(header);
    for (const auto& l : diff.localities) {
        std::vector<std::string> row{l.id, l.name, l.in_a && l.in_b ? "both" : l.in_a ? "A only" : "B only",
                                     std::to_string(l.zones_a), std::to_string(l.zones_b),
                                     signed_number(double(l.zones_b) - double(l.zones_a))};
        for (std::size_t c = 0; c < diff.columns.size(); ++c) {
            row.push_back(number(l.totals_a[c]));
            row.push_back(number(l.totals_b[c]));
            row.push_back(signed_number(l.totals_b[c] - l.totals_a[c]));
        }
        out += csv_line(row);
    }
    return out;
}

} // namespace lp
