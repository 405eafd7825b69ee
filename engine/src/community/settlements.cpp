#include <lp/community/settlements.hpp>

#include <lp/core/error.hpp>
#include <lp/graph/graph_pieces.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <numbers>
#include <set>
#include <sstream>

namespace lp {

namespace {

std::vector<std::string> words_of(const std::string& text) {
    std::istringstream in(text);
    std::vector<std::string> words;
    for (std::string word; in >> word;) words.push_back(word);
    return words;
}

// A name most of the given places share: the longest leading words held by at least
// 60% of the weight (not ending on a joining word), else (shared false) the heaviest place.
std::string shared_name(const std::vector<std::string>& places, const std::vector<double>& weights,
                        bool* shared = nullptr) {
    static const std::set<std::string> joining{"and", "of", "the", "&", "-", "by", "on", "upon"};
    std::map<std::string, std::pair<double, std::size_t>> prefixes; // text -> (weight, words)
    std::map<std::string, double> whole;
    double total = 0;
    for (std::size_t i = 0; i < places.size(); ++i) {
        const auto words = words_of(places[i]);
        const double w = weights[i];
        total += w;
        whole[places[i]] += w;
        std::string prefix;
        for (std::size_t j = 0; j < words.size(); ++j) {
            prefix += (j ? " " : "") + words[j];
            if (joining.count(words[j])) continue;
            auto& entry = prefixes[prefix];
            entry.first += w;
            entry.second = j + 1;
        }
    }
    std::string best;
    std::pair<std::size_t, double> best_key{0, 0};
    for (const auto& [text, entry] : prefixes)
        if (entry.first >= 0.6 * total && std::make_pair(entry.second, entry.first) > best_key) {
            best_key = {entry.second, entry.first};
            best = text;
        }
    if (shared) *shared = !best.empty();
    if (!best.empty()) return best;
    double heaviest = -1;
    for (const auto& [text, w] : whole)
        if (w > heaviest) {
            heaviest = w;
            best = text;
        }
    return best;
}

// The word a place is known by, so that the districts of one town share it:
// "Dunfermline Baldridgeburn" -> "Dunfermline"; two words after a generic first word
// ("St Andrews", "East Kilbride", "Fort William", "Port Glasgow").
std::string town_key(const std::string& place) {
    static const std::set<std::string> generic{"St",   "St.",  "East", "West",  "North", "South", "Fort",
                                               "New",  "Old",  "Port", "Upper", "Lower", "Mount", "Loch",
                                               "Glen", "Kirk", "Bridge", "Newton", "Strath", "Ben", "Isle"};
    std::string key = place.substr(0, place.find_first_of(" ,"));
    if (generic.count(key) && key.size() < place.size()) {
        const auto start = key.size() + 1;
        key = place.substr(0, place.find_first_of(" ,", start));
    }
    return key;
}

// "Glasgow City" -> "Glasgow", "City of Edinburgh" -> "Edinburgh".
std::string plain_area_name(std::string name) {
    if (name.rfind("City of ", 0) == 0) name = name.substr(8);
    if (name.size() > 5 && name.compare(name.size() - 5, 5, " City") == 0) name.resize(name.size() - 5);
    return name;
}

Point centre_of(const Box& box) { return {(box.min_x + box.max_x) / 2, (box.min_y + box.max_y) / 2}; }

// Population-weighted centre of some zones (plain mean when nobody lives there).
Point weighted_centre(const Dataset& data, const std::vector<std::size_t>& zones, const std::vector<double>& people) {
    double x = 0, y = 0, w = 0;
    for (const auto zone : zones) {
        const Point c = centre_of(data.zones.boxes[zone]);
        const double weight = people.empty() ? 1.0 : people[zone] + 1e-9;
        x += weight * c.x;
        y += weight * c.y;
        w += weight;
    }
    return w > 0 ? Point{x / w, y / w} : Point{};
}

// Where a part lies in a whole: " Central" near its centre, else " North East" and so on.
std::string direction_from_centre(const Dataset& data, const std::vector<std::size_t>& zones,
                                  const std::vector<std::size_t>& part, const std::vector<double>& population) {
    const Point whole = weighted_centre(data, zones, population);
    const Point mine = weighted_centre(data, part, population);
    double spread = 0;
    for (const auto zone : zones) {
        const Point c = centre_of(data.zones.boxes[zone]);
        spread += std::hypot(c.x - whole.x, c.y - whole.y);
    }
    spread /= static_cast<double>(zones.size());
    const double dx = mine.x - whole.x, dy = mine.y - whole.y;
    if (std::hypot(dx, dy) < 0.25 * spread) return " Central";
    static const char* directions[] = {"East", "North East", "North", "North West",
                                       "West", "South West", "South", "South East"};
    const double angle = std::atan2(dy, dx); // north is +y in a projected CRS
    const int sector = static_cast<int>(std::lround(angle / (std::numbers::pi / 4))) & 7;
    return std::string(" ") + directions[sector];
}

// What a rural place is called without its compass part: "Skye North West" -> "Skye",
// "Sutherland North and West" -> "Sutherland", "Inverness West Rural" -> "Inverness".
std::string area_of(const std::string& place) {
    static const std::set<std::string> trailing{"North", "South", "East", "West", "Central", "Rural",
                                                "and", "&", "-", "Inner", "Outer", "Upper", "Lower"};
    auto words = words_of(place);
    while (words.size() > 1 && trailing.count(words.back())) words.pop_back();
    std::string area;
    for (std::size_t i = 0; i < words.size(); ++i) area += (i ? " " : "") + words[i];
    return area;
}

bool settlement_is_split(const Settlements& settlements, int s, const std::vector<int>& assignment, int j) {
    for (const auto zone : settlements.zones[s])
        if (assignment[zone] != j) return true;
    return false;
}

// A locality's name from the places in it, the way planners name a town and its hinterland:
// the largest whole town, with a second town ("Thurso and Wick") only where the first holds
// under half the people and the second at least half as many as the first. Without a town,
// the rural areas the same way ("Skye, Ross and Cromarty" rather than the heaviest
// Intermediate Zone, "Skye South").
template <typename PeopleOf>
std::string name_of_parts(const Settlements& settlements, const std::vector<std::size_t>& zones,
                          const std::vector<std::string>& places, PeopleOf people_of) {
    std::map<std::string, double> towns, areas;
    double total = 0;
    for (const auto zone : zones) {
        const double people = people_of(zone);
        total += people;
        if (const int s = settlements.groups.of_zone[zone]; s >= 0) towns[settlements.groups.names[s]] += people;
        else if (zone < places.size() && !places[zone].empty()) areas[area_of(places[zone])] += people;
    }
    // A town's own rural fringe ("Nairn Rural") counts as the town.
    for (auto it = areas.begin(); it != areas.end();)
        if (auto town = towns.find(it->first); town != towns.end()) {
            town->second += it->second;
            it = areas.erase(it);
        } else {
            ++it;
        }
    auto heaviest = [](const std::map<std::string, double>& parts, const std::string& besides) {
        const std::pair<const std::string, double>* best = nullptr;
        for (const auto& part : parts)
            if (part.first != besides && (!best || part.second > best->second)) best = &part;
        return best;
    };
    const auto* first = heaviest(towns, "");
    if (!first) first = heaviest(areas, "");
    if (!first) return "";
    std::string name = first->first;
    if (first->second >= 0.5 * total) return name;
    // Rural areas second only beside a rural area: parish names ("Durno-Chapel of Garioch")
    // make poor second halves for a town's locality.
    const auto* second = towns.empty() ? heaviest(areas, first->first) : heaviest(towns, first->first);
    if (!second || second->second < 0.5 * first->second) return name;
    const bool listed = name.find(" and ") != std::string::npos || second->first.find(" and ") != std::string::npos;
    return name + (listed ? ", " : " and ") + second->first;
}

} // namespace

SettlementSpec parse_settlements(const std::string& text) {
    SettlementSpec spec;
    const auto colon = text.rfind(':');
    spec.column = text.substr(0, colon);
    auto fail = [&]() {
        throw Error(ErrorKind::bad_setting, "settlements " + text +
                                         ": expected COLUMN:CLASSES (e.g. urban_rural_6fold_2016:1-3 or CLASS:1,2,4) "
                                         "or a FIELD naming each zone's settlement");
    };
    if (spec.column.empty()) fail();
    if (colon == std::string::npos) return spec;
    std::istringstream in(text.substr(colon + 1));
    for (std::string item; std::getline(in, item, ',');) {
        const auto dash = item.find('-', 1);
        try {
            std::size_t used = 0;
            const int low = std::stoi(item.substr(0, dash), &used);
            if (used != item.substr(0, dash).size()) fail();
            int high = low;
            if (dash != std::string::npos) {
                const std::string rest = item.substr(dash + 1);
                high = std::stoi(rest, &used);
                if (used != rest.size()) fail();
            }
            if (high < low || high - low > 1000) fail();
            for (int c = low; c <= high; ++c) spec.classes.push_back(c);
        } catch (const std::logic_error&) {
            fail();
        }
    }
    if (spec.classes.empty()) fail();
    return spec;
}

std::vector<std::string> place_names(const Dataset& data, const std::vector<std::string>& tables) {
    auto names = zone_text_column(data, "iz11_name", tables);
    if (names.empty()) {
        for (const auto& field : data.zones.field_names)
            if (field.find("iz") != std::string::npos && field.size() > 5 &&
                field.compare(field.size() - 5, 5, "_name") == 0)
                if ((names = zone_text_column(data, field, tables)), !names.empty()) break;
    }
    if (names.size() != data.zones.size()) names.assign(data.zones.size(), "");
    for (std::size_t zone = 0; zone < names.size(); ++zone) {
        if (!names[zone].empty()) continue;
        // "Culter - 01" -> "Culter"
        std::string name = zone < data.zones.names.size() ? data.zones.names[zone] : "";
        const auto dash = name.rfind(" - ");
        if (dash != std::string::npos && name.find_first_not_of("0123456789", dash + 3) == std::string::npos)
            name.resize(dash);
        names[zone] = name.empty() ? data.zones.ids[zone] : name;
    }
    return names;
}

Settlements find_settlements(const Dataset& data, const SettlementSpec& spec, const std::vector<std::string>& tables,
                             const std::vector<double>& population, const std::string& area_name) {
    const std::size_t n = data.zones.size();
    Settlements result;
    result.groups.kind = "settlement";
    result.groups.keep_whole = true;
    result.groups.of_zone.assign(n, -1);
    std::vector<std::string> names;
    std::vector<std::string> places;
    if (spec.classes.empty()) {
        // A field naming each zone's settlement.
        const auto values = zone_text_column(data, spec.column, tables);
        if (values.empty())
            throw Error(ErrorKind::field_not_found, "settlements " + spec.column + ": neither " + data.zones.source +
                                                       " nor any demand table has that column");
        std::map<std::string, int> numbers;
        for (std::size_t zone = 0; zone < n; ++zone) {
            if (values[zone].empty()) continue;
            const auto [it, inserted] = numbers.emplace(values[zone], static_cast<int>(numbers.size()));
            if (inserted) names.push_back(values[zone]);
            result.groups.of_zone[zone] = it->second;
        }
    } else {
        // Zones of the chosen classes, in groups joined by land (a town does not span water)
        // whose places share the town's word: a belt of towns that touch (Fife's) is
        // several settlements, Dunfermline, Kirkcaldy, Glenrothes..., not one.
        const auto& classes = data.demand.column(spec.column);
        places = place_names(data, tables);
        std::vector<std::string> keys(n);
        for (std::size_t zone = 0; zone < n; ++zone) keys[zone] = town_key(places[zone]);
        std::vector<char> in(n, 0);
        for (std::size_t zone = 0; zone < n; ++zone)
            in[zone] = std::find(spec.classes.begin(), spec.classes.end(),
                                 static_cast<int>(std::lround(classes[zone]))) != spec.classes.end();
        const int next = label_pieces(
            data.graph, result.groups.of_zone, -1, [&](std::uint32_t zone) { return in[zone] != 0; },
            [&](std::uint32_t u, const ContiguityGraph::Adjacent& adjacent) {
                return !data.graph.edges()[adjacent.edge].crossing && keys[adjacent.zone] == keys[u];
            });
        // A river through a town leaves a gap between its banks' zones (Wick's is 38 m in
        // the simplified layer): parts of one name within river_gap metres are one town.
        constexpr double river_gap = 250.0;
        std::vector<int> root(next);
        for (int c = 0; c < next; ++c) root[c] = c;
        auto find = [&](int c) {
            while (root[c] != c) c = root[c] = root[root[c]];
            return c;
        };
        std::map<std::string, std::vector<std::size_t>> by_key;
        for (std::size_t zone = 0; zone < n; ++zone)
            if (in[zone]) by_key[keys[zone]].push_back(zone);
        for (const auto& [key, members] : by_key)
            for (std::size_t i = 0; i < members.size(); ++i)
                for (std::size_t j = i + 1; j < members.size(); ++j) {
                    const int a = find(result.groups.of_zone[members[i]]);
                    const int b = find(result.groups.of_zone[members[j]]);
                    if (a == b) continue;
                    const Box& p = data.zones.boxes[members[i]];
                    const Box& q = data.zones.boxes[members[j]];
                    const double dx = std::max({0.0, p.min_x - q.max_x, q.min_x - p.max_x});
                    const double dy = std::max({0.0, p.min_y - q.max_y, q.min_y - p.max_y});
                    if (std::hypot(dx, dy) <= river_gap) root[std::max(a, b)] = std::min(a, b);
                }
        // A city of districts: one built-up area, whatever its places are called.
        if (const std::string city = plain_area_name(area_name); city != area_name && !city.empty()) {
            std::vector<char> seen(n, 0);
            double area_people = 0;
            for (std::size_t zone = 0; zone < n; ++zone) area_people += zone < population.size() ? population[zone] : 0.0;
            for (std::size_t start = 0; start < n; ++start) {
                if (!in[start] || seen[start]) continue;
                std::vector<std::size_t> area{start};
                seen[start] = 1;
                double people = 0;
                for (std::size_t i = 0; i < area.size(); ++i) {
                    people += area[i] < population.size() ? population[area[i]] : 0.0;
                    for (const auto& adjacent : data.graph.neighbours(area[i]))
                        if (in[adjacent.zone] && !seen[adjacent.zone]) { // a bridge joins a city too
                            seen[adjacent.zone] = 1;
                            area.push_back(adjacent.zone);
                        }
                }
                if (area_people > 0 && people >= 0.5 * area_people) {
                    result.city = city;
                    result.city_zones = std::move(area);
                }
            }
        }
        std::vector<int> renumber(next, -1);
        int merged = 0;
        for (int c = 0; c < next; ++c)
            if (find(c) == c) renumber[c] = merged++;
        for (auto& group : result.groups.of_zone)
            if (group >= 0) group = renumber[find(group)];
        names.assign(merged, "");
    }
    const int count = static_cast<int>(names.size());
    result.zones.assign(count, {});
    result.people.assign(count, 0.0);
    double area_people = 0;
    for (std::size_t zone = 0; zone < n; ++zone) {
        const double people = zone < population.size() ? population[zone] : 0.0;
        area_people += people;
        if (const int s = result.groups.of_zone[zone]; s >= 0) {
            result.zones[s].push_back(zone);
            result.people[s] += people;
        }
    }
    if (!spec.classes.empty()) {
        for (int s = 0; s < count; ++s) {
            std::vector<std::string> texts;
            std::vector<double> weights;
            for (const auto zone : result.zones[s]) {
                texts.push_back(places[zone]);
                weights.push_back(zone < population.size() ? population[zone] + 1e-9 : 1.0);
            }
            bool shared = false;
            names[s] = shared_name(texts, weights, &shared);
            // Only one side of a town in the classes ("Thurso West"): the town's name.
            for (const char* side : {" North", " South", " East", " West"}) {
                const std::string suffix = side;
                if (names[s].size() > suffix.size() &&
                    names[s].compare(names[s].size() - suffix.size(), suffix.size(), suffix) == 0) {
                    names[s].resize(names[s].size() - suffix.size());
                    break;
                }
            }
            // A city of many districts with no shared word: the area's own name.
            if (!shared && !area_name.empty() && result.people[s] >= 0.5 * area_people)
                names[s] = plain_area_name(area_name);
        }
        // Two towns of one name (or one cut by water): "Name (2)".
        std::map<std::string, int> seen;
        for (auto& name : names)
            if (const int times = ++seen[name]; times > 1) name += " (" + std::to_string(times) + ")";
    }
    result.groups.names = std::move(names);
    return result;
}

std::vector<int> settlement_hubs(const Dataset& data, const Settlements& settlements, int k, double upper,
                                 double min_distance) {
    const int count = static_cast<int>(settlements.zones.size());
    std::vector<int> order(count);
    for (int s = 0; s < count; ++s) order[s] = s;
    std::stable_sort(order.begin(), order.end(),
                     [&](int a, int b) { return settlements.people[a] > settlements.people[b]; });
    std::vector<double> people(data.zones.size(), 0.0);
    std::vector<int> hubs;
    std::vector<Point> chosen_centres;
    for (const int s : order) {
        if (static_cast<int>(hubs.size()) >= k || settlements.people[s] <= 0) break;
        const auto& zones = settlements.zones[s];
        const Point centre = weighted_centre(data, zones, {});
        if (std::any_of(chosen_centres.begin(), chosen_centres.end(), [&](const Point& p) {
                return std::hypot(p.x - centre.x, p.y - centre.y) < min_distance;
            }))
            continue;
        chosen_centres.push_back(centre);
        const int needed = upper > 0 ? std::max(1, static_cast<int>(std::ceil(settlements.people[s] / upper - 1e-12))) : 1;
        auto distance = [&](std::size_t zone, const Point& p) {
            const Point c = centre_of(data.zones.boxes[zone]);
            return std::hypot(c.x - p.x, c.y - p.y);
        };
        std::vector<Point> picked;
        for (int h = 0; h < needed && static_cast<int>(hubs.size()) < k; ++h) {
            // One locality: the zone nearest the centre. Several: spread farthest-first from
            // the zone farthest from the centre, so each part has its own side of the town.
            std::size_t best = zones.front();
            double best_score = -1;
            for (const auto zone : zones) {
                double score;
                if (needed == 1) score = -distance(zone, centre);
                else if (picked.empty()) score = distance(zone, centre);
                else {
                    score = 1e300;
                    for (const auto& p : picked) score = std::min(score, distance(zone, p));
                }
                if (score > best_score) {
                    best_score = score;
                    best = zone;
                }
            }
            picked.push_back(centre_of(data.zones.boxes[best]));
            hubs.push_back(static_cast<int>(best));
        }
    }
    return hubs;
}

std::vector<std::string> locality_names_from_places(const Dataset& data, const std::vector<int>& assignment, int k,
                                                    const Settlements* settlements,
                                                    const std::vector<std::string>& places,
                                                    const std::vector<double>& population) {
    const std::size_t n = data.zones.size();
    std::vector<std::vector<std::size_t>> members(k);
    for (std::size_t zone = 0; zone < n && zone < assignment.size(); ++zone)
        if (assignment[zone] >= 0 && assignment[zone] < k) members[assignment[zone]].push_back(zone);
    auto people_of = [&](std::size_t zone) { return zone < population.size() ? population[zone] : 1.0; };
    std::vector<std::string> names(k);
    for (int j = 0; j < k; ++j) {
        if (members[j].empty()) continue;
        int main = -1;
        if (settlements) {
            std::map<int, double> here;
            for (const auto zone : members[j])
                if (const int s = settlements->groups.of_zone[zone]; s >= 0) here[s] += people_of(zone) + 1e-9;
            double most = 0;
            for (const auto& [s, people] : here)
                if (people > most) {
                    most = people;
                    main = s;
                }
        }
        if (!settlements) {
            std::vector<std::string> texts;
            std::vector<double> weights;
            for (const auto zone : members[j]) {
                texts.push_back(places[zone]);
                weights.push_back(people_of(zone) + 1e-9);
            }
            names[j] = shared_name(texts, weights);
            continue;
        }
        if (!settlements->city.empty()) {
            std::vector<std::size_t> part;
            double inside = 0, all = 0;
            std::vector<char> in_city(n, 0);
            for (const auto zone : settlements->city_zones) in_city[zone] = 1;
            for (const auto zone : members[j]) {
                all += people_of(zone);
                if (in_city[zone]) {
                    inside += people_of(zone);
                    part.push_back(zone);
                }
            }
            if (inside >= 0.5 * all) {
                names[j] = settlements->city + direction_from_centre(data, settlements->city_zones, part, population);
                continue;
            }
        }
        if (main < 0 || !settlement_is_split(*settlements, main, assignment, j)) {
            names[j] = name_of_parts(*settlements, members[j], places, people_of);
            continue;
        }
        names[j] = settlements->groups.names[main];
        // A settlement over several localities: each part by its direction from the centre.
        const auto& zones = settlements->zones[main];
        std::vector<std::size_t> part;
        for (const auto zone : zones)
            if (assignment[zone] == j) part.push_back(zone);
        names[j] += direction_from_centre(data, zones, part, population);
    }
    std::map<std::string, int> seen;
    for (int j = 0; j < k; ++j) {
        if (names[j].empty()) names[j] = "Locality " + std::to_string(j + 1);
        if (const int times = ++seen[names[j]]; times > 1) names[j] += " " + std::to_string(times);
    }
    return names;
}

} // namespace lp
