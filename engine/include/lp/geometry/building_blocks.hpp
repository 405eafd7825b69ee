#pragma once
// Building blocks: a planner's existing areas (council wards, community planning areas)
// given as any polygon layer GDAL reads, which need not nest in the zones. Each zone
// belongs to the block it overlaps most; zones whose best overlap is small are listed,
// since a planner should see where the two geographies disagree.
#include <lp/io/zone_layer.hpp>

#include <cstddef>
#include <string>
#include <vector>

namespace lp {

struct BuildingBlockSpec {
    std::string path;
    std::string layer;   // empty: the first layer
    std::string field;   // attribute naming each block, e.g. "ward22_code"
};

// "FILE:FIELD" or "FILE:LAYER:FIELD" (split at the last colons, so a path may hold one).
// Throws lp::Error(bad_setting) when there is no field.
BuildingBlockSpec parse_building_blocks(const std::string& text);

struct BlockAssignment {
    std::vector<std::string> block_ids;   // distinct values of the field, in order of first zone
    std::vector<std::string> block_names; // a name per block (the layer's name field, guessed
                                          // like the zone layer's; else the id)
    std::vector<int> block_of_zone;       // per zone: index into block_ids
    std::vector<double> share;            // per zone: share of the zone's area inside its block (0..1)
    struct LowOverlap {
        std::size_t zone;
        int block;                        // the block the zone was given
        double share;                     // its share of the zone's area (0: no overlap; nearest block)
    };
    std::vector<LowOverlap> low_overlap;  // zones whose best share is under the threshold, by zone
}; // struct BlockAssignment

// Reads the layer, reprojects it into the zones' working CRS and gives every zone the
// block it overlaps most (GEOS intersection areas over an R-tree of block boxes); a zone
// overlapping none goes to the nearest block, share 0. Equal overlaps or distances go to the
// block whose id sorts first. Throws lp::Error naming the file
// (file_not_found, layer_not_found, field_not_found, crs_problem, bad_geometry).
BlockAssignment assign_building_blocks(const ZoneLayer& zones, const BuildingBlockSpec& spec,
                                       double low_overlap_threshold = 0.6);

} // namespace lp
