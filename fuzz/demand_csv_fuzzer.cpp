// Demand tables (io/demand_table, through GDAL's CSV driver from a /vsimem/ file) joined
// to three zones A, B, C: any bytes join or are refused with a named lp::Error, and every
// column that joins holds finite values within the documented 1e15 for every zone.
#include "fuzz_support.hpp"

#include <lp/io/demand_table.hpp>
#include <lp/io/zone_layer.hpp>

#include <cpl_vsi.h>

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>

namespace {

const lp::ZoneLayer& three_zones() {
    static const lp::ZoneLayer zones = [] {
        lp::ZoneLayer z;
        z.source = "three_zones";
        z.id_field = "zone";
        z.ids = {"A", "B", "C"};
        z.names = {"Alpha", "Bravo", "Charlie"};
        z.rebuild_index();
        return z;
    }();
    return zones;
}

void join_and_check(const std::string& path, lp::DemandReadOptions options) {
    options.path = path;
    lp::DemandColumns columns;
    try {
        lp::join_demand(three_zones(), options, columns);
    } catch (const lp::Error&) {
        return;
    }
    for (std::size_t c = 0; c < columns.names.size(); ++c) {
        if (columns.values[c].size() != three_zones().size()) lp::fuzz::broken("a column is not one value per zone");
        if (!options.require_every_zone) continue; // zones without a row hold NaN
        for (double v : columns.values[c])
            if (!std::isfinite(v) || std::fabs(v) > 1e15)
                lp::fuzz::broken("column " + columns.names[c] + " holds " + std::to_string(v));
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string path = "/vsimem/fuzz_demand.csv";
    // VSIFileFromMemBuffer does not copy: the buffer must outlive the file (removed below).
    VSILFILE* file = VSIFileFromMemBuffer(path.c_str(), const_cast<GByte*>(data), size, FALSE);
    if (!file) return 0;
    VSIFCloseL(file);
    join_and_check(path, {}); // every numeric column, every zone needs a row
    lp::DemandReadOptions named;
    named.columns = {"pop"};
    named.require_every_zone = false;
    named.allow_unknown_zones = true;
    join_and_check(path, named);
    VSIUnlink(path.c_str());
    return 0;
}
