#pragma once
// Settlements: the towns a planner builds localities around. Found from an urban-rural
// class (a settlement is a connected group of zones in the chosen classes, e.g. classes
// 1-3 of the Scottish 6-fold classification) or from a zone attribute that names them,
// and named after their zones ("Inverness", "Fort William"). Also: the hubs localities
// start from, and default locality names after their main settlement.
#include <lp/data/dataset.hpp>
#include <lp/partition/zone_groups.hpp>

#include <cstddef>
#include <string>
#include <vector>

namespace lp {

struct SettlementSpec {
    std::string column;          // a numeric class column (with classes) or a field naming settlements
    std::vector<int> classes;    // empty: `column` names the settlement of each zone directly
}; // struct SettlementSpec

// "urban_rural_6fold_2016:1-3", "CLASS:1,2,4" or "FIELD". Throws lp::Error(bad_setting).
SettlementSpec parse_settlements(const std::string& text);

struct Settlements {
    ZoneGroups groups;                     // kind "settlement", keep_whole; names per settlement
    std::vector<double> people;            // per settlement
    std::vector<std::vector<std::size_t>> zones; // per settlement, its zones
    // A city of districts (the area is a city, "Glasgow City", and one built-up area holds
    // most of its people): its districts stay settlements of their own, kept whole, but a
    // locality inside it is named after the city and its direction ("Glasgow North West").
    std::string city;
    std::vector<std::size_t> city_zones;
}; // struct Settlements

// Zone names to name settlements by: per zone, the Intermediate Zone name when a zone
// attribute or a table column `iz11_name` (or another *iz*_name) has it, else the zone's
// own name without its " - 01" suffix.
std::vector<std::string> place_names(const Dataset& data, const std::vector<std::string>& tables);

// Finds the settlements. A class column is a demand column (e.g. from
// dz2011_access_rurality.csv); a naming field is a zone attribute or a text column of
// one of the tables. Each settlement is named after its zones' place names: the longest
// leading words most of its people share ("Inverness" for "Inverness Hilton",
// "Inverness Smithton", ...), else the area's own name (area_name) when it holds most
// of the area's people, else its most populous place. Throws lp::Error(field_not_found).
Settlements find_settlements(const Dataset& data, const SettlementSpec& spec, const std::vector<std::string>& tables,
                             const std::vector<double>& population, const std::string& area_name = "");

// Zones to start k localities at: the largest settlements first, each as many times as
// the band makes it need localities (upper = the most one locality may hold), skipping a
// settlement within min_distance metres of one already chosen; at most k.
std::vector<int> settlement_hubs(const Dataset& data, const Settlements& settlements, int k, double upper,
                                 double min_distance);

// A name per locality after its main settlement: "Inverness", or, where the settlement
// is split, the part's direction from its centre ("Inverness West"), or within a city of
// districts, the city and its direction ("Glasgow North East"); a second town where the
// first holds under half the people ("Thurso and Wick"); a locality with no settlement
// after its rural areas without their compass parts ("Skye, Ross and Cromarty"). Names
// are made unique.
std::vector<std::string> locality_names_from_places(const Dataset& data, const std::vector<int>& assignment, int k,
                                                    const Settlements* settlements,
                                                    const std::vector<std::string>& places,
                                                    const std::vector<double>& population);

} // namespace lp
