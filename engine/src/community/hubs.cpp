#include <lp/community/hubs.hpp>

#include <lp/core/error.hpp>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <set>

namespace lp {

namespace {

std::string folded(const std::string& text) {
    std::string out;
    for (const unsigned char c : text) out += static_cast<char>(std::tolower(c));
    // Outer spaces never tell two places apart.
    const auto first = out.find_first_not_of(' ');
    if (first == std::string::npos) return {};
    return out.substr(first, out.find_last_not_of(' ') - first + 1);
}

// "Inverness Hilton - 01" -> "Inverness Hilton": a Data Zone's name without its number.
std::string without_number(const std::string& name) {
    const auto dash = name.rfind(" - ");
    if (dash == std::string::npos) return name;
    const std::string tail = name.substr(dash + 3);
    const bool digits = !tail.empty() && std::all_of(tail.begin(), tail.end(), [](unsigned char c) { return std::isdigit(c); });
    return digits ? name.substr(0, dash) : name;
}

std::size_t edit_distance(const std::string& a, const std::string& b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = above;
        }
    }
    return row[b.size()];
}

double centre_distance(const Box& box, double x, double y) {
    return std::hypot((box.min_x + box.max_x) / 2 - x, (box.min_y + box.max_y) / 2 - y);
}

// The settlement's zone nearest its centre of people: where a locality around it starts.
int central_zone(const Dataset& data, const std::vector<std::size_t>& zones, const std::vector<double>& population) {
    double x = 0, y = 0, w = 0;
    for (const auto zone : zones) {
        const Box& b = data.zones.boxes[zone];
        const double weight = (population.empty() ? 0.0 : population[zone]) + 1e-9;
        x += weight * (b.min_x + b.max_x) / 2;
        y += weight * (b.min_y + b.max_y) / 2;
        w += weight;
    }
    x /= w;
    y /= w;
    std::size_t best = zones.front();
    for (const auto zone : zones)
        if (centre_distance(data.zones.boxes[zone], x, y) < centre_distance(data.zones.boxes[best], x, y)) best = zone;
    return static_cast<int>(best);
}

} // namespace

std::vector<std::string> closest_names(const std::string& wanted, const std::vector<std::string>& names,
                                       std::size_t count) {
    const std::string key = folded(wanted);
    std::vector<std::pair<std::size_t, std::size_t>> scored; // (distance, index)
    std::set<std::string> seen;
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (names[i].empty() || !seen.insert(names[i]).second) continue;
        const std::string other = folded(names[i]);
        // A name that starts with what was typed is as close as a one-letter slip.
        const std::size_t distance = other.rfind(key, 0) == 0 && !key.empty() ? 1 : edit_distance(key, other);
        scored.push_back({distance, i});
    }
    std::stable_sort(scored.begin(), scored.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<std::string> out;
    for (std::size_t i = 0; i < scored.size() && out.size() < count; ++i) out.push_back(names[scored[i].second]);
    return out;
}

std::vector<Hub> resolve_hubs(const Dataset& data, const std::vector<HubRequest>& requests,
                              const Settlements* settlements, const std::vector<std::string>& places,
                              const PointLayer* gazetteer, const std::vector<double>& population) {
    const ZoneLayer& zones = data.zones;
    auto people = [&](std::size_t zone) { return population.empty() ? 0.0 : population[zone]; };

    // Every name a hub may be given by, folded, with the zone it stands for.
    std::map<std::string, int> settlement_zone;
    if (settlements)
        for (std::size_t s = 0; s < settlements->zones.size(); ++s) {
            const std::string& name = s < settlements->groups.names.size() ? settlements->groups.names[s] : "";
            if (!name.empty() && !settlements->zones[s].empty())
                settlement_zone.emplace(folded(name), central_zone(data, settlements->zones[s], population));
        }
    std::map<std::string, std::size_t> town_point; // a gazetteer town inside the zones (the first such point)
    std::vector<std::string> towns_outside;
    if (gazetteer)
        for (std::size_t p = 0; p < gazetteer->labels.size(); ++p) {
            if (gazetteer->zone[p] >= 0) town_point.emplace(folded(gazetteer->labels[p]), p);
            else towns_outside.push_back(folded(gazetteer->labels[p]));
        }
    std::map<std::string, int> zone_name_zone; // a zone or place name -> its most populous zone
    auto add_zone_name = [&](const std::string& name, std::size_t zone) {
        if (name.empty()) return;
        auto [it, added] = zone_name_zone.emplace(folded(name), static_cast<int>(zone));
        if (!added && people(zone) > people(static_cast<std::size_t>(it->second))) it->second = static_cast<int>(zone);
    };
    for (std::size_t zone = 0; zone < zones.size(); ++zone) {
        if (zone < zones.names.size()) {
            add_zone_name(zones.names[zone], zone);
            add_zone_name(without_number(zones.names[zone]), zone);
        }
        if (zone < places.size()) add_zone_name(places[zone], zone);
    }

    std::vector<Hub> hubs;
    std::map<int, std::string> taken; // zone -> the request that took it
    for (const auto& request : requests) {
        Hub hub;
        hub.place = request.place;
        const std::string key = folded(request.place);
        if (const auto zone = zones.find(request.place)) {
            hub.zone = static_cast<int>(*zone);
            hub.found_as = "zone";
        } else if (auto s = settlement_zone.find(key); s != settlement_zone.end()) {
            hub.zone = s->second;
            hub.found_as = "settlement";
        } else if (auto t = town_point.find(key); t != town_point.end()) {
            hub.zone = static_cast<int>(gazetteer->zone[t->second]);
            hub.found_as = "town";
            hub.name = gazetteer->labels[t->second]; // the town, as the gazetteer spells it
        } else if (auto z = zone_name_zone.find(key); z != zone_name_zone.end()) {
            hub.zone = z->second;
            hub.found_as = "zone name";
        } else {
            std::vector<std::string> names;
            if (settlements) names.insert(names.end(), settlements->groups.names.begin(), settlements->groups.names.end());
            if (gazetteer)
                for (std::size_t p = 0; p < gazetteer->labels.size(); ++p)
                    if (gazetteer->zone[p] >= 0) names.push_back(gazetteer->labels[p]);
            for (std::size_t zone = 0; zone < zones.size(); ++zone) {
                if (zone < places.size()) names.push_back(places[zone]);
                if (zone < zones.names.size()) names.push_back(without_number(zones.names[zone]));
            }
            std::string message = request.where + ": '" + request.place + "' is not a zone, settlement, " +
                                  (gazetteer ? "town of " + gazetteer->source + " " : "") + "or zone name of " +
                                  zones.source;
            if (std::find(towns_outside.begin(), towns_outside.end(), key) != towns_outside.end())
                message += " (the town lies outside these zones)";
            const auto close = closest_names(request.place, names);
            if (!close.empty()) {
                message += "; closest: ";
                for (std::size_t i = 0; i < close.size(); ++i) message += (i ? ", " : "") + close[i];
            }
            if (!gazetteer) message += " (a town no zone is named after needs a gazetteer of places)";
            throw Error(ErrorKind::unknown_zone, message);
        }
        if (auto other = taken.find(hub.zone); other != taken.end())
            throw Error(ErrorKind::bad_value, request.where + ": '" + request.place + "' falls in zone " +
                                                 zones.ids[hub.zone] + ", which " + other->second +
                                                 " already leads; each hub leads its own locality");
        taken.emplace(hub.zone, request.where + " ('" + request.place + "')");
        if (settlements && hub.zone < static_cast<int>(settlements->groups.of_zone.size()))
            hub.settlement = settlements->groups.of_zone[hub.zone];
        // Named as the planner names it, else after the town it was found as, else after
        // its settlement (a zone id or zone name inside a town), else by the plan later.
        if (!request.name.empty()) hub.name = request.name;
        if (hub.name.empty() && hub.settlement >= 0 && hub.settlement < static_cast<int>(settlements->groups.names.size()))
            hub.name = settlements->groups.names[hub.settlement];
        if (hub.name.empty() && hub.found_as == "zone name") hub.name = request.place;
        hubs.push_back(std::move(hub));
    }
    return hubs;
}

} // namespace lp
