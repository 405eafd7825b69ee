// The plan's CSV reader (plan/csv_table) and the zone,locality lookup reader built on it:
// any bytes parse or are refused with a named lp::Error; a parsed table written back with
// csv_line() parses to the same header and rows; a lookup that reads becomes a plan or a
// named conflict.
#include "fuzz_support.hpp"

#include <lp/plan/assignment_csv.hpp>
#include <lp/io/csv_table.hpp>

#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace {

void check_round_trip(const lp::CsvTable& table) {
    if (table.rows.size() != table.row_lines.size()) lp::fuzz::broken("rows and row_lines differ in length");
    for (const auto& row : table.rows)
        if (row.size() != table.header.size()) lp::fuzz::broken("a row is not as wide as the header");
    if (table.header.empty()) return;
    std::string text = lp::csv_line(table.header);
    for (const auto& row : table.rows) text += lp::csv_line(row);
    lp::CsvTable again;
    try {
        again = lp::parse_csv(text, "written.csv");
    } catch (const lp::Error& e) {
        lp::fuzz::broken(std::string("CSV the writer wrote is refused on reading: ") + e.what());
    }
    if (again.header != table.header) lp::fuzz::broken("header changed in a write/read round trip");
    // A row whose every field is empty and that is one column wide writes as a blank line,
    // which the reader skips; every other row must come back.
    std::vector<std::vector<std::string>> kept;
    for (const auto& row : table.rows)
        if (!(row.size() == 1 && row[0].empty())) kept.push_back(row);
    if (again.rows != kept) lp::fuzz::broken("rows changed in a write/read round trip");
}

// read_assignment_csv reads a path: one scratch file per fuzzing process.
const std::string& scratch_path() {
    static const std::string path =
        (std::filesystem::temp_directory_path() / ("lp_fuzz_lookup_" + std::to_string(getpid()) + ".csv")).string();
    return path;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    try {
        check_round_trip(lp::parse_csv(text, "fuzz.csv"));
    } catch (const lp::Error&) {
    }
    std::ofstream(scratch_path(), std::ios::binary | std::ios::trunc) << text;
    try {
        const lp::AssignmentTable table = lp::read_assignment_csv(scratch_path());
        std::vector<lp::AssignmentConflict> conflicts;
        const lp::LocalityPlan plan = lp::plan_from_assignment(table, &conflicts);
        if (plan.assignment.size() + conflicts.size() > table.rows.size())
            lp::fuzz::broken("more zones and conflicts than rows");
        (void)lp::plan_from_assignment(table); // conflicts now an lp::Error(bad_plan)
    } catch (const lp::Error&) {
    }
    return 0;
}
