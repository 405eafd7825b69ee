#pragma once
// The one RFC 4180 CSV reader and writer for the tables the engine reads and writes itself:
// the function catalogue, zone,locality lookups, crossings, the batch's k table and summary,
// report tables. Quoted fields may hold commas, quotes ("") and line breaks; a UTF-8 byte
// order mark and CRLF line ends are accepted.
// Demand tables are not read here: they go through GDAL (io/demand_table.hpp) because a
// planner's table may be CSV, XLSX, ODS or a GeoPackage table, and GDAL reads them all.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace lp {

struct CsvTable {
    std::string source;                       // file name, for messages
    std::vector<std::string> header;
    std::vector<std::vector<std::string>> rows;
    std::vector<std::size_t> row_lines;       // 1-based line each row starts on
    std::size_t header_line = 1;

    // Index of a header column (exact, then case-insensitive match).
    std::optional<std::size_t> column(const std::string& name) const;
    // For tables whose header is optional (zone,locality lookups): the first row was
    // data after all; it becomes rows[0] and columns are read by position.
    void header_as_row();
}; // struct CsvTable

// Throws lp::Error(file_not_found) or lp::Error(bad_value) naming the file and line
// (unterminated quote, a row with more fields than the header).
// Text as UTF-8: a byte order mark is dropped, and text that is not valid UTF-8 is read
// as Windows-1252 (what spreadsheets save). Throws lp::Error(bad_value) naming the line of
// a byte neither encoding allows.
std::string csv_text_as_utf8(const std::string& text, const std::string& source);
// Parses CSV text (UTF-8, UTF-8 with a BOM, or Windows-1252). A cell of single quotes then
// = + - @ (tab, carriage return) loses its first quote (csv_field's formula escape).
CsvTable parse_csv(const std::string& text, const std::string& source);
CsvTable read_csv_file(const std::string& path);

// The field quoted when it must be (comma, quote, line break, leading/trailing space). A
// value a spreadsheet would run as a formula (its first character, after any single quotes,
// is = + - @, a tab or a carriage return, and it is not a number like -3.5) is written with
// one more leading single quote (OWASP's CSV injection advice); parse_csv takes that quote
// off again, so what the engine writes reads back the same.
std::string csv_field(const std::string& value);
std::string csv_line(const std::vector<std::string>& fields);

} // namespace lp
