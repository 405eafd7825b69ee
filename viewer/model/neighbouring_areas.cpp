#include "model/neighbouring_areas.hpp"

#include <lp/core/error.hpp>
#include <lp/geometry/dissolve.hpp>

#include <algorithm>
#include <map>

namespace lp::viewer {

NeighbouringAreas dissolve_neighbouring_areas(const ZoneReadOptions& zones, const std::string& working_crs) {
    NeighbouringAreas areas;
    if (zones.filter_field.empty()) return areas;
    ZoneReadOptions all = zones;
    all.filter_field.clear();
    all.filter_values.clear();
    all.working_crs = working_crs;
    const ZoneLayer layer = read_zones(all);
    const auto field = std::find(layer.field_names.begin(), layer.field_names.end(), zones.filter_field);
    if (field == layer.field_names.end())
        throw Error(ErrorKind::field_not_found, zones.path + ": no field " + zones.filter_field + " to find the neighbouring areas by");
    const std::vector<std::string>& values = layer.fields[static_cast<std::size_t>(field - layer.field_names.begin())];
    std::map<std::string, int> group_of;
    for (const std::string& value : values) {
        const bool own = std::find(zones.filter_values.begin(), zones.filter_values.end(), value) != zones.filter_values.end();
        if (!own && !value.empty()) group_of.emplace(value, 0);
    }
    int next = 0;
    for (auto& [value, group] : group_of) {
        group = next++;
        areas.ids.push_back(value);
    }
    std::vector<int> groups(layer.size(), -1);
    for (std::size_t z = 0; z < layer.size(); ++z) {
        if (const auto found = group_of.find(values[z]); found != group_of.end()) groups[z] = found->second;
    }
    areas.shapes = dissolve_groups(layer.shapes, layer.boxes, groups, next);
    return areas;
}

} // namespace lp::viewer
