#include <lp/io/crossings_table.hpp>

#include <lp/core/error.hpp>
#include <lp/io/csv_table.hpp>

namespace lp {

std::vector<UserCrossing> read_crossings_csv(const std::string& path) {
    const CsvTable table = read_csv_file(path);
    auto zone_a = table.column("zone_a"), zone_b = table.column("zone_b"), note = table.column("note");
    if (!zone_a || !zone_b) {
        if (table.header.size() < 2)
            throw Error(ErrorKind::field_not_found, path + ": a crossings table needs columns zone_a,zone_b[,note]");
        zone_a = 0;
        zone_b = 1;
        if (!note && table.header.size() > 2) note = 2;
    }
    std::vector<UserCrossing> out;
    out.reserve(table.rows.size());
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
        const auto& row = table.rows[r];
        out.push_back({row[*zone_a], row[*zone_b], note ? row[*note] : std::string{}, path, table.row_lines[r]});
    }
    return out;
}

} // namespace lp
