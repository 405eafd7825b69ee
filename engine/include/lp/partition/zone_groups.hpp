#pragma once
// Zones that belong together: settlements (a town's zones), building blocks (wards,
// community planning areas), keep-whole groups (Intermediate Zones). The partitioner
// keeps them whole at a price; the statistics count and name the ones split.
#include <string>
#include <vector>

namespace lp {

// Zones that belong together: settlements, building blocks (wards), Intermediate Zones.
struct ZoneGroups {
    std::string kind = "group";                   // names them in messages: "settlement", "building block"
    std::vector<int> of_zone;                     // per zone: group >= 0, -1 none
    std::vector<std::string> names;               // per group id (optional): "Inverness", "Nairn"
    double split_cost = -1;                       // price of one extra piece of a group; negative: the
                                                  // median price of the boundary between two zones
    bool keep_whole = false;                      // split only where a band forces it, as few times as
                                                  // possible (priced above any cut; split_cost ignored)
    bool never_split = false;                     // the caller also gave them as hard blocks, so no band
                                                  // forces a split (notes about forced splits are left out)
}; // struct ZoneGroups

} // namespace lp
