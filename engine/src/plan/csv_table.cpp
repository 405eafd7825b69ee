#include <lp/plan/csv_table.hpp>

#include <lp/core/error.hpp>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <sstream>

namespace lp {

namespace {

bool iequals(const std::string& a, const std::string& b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
           });
}

std::string trimmed(const std::string& s) {
    const auto first = s.find_first_not_of(" \t");
    if (first == std::string::npos) return {};
    const auto last = s.find_last_not_of(" \t");
    return s.substr(first, last - first + 1);
}

} // namespace

std::optional<std::size_t> CsvTable::column(const std::string& name) const {
    for (std::size_t i = 0; i < header.size(); ++i)
        if (header[i] == name) return i;
    for (std::size_t i = 0; i < header.size(); ++i)
        if (iequals(header[i], name)) return i;
    return std::nullopt;
}

void CsvTable::header_as_row() {
    if (header.empty()) return;
    rows.insert(rows.begin(), std::move(header));
    row_lines.insert(row_lines.begin(), header_line);
    header.clear();
}

CsvTable parse_csv(const std::string& text, const std::string& source) {
    CsvTable table;
    table.source = source;
    std::size_t pos = 0;
    if (text.compare(0, 3, "\xEF\xBB\xBF") == 0) pos = 3;

    std::size_t line = 1;
    std::vector<std::string> record;
    std::string field;
    bool quoted_field = false;
    std::size_t record_line = 1;

    auto finish_field = [&] {
        // Unquoted fields are trimmed of spaces a hand-edited file often carries;
        // quoted fields are taken exactly.
        record.push_back(quoted_field ? field : trimmed(field));
        field.clear();
        quoted_field = false;
    };
    auto finish_record = [&] {
        finish_field();
        const bool blank = record.size() == 1 && record[0].empty();
        if (!blank) {
            if (table.header.empty()) {
                table.header = std::move(record);
                table.header_line = record_line;
            } else {
                if (record.size() > table.header.size())
                    throw Error(ExitCode::bad_value, source + ": line " + std::to_string(record_line) + ": " +
                                                         std::to_string(record.size()) + " fields but the header has " +
                                                         std::to_string(table.header.size()));
                record.resize(table.header.size());
                table.rows.push_back(std::move(record));
                table.row_lines.push_back(record_line);
            }
        }
        record.clear();
        record_line = line;
    };

    while (pos < text.size()) {
        const char c = text[pos];
        if (c == '"' && field.find_first_not_of(" \t") == std::string::npos && !quoted_field) {
            // A quoted field: read to the closing quote, "" is a literal quote.
            field.clear();
            quoted_field = true;
            const std::size_t opened_line = line;
            ++pos;
            while (true) {
                if (pos >= text.size())
                    throw Error(ExitCode::bad_value, source + ": line " + std::to_string(opened_line) +
                                                         ": a quoted field is never closed");
                if (text[pos] == '"') {
                    if (pos + 1 < text.size() && text[pos + 1] == '"') {
                        field += '"';
                        pos += 2;
                        continue;
                    }
                    ++pos;
                    break;
                }
                if (text[pos] == '\n') ++line;
                field += text[pos++];
            }
            // Anything between the closing quote and the delimiter is ignored unless it is text.
            while (pos < text.size() && (text[pos] == ' ' || text[pos] == '\t')) ++pos;
            if (pos < text.size() && text[pos] != ',' && text[pos] != '\n' && text[pos] != '\r')
                throw Error(ExitCode::bad_value, source + ": line " + std::to_string(line) +
                                                     ": text after a closing quote");
            continue;
        }
        if (c == ',') {
            finish_field();
        } else if (c == '\r') {
            // CRLF or a lone CR both end the line.
            if (pos + 1 < text.size() && text[pos + 1] == '\n') ++pos;
            ++line;
            finish_record();
        } else if (c == '\n') {
            ++line;
            finish_record();
        } else {
            field += c;
        }
        ++pos;
    }
    if (!field.empty() || !record.empty() || quoted_field) finish_record();
    return table;
}

CsvTable read_csv_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(ExitCode::file_not_found, path + ": cannot open the file");
    std::ostringstream text;
    text << in.rdbuf();
    return parse_csv(text.str(), path);
}

std::string csv_field(const std::string& value) {
    const bool needs_quotes = value.find_first_of(",\"\r\n") != std::string::npos ||
                              (!value.empty() && (value.front() == ' ' || value.back() == ' ' ||
                                                  value.front() == '\t' || value.back() == '\t'));
    if (!needs_quotes) return value;
    std::string out = "\"";
    for (char c : value) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
    return out;
}

std::string csv_line(const std::vector<std::string>& fields) {
    std::string out;
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i) out += ',';
        out += csv_field(fields[i]);
    }
    out += '\n';
    return out;
}

} // namespace lp
