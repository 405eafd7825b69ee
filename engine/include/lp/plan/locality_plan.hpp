#pragma once
// A locality plan: the localities of one partnership, which zone belongs to which,
// what is locked, the recorded crossings and the arrangements for each integration
// function in each locality. Saved as one JSON file (see docs/plan-format.md).
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace lp {

struct Locality {
    std::string id;       // stable key, e.g. "L1"
    std::string name;     // e.g. "North East"
    std::string colour;   // "#rrggbb"
    bool locked = false;  // every zone of a locked locality stays where it is
};

enum class Delivery { local, hosted, partnership_wide, acute };

struct Arrangement {
    Delivery delivery = Delivery::local;
    std::string hosted_by;  // locality id when delivery == hosted by a locality
    std::string notes;
};

struct PlanCrossing {
    std::string zone_a;
    std::string zone_b;
    std::string note;
};

struct LocalityPlan {
    int schema_version = 1;
    std::string partnership_code;  // S37...
    std::string partnership_name;
    std::map<std::string, std::string> sources; // what the plan was made from: role -> path
    std::vector<Locality> localities;
    std::map<std::string, std::string> assignment;   // zone id -> locality id
    std::vector<std::string> locked_zones;
    std::vector<PlanCrossing> crossings;
    // function code -> locality id -> arrangement
    std::map<std::string, std::map<std::string, Arrangement>> arrangements;
    std::string notes;
};

} // namespace lp
