#include <lp/core/error.hpp>
#include <lp/io/demand_table.hpp>
#include <lp/io/zone_layer.hpp>

#include "io/gdal_util.hpp"

#include <algorithm>
#include <cctype>
#include <limits>
#include <string>
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
    for (const auto& [unusable_name, problem] : unusable)
        if (unusable_name == name) throw Error(ErrorKind::bad_value, "demand column '" + name + "': " + problem);
    std::string known;
    for (const auto& n : names) known += (known.empty() ? "" : ", ") + n;
    throw Error(ErrorKind::field_not_found,
                "no demand column '" + name + "' (columns: " + (known.empty() ? "none; add a demand table" : known) + ")");
}

void DemandColumns::set_unusable(const std::string& name, const std::string& problem) {
    for (auto& [n, p] : unusable)
        if (n == name) {
            p = problem;
            return;
        }
    unusable.emplace_back(name, problem);
}

void DemandColumns::set(const std::string& name, std::vector<double> column_values, const std::string& source) {
    std::erase_if(unusable, [&](const auto& u) { return u.first == name; });
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

bool DemandColumns::has_text_of(const std::string& source) const {
    return std::any_of(text.begin(), text.end(), [&](const TextColumn& c) { return c.source == source; });
}

const std::vector<std::string>* DemandColumns::text_column(const std::string& source, const std::string& name) const {
    const auto same_letters = [](const std::string& a, const std::string& b) {
        return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
                   return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
               });
    };
    for (const auto& c : text)
        if (c.source == source && c.name == name) return &c.values;
    for (const auto& c : text)
        if (c.source == source && same_letters(c.name, name)) return &c.values;
    return nullptr;
}

namespace {

// "1,234" and "12,345,678.5": commas between groups of three digits are thousands separators.
std::string without_thousands_separators(const std::string& text) {
    if (text.find(',') == std::string::npos) return text;
    std::size_t i = 0;
    if (i < text.size() && (text[i] == '-' || text[i] == '+')) ++i;
    std::size_t lead = 0;
    while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) ++i, ++lead;
    if (lead < 1 || lead > 3) return text;
    std::string out = text.substr(0, i);
    while (i < text.size() && text[i] == ',') {
        for (std::size_t d = 1; d <= 3; ++d)
            if (i + d >= text.size() || !std::isdigit(static_cast<unsigned char>(text[i + d]))) return text;
        if (i + 4 < text.size() && std::isdigit(static_cast<unsigned char>(text[i + 4]))) return text;
        out += text.substr(i + 1, 3);
        i += 4;
    }
    if (i < text.size() && text[i] != '.') return text;
    if (text.find(',', i) != std::string::npos) return text;
    return out + text.substr(i);
}

// The largest demand value taken: anything larger is a typo or an overflow (1e308 would
// make totals infinite).
constexpr double max_demand = 1e15;

enum class Parsed { number, empty, word, out_of_range };

Parsed parse_number(const char* raw, double& value) {
    std::string text = raw;
    const auto first = text.find_first_not_of(" \t");
    if (first == std::string::npos) return Parsed::empty;
    text = without_thousands_separators(text.substr(first, text.find_last_not_of(" \t") - first + 1));
    char* end = nullptr;
    errno = 0;
    const double v = std::strtod(text.c_str(), &end);
    if (!end || end == text.c_str() || *end) return Parsed::word;
    if (errno == ERANGE || !std::isfinite(v) || std::fabs(v) > max_demand) return Parsed::out_of_range;
    value = v;
    return Parsed::number;
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
    // Whether a column holds demand is decided from every row, not the first: a column is
    // numeric when its values are numbers (a missing value or "1,234" anywhere does not drop it).
    struct ColumnState {
        std::size_t numbers = 0, words = 0;
        std::string first_word, first_empty, first_out_of_range;
    };
    std::vector<ColumnState> state(indices.size());
    std::vector<std::vector<std::string>> texts(indices.size(), std::vector<std::string>(zones.size()));
    std::vector<long long> seen(zones.size(), 0);

    std::string first_unknown;
    std::size_t unknown_rows = 0;
    // GDAL's CSV driver leaves the fields a row lacks unset (an empty field is set, to ""), so
    // a row cut short would read as gaps: said here, with its line.
    const bool csv = ds->GetDriver() && EQUAL(ds->GetDriver()->GetDescription(), "CSV");
    const int field_count = defn->GetFieldCount();
    long long feature_number = 0;
    layer->ResetReading();
    for (auto& feature : *layer) {
        ++feature_number;
        if (csv && field_count > 0 && !feature->IsFieldSet(field_count - 1)) {
            int present = field_count - 1;
            while (present > 0 && !feature->IsFieldSet(present - 1)) --present;
            const int missing = field_count - present;
            throw Error(ErrorKind::bad_value,
                        row_label(options.path, feature_number) + ": a row cut short: " + std::to_string(present) +
                            " field(s) where the header has " + std::to_string(field_count) + " (no " +
                            defn->GetFieldDefn(present)->GetNameRef() +
                            (missing > 1 ? " and " + std::to_string(missing - 1) + " more column(s)" : std::string()) +
                            (present > key_index ? " for zone " + std::string(feature->GetFieldAsString(key_index)) : "") +
                            ")");
        }
        const std::string id = feature->GetFieldAsString(key_index);
        const auto zone = zones.find(id);
        if (!zone) {
            if (excluded.count(id) || options.allow_unknown_zones) continue;
            const std::string message = row_label(options.path, feature_number) + ": " + key + " '" + id +
                                        "' is not a zone of " + zones.source;
            // A filtered layer knows every zone of its file: anything else is unknown.
            if (!zones.excluded_ids.empty()) throw Error(ErrorKind::unknown_zone, message);
            // Otherwise this may be a national table joined to one area's file; decided below.
            if (first_unknown.empty()) first_unknown = message;
            ++unknown_rows;
            continue;
        }
        if (seen[*zone])
            throw Error(ErrorKind::bad_value, row_label(options.path, feature_number) + ": second row for zone " + id +
                                                 " (first at " + row_label(options.path, seen[*zone]) + ")");
        seen[*zone] = feature_number;
        for (std::size_t c = 0; c < indices.size(); ++c) {
            const char* text = feature->GetFieldAsString(indices[c]);
            texts[c][*zone] = text;
            double v = 0;
            const Parsed parsed = parse_number(text, v);
            auto& st = state[c];
            const std::string where = row_label(options.path, feature_number) + ", column " + names[c] + ": ";
            switch (parsed) {
            case Parsed::number:
                values[c][*zone] = v;
                ++st.numbers;
                break;
            case Parsed::empty:
                if (!auto_columns)
                    throw Error(ErrorKind::bad_value, where + "no value (zone " + id + ")");
                if (st.first_empty.empty()) st.first_empty = where + "no value (zone " + id + ")";
                break;
            case Parsed::word:
                if (!auto_columns)
                    throw Error(ErrorKind::bad_value, where + "'" + text + "' is not a number (zone " + id + ")");
                if (st.first_word.empty()) st.first_word = where + "'" + text + "' is not a number (zone " + id + ")";
                ++st.words;
                break;
            case Parsed::out_of_range: {
                const std::string message =
                    where + "'" + text + "' is out of range (demand values are finite and at most 1e15; zone " + id + ")";
                if (!auto_columns) throw Error(ErrorKind::bad_value, message);
                if (st.first_out_of_range.empty()) st.first_out_of_range = message;
                ++st.numbers;
                break;
            }
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
        throw Error(ErrorKind::unknown_zone, first_unknown + " (and " + std::to_string(missing_zones) +
                                                " zone(s) of the layer have no row)");
    if (options.require_every_zone) {
        for (std::size_t z = 0; z < zones.size(); ++z)
            if (!seen[z])
                throw Error(ErrorKind::missing_row,
                            options.path + ": no row for zone " + zones.ids[z] + " (every zone needs demand values)");
    }
    for (std::size_t c = 0; c < indices.size(); ++c) {
        const auto& st = state[c];
        if (st.numbers == 0) continue; // text (names, codes): not demand
        // Mostly numbers: a column meant as demand, so a word in it is an error now.
        if (st.words > 0 && st.numbers >= st.words) throw Error(ErrorKind::bad_value, st.first_word);
        if (!st.first_out_of_range.empty() && st.words == 0) throw Error(ErrorKind::bad_value, st.first_out_of_range);
        // Mostly words, or numbers with gaps: not demand, but asked for by name it says why.
        std::string problem = st.words > 0 ? st.first_word : st.first_empty;
        if (!problem.empty()) {
            into.set_unusable(names[c], problem);
            continue;
        }
        into.set(names[c], std::move(values[c]), options.path);
    }
    std::erase_if(into.text, [&](const DemandColumns::TextColumn& c) { return c.source == options.path; });
    for (std::size_t c = 0; c < indices.size(); ++c) into.text.push_back({names[c], options.path, std::move(texts[c])});
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
