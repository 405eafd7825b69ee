#include <lp/core/error.hpp>
#include <lp/io/demand_table.hpp>
#include <lp/io/zone_layer.hpp>

#include "io/gdal_util.hpp"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <optional>
#include <unordered_set>

namespace lp {

bool DemandColumns::has(const std::string& name) const {
    return std::find(names.begin(), names.end(), name) != names.end();
}

const std::vector<double>& DemandColumns::column(const std::string& name) const {
    for (std::size_t i = 0; i < names.size(); ++i)
        if (names[i] == name) return values[i];
    std::string known;
    for (const auto& n : names) known += (known.empty() ? "" : ", ") + n;
    throw Error(ExitCode::field_not_found,
                "no demand column '" + name + "' (columns: " + (known.empty() ? "none; add --demand" : known) + ")");
}

void DemandColumns::set(const std::string& name, std::vector<double> column_values, const std::string& source) {
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (names[i] == name) {
            values[i] = std::move(column_values);
            sources[i] = source;
            return;
        }
    }
    names.push_back(name);
    values.push_back(std::move(column_values));
    sources.push_back(source);
}

namespace {

std::optional<double> parse_number(const char* text) {
    while (*text == ' ') ++text;
    if (!*text) return std::nullopt;
    char* end = nullptr;
    errno = 0;
    const double v = std::strtod(text, &end);
    while (end && *end == ' ') ++end;
    if (errno == ERANGE || !end || *end || !std::isfinite(v)) return std::nullopt;
    return v;
}

// CSV line of a data row: the header is line 1 and GDAL numbers CSV features from 1.
std::string row_label(const std::string& path, long long feature_number) {
    if (path.ends_with(".csv") || path.ends_with(".CSV"))
        return path + " line " + std::to_string(feature_number + 1);
    return path + " row " + std::to_string(feature_number);
}

} // namespace

void join_demand(const ZoneLayer& zones, const DemandReadOptions& options, DemandColumns& into) {
    auto ds = detail::open_vector(options.path);
    OGRLayer* layer = detail::find_layer(*ds, options.path, "");
    const std::string key = options.key_field.empty() ? zones.id_field : options.key_field;
    const int key_index = detail::field_index(*layer, options.path, key, "zone key");
    OGRFeatureDefn* defn = layer->GetLayerDefn();

    std::vector<int> indices;
    std::vector<std::string> names;
    const bool auto_columns = options.columns.empty();
    if (auto_columns) {
        for (int f = 0; f < defn->GetFieldCount(); ++f) {
            if (f == key_index) continue;
            indices.push_back(f);
            names.emplace_back(defn->GetFieldDefn(f)->GetNameRef());
        }
    } else {
        for (const auto& c : options.columns) {
            indices.push_back(detail::field_index(*layer, options.path, c, "demand"));
            names.push_back(c);
        }
    }

    const std::unordered_set<std::string> excluded(zones.excluded_ids.begin(), zones.excluded_ids.end());
    const double missing = std::numeric_limits<double>::quiet_NaN();
    std::vector<std::vector<double>> values(indices.size(), std::vector<double>(zones.size(), missing));
    std::vector<bool> numeric(indices.size(), true);
    std::vector<std::string> first_bad(indices.size());
    std::vector<long long> seen(zones.size(), 0);

    std::string first_unknown;
    std::size_t unknown_rows = 0;
    long long feature_number = 0;
    layer->ResetReading();
    for (auto& feature : *layer) {
        ++feature_number;
        if (auto_columns && feature_number == 1) // text from the first row on (names, codes): not demand
            for (std::size_t c = 0; c < indices.size(); ++c)
                numeric[c] = parse_number(feature->GetFieldAsString(indices[c])).has_value();
        const std::string id = feature->GetFieldAsString(key_index);
        const auto zone = zones.find(id);
        if (!zone) {
            if (excluded.count(id) || options.allow_unknown_zones) continue;
            const std::string message = row_label(options.path, feature_number) + ": " + key + " '" + id +
                                        "' is not a zone of " + zones.source;
            // A filtered layer knows every zone of its file: anything else is unknown.
            if (!zones.excluded_ids.empty()) throw Error(ExitCode::unknown_zone, message);
            // Otherwise this may be a national table joined to one area's file; decided below.
            if (first_unknown.empty()) first_unknown = message;
            ++unknown_rows;
            continue;
        }
        if (seen[*zone])
            throw Error(ExitCode::bad_value, row_label(options.path, feature_number) + ": second row for zone " + id +
                                                 " (first at " + row_label(options.path, seen[*zone]) + ")");
        seen[*zone] = feature_number;
        for (std::size_t c = 0; c < indices.size(); ++c) {
            if (!numeric[c]) continue;
            const char* text = feature->GetFieldAsString(indices[c]);
            if (auto v = parse_number(text)) {
                values[c][*zone] = *v;
            } else {
                throw Error(ExitCode::bad_value, row_label(options.path, feature_number) + ", column " + names[c] +
                                                     ": '" + text + "' is not a number (zone " + id + ")");
            }
        }
    }
    // A table that has a row for every zone covers a wider area (Scotland's table joined
    // to one council's file): its other rows are zones outside the area. A table that
    // misses zones and names unknown ones is more likely keyed wrongly or for another
    // geography: say which row.
    std::size_t missing_zones = 0;
    for (long long row : seen) missing_zones += row == 0;
    if (unknown_rows > 0 && missing_zones > 0)
        throw Error(ExitCode::unknown_zone, first_unknown + " (and " + std::to_string(missing_zones) +
                                                " zone(s) of the layer have no row)");
    if (options.require_every_zone) {
        for (std::size_t z = 0; z < zones.size(); ++z)
            if (!seen[z])
                throw Error(ExitCode::missing_row,
                            options.path + ": no row for zone " + zones.ids[z] + " (every zone needs demand values)");
    }
    for (std::size_t c = 0; c < indices.size(); ++c)
        if (numeric[c]) into.set(names[c], std::move(values[c]), options.path);
}

std::vector<std::string> join_text_column(const ZoneLayer& zones, const std::string& path, const std::string& key_field,
                                          const std::string& column) {
    auto ds = detail::open_vector(path);
    OGRLayer* layer = detail::find_layer(*ds, path, "");
    const int key_index = detail::field_index(*layer, path, key_field.empty() ? zones.id_field : key_field, "zone key");
    const int value_index = detail::field_index(*layer, path, column, "lookup");
    std::vector<std::string> out(zones.size());
    layer->ResetReading();
    for (auto& feature : *layer)
        if (auto z = zones.find(feature->GetFieldAsString(key_index))) out[*z] = feature->GetFieldAsString(value_index);
    return out;
}

} // namespace lp
