#include <lp/core/error.hpp>
#include <lp/io/csv_table.hpp>
#include <lp/plan/plan_rebase.hpp>

#include "core/disjoint_sets.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <set>
#include <sstream>

namespace lp {

std::size_t RebaseResult::straddling(double threshold) const {
    std::size_t n = 0;
    for (const auto& s : shares)
        if (!s.empty() && s.front().share < threshold) ++n;
    return n;
}

namespace {

// How the old plan's localities hold each new zone, before any repair.
struct Holding {
    std::vector<double> weight;                   // per new zone: people (or area) it takes from the plan
    std::vector<std::vector<RebaseShare>> shares; // per new zone, largest first
};

Holding holding(const RebaseInput& in, const std::vector<int>& old_group, const std::vector<double>& covered,
                bool by_people, std::size_t locality_count) {
    Holding h;
    h.weight.assign(in.new_zone_ids.size(), 0.0);
    h.shares.resize(in.new_zone_ids.size());
    std::vector<double> per_locality(locality_count);
    for (std::size_t n = 0; n < in.new_zone_ids.size(); ++n) {
        const auto weigh = [&](bool people) {
            std::fill(per_locality.begin(), per_locality.end(), 0.0);
            double total = 0;
            for (const ZoneOverlap& o : in.overlaps[n]) {
                const int l = old_group[o.zone];
                if (l < 0) continue; // an old zone outside the plan
                const double w = people ? in.old_population[o.zone] * o.area / covered[o.zone] : o.area;
                per_locality[static_cast<std::size_t>(l)] += w;
                total += w;
            }
            return total;
        };
        double total = weigh(by_people);
        if (by_people && total <= 0) total = weigh(false); // nobody lives there: the area decides
        h.weight[n] = total;
        if (total <= 0) continue;
        auto& s = h.shares[n];
        for (std::size_t l = 0; l < locality_count; ++l)
            if (per_locality[l] > 0) s.push_back({static_cast<int>(l), per_locality[l] / total});
        // Largest first; shares equal to rounding go to the first locality of the plan.
        std::stable_sort(s.begin(), s.end(), [](const RebaseShare& a, const RebaseShare& b) {
            return a.share > b.share + 1e-12;
        });
    }
    return h;
}

double share_of(const std::vector<RebaseShare>& shares, int locality) {
    for (const auto& s : shares)
        if (s.locality == locality) return s.share;
    return 0;
}

std::string metres(double m) {
    char text[32];
    std::snprintf(text, sizeof text, "%.0f m", m);
    return text;
}

struct Bridge {
    std::size_t zone = static_cast<std::size_t>(-1);
    double cost = 0; // weight placed outside the locality holding it by the move
};

// Whether the zones of `locality` stay in as many pieces without `zone` as with it.
bool stays_whole_without(const ContiguityGraph& graph, const std::vector<int>& part, int locality, std::size_t zone) {
    detail::DisjointSets with(part.size()), without(part.size());
    for (const GraphEdge& e : graph.edges()) {
        if (part[e.a] != locality || part[e.b] != locality) continue;
        with.unite(e.a, e.b);
        if (e.a != zone && e.b != zone) without.unite(e.a, e.b);
    }
    std::size_t before = 0, after = 0;
    for (std::size_t z = 0; z < part.size(); ++z) {
        if (part[z] != locality) continue;
        if (with.find(z) == z) ++before;
        if (z != zone && without.find(z) == z) ++after;
    }
    return after <= before && after > 0;
}

// The cheapest zone of another locality that touches both the stray piece and its locality's
// main piece, overlaps the locality, and can leave its own locality without cutting it.
Bridge best_bridge(const ContiguityGraph& graph, const Holding& held, const std::vector<int>& part,
                   detail::DisjointSets& sets, const std::vector<std::size_t>& piece, std::size_t main_root) {
    const int locality = part[piece.front()];
    Bridge best;
    for (const std::size_t z : piece)
        for (const auto& adj : graph.neighbours(static_cast<std::uint32_t>(z))) {
            const std::size_t b = adj.zone;
            const int other = part[b];
            if (other < 0 || other == locality || share_of(held.shares[b], locality) <= 0) continue;
            bool touches_main = false;
            for (const auto& next : graph.neighbours(static_cast<std::uint32_t>(b)))
                touches_main = touches_main || (part[next.zone] == locality && sets.find(next.zone) == main_root);
            if (!touches_main) continue;
            const double cost =
                held.weight[b] * (share_of(held.shares[b], other) - share_of(held.shares[b], locality));
            if (best.zone != static_cast<std::size_t>(-1) && cost >= best.cost) continue;
            if (!stays_whole_without(graph, part, other, b)) continue;
            best = {b, cost};
        }
    return best;
}

// Makes each locality one piece of the new layer's graph (crossings count as joins, as the
// statutory check allows them): every piece but the one holding most of the locality's
// weight goes to the neighbouring locality it shares the longest border with, smallest
// piece first, unless giving the locality back one straddling zone that joins the piece to
// its main piece places fewer people outside the locality holding them. Each move joins a
// piece to another without cutting one, so the pieces only ever get fewer.
void repair_contiguity(const ContiguityGraph& graph, const Holding& held, const LocalityPlan& plan,
                       std::vector<int>& part, std::vector<RebaseMove>& moves) {
    const std::size_t n = part.size();
    for (;;) {
        detail::DisjointSets sets(n);
        for (const GraphEdge& e : graph.edges())
            if (part[e.a] == part[e.b]) sets.unite(e.a, e.b);
        std::map<std::size_t, std::vector<std::size_t>> pieces; // root -> zones
        for (std::size_t z = 0; z < n; ++z) pieces[sets.find(z)].push_back(z);
        const auto piece_weight = [&](const std::vector<std::size_t>& zones) {
            double w = 0;
            for (const std::size_t z : zones) w += held.weight[z] * share_of(held.shares[z], part[z]);
            return w;
        };
        // The main piece of each locality: most weight, then most zones, then the first.
        std::map<int, std::size_t> main_piece;
        std::map<std::size_t, double> weight_of;
        for (const auto& [root, zones] : pieces) {
            weight_of[root] = piece_weight(zones);
            const int l = part[zones.front()];
            if (l < 0) continue;
            auto it = main_piece.find(l);
            if (it == main_piece.end()) {
                main_piece[l] = root;
                continue;
            }
            const auto& current = pieces[it->second];
            const double wc = weight_of[it->second];
            const double wn = weight_of[root];
            if (wn > wc || (wn == wc && zones.size() > current.size())) it->second = root;
        }
        // The lightest stray piece that borders another locality.
        const std::vector<std::size_t>* chosen = nullptr;
        int target = -1;
        double border = 0;
        for (const auto& [root, zones] : pieces) {
            const int l = part[zones.front()];
            if (l >= 0 && main_piece[l] == root) continue;
            std::map<int, double> length; // neighbouring locality -> border (a crossing counts a little)
            for (const std::size_t z : zones)
                for (const auto& adj : graph.neighbours(static_cast<std::uint32_t>(z))) {
                    const int other = part[adj.zone];
                    if (other < 0 || other == l) continue;
                    length[other] += std::max(graph.edges()[adj.edge].shared_length, 1e-6);
                }
            if (length.empty()) continue; // bordered by unplaced zones only: after them
            const auto best = std::max_element(length.begin(), length.end(), [](const auto& a, const auto& b) {
                return a.second < b.second; // first of equals: the lower locality
            });
            if (!chosen || weight_of[root] < weight_of[sets.find(chosen->front())]) {
                chosen = &zones;
                target = best->first;
                border = best->second;
            }
        }
        if (!chosen) return;
        const int from = part[chosen->front()];
        if (from >= 0) {
            // Sometimes one straddling zone of another locality is all that parts the piece from
            // its locality: giving it back places fewer people outside the locality holding them.
            const Bridge bridge = best_bridge(graph, held, part, sets, *chosen, main_piece[from]);
            double piece_cost = 0;
            for (const std::size_t z : *chosen)
                piece_cost += held.weight[z] * (share_of(held.shares[z], from) - share_of(held.shares[z], target));
            if (bridge.zone < n && bridge.cost < piece_cost) {
                char pct[32];
                std::snprintf(pct, sizeof pct, "%.1f%%", 100 * share_of(held.shares[bridge.zone], from));
                moves.push_back({bridge.zone, part[bridge.zone], from,
                                 "joins the pieces of " + plan.localities[from].name + ", which holds " + pct + " of it"});
                part[bridge.zone] = from;
                continue;
            }
        }
        const std::string why =
            from < 0 ? "overlaps no zone of the plan; shares " + metres(border) + " of border with " +
                           plan.localities[target].name
                     : "cut off from the main piece of " + plan.localities[from].name + "; shares " + metres(border) +
                           " of border with " + plan.localities[target].name;
        for (const std::size_t z : *chosen) {
            moves.push_back({z, from, target, why});
            part[z] = target;
        }
    }
}

} // namespace

RebaseResult rebase_plan(const LocalityPlan& plan, const RebaseInput& in) {
    const std::size_t old_count = in.old_zone_ids.size();
    const std::size_t new_count = in.new_zone_ids.size();
    const std::size_t k = plan.localities.size();
    if (in.overlaps.size() != new_count || (!in.old_population.empty() && in.old_population.size() != old_count) ||
        in.carried_names.size() != in.carried_old.size() || (in.new_graph && in.new_graph->size() != new_count))
        throw Error(ErrorKind::bad_value, "rebase: overlaps, populations or graph do not match the zone layers");
    for (const auto& column : in.carried_old)
        if (column.size() != old_count) throw Error(ErrorKind::bad_value, "rebase: a carried column does not match the old layer");
    for (const auto& list : in.overlaps)
        for (const auto& o : list)
            if (o.zone >= old_count) throw Error(ErrorKind::bad_value, "rebase: an overlap names no old zone");

    RebaseResult r;
    const std::vector<int> old_group = zone_groups(plan, in.old_zone_ids);
    // The part of each old zone the new layer covers: its people and counts spread over that,
    // so a new layer clipped to a different coastline still carries everyone.
    std::vector<double> covered(old_count, 0.0);
    for (const auto& list : in.overlaps)
        for (const auto& o : list) covered[o.zone] += o.area;
    double people = 0;
    for (std::size_t o = 0; o < old_count && !in.old_population.empty(); ++o)
        if (old_group[o] >= 0) people += in.old_population[o];
    r.population_weighted = people > 0;

    const Holding held = holding(in, old_group, covered, r.population_weighted, k);
    r.shares = held.shares;
    r.majority.assign(new_count, -1);
    for (std::size_t n = 0; n < new_count; ++n)
        if (!held.shares[n].empty()) r.majority[n] = held.shares[n].front().locality;
    std::vector<int> part = r.majority;

    // A locality that holds most of no new zone keeps the zone it holds most of, so none vanishes.
    std::vector<std::size_t> count(k, 0);
    for (const int l : part)
        if (l >= 0) ++count[static_cast<std::size_t>(l)];
    for (std::size_t l = 0; l < k; ++l) {
        if (count[l] > 0) continue;
        std::size_t best = new_count;
        double best_share = 0;
        for (std::size_t n = 0; n < new_count; ++n) {
            const double s = share_of(held.shares[n], static_cast<int>(l));
            if (s > best_share && (part[n] < 0 || count[static_cast<std::size_t>(part[n])] > 1)) {
                best = n;
                best_share = s;
            }
        }
        if (best == new_count) {
            r.warnings.push_back("locality " + plan.localities[l].name + " (" + plan.localities[l].id +
                                 ") overlaps no zone of the new layer and is left empty");
            continue;
        }
        char pct[32];
        std::snprintf(pct, sizeof pct, "%.1f%%", 100 * best_share);
        r.moves.push_back({best, part[best], static_cast<int>(l),
                           "the zone " + plan.localities[l].name + " holds most of (" + pct +
                               "); it would otherwise have none"});
        if (part[best] >= 0) --count[static_cast<std::size_t>(part[best])];
        part[best] = static_cast<int>(l);
        ++count[l];
    }
    if (in.new_graph) repair_contiguity(*in.new_graph, held, plan, part, r.moves);
    r.locality_of_new_zone = part;

    for (std::size_t o = 0; o < old_count; ++o)
        if (old_group[o] >= 0 && covered[o] <= 0) r.uncovered_old.push_back(o);

    const std::size_t columns = in.carried_names.size();
    r.carried_names = in.carried_names;
    r.carried_new.assign(columns, std::vector<double>(new_count, 0.0));
    r.before.assign(columns, std::vector<double>(k, 0.0));
    r.after.assign(columns, std::vector<double>(k, 0.0));
    r.moved_out.assign(columns, std::vector<double>(k, 0.0));
    r.moved_in.assign(columns, std::vector<double>(k, 0.0));
    for (std::size_t c = 0; c < columns; ++c) {
        for (std::size_t o = 0; o < old_count; ++o)
            if (old_group[o] >= 0) r.before[c][static_cast<std::size_t>(old_group[o])] += in.carried_old[c][o];
        for (std::size_t n = 0; n < new_count; ++n) {
            double v = 0;
            for (const ZoneOverlap& o : in.overlaps[n]) {
                const int was = old_group[o.zone];
                if (was < 0) continue;
                const double part_value = in.carried_old[c][o.zone] * o.area / covered[o.zone];
                v += part_value;
                if (part[n] >= 0 && part[n] != was) {
                    r.moved_out[c][static_cast<std::size_t>(was)] += part_value;
                    r.moved_in[c][static_cast<std::size_t>(part[n])] += part_value;
                }
            }
            r.carried_new[c][n] = v;
            if (part[n] >= 0) r.after[c][static_cast<std::size_t>(part[n])] += v;
        }
    }
    r.after_from.assign(columns, "old zones' values spread by area");
    r.zones_before.assign(k, 0);
    r.zones_after.assign(k, 0);
    for (const int l : old_group)
        if (l >= 0) ++r.zones_before[static_cast<std::size_t>(l)];
    for (const int l : part)
        if (l >= 0) ++r.zones_after[static_cast<std::size_t>(l)];

    r.plan = plan;
    r.plan.assignment.clear();
    for (std::size_t n = 0; n < new_count; ++n)
        if (part[n] >= 0) r.plan.assignment[in.new_zone_ids[n]] = plan.localities[static_cast<std::size_t>(part[n])].id;
    for (std::size_t n = 0; n < new_count; ++n)
        if (part[n] < 0)
            r.warnings.push_back("zone " + in.new_zone_ids[n] +
                                 " overlaps no zone of the plan and borders no locality: left unassigned");
    if (!plan.locked_zones.empty()) {
        r.warnings.push_back(std::to_string(plan.locked_zones.size()) +
                             " locked zones name zones of the old layer: not carried (lock zones of the new layer again)");
        r.plan.locked_zones.clear();
    }
    if (!plan.crossings.empty()) {
        r.warnings.push_back(std::to_string(plan.crossings.size()) +
                             " recorded crossings join zones of the old layer: not carried (record them for the new "
                             "layer again)");
        r.plan.crossings.clear();
    }
    if (!r.uncovered_old.empty())
        r.warnings.push_back(std::to_string(r.uncovered_old.size()) + " zones of the plan (first " +
                             in.old_zone_ids[r.uncovered_old.front()] +
                             ") overlap no zone of the new layer: their counts are not carried");
    return r;
}

namespace {

std::string number(double v) {
    if (std::fabs(v) < 5e-7) return "0"; // rounding leaves -0.000000 where nothing changed
    if (v == std::floor(v) && std::fabs(v) < 1e15) return std::to_string(static_cast<long long>(v));
    char text[40];
    std::snprintf(text, sizeof text, "%.6f", v);
    std::string s = text;
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
    return s;
}

} // namespace

std::string rebase_impact_csv(const RebaseResult& r, const std::vector<std::string>& new_zone_ids) {
    std::ostringstream out;
    out << "record,zone,locality,locality_name,measure,before,after,change,left,joined,share,note\n";
    const auto& localities = r.plan.localities;
    for (std::size_t l = 0; l < localities.size(); ++l) {
        out << csv_line({"locality", "", localities[l].id, localities[l].name, "zones",
                         number(static_cast<double>(r.zones_before[l])), number(static_cast<double>(r.zones_after[l])),
                         number(static_cast<double>(r.zones_after[l]) - static_cast<double>(r.zones_before[l])), "",
                         "", "", ""});
        for (std::size_t c = 0; c < r.carried_names.size(); ++c)
            out << csv_line({"locality", "", localities[l].id, localities[l].name, r.carried_names[c],
                             number(r.before[c][l]), number(r.after[c][l]), number(r.after[c][l] - r.before[c][l]),
                             number(r.moved_out[c][l]), number(r.moved_in[c][l]), "", r.after_from[c]});
    }
    for (std::size_t n = 0; n < r.shares.size(); ++n) {
        if (r.shares[n].empty() || r.shares[n].front().share >= RebaseResult::straddle_threshold) continue;
        for (const RebaseShare& s : r.shares[n]) {
            const Locality& l = localities[static_cast<std::size_t>(s.locality)];
            out << csv_line({"straddle", new_zone_ids[n], l.id, l.name, "share", "", "", "", "", "", number(s.share),
                             s.locality == r.locality_of_new_zone[n] ? "assigned" : ""});
        }
    }
    for (const RebaseMove& m : r.moves) {
        const Locality& l = localities[static_cast<std::size_t>(m.to)];
        out << csv_line({"repair", new_zone_ids[m.zone], l.id, l.name, "moved", "", "", "", "", "", "", m.why});
    }
    return out.str();
}

RebaseImpact read_rebase_impact(const std::string& path) {
    const CsvTable table = read_csv_file(path);
    std::vector<std::size_t> at;
    for (const char* name : {"record", "zone", "locality", "locality_name", "measure", "before", "after"}) {
        const auto c = table.column(name);
        if (!c) throw Error(ErrorKind::bad_value, path + ": no column " + name + " (not a rebase impact table)");
        at.push_back(*c);
    }
    const auto value = [&](const std::vector<std::string>& row, std::size_t i, std::size_t line) {
        const std::string& text = at[i] < row.size() ? row[at[i]] : std::string{};
        char* end = nullptr;
        const double v = std::strtod(text.c_str(), &end);
        if (text.empty() || *end)
            throw Error(ErrorKind::bad_value, path + ": line " + std::to_string(line) + ": \"" + text + "\" is not a number");
        return v;
    };
    RebaseImpact impact;
    std::set<std::string> straddling;
    std::set<std::string> repaired;
    for (std::size_t i = 0; i < table.rows.size(); ++i) {
        const auto& row = table.rows[i];
        const auto field = [&](std::size_t f) { return at[f] < row.size() ? row[at[f]] : std::string{}; };
        const std::string record = field(0);
        if (record == "locality")
            impact.localities.push_back({field(2), field(3), field(4), value(row, 5, table.row_lines[i]),
                                         value(row, 6, table.row_lines[i])});
        else if (record == "straddle")
            straddling.insert(field(1));
        else if (record == "repair")
            repaired.insert(field(1));
    }
    impact.straddling_zones = straddling.size();
    impact.repaired_zones = repaired.size();
    return impact;
}

} // namespace lp
