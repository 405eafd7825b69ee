#pragma once
// Service-demand columns joined to zones by code (CSV or any table GDAL reads).
#include <cstddef>
#include <string>
#include <vector>

namespace lp {

class ZoneLayer;

// Numeric columns aligned with a ZoneLayer's zone order.
class DemandColumns {
public:
    std::vector<std::string> names;
    std::vector<std::vector<double>> values; // values[column][zone]
    std::vector<std::string> sources;        // file each column came from

    bool has(const std::string& name) const;
    // Throws lp::Error(field_not_found) naming the column and the columns there are.
    const std::vector<double>& column(const std::string& name) const;
    // Adds or replaces a column.
    void set(const std::string& name, std::vector<double> column_values, const std::string& source);
}; // class DemandColumns

struct DemandReadOptions {
    std::string path;
    std::string key_field;               // empty: the zone layer's id field
    std::vector<std::string> columns;    // empty: every column whose first row holds a number (a
                                         // later value that is not a number is then an error)
    bool allow_unknown_zones = false;    // rows for zones outside the layer are skipped when the filter
                                         // left those zones out, or when the table has a row for every
                                         // zone (a national table joined to one area); otherwise they
                                         // are errors unless allowed
    bool require_every_zone = true;      // a zone with no row is an error (missing_row)
};

// Joins one table onto the zones, adding its columns to `into`. Throws lp::Error
// naming the file and row for non-numeric values, unknown zones (when not allowed),
// missing rows and unknown columns.
void join_demand(const ZoneLayer& zones, const DemandReadOptions& options, DemandColumns& into);

// Text columns of a table keyed by zone (e.g. a lookup giving hscp_code per zone).
std::vector<std::string> join_text_column(const ZoneLayer& zones, const std::string& path,
                                          const std::string& key_field, const std::string& column);

} // namespace lp
