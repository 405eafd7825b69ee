#pragma once
// Finding places by name: settlements, towns of a gazetteer (--places), service points
// (hospitals by name, GP practices by name and address: the point layers), named places
// (Intermediate Zones, or zone names without their " - 01" suffix) and single zones (by
// name or code), each with the box to
// zoom to and its people. Matching ignores case, accents and punctuation ("ùig" finds
// "Uig", "fort-william" finds "Fort William"); a name that starts with the query comes
// before one with a word starting with it, before one containing it, and among equals
// settlements before towns before service points before places before zones, then the most people first. No window code:
// tested in tests/viewer/.
#include <lp/core/geometry.hpp>

#include <cstddef>
#include <string>
#include <vector>

namespace lp {
struct Dataset;
struct PointLayer;
struct Settlements;
struct ZoneMesh;
} // namespace lp

namespace lp::viewer {

enum class PlaceKind { settlement, town, service, place, zone };

struct Place {
    std::string name;
    std::string code;     // the zone's code (zones only)
    PlaceKind kind = PlaceKind::zone;
    Box box;              // mesh coordinates (relative to the mesh origin)
    Point anchor;         // where its label goes: the area-weighted centre of its zones
    double people = 0;
    std::vector<std::size_t> zones;
};

// Lower case ASCII, accents taken off Latin letters (UTF-8), anything not a letter or a
// digit a single space, no leading or trailing space.
std::string fold_for_search(const std::string& text);

class PlaceIndex {
public:
    void add(Place place);
    // Up to `limit` places matching the query, best first (indices into places()).
    std::vector<std::size_t> search(const std::string& query, std::size_t limit = 10) const;
    const std::vector<Place>& places() const { return places_; }
    bool empty() const { return places_.empty(); }

private:
    std::vector<Place> places_;
    std::vector<std::string> folded_names_, folded_codes_;
};

// The index for a dataset and its mesh: every zone, the places named by `place_names`
// (one per zone, e.g. lp::place_names(): the Intermediate Zone's name) with their zones
// grouped, the settlements when there are any, the gazetteer's towns that fall in a
// zone (each with that zone: what a hub named after it leads from), and the data's service
// points in a zone under their labels (each with its zone, a box of 1 km around it).
// population: per zone (may be empty).
PlaceIndex build_place_index(const Dataset& data, const ZoneMesh& mesh, const std::vector<std::string>& place_names,
                             const Settlements* settlements, const std::vector<double>& population,
                             const PointLayer* gazetteer = nullptr);

const char* kind_name(PlaceKind kind);

} // namespace lp::viewer
