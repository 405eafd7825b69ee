#pragma once
// Plain zone,locality lookups: how partnerships publish their localities today, and what
// generate's --lock, --start and --assignment read and write. The one reader and writer of
// these tables (through io/csv_table.hpp).
//
// Reading: the zone column is the one headed "zone" (or the zone layer's id field, when a
// layer is given; else the first column), the locality column the one headed "locality"
// (else the second); an optional "locality_name" column names the localities. Writing:
// zone,locality,locality_name, one row per zone.
#include <lp/plan/locality_plan.hpp>

#include <cstddef>
#include <string>
#include <vector>

namespace lp {

struct AssignmentRow {
    std::string zone;
    std::string locality;
    std::string locality_name;   // empty when the file has no locality_name column
    std::size_t line = 0;
};

struct AssignmentTable {
    std::string source;
    std::vector<AssignmentRow> rows;
};

class ZoneLayer;

// Throws lp::Error(file_not_found / bad_value) naming the file and line of an empty
// zone or locality. With a zone layer (generate's --lock and --start), a first row that
// names neither column is data: hand-written lookups often have no header, and a first
// zone the layer lacks is then reported as such.
AssignmentTable read_assignment_csv(const std::string& path, const ZoneLayer* zones = nullptr);

// A zone listed twice with different localities: the plan keeps the first.
struct AssignmentConflict {
    std::string zone;
    std::string kept_locality;
    std::string other_locality;
    std::size_t first_line = 0;
    std::size_t other_line = 0;
};

// Localities in order of first appearance, named by locality_name (or the id) and
// coloured from the default palette. With conflicts == nullptr a conflict is an
// lp::Error(duplicate_id) naming the zone and both lines.
LocalityPlan plan_from_assignment(const AssignmentTable& table, std::vector<AssignmentConflict>* conflicts = nullptr);

// Sorted by zone.
std::string assignment_to_csv(const LocalityPlan& plan);
// The rows in the order given (their lines are not written).
std::string assignment_to_csv(const std::vector<AssignmentRow>& rows);
void write_assignment_csv(const std::string& path, const LocalityPlan& plan);

} // namespace lp
