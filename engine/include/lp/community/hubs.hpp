#pragma once
// Hubs: the places a planner names for localities to centre on ("Inverness", "Portree",
// "S01010123"). Each hub leads its own locality: the partitioner is asked to keep its
// zone there (a lock), so two hubs never share one, and the locality is named after it.
// A hub may be given as a zone id, a settlement's name, a town from a gazetteer (any
// point layer with a name field: no zone is called "Portree" or "Aviemore") or a zone's
// own or Intermediate Zone name.
#include <lp/community/settlements.hpp>
#include <lp/data/dataset.hpp>
#include <lp/io/point_layer.hpp>

#include <string>
#include <vector>

namespace lp {

struct HubRequest {
    std::string place;  // zone id, settlement, gazetteer town, zone or place name
    std::string name;   // the locality's name ("" : the settlement's or town's name)
    std::string where;  // names the request in messages, e.g. "hubs.csv line 3"
}; // struct HubRequest

struct Hub {
    int zone = -1;           // the zone the place falls in
    std::string place;       // as the planner gave it
    std::string name;        // the locality's name ("" when the hub names none and lies in no town)
    std::string found_as;    // how the place was found: "zone", "settlement", "town", "zone name"
    int settlement = -1;     // its settlement (group id in Settlements), -1 none
}; // struct Hub

// Finds each request's zone: a zone id, else a settlement's name (its zone nearest the
// settlement's centre of people), else a gazetteer town (the zone its point falls in),
// else a zone or place name (the most populous zone of that name). Names compare without
// case. Throws lp::Error(unknown_zone) naming the request and listing the closest names
// for a place that is none of these, and lp::Error(bad_value) when two requests fall in
// one zone. settlements, gazetteer and population may be null or empty.
std::vector<Hub> resolve_hubs(const Dataset& data, const std::vector<HubRequest>& requests,
                              const Settlements* settlements, const std::vector<std::string>& places,
                              const PointLayer* gazetteer, const std::vector<double>& population);

// The names of a list closest to a misspelt one (edit distance, then order given), at
// most `count`: the "did you mean" of every named lookup.
std::vector<std::string> closest_names(const std::string& wanted, const std::vector<std::string>& names,
                                       std::size_t count = 5);

} // namespace lp
