#pragma once
// What generate and tradeoff read for planner-guided localities: the hubs file (one row
// per locality to centre on: a zone id or a place, and optionally the locality's name)
// and the gazetteer of towns a hub may name (--places).
#include <lp/community/hubs.hpp>
#include <lp/io/point_layer.hpp>

#include <optional>
#include <string>
#include <vector>

namespace lp::cli {

// CSV rows `zone[,name]`: the first column a zone id, settlement, town or zone name; the
// second, when there, the locality's name. A first row whose first cell is a header word
// (zone, place, hub, town, id) is the header. Throws lp::Error naming file and line.
std::vector<HubRequest> read_hub_requests(const std::string& path);

// The towns of a point layer with a name field (e.g. GeoNames places), each placed in
// the zone it falls in. Empty path: none.
std::optional<PointLayer> read_gazetteer(const std::string& path, const ZoneLayer& zones);

} // namespace lp::cli
