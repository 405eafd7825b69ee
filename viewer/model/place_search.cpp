#include "model/place_search.hpp"

#include <lp/community/settlements.hpp>
#include <lp/data/dataset.hpp>
#include <lp/io/point_layer.hpp>
#include <lp/render/zone_mesh.hpp>

#include <algorithm>
#include <map>
#include <tuple>

namespace lp::viewer {
namespace {

// Latin-1 Supplement and Latin Extended-A letters (U+00C0..U+017F) without their accents:
// Gaelic and Scots place names use grave and acute vowels.
char base_letter(unsigned code) {
    static constexpr const char* latin1 =  // U+00C0..U+00FF
        "aaaaaaaceeeeiiii" "dnooooo ouuuuyts" "aaaaaaaceeeeiiii" "dnooooo ouuuuyty";
    static constexpr const char* extended_a =  // U+0100..U+017F
        "aaaaaaccccccccdd" "ddeeeeeeeeeegggg" "gggghhhhiiiiiiii" "iiiijjkkklllllll"
        "lllnnnnnnnnnoooo" "oooorrrrrrssssss" "ssttttttuuuuuuuu" "uuuuwwyyyzzzzzzs";
    if (code >= 0xC0 && code <= 0xFF) return latin1[code - 0xC0];
    if (code >= 0x100 && code <= 0x17F) return extended_a[code - 0x100];
    return ' ';
}

Box box_of(const ZoneMesh& mesh, const std::vector<std::size_t>& zones) {
    Box box{1e300, 1e300, -1e300, -1e300};
    for (std::size_t z : zones) {
        const Box& b = mesh.boxes[z];
        box = {std::min(box.min_x, b.min_x), std::min(box.min_y, b.min_y), std::max(box.max_x, b.max_x),
               std::max(box.max_y, b.max_y)};
    }
    return box;
}

Point anchor_of(const ZoneMesh& mesh, const std::vector<std::size_t>& zones) {
    double x = 0, y = 0, area = 0;
    for (std::size_t z : zones) {
        const double a = std::max(mesh.areas[z], 1.0);
        x += mesh.centres[z].x * a;
        y += mesh.centres[z].y * a;
        area += a;
    }
    return area > 0 ? Point{x / area, y / area} : Point{0, 0};
}

double people_of(const std::vector<double>& population, const std::vector<std::size_t>& zones) {
    double people = 0;
    for (std::size_t z : zones)
        if (z < population.size()) people += population[z];
    return people;
}

// 0: the whole name; 1: the name starts with the query; 2: a word of it does; 3: it
// contains the query; 4: no match.
int match_rank(const std::string& name, const std::string& query) {
    if (name == query) return 0;
    const auto at = name.find(query);
    if (at == std::string::npos) return 4;
    if (at == 0) return 1;
    for (auto from = at; from != std::string::npos; from = name.find(query, from + 1))
        if (name[from - 1] == ' ') return 2;
    return 3;
}

} // namespace

const char* kind_name(PlaceKind kind) {
    switch (kind) {
    case PlaceKind::settlement: return "settlement";
    case PlaceKind::town: return "town";
    case PlaceKind::service: return "service point";
    case PlaceKind::place: return "place";
    case PlaceKind::zone: return "zone";
    }
    return "";
}

std::string fold_for_search(const std::string& text) {
    std::string folded;
    bool space = true;  // no leading space
    auto put = [&](char c) {
        if (c == ' ') {
            space = true;
            return;
        }
        if (space && !folded.empty()) folded += ' ';
        space = false;
        folded += c;
    };
    for (std::size_t i = 0; i < text.size();) {
        const auto byte = static_cast<unsigned char>(text[i]);
        if (byte < 0x80) {
            const char c = static_cast<char>(byte);
            if (c >= 'A' && c <= 'Z') put(static_cast<char>(c - 'A' + 'a'));
            else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) put(c);
            else if (c == '\'') {
            } // "St Mary's" matches "st marys"
            else put(' ');
            ++i;
            continue;
        }
        // A multi-byte UTF-8 sequence: decode two-byte letters, skip the rest.
        std::size_t length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1;
        if (length == 2 && i + 1 < text.size()) {
            const unsigned code = ((byte & 0x1Fu) << 6) | (static_cast<unsigned char>(text[i + 1]) & 0x3Fu);
            put(base_letter(code));
        } else if (byte >= 0xC0 && length > 2 && i + 2 < text.size() && byte == 0xE2 &&
                   static_cast<unsigned char>(text[i + 1]) == 0x80 && static_cast<unsigned char>(text[i + 2]) == 0x99) {
            // U+2019, the typographic apostrophe: as "'".
        } else {
            put(' ');
        }
        i += std::min(length, text.size() - i);
    }
    return folded;
}

void PlaceIndex::add(Place place) {
    folded_names_.push_back(fold_for_search(place.name));
    folded_codes_.push_back(fold_for_search(place.code));
    places_.push_back(std::move(place));
}

std::vector<std::size_t> PlaceIndex::search(const std::string& query, std::size_t limit) const {
    const std::string q = fold_for_search(query);
    if (q.empty()) return {};
    std::vector<std::tuple<int, int, double, std::size_t>> found;  // rank, kind, -people, index
    for (std::size_t i = 0; i < places_.size(); ++i) {
        int rank = match_rank(folded_names_[i], q);
        if (!folded_codes_[i].empty()) {
            const int code_rank = folded_codes_[i] == q ? 0 : folded_codes_[i].rfind(q, 0) == 0 ? 1 : 4;
            rank = std::min(rank, code_rank);
        }
        if (rank < 4) found.emplace_back(rank, static_cast<int>(places_[i].kind), -places_[i].people, i);
    }
    const std::size_t kept = std::min(limit, found.size());
    std::partial_sort(found.begin(), found.begin() + static_cast<std::ptrdiff_t>(kept), found.end(),
                      [&](const auto& a, const auto& b) {
                          const auto key_a = std::make_tuple(std::get<0>(a), std::get<1>(a), std::get<2>(a));
                          const auto key_b = std::make_tuple(std::get<0>(b), std::get<1>(b), std::get<2>(b));
                          if (key_a != key_b) return key_a < key_b;
                          return places_[std::get<3>(a)].name < places_[std::get<3>(b)].name;
                      });
    std::vector<std::size_t> result;
    for (std::size_t i = 0; i < kept; ++i) result.push_back(std::get<3>(found[i]));
    return result;
}

PlaceIndex build_place_index(const Dataset& data, const ZoneMesh& mesh, const std::vector<std::string>& place_names,
                             const Settlements* settlements, const std::vector<double>& population,
                             const PointLayer* gazetteer) {
    PlaceIndex index;
    const std::size_t n = std::min(data.zones.size(), mesh.zone_count());
    if (settlements) {
        for (std::size_t s = 0; s < settlements->zones.size(); ++s) {
            const auto& zones = settlements->zones[s];
            if (zones.empty() || s >= settlements->groups.names.size()) continue;
            index.add({settlements->groups.names[s], "", PlaceKind::settlement, box_of(mesh, zones), anchor_of(mesh, zones),
                       settlements->people.size() > s ? settlements->people[s] : people_of(population, zones), zones});
        }
    }
    if (gazetteer) {
        for (std::size_t i = 0; i < gazetteer->points.size() && i < gazetteer->labels.size(); ++i) {
            if (i >= gazetteer->zone.size() || gazetteer->zone[i] < 0 || gazetteer->labels[i].empty()) continue;
            const auto zone = static_cast<std::size_t>(gazetteer->zone[i]);
            if (zone >= n) continue;
            const Point at{gazetteer->points[i].x - mesh.origin.x, gazetteer->points[i].y - mesh.origin.y};
            // No people: the gazetteer's figure is not the zones', and the zone's is not the town's.
            index.add({gazetteer->labels[i], "", PlaceKind::town, mesh.boxes[zone], at, 0.0, {zone}});
        }
    }
    for (const PointLayer& layer : data.points) {
        for (std::size_t i = 0; i < layer.points.size() && i < layer.labels.size(); ++i) {
            if (i >= layer.zone.size() || layer.zone[i] < 0 || static_cast<std::size_t>(layer.zone[i]) >= n) continue;
            const Point at{layer.points[i].x - mesh.origin.x, layer.points[i].y - mesh.origin.y};
            // Centred on the point itself: the map zooms to the marker, not its zone.
            index.add({layer.labels[i], "", PlaceKind::service, Box{at.x - 500, at.y - 500, at.x + 500, at.y + 500}, at, 0.0,
                       {static_cast<std::size_t>(layer.zone[i])}});
        }
    }
    std::map<std::string, std::vector<std::size_t>> by_place;
    for (std::size_t z = 0; z < n && z < place_names.size(); ++z)
        if (!place_names[z].empty()) by_place[place_names[z]].push_back(z);
    for (auto& [name, zones] : by_place) {
        // A place that is one zone under the zone's own name is the zone itself.
        if (zones.size() == 1 && zones.front() < data.zones.names.size() && data.zones.names[zones.front()] == name) continue;
        index.add({name, "", PlaceKind::place, box_of(mesh, zones), anchor_of(mesh, zones), people_of(population, zones),
                   zones});
    }
    for (std::size_t z = 0; z < n; ++z) {
        const std::string name = z < data.zones.names.size() && !data.zones.names[z].empty() ? data.zones.names[z] : data.zones.ids[z];
        index.add({name, data.zones.ids[z], PlaceKind::zone, mesh.boxes[z], mesh.centres[z], people_of(population, {z}), {z}});
    }
    return index;
}

} // namespace lp::viewer
