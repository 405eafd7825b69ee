#include <lp/plan/assignment_csv.hpp>

#include <lp/core/error.hpp>
#include <lp/io/atomic_file.hpp>
#include <lp/io/csv_table.hpp>
#include <lp/io/zone_layer.hpp>

#include <algorithm>
#include <cctype>
#include <map>
#include <unordered_map>
#include <unordered_set>

namespace lp {

AssignmentTable read_assignment_csv(const std::string& path, const ZoneLayer* zones) {
    CsvTable csv = read_csv_file(path);
    if (csv.header.size() < 2)
        throw Error(ErrorKind::bad_value, path + ": a zone,locality lookup needs at least two columns, found " +
                                             std::to_string(csv.header.size()));
    auto zone_header = csv.column("zone");
    if (!zone_header && zones) zone_header = csv.column(zones->id_field);
    if (zones && !zone_header && !csv.column("locality")) csv.header_as_row();
    const std::size_t zone_column = zone_header.value_or(0);
    const std::size_t locality_column = csv.column("locality").value_or(zone_column == 1 ? 0 : 1);
    if (zone_column == locality_column)
        throw Error(ErrorKind::bad_value, path + ": cannot tell the zone column from the locality column; head them "
                                                "\"zone\" and \"locality\"");
    const auto name_column = csv.column("locality_name");

    AssignmentTable table;
    table.source = path;
    for (std::size_t r = 0; r < csv.rows.size(); ++r) {
        const auto& row = csv.rows[r];
        AssignmentRow a;
        a.line = csv.row_lines[r];
        a.zone = row[zone_column];
        a.locality = row[locality_column];
        if (name_column) a.locality_name = row[*name_column];
        if (a.zone.empty())
            throw Error(ErrorKind::bad_value, path + ": line " + std::to_string(a.line) + ": empty zone code");
        if (a.locality.empty())
            throw Error(ErrorKind::bad_value,
                        path + ": line " + std::to_string(a.line) + ": zone " + a.zone + " has an empty locality");
        table.rows.push_back(std::move(a));
    }
    return table;
}

namespace {

// Locality ids in the order a reader counts them: "2" before "10", "L2" before "L10".
bool natural_less(const std::string& a, const std::string& b) {
    std::size_t i = 0, j = 0;
    while (i < a.size() && j < b.size()) {
        const bool da = std::isdigit(static_cast<unsigned char>(a[i])) != 0;
        const bool db = std::isdigit(static_cast<unsigned char>(b[j])) != 0;
        if (da && db) {
            std::size_t ie = i, je = j;
            while (ie < a.size() && std::isdigit(static_cast<unsigned char>(a[ie]))) ++ie;
            while (je < b.size() && std::isdigit(static_cast<unsigned char>(b[je]))) ++je;
            const std::string na = a.substr(i, ie - i), nb = b.substr(j, je - j);
            const auto trimmed = [](const std::string& s) { return s.substr(std::min(s.find_first_not_of('0'), s.size())); };
            const std::string ta = trimmed(na), tb = trimmed(nb);
            if (ta.size() != tb.size()) return ta.size() < tb.size();
            if (ta != tb) return ta < tb;
            i = ie;
            j = je;
        } else {
            if (a[i] != b[j]) return a[i] < b[j];
            ++i;
            ++j;
        }
    }
    return a.size() - i < b.size() - j;
}

} // namespace

LocalityPlan plan_from_assignment(const AssignmentTable& table, std::vector<AssignmentConflict>* conflicts) {
    LocalityPlan plan;
    std::unordered_map<std::string, std::size_t> line_of_zone;
    line_of_zone.reserve(table.rows.size());
    std::unordered_set<std::string> localities_seen; // locality_index() per row was rows x localities
    for (const auto& row : table.rows) {
        if (localities_seen.insert(row.locality).second) {
            Locality l;
            l.id = row.locality;
            l.name = row.locality_name.empty() ? row.locality : row.locality_name;
            l.colour = default_locality_colour(plan.localities.size());
            plan.localities.push_back(std::move(l));
        }
        auto [it, inserted] = plan.assignment.emplace(row.zone, row.locality);
        if (inserted) {
            line_of_zone[row.zone] = row.line;
        } else if (it->second != row.locality) {
            AssignmentConflict c{row.zone, it->second, row.locality, line_of_zone[row.zone], row.line};
            if (!conflicts)
                throw Error(ErrorKind::duplicate_id, table.source + ": zone " + c.zone + " is in locality " + c.kept_locality +
                                                    " (line " + std::to_string(c.first_line) + ") and in locality " +
                                                    c.other_locality + " (line " + std::to_string(c.other_line) +
                                                    "); a zone belongs to exactly one locality");
            conflicts->push_back(std::move(c));
        }
    }
    // Localities in their own order (1, 2, ... 10), not the lookup's row order, with the
    // palette's colours in that order (a caller with the zones' graph recolours them so
    // that no neighbours share one: colour_localities).
    std::stable_sort(plan.localities.begin(), plan.localities.end(),
                     [](const Locality& a, const Locality& b) { return natural_less(a.id, b.id); });
    for (std::size_t j = 0; j < plan.localities.size(); ++j) plan.localities[j].colour = default_locality_colour(j);
    return plan;
}

std::string assignment_to_csv(const std::vector<AssignmentRow>& rows) {
    std::string out = csv_line({"zone", "locality", "locality_name"});
    for (const auto& row : rows) out += csv_line({row.zone, row.locality, row.locality_name});
    return out;
}

std::string assignment_to_csv(const LocalityPlan& plan) {
    std::map<std::string, std::string> names;
    for (const auto& l : plan.localities) names[l.id] = l.name;
    std::vector<AssignmentRow> rows;
    rows.reserve(plan.assignment.size());
    for (const auto& [zone, locality] : plan.assignment) {
        auto name = names.find(locality);
        rows.push_back({zone, locality, name == names.end() ? std::string{} : name->second});
    }
    return assignment_to_csv(rows);
}

void write_assignment_csv(const std::string& path, const LocalityPlan& plan) {
    write_file_atomically(path, assignment_to_csv(plan));
}

} // namespace lp
