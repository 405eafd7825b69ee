#include "hub_inputs.hpp"

#include <lp/core/error.hpp>
#include <lp/io/csv_table.hpp>

#include <algorithm>
#include <cctype>
#include <set>

namespace lp::cli {

std::vector<HubRequest> read_hub_requests(const std::string& path) {
    CsvTable table = read_csv_file(path);
    static const std::set<std::string> header_words{"zone", "zone_id", "place", "hub", "hubs", "town", "id", "name"};
    std::string first = table.header.empty() ? std::string() : table.header.front();
    std::transform(first.begin(), first.end(), first.begin(), [](unsigned char c) { return std::tolower(c); });
    if (!table.header.empty() && !header_words.count(first)) table.header_as_row();
    std::vector<HubRequest> requests;
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
        const auto& row = table.rows[r];
        if (row.empty() || std::all_of(row.begin(), row.end(), [](const std::string& cell) { return cell.empty(); }))
            continue;
        const std::string where = path + " line " + std::to_string(table.row_lines[r]);
        if (row.front().empty()) throw Error(ErrorKind::bad_value, where + ": no zone or place in the first column");
        if (row.size() > 2)
            throw Error(ErrorKind::bad_value, where + ": " + std::to_string(row.size()) +
                                                 " fields; a hub row is zone-or-place[,locality name]");
        requests.push_back({row.front(), row.size() > 1 ? row[1] : std::string(), where});
    }
    if (requests.empty()) throw Error(ErrorKind::bad_value, path + ": no hubs (expected rows of zone-or-place[,name])");
    return requests;
}

std::optional<PointLayer> read_gazetteer(const std::string& path, const ZoneLayer& zones) {
    if (path.empty()) return std::nullopt;
    return read_points(path, zones);
}

} // namespace lp::cli
