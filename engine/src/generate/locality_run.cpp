#include <lp/core/error.hpp>
#include <lp/generate/locality_run.hpp>
#include <lp/generate/run_rules.hpp>
#include <lp/geometry/dissolve.hpp>
#include <lp/plan/assignment_csv.hpp>
#include <lp/plan/locality_colours.hpp>
#include <lp/plan/locality_plan.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <limits>
#include <map>
#include <sstream>

namespace lp {

CutCostKind parse_cut_cost(const std::string& text) {
    if (text == "people") return CutCostKind::people;
    if (text == "length") return CutCostKind::length;
    throw Error(ErrorKind::bad_setting, "cut cost " + text + ": expected people or length");
}

BlockMode parse_block_mode(const std::string& text) {
    if (text == "soft") return BlockMode::soft;
    if (text == "hard") return BlockMode::hard;
    throw Error(ErrorKind::bad_setting, "block mode " + text + ": expected soft or hard");
}

namespace {

// The column counting people: named, else the first balanced total population.
std::string population_column(const Dataset& data, const LocalityRunOptions& options) {
    if (!options.population.empty()) {
        data.demand.column(options.population); // throws naming the columns there are
        return options.population;
    }
    std::vector<std::string> columns;
    for (const auto& spec : options.balance) columns.push_back(spec.column);
    return population_among(columns);
}

// The area's own name, when every zone gives the same one (ca_name, hscp_name).
std::string area_name_of(const Dataset& data) {
    for (const char* field : {"hscp_name", "ca_name"})
        if (const auto* values = data.zones.field(field); values && !values->empty() &&
                                                          std::all_of(values->begin(), values->end(),
                                                                      [&](const std::string& v) { return v == values->front(); }))
            return values->front();
    return {};
}

} // namespace

std::string population_among(const std::vector<std::string>& balanced_columns) {
    for (const auto& column : balanced_columns)
        if (column.find("pop") != std::string::npos && column.find("total") != std::string::npos) return column;
    for (const auto& column : balanced_columns)
        if (column.find("pop") != std::string::npos) return column;
    return {};
}

std::string area_name(const Dataset& data) { return area_name_of(data); }

std::vector<int> keep_whole_groups(const Dataset& data, const std::string& field,
                                   const std::vector<std::string>& tables) {
    const std::vector<std::string> values = zone_text_column(data, field, tables);
    if (values.empty())
        throw Error(ErrorKind::field_not_found, "keep-whole field " + field + ": neither " + data.zones.source +
                                                   " nor any demand table has that column");
    std::map<std::string, int> numbers;
    std::vector<int> groups(values.size(), -1);
    for (std::size_t zone = 0; zone < values.size(); ++zone)
        if (!values[zone].empty())
            groups[zone] = numbers.emplace(values[zone], static_cast<int>(numbers.size())).first->second;
    return groups;
}

namespace {

// 81698 -> "81,698": figures a planner reads.
std::string grouped(double value) {
    const long long whole = std::llround(value);
    std::string digits = std::to_string(whole < 0 ? -whole : whole);
    for (int i = static_cast<int>(digits.size()) - 3; i > 0; i -= 3) digits.insert(static_cast<std::size_t>(i), ",");
    return (whole < 0 ? "-" : "") + digits;
}

// The town each zone moves with when settlements are never split (-1: none). A settlement
// is one town across a gap of up to 250 m (a river through Inverness or Wick), which the
// contiguity graph may not join; its parts are joined here by the fewest zones between
// them, which move with the town, so the town is one connected block whose parts no search
// can separate to ease a soft band. Parts no path joins (islands) stay apart.
std::vector<int> towns_bridged(const ContiguityGraph& graph, const Settlements& settlements,
                               const std::vector<char>& splittable) {
    const std::size_t n = settlements.groups.of_zone.size();
    std::vector<int> town(n, -1);
    for (std::size_t zone = 0; zone < n; ++zone) {
        const int s = settlements.groups.of_zone[zone];
        if (s >= 0 && !splittable[s]) town[zone] = s;
    }
    std::vector<int> reached(n, -1); // stamp: the settlement whose search reached the zone
    std::vector<int> previous(n, -1);
    for (std::size_t s = 0; s < settlements.zones.size(); ++s) {
        if (splittable[s] || settlements.zones[s].size() < 2) continue;
        const int id = static_cast<int>(s);
        for (;;) {
            // The part holding the first zone, grown through the town's own zones.
            std::vector<std::uint32_t> part{static_cast<std::uint32_t>(settlements.zones[s].front())};
            std::vector<char> in_part(n, 0);
            in_part[part.front()] = 1;
            for (std::size_t head = 0; head < part.size(); ++head)
                for (const auto& next : graph.neighbours(part[head]))
                    if (town[next.zone] == id && !in_part[next.zone]) {
                        in_part[next.zone] = 1;
                        part.push_back(next.zone);
                    }
            std::size_t in_town = 0;
            for (std::size_t zone = 0; zone < n; ++zone) in_town += town[zone] == id;
            if (part.size() == in_town) break;
            // Breadth-first from the part through zones of no other town to another part.
            std::vector<std::uint32_t> queue = part;
            for (const auto zone : part) {
                reached[zone] = id;
                previous[zone] = -1;
            }
            int found = -1;
            for (std::size_t head = 0; head < queue.size() && found < 0; ++head)
                for (const auto& next : graph.neighbours(queue[head])) {
                    const auto zone = next.zone;
                    if (reached[zone] == id || (town[zone] >= 0 && town[zone] != id)) continue;
                    reached[zone] = id;
                    previous[zone] = static_cast<int>(queue[head]);
                    if (town[zone] == id) {
                        found = static_cast<int>(zone);
                        break;
                    }
                    queue.push_back(zone);
                }
            if (found < 0) break; // an island of the town: it stays a part of its own
            for (int zone = previous[found]; zone >= 0 && !in_part[zone]; zone = previous[zone]) town[zone] = id;
            // Stamps of this search must not block the next one's.
            for (const auto zone : queue) reached[zone] = -1;
            reached[found] = -1;
        }
    }
    return town;
}

// Blocks for a run whose settlements are never split: each settlement one block (but one
// holding two or more hubs, which the planner asked to divide), then hard building blocks,
// then every other zone a block of its own.
void settlements_as_blocks(const ContiguityGraph& graph, const LocalityRun& run, const std::vector<char>& splittable,
                           PartitionRequest& request) {
    const auto& settlements = *run.settlements;
    const std::size_t n = settlements.groups.of_zone.size();
    const int settlement_count = static_cast<int>(settlements.zones.size());
    const bool wards = !request.hard_blocks.empty();
    const int ward_count = wards ? static_cast<int>(run.blocks->block_names.size()) : 0;
    std::vector<int> block(n);
    std::vector<std::string> names(static_cast<std::size_t>(settlement_count + ward_count));
    std::vector<std::string> kinds(names.size());
    for (int s = 0; s < settlement_count; ++s) {
        names[s] = s < static_cast<int>(settlements.groups.names.size()) ? settlements.groups.names[s] : "";
        kinds[s] = "settlement";
    }
    for (int w = 0; w < ward_count; ++w) {
        names[settlement_count + w] = run.blocks->block_names[w];
        kinds[settlement_count + w] = "building block";
    }
    const std::vector<int> town = towns_bridged(graph, settlements, splittable);
    for (std::size_t zone = 0; zone < n; ++zone) {
        const int s = town[zone];
        if (s >= 0) block[zone] = s;
        else if (wards && request.hard_blocks[zone] >= 0) block[zone] = settlement_count + request.hard_blocks[zone];
        else {
            block[zone] = static_cast<int>(names.size());
            names.push_back("zone #" + std::to_string(zone));
            kinds.push_back("zone");
        }
    }
    request.hard_blocks = std::move(block);
    request.hard_block_names = std::move(names);
    request.hard_block_kinds = std::move(kinds);
}

// Why each locality beyond a soft band is there: a settlement larger than the band kept
// whole in it, or, for the others, the share such a locality takes from them.
std::vector<BalanceExcess> explain_excesses(const LocalityRun& run) {
    std::vector<BalanceExcess> excesses;
    const auto& stats = run.result.stats;
    const auto& assignment = run.result.assignment;
    for (std::size_t l = 0; l < run.balance.size(); ++l) {
        const BalanceLayer& layer = run.balance[l];
        if (!layer.soft) continue;
        const double mean = stats.means[l];
        const double upper = mean * (1 + layer.tolerance);
        // Settlements larger than the band, kept whole in one locality.
        std::vector<std::vector<int>> whole_in(run.k); // locality -> settlements
        if (run.settlements)
            for (std::size_t s = 0; s < run.settlements->zones.size(); ++s) {
                const auto& zones = run.settlements->zones[s];
                if (zones.empty()) continue;
                double total = 0;
                const int first = assignment[zones.front()];
                bool whole = true;
                for (const auto zone : zones) {
                    total += layer.values[zone];
                    whole = whole && assignment[zone] == first;
                }
                if (whole && total > upper && first >= 0) whole_in[first].push_back(static_cast<int>(s));
            }
        auto settlement_name = [&](int s) { return run.settlements->groups.names[s]; };
        std::string holders; // "the settlement Inverness kept whole in Inverness"
        for (int j = 0; j < run.k; ++j)
            for (const int s : whole_in[j])
                holders += (holders.empty() ? "" : "; ") + ("the settlement " + settlement_name(s) + " kept whole in " + run.names[j]);
        const std::string what = layer.name == run.population_column ? "people" : layer.name;
        for (int j = 0; j < run.k; ++j) {
            const auto& locality = stats.localities[j];
            const double deviation = locality.deviation[l];
            if (std::abs(deviation) <= layer.tolerance + 1e-12) continue;
            BalanceExcess excess;
            excess.locality = j;
            excess.layer = layer.name;
            excess.total = locality.totals[l];
            excess.deviation = deviation;
            // The largest settlement kept whole here, when it is not larger than the band.
            int largest_whole = -1;
            double largest_people = 0;
            if (run.settlements_never_split)
                for (std::size_t s = 0; s < run.settlements->zones.size(); ++s) {
                    const auto& zones = run.settlements->zones[s];
                    if (zones.empty() || assignment[zones.front()] != j) continue;
                    double total = 0;
                    for (const auto zone : zones) total += layer.values[zone];
                    if (total > largest_people) {
                        largest_people = total;
                        largest_whole = static_cast<int>(s);
                    }
                }
            if (deviation > 0 && !whole_in[j].empty()) {
                std::string towns;
                for (std::size_t i = 0; i < whole_in[j].size(); ++i)
                    towns += (i ? (i + 1 == whole_in[j].size() ? " and " : ", ") : "") + settlement_name(whole_in[j][i]);
                excess.reason = (whole_in[j].size() > 1 ? "the settlements " : "the settlement ") + towns +
                                (whole_in[j].size() > 1 ? " are" : " is") + " kept whole";
            } else if (deviation < 0 && !holders.empty()) {
                excess.reason = holders + " leaves less for the other localities";
            } else if (deviation > 0 && largest_whole >= 0) {
                excess.reason = "keeping the settlement " + settlement_name(largest_whole) + " (" +
                                grouped(largest_people) + " " + (layer.name == run.population_column ? "people" : layer.name) +
                                ") whole leaves no plan within the band";
            } else {
                excess.reason = run.settlements_never_split
                                    ? "no plan within the band keeps every settlement whole here"
                                    : "no plan within the band was found";
            }
            excess.text = run.names[j] + ": " + grouped(excess.total) + " " + what + ", " + signed_percent(deviation) +
                          ": " + excess.reason;
            excesses.push_back(std::move(excess));
        }
    }
    return excesses;
}

// With a gazetteer, a settlement the zones' compass words misname is called what its town
// is called: the gazetteer's one town inside it ("Kirkwall", where the zones say "West
// Kirkwall" and "East Kirkwall"), or, of several, the one already in its name or nearest
// its centre; a neighbour that the
// zones' compass words made a town of its own ("West Kirkwall") joins it. A city of
// districts keeps its districts' names.
void name_settlements_after_towns(const Dataset& data, const PointLayer& towns, Settlements& settlements) {
    if (!settlements.city.empty()) return;
    std::vector<std::vector<std::size_t>> inside(settlements.zones.size());
    std::vector<char> named(settlements.zones.size(), 0);
    for (std::size_t p = 0; p < towns.labels.size(); ++p) {
        if (towns.zone[p] < 0 || towns.labels[p].empty()) continue;
        const int s = settlements.groups.of_zone[static_cast<std::size_t>(towns.zone[p])];
        if (s >= 0) inside[s].push_back(p);
    }
    for (std::size_t s = 0; s < inside.size(); ++s) {
        if (inside[s].empty() || s >= settlements.groups.names.size()) continue;
        std::string& name = settlements.groups.names[s];
        if (std::any_of(inside[s].begin(), inside[s].end(), [&](std::size_t p) { return towns.labels[p] == name; })) {
            named[s] = 1;
            continue;
        }
        double x = 0, y = 0;
        for (const auto zone : settlements.zones[s]) {
            x += (data.zones.boxes[zone].min_x + data.zones.boxes[zone].max_x) / 2;
            y += (data.zones.boxes[zone].min_y + data.zones.boxes[zone].max_y) / 2;
        }
        x /= static_cast<double>(settlements.zones[s].size());
        y /= static_cast<double>(settlements.zones[s].size());
        // Only a name the zones' words got wrong is replaced: one naming the town with a
        // compass word ("East Kirkwall") or none of its towns; "St Andrews" stays itself
        // although the gazetteer spells it "Saint Andrews".
        static const std::vector<std::string> compass{"North", "South", "East", "West", "Central"};
        const bool compass_word = std::any_of(compass.begin(), compass.end(), [&](const std::string& w) {
            return name.rfind(w + " ", 0) == 0 || (name.size() > w.size() && name.compare(name.size() - w.size() - 1,
                                                                                          w.size() + 1, " " + w) == 0);
        });
        if (!compass_word) continue;
        std::size_t best = inside[s].front();
        double best_score = 1e300;
        for (const auto p : inside[s]) {
            // A town whose name the settlement's name holds ("Kirkwall" in "East Kirkwall") first.
            const double score = std::hypot(towns.points[p].x - x, towns.points[p].y - y) -
                                 (name.find(towns.labels[p]) != std::string::npos ? 1e9 : 0.0);
            if (score < best_score) {
                best_score = score;
                best = p;
            }
        }
        name = towns.labels[best];
        named[s] = 1;
    }
    // A neighbour named after the same town in the zones' words ("West Kirkwall" beside
    // Kirkwall) is part of it: the zones' compass words split one town in two.
    for (std::size_t s = 0; s < inside.size(); ++s) {
        if (named[s] || settlements.zones[s].empty()) continue;
        const std::string& name = settlements.groups.names[s];
        int into = -1;
        for (const auto zone : settlements.zones[s]) {
            for (const auto& next : data.graph.neighbours(static_cast<std::uint32_t>(zone))) {
                const int t = settlements.groups.of_zone[next.zone];
                if (t < 0 || t == static_cast<int>(s) || !named[t]) continue;
                const std::string& town = settlements.groups.names[t];
                const auto at = name.find(town);
                const bool word = at != std::string::npos && (at == 0 || name[at - 1] == ' ') &&
                                  (at + town.size() == name.size() || name[at + town.size()] == ' ');
                if (word) into = t;
            }
            if (into >= 0) break;
        }
        if (into < 0) continue;
        for (const auto zone : settlements.zones[s]) {
            settlements.groups.of_zone[zone] = into;
            settlements.zones[into].push_back(zone);
        }
        settlements.people[into] += settlements.people[s];
        settlements.people[s] = 0;
        settlements.zones[s].clear();
    }
}

// Names that appear twice get their locality's number, so every locality is told apart.
void make_names_unique(std::vector<std::string>& names) {
    std::map<std::string, int> count;
    for (const auto& name : names) ++count[name];
    for (std::size_t j = 0; j < names.size(); ++j)
        if (count[names[j]] > 1) names[j] += " (" + std::to_string(j + 1) + ")";
}

} // namespace

SettlementSplitting parse_settlement_splitting(const std::string& text) {
    if (text == "never") return SettlementSplitting::never;
    if (text == "when-forced" || text == "when_forced") return SettlementSplitting::when_forced;
    throw Error(ErrorKind::bad_setting, "split settlements " + text + ": expected never or when-forced");
}

std::vector<BalanceLayer> balance_layers(const Dataset& data, const std::vector<BalanceSpec>& specs) {
    std::vector<BalanceLayer> layers;
    for (const BalanceSpec& spec : specs)
        layers.push_back({spec.column, data.demand.column(spec.column), spec.tolerance, spec.soft});
    return layers;
}

PartitionRequest locality_request(const Dataset& data, const LocalityRunOptions& options, LocalityRun& run,
                                  std::vector<std::string>& notes) {
    const ZoneLayer& zones = data.zones;
    run.rules = run_rules_of(options);
    run.balance = balance_layers(data, options.balance);
    if (!options.keep_whole.empty()) run.groups = keep_whole_groups(data, options.keep_whole, options.keep_whole_tables);

    // Boundaries priced by the people along them whenever a population is balanced.
    run.population_column = population_column(data, options);
    const std::vector<double>* population =
        run.population_column.empty() ? nullptr : &data.demand.column(run.population_column);
    CutCostKind cut = options.cut_cost;
    if (cut == CutCostKind::automatic) cut = population ? CutCostKind::people : CutCostKind::length;
    if (cut == CutCostKind::people && !population)
        throw Error(ErrorKind::field_not_found, "the people cut cost needs a population column: balance one "
                                               "(e.g. pop2020_total) or name it as the population");
    run.cut_cost = cut == CutCostKind::people ? "people" : "length";
    const std::vector<double> no_people;
    const auto& people = population ? *population : (run.balance.empty() ? no_people : run.balance.front().values);

    const bool any_soft = std::any_of(run.balance.begin(), run.balance.end(), [](const auto& b) { return b.soft; });
    const SettlementSplitting splitting = options.split_settlements == SettlementSplitting::automatic
                                              ? (any_soft ? SettlementSplitting::never : SettlementSplitting::when_forced)
                                              : options.split_settlements;
    if (!options.settlements.empty()) {
        const std::string area = options.area_name.empty() ? area_name_of(data) : options.area_name;
        run.settlements_spec = options.settlements;
        run.settlements = find_settlements(data, parse_settlements(options.settlements), options.keep_whole_tables,
                                           people, area);
        if (options.places) name_settlements_after_towns(data, *options.places, *run.settlements);
    } else if (options.split_settlements == SettlementSplitting::never) {
        throw Error(ErrorKind::bad_setting, "settlements never split: name the settlements to keep whole "
                                            "(e.g. urban_rural_6fold_2016:1-4)");
    }
    run.settlements_never_split = run.settlements && splitting == SettlementSplitting::never;

    // Hubs first: they may set k, and each leads its own locality.
    run.zone_places = run.settlements || !options.hubs.empty() ? place_names(data, options.keep_whole_tables)
                                                               : std::vector<std::string>{};
    run.hubs = resolve_hubs(data, options.hubs, run.settlements ? &*run.settlements : nullptr, run.zone_places, options.places,
                            people);
    const int k = options.k > 0 ? options.k : static_cast<int>(run.hubs.size());
    if (options.k <= 0 && run.hubs.empty())
        throw Error(ErrorKind::bad_setting, "localities: give a number of localities or hubs to centre them on");
    if (options.k <= 0 && run.hubs.size() == 1)
        throw Error(ErrorKind::bad_setting, "localities: one hub makes one locality, and a partnership needs two or "
                                            "more; give the number of localities or more hubs");
    check_locality_count(k);
    if (run.hubs.size() > static_cast<std::size_t>(k))
        throw Error(ErrorKind::bad_setting, "localities: " + std::to_string(run.hubs.size()) + " hubs for " +
                                                std::to_string(k) + " localities, and each hub leads its own; give " +
                                                "at least " + std::to_string(run.hubs.size()) + " localities or fewer hubs");
    if (static_cast<std::size_t>(k) > zones.size())
        throw Error(ErrorKind::infeasible_request, "cannot make " + std::to_string(k) + " localities from the " +
                                                      std::to_string(zones.size()) + " zones of " + zones.source);
    run.k = k;

    PartitionRequest request;
    request.graph = &data.graph;
    request.k = k;
    request.balance = run.balance;
    request.locks = options.locks;
    request.closed = options.closed;
    request.start = options.start;
    request.stay_cost = options.stay_cost;
    request.groups = run.groups;
    request.group_split_cost = options.split_cost;
    request.seed = options.seed;
    request.effort = options.effort;
    request.progress = options.progress;
    request.zone_ids = &zones.ids;
    if (cut == CutCostKind::people) request.edge_cost = people_cut_cost(data.graph, *population);

    // Each hub holds its locality: hub i is locked to locality i.
    if (!run.hubs.empty() && request.locks.empty()) request.locks.assign(zones.size(), -1);
    for (std::size_t i = 0; i < run.hubs.size(); ++i) {
        const int zone = run.hubs[i].zone;
        if (request.locks[zone] >= 0 && request.locks[zone] != static_cast<int>(i))
            throw Error(ErrorKind::bad_value, "hub " + std::to_string(i + 1) + " (" + options.hubs[i].place + ") is zone " +
                                                 zones.ids[zone] + ", which is locked to locality " +
                                                 std::to_string(request.locks[zone] + 1) + "; hub " +
                                                 std::to_string(i + 1) + " leads locality " + std::to_string(i + 1));
        request.locks[zone] = static_cast<int>(i);
    }

    // A settlement holding two or more hubs is the planner's wish to divide it.
    std::vector<char> splittable(run.settlements ? run.settlements->zones.size() : 0, 0);
    if (run.settlements) {
        std::map<int, std::vector<std::size_t>> hubs_in;
        for (std::size_t i = 0; i < run.hubs.size(); ++i)
            if (run.hubs[i].settlement >= 0) hubs_in[run.hubs[i].settlement].push_back(i);
        for (const auto& [s, list] : hubs_in) {
            if (list.size() < 2) continue;
            splittable[s] = 1;
            std::string which;
            for (std::size_t i = 0; i < list.size(); ++i)
                which += (i ? ", " : "") + options.hubs[list[i]].place;
            notes.push_back("settlement " + run.settlements->groups.names[s] + " holds " +
                                std::to_string(list.size()) + " hubs (" + which + "), so it is divided between them");
        }
        ZoneGroups groups = run.settlements->groups;
        groups.never_split = run.settlements_never_split;
        request.groupings.push_back(std::move(groups));
    }
    if (!options.building_blocks.empty()) {
        run.blocks = assign_building_blocks(zones, parse_building_blocks(options.building_blocks));
        run.block_groups.kind = "building block";
        run.block_groups.of_zone = run.blocks->block_of_zone;
        run.block_groups.names = run.blocks->block_names;
        run.block_groups.split_cost = options.block_split_cost >= 0 ? options.block_split_cost : options.split_cost;
        if (options.blocks == BlockMode::hard) {
            // Only whole pieces move; a block in several pieces (a best-fit ward can be)
            // keeps them together unless contiguity forbids it, as a settlement would.
            request.hard_blocks = run.blocks->block_of_zone;
            request.hard_block_names = run.blocks->block_names;
            ZoneGroups together = run.block_groups;
            together.keep_whole = true;
            request.groupings.push_back(together);
        } else {
            request.groupings.push_back(run.block_groups);
        }
    }
    // Settlements never split move only whole (a ward cut by a town's edge follows the town).
    if (run.settlements_never_split) settlements_as_blocks(data.graph, run, splittable, request);

    // Where localities start: the hubs, then the largest settlements without one, each at
    // least half a typical locality's radius from the others.
    for (const auto& hub : run.hubs) run.seeds.push_back(hub.zone);
    if (run.settlements && run.seeds.size() < static_cast<std::size_t>(k)) {
        double area = 0;
        for (const double a : zones.areas) area += a;
        const double radius = std::sqrt(area / k / 3.141592653589793);
        double people_total = 0;
        for (const double v : people) people_total += v;
        const double upper_share = options.balance.empty() ? 1.0 : 1.0 + options.balance.front().tolerance;
        const double upper = run.settlements_never_split ? std::numeric_limits<double>::infinity()
                                                         : people_total / k * upper_share;
        for (const int zone : settlement_hubs(data, *run.settlements, k, upper, 0.5 * radius)) {
            if (run.seeds.size() >= static_cast<std::size_t>(k)) break;
            const int s = run.settlements->groups.of_zone[zone];
            const bool led = std::any_of(run.hubs.begin(), run.hubs.end(), [&](const Hub& h) {
                return h.zone == zone || (s >= 0 && h.settlement == s && !splittable[s]);
            });
            if (!led) run.seeds.push_back(zone);
        }
    }
    request.hubs = run.seeds;
    return request;
}

LocalityRun run_localities(const Dataset& data, const LocalityRunOptions& options) {
    const ZoneLayer& zones = data.zones;
    LocalityRun run;
    std::vector<std::string> hub_notes;
    const PartitionRequest request = locality_request(data, options, run, hub_notes);
    const int k = run.k;
    const std::vector<double>* population =
        run.population_column.empty() ? nullptr : &data.demand.column(run.population_column);

    const auto t0 = std::chrono::steady_clock::now();
    run.result = partition(request);
    const auto t1 = std::chrono::steady_clock::now();
    for (const auto& note : hub_notes) run.result.notes.push_back(note);
    for (const auto& note : run.result.notes) run.result.problems.insert(run.result.problems.begin(), note);

    // The statistics planners read: people on a boundary, settlements and blocks split.
    CommunityContext community;
    community.population = population;
    if (run.settlements) community.groupings.push_back(&run.settlements->groups);
    if (run.blocks) community.groupings.push_back(&run.block_groups);
    run.result.stats = evaluate(data.graph, run.result.assignment, k, run.balance, run.groups, community);

    const auto place_based = run.settlements ? locality_names_from_places(data, run.result.assignment, k,
                                                                          &*run.settlements, run.zone_places,
                                                                          population ? *population : std::vector<double>{})
                                             : std::vector<std::string>{};
    for (int j = 0; j < k; ++j) {
        if (j < static_cast<int>(options.names.size()) && !options.names[j].empty()) run.names.push_back(options.names[j]);
        else if (j < static_cast<int>(run.hubs.size()) && !run.hubs[j].name.empty()) run.names.push_back(run.hubs[j].name);
        else if (!place_based.empty()) run.names.push_back(place_based[j]);
        else run.names.push_back("Locality " + std::to_string(j + 1));
    }
    make_names_unique(run.names);
    run.colours = locality_colours(data.graph, run.result.assignment, k);
    run.excesses = explain_excesses(run);
    run.shapes = dissolve_groups(zones.shapes, zones.boxes, run.result.assignment, k);
    const auto t2 = std::chrono::steady_clock::now();
    run.partition_seconds = std::chrono::duration<double>(t1 - t0).count();
    run.dissolve_seconds = std::chrono::duration<double>(t2 - t1).count();
    return run;
}

std::string assignment_csv(const ZoneLayer& zones, const LocalityRun& run) {
    std::vector<AssignmentRow> rows;
    rows.reserve(zones.size());
    for (std::size_t zone = 0; zone < zones.size(); ++zone) {
        const int j = run.result.assignment[zone];
        rows.push_back({zones.ids[zone], std::to_string(j + 1), run.names[j]});
    }
    return assignment_to_csv(rows);
}

} // namespace lp
