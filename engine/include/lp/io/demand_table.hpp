#pragma once
// Service-demand columns joined to zones by code. Read through GDAL, not io/csv_table.hpp:
// a planner's table may be CSV, XLSX, ODS or a GeoPackage table, and GDAL reads them all.
#include <cstddef>
#include <string>
#include <utility>
#include <vector>

namespace lp {

class ZoneLayer;

// Numeric columns aligned with a ZoneLayer's zone order.
class DemandColumns {
public:
    std::vector<std::string> names;
    std::vector<std::vector<double>> values; // values[column][zone]
    std::vector<std::string> sources;        // file each column came from
    // Columns of numbers that cannot be used as demand (a gap, or a word among numbers):
    // name and the first problem (file, line, zone). Asking for one by name reports it.
    std::vector<std::pair<std::string, std::string>> unusable;
    // Every column each table held, as its text per zone ("" for a zone without a row),
    // demand or not: names and codes (keep-whole groups, settlement names) are then a
    // lookup, not a second read of the table for each partnership of a batch.
    struct TextColumn {
        std::string name;
        std::string source;
        std::vector<std::string> values;
    };
    std::vector<TextColumn> text;

    bool has(const std::string& name) const;
    // Throws lp::Error(field_not_found) naming the column and the columns there are.
    const std::vector<double>& column(const std::string& name) const;
    // Records a column that cannot be used, with why.
    void set_unusable(const std::string& name, const std::string& problem);
    // Adds or replaces a column.
    void set(const std::string& name, std::vector<double> column_values, const std::string& source);
    // Whether the columns of this table were kept as text (it was joined).
    bool has_text_of(const std::string& source) const;
    // A column of that table by name (exact, then any case, as GDAL matches fields), or nullptr.
    const std::vector<std::string>* text_column(const std::string& source, const std::string& name) const;
}; // class DemandColumns

struct DemandReadOptions {
    std::string path;
    std::string key_field;               // empty: the zone layer's id field
    std::vector<std::string> columns;    // empty: every column whose values are all numbers ("1,234"
                                         // taken as 1234); a column mostly of numbers with a word in
                                         // it is an error; one with gaps is kept out and reported when
                                         // asked for. Named columns: every value must be a number
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
