// Zone layers (io/zone_layer) read through GDAL from a /vsimem/ GeoJSON file, with the id
// field "zone": any bytes read or are refused with a named lp::Error; a layer that reads
// has one id, shape, area and box per zone, and only finite coordinates.
#include "fuzz_support.hpp"

#include <lp/io/zone_layer.hpp>

#include <cpl_vsi.h>

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>

namespace {

void check_layer(const lp::ZoneLayer& zones) {
    const std::size_t n = zones.ids.size();
    if (zones.names.size() != n || zones.shapes.size() != n || zones.areas.size() != n || zones.boxes.size() != n)
        lp::fuzz::broken("a zone layer's ids, names, shapes, areas and boxes differ in number");
    for (std::size_t f = 0; f < zones.fields.size(); ++f)
        if (zones.fields[f].size() != n) lp::fuzz::broken("attribute " + zones.field_names[f] + " is not one per zone");
    for (std::size_t z = 0; z < n; ++z) {
        if (!zones.find(zones.ids[z]) || *zones.find(zones.ids[z]) != z) lp::fuzz::broken("id index disagrees");
        for (const auto& polygon : zones.shapes[z])
            for (const auto& p : polygon.exterior)
                if (!std::isfinite(p.x) || !std::isfinite(p.y)) lp::fuzz::broken("zone " + zones.ids[z] + " has a NaN");
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string path = "/vsimem/fuzz_zones.geojson";
    VSILFILE* file = VSIFileFromMemBuffer(path.c_str(), const_cast<GByte*>(data), size, FALSE);
    if (!file) return 0;
    VSIFCloseL(file);
    lp::ZoneReadOptions options;
    options.path = path;
    options.id_field = "zone";
    try {
        check_layer(lp::read_zones(options));
    } catch (const lp::Error&) {
    }
    VSIUnlink(path.c_str());
    return 0;
}
