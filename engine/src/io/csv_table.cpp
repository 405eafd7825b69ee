#include <lp/io/csv_table.hpp>

#include <lp/core/error.hpp>
#include <lp/io/text_file.hpp>

#include <algorithm>
#include <cctype>
#include <cstdio>

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

// Length of the valid UTF-8 sequence at text[pos], or 0 when it is not one.
std::size_t utf8_sequence(const std::string& text, std::size_t pos) {
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
    const unsigned char c = byte(pos);
    if (c < 0x80) return 1;
    std::size_t n = 0;
    unsigned min = 0, cp = 0;
    if (c >= 0xC2 && c <= 0xDF) { n = 2; cp = c & 0x1F; min = 0x80; }
    else if (c >= 0xE0 && c <= 0xEF) { n = 3; cp = c & 0x0F; min = 0x800; }
    else if (c >= 0xF0 && c <= 0xF4) { n = 4; cp = c & 0x07; min = 0x10000; }
    else return 0;
    if (pos + n > text.size()) return 0;
    for (std::size_t i = 1; i < n; ++i) {
        if ((byte(pos + i) & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (byte(pos + i) & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
    return n;
}

void append_utf8(std::string& out, unsigned cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

// Windows-1252 bytes 0x80-0x9F; 0 marks the five bytes the code page leaves undefined.
constexpr unsigned short cp1252_high[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

} // namespace

std::string csv_text_as_utf8(const std::string& text, const std::string& source) {
    std::size_t pos = text.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;
    bool valid = true;
    for (std::size_t i = pos; i < text.size();) {
        const std::size_t n = utf8_sequence(text, i);
        if (n == 0) {
            valid = false;
            break;
        }
        i += n;
    }
    if (valid) return text.substr(pos);
    // Not UTF-8: a spreadsheet saved as Windows-1252 (e.g. "\xCCle" for Ile with a grave accent).
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    std::size_t line = 1;
    for (std::size_t i = pos; i < text.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(text[i]);
        if (c == '\n') ++line;
        if (c < 0x80) {
            out += static_cast<char>(c);
        } else if (c >= 0xA0) {
            append_utf8(out, c);
        } else if (const unsigned cp = cp1252_high[c - 0x80]) {
            append_utf8(out, cp);
        } else {
            char hex[8];
            std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned>(c));
            throw Error(ErrorKind::bad_value, source + ": line " + std::to_string(line) + ": byte " + hex +
                                                 " is neither UTF-8 nor Windows-1252 text; save the file as UTF-8");
        }
    }
    return out;
}

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

namespace {

// A cell a spreadsheet would run as a formula: its first character after any single
// quotes is one of = + - @ (or a tab or carriage return, OWASP's list), and it is not a number.
bool is_number(const std::string& v) {
    std::size_t i = 0;
    if (i < v.size() && (v[i] == '+' || v[i] == '-')) ++i;
    std::size_t digits = 0;
    while (i < v.size() && std::isdigit(static_cast<unsigned char>(v[i]))) ++i, ++digits;
    if (i < v.size() && v[i] == '.') {
        ++i;
        while (i < v.size() && std::isdigit(static_cast<unsigned char>(v[i]))) ++i, ++digits;
    }
    if (digits == 0) return false;
    if (i < v.size() && (v[i] == 'e' || v[i] == 'E')) {
        ++i;
        if (i < v.size() && (v[i] == '+' || v[i] == '-')) ++i;
        std::size_t exponent = 0;
        while (i < v.size() && std::isdigit(static_cast<unsigned char>(v[i]))) ++i, ++exponent;
        if (exponent == 0) return false;
    }
    return i == v.size();
}

bool formula_start(char c) { return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r'; }

// Leading single quotes, then a formula character: what the writer prefixed (or a value that
// already looked like that, which it prefixed once more), so the reader takes one quote off.
bool quoted_formula(const std::string& v) {
    const std::size_t i = v.find_first_not_of('\'');
    return i != std::string::npos && formula_start(v[i]);
}

bool needs_formula_quote(const std::string& value) { return quoted_formula(value) && !is_number(value); }

} // namespace

CsvTable parse_csv(const std::string& raw_text, const std::string& source) {
    CsvTable table;
    table.source = source;
    const std::string text = csv_text_as_utf8(raw_text, source); // BOM stripped, Windows-1252 decoded
    std::size_t pos = 0;

    std::size_t line = 1;
    std::vector<std::string> record;
    std::string field;
    bool quoted_field = false;
    std::size_t record_line = 1;

    auto finish_field = [&] {
        // Unquoted fields are trimmed of spaces a hand-edited file often carries;
        // quoted fields are taken exactly.
        record.push_back(quoted_field ? field : trimmed(field));
        // A cell csv_field prefixed with ' (formula injection) reads back as it was written.
        if (std::string& cell = record.back(); !cell.empty() && cell.front() == '\'' && quoted_formula(cell)) cell.erase(0, 1);
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
                    throw Error(ErrorKind::bad_value, source + ": line " + std::to_string(record_line) + ": " +
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
                    throw Error(ErrorKind::bad_value, source + ": line " + std::to_string(opened_line) +
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
                throw Error(ErrorKind::bad_value, source + ": line " + std::to_string(line) +
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

CsvTable read_csv_file(const std::string& path) { return parse_csv(read_text_file(path, "file"), path); }

std::string csv_field(const std::string& text) {
    // A cell a spreadsheet would take for a formula ("=HYPERLINK(...)", "@SUM(...)", "-2+3")
    // gets a leading single quote, as OWASP advises; a number (-3.5, +2e3) is data and stays.
    const std::string value = needs_formula_quote(text) ? "'" + text : text;
    // A leading U+FEFF is quoted too: unquoted at the start of a file it reads as a byte order mark.
    const bool needs_quotes = value.find_first_of(",\"\r\n") != std::string::npos || value.rfind("\xEF\xBB\xBF", 0) == 0 ||
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
