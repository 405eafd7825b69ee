#pragma once
// Water crossings a planner records (ferries, causeways: links the zone outlines do not
// show), read from a CSV table of zone_a,zone_b[,note]. Read here, by io, so that the graph
// builder takes them as data and never opens a file.
#include <cstddef>
#include <string>
#include <vector>

namespace lp {

struct UserCrossing {
    std::string zone_a;
    std::string zone_b;
    std::string note;
    std::string source;      // the table's file, for messages; empty for crossings made in code
    std::size_t line = 0;    // 1-based line of the row in source
};

// Columns headed zone_a, zone_b and note (any order, any case), else the first three by
// position. Throws lp::Error(file_not_found / bad_value) from the CSV reader, or
// lp::Error(field_not_found) for a table of fewer than two columns.
std::vector<UserCrossing> read_crossings_csv(const std::string& path);

} // namespace lp
