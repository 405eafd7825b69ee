#include <lp/plan/locality_matching.hpp>

#include <algorithm>
#include <map>
#include <set>
#include <tuple>
#include <unordered_map>

namespace lp {

std::vector<LocalityPair> match_localities(const LocalityPlan& a, const LocalityPlan& b,
                                           const std::vector<std::string>& zone_ids, const std::vector<double>& weight) {
    std::unordered_map<std::string, std::size_t> zone_index;
    for (std::size_t z = 0; z < zone_ids.size(); ++z) zone_index.emplace(zone_ids[z], z);
    const auto weight_of = [&](const std::string& zone) {
        const auto it = zone_index.find(zone);
        if (it == zone_index.end() || it->second >= weight.size() || !(weight[it->second] >= 0)) return 1.0;
        return weight[it->second];
    };
    std::map<std::string, std::size_t> a_index, b_index;
    for (std::size_t i = 0; i < a.localities.size(); ++i) a_index.emplace(a.localities[i].id, i);
    for (std::size_t i = 0; i < b.localities.size(); ++i) b_index.emplace(b.localities[i].id, i);

    std::map<std::pair<std::size_t, std::size_t>, double> shared;
    std::vector<double> a_total(a.localities.size(), 0.0);
    for (const auto& [zone, a_id] : a.assignment) {
        const auto ia = a_index.find(a_id);
        if (ia == a_index.end()) continue;
        const double w = weight_of(zone);
        a_total[ia->second] += w;
        const auto zb = b.assignment.find(zone);
        if (zb == b.assignment.end()) continue;
        const auto ib = b_index.find(zb->second);
        if (ib != b_index.end()) shared[{ia->second, ib->second}] += w;
    }
    std::vector<std::tuple<double, std::size_t, std::size_t>> candidates;  // -shared, a, b
    for (const auto& [key, people] : shared)
        if (people > 0) candidates.emplace_back(-people, key.first, key.second);
    std::sort(candidates.begin(), candidates.end());
    std::vector<char> a_used(a.localities.size(), 0), b_used(b.localities.size(), 0);
    std::vector<LocalityPair> pairs;
    for (const auto& [negative, ia, ib] : candidates) {
        if (a_used[ia] || b_used[ib]) continue;
        a_used[ia] = b_used[ib] = 1;
        pairs.push_back({a.localities[ia].id, b.localities[ib].id, -negative, a_total[ia]});
    }
    std::sort(pairs.begin(), pairs.end(),
              [&](const LocalityPair& x, const LocalityPair& y) { return a_index[x.a_id] < a_index[y.a_id]; });
    return pairs;
}

LocalityPlan renumbered_as(const LocalityPlan& a, const std::vector<LocalityPair>& pairs, const LocalityPlan& b) {
    std::map<std::string, std::string> new_id;
    std::set<std::string> taken;
    for (const Locality& l : b.localities) taken.insert(l.id);
    for (const LocalityPair& p : pairs) new_id[p.a_id] = p.b_id;
    for (const Locality& l : a.localities) {
        if (new_id.count(l.id)) continue;
        std::string id = l.id;
        while (taken.count(id)) id += '\'';
        new_id[l.id] = id;
        taken.insert(id);
    }
    const auto renamed = [&](const std::string& id) {
        const auto it = new_id.find(id);
        return it == new_id.end() ? id : it->second;
    };
    LocalityPlan out = a;
    for (Locality& l : out.localities) l.id = renamed(l.id);
    for (auto& [zone, locality] : out.assignment) locality = renamed(locality);
    out.arrangements.clear();
    for (const auto& [function, per_locality] : a.arrangements) {
        for (const auto& [locality, arrangement] : per_locality) {
            Arrangement moved = arrangement;
            if (!moved.hosted_by.empty()) moved.hosted_by = renamed(moved.hosted_by);
            out.arrangements[function][renamed(locality)] = moved;
        }
    }
    return out;
}

} // namespace lp
