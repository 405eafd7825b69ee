#include <catch2/catch.hpp>

#include <lp/core/error.hpp>
#include <lp/io/csv_table.hpp>

using namespace lp;

TEST_CASE("CSV: quoted fields, CRLF, byte order mark and blank lines", "[io][csv]") {
    const std::string text = "\xEF\xBB\xBF" "code,name\r\nA,\"one, two\"\r\n\r\nB,\"say \"\"hi\"\"\"\nC,\"two\nlines\"\n";
    const CsvTable t = parse_csv(text, "t.csv");
    REQUIRE(t.header == std::vector<std::string>{"code", "name"});
    REQUIRE(t.rows.size() == 3);
    CHECK(t.rows[0][1] == "one, two");
    CHECK(t.rows[1][1] == "say \"hi\"");
    CHECK(t.rows[2][1] == "two\nlines");
    CHECK(t.row_lines == std::vector<std::size_t>{2, 4, 5});
    CHECK(t.column("NAME") == std::optional<std::size_t>(1));
}

TEST_CASE("CSV: fields written back read the same", "[io][csv]") {
    const std::vector<std::string> fields = {"plain", "a,b", "quote\"d", " padded ", "line\nbreak", ""};
    const CsvTable t = parse_csv(csv_line({"a", "b", "c", "d", "e", "f"}) + csv_line(fields), "t.csv");
    REQUIRE(t.rows.size() == 1);
    CHECK(t.rows[0] == fields);
}

TEST_CASE("CSV: an unclosed quote and a long row name the line", "[io][csv]") {
    try {
        parse_csv("a,b\n1,\"open\n2,3\n", "bad.csv");
        FAIL("no error");
    } catch (const Error& e) {
        CHECK(std::string(e.what()) == "bad.csv: line 2: a quoted field is never closed");
    }
    try {
        parse_csv("a,b\n1,2\n1,2,3\n", "wide.csv");
        FAIL("no error");
    } catch (const Error& e) {
        CHECK(std::string(e.what()) == "wide.csv: line 3: 3 fields but the header has 2");
        CHECK(e.kind() == ErrorKind::bad_value);
    }
    CHECK_THROWS_MATCHES(read_csv_file("/nonexistent/x.csv"), Error,
                         Catch::Matchers::Predicate<Error>([](const Error& e) { return e.kind() == ErrorKind::file_not_found; }));
}

TEST_CASE("CSV: Windows-1252 is decoded to UTF-8, a BOM dropped, a byte neither allows names the line", "[io][csv]") {
    // "Ìle" saved by a spreadsheet as Windows-1252: byte 0xCC; 0x80 is the euro sign.
    const CsvTable t = parse_csv("zone,locality\nA,\xCCle\nB,\x80 5\n", "w.csv");
    REQUIRE(t.rows.size() == 2);
    CHECK(t.rows[0][1] == "\xC3\x8Cle");
    CHECK(t.rows[1][1] == "\xE2\x82\xAC 5");
    // Valid UTF-8 is taken as it is, with or without a byte order mark.
    const CsvTable u = parse_csv("\xEF\xBB\xBFzone,locality\nA,\xC3\x8Cle\n", "u.csv");
    CHECK(u.header[0] == "zone");
    CHECK(u.rows[0][1] == "\xC3\x8Cle");
    // 0x81 is undefined in Windows-1252 (and not UTF-8 either).
    try {
        parse_csv("zone,locality\nA,x\nB,\x81\n", "bad.csv");
        FAIL("no error");
    } catch (const Error& e) {
        CHECK(e.kind() == ErrorKind::bad_value);
        CHECK_THAT(std::string(e.what()), Catch::Contains("bad.csv: line 3: byte 0x81"));
    }
}

TEST_CASE("CSV: a first field that starts with U+FEFF survives a write and read (fuzz finding)", "[io][csv]") {
    const std::vector<std::string> header = {"\xEF\xBB\xBFzone", "locality"};
    const std::string text = csv_line(header) + csv_line({"S01", "1"});
    CHECK(text.front() == '"');
    const auto table = parse_csv(text, "bom_field.csv");
    CHECK(table.header == header);
    REQUIRE(table.rows.size() == 1);
    CHECK(table.rows[0][0] == "S01");
}

// Issue 24: a cell a spreadsheet would run as a formula gets a leading single quote (OWASP);
// a number is data and stays as it is; what is written reads back the same.
TEST_CASE("CSV: formulas are written with a leading quote, numbers are not, and both read back", "[io][csv]") {
    CHECK(csv_field("=HYPERLINK(\"http://x\")") == "\"'=HYPERLINK(\"\"http://x\"\")\"");
    CHECK(csv_field("+cmd|' /C calc'!A0") == "'+cmd|' /C calc'!A0");
    CHECK(csv_field("-2+3") == "'-2+3");
    CHECK(csv_field("@SUM(A1)") == "'@SUM(A1)");
    CHECK(csv_field("'=already") == "''=already");
    CHECK(csv_field("-") == "'-");
    for (const char* number : {"-3.5", "+2", "-0", "-1e-5", "+.5", "-7."}) CHECK(csv_field(number) == number);
    for (const char* text : {"Inverness", "A - B", "", "'quoted", "x=1"}) CHECK(csv_field(text) == text);

    const std::vector<std::string> fields = {"=1+2", "-3.5", "'=x", "''-y", "@a,b", "-inf", "\tlead", "+"};
    const CsvTable t = parse_csv(csv_line({"a", "b", "c", "d", "e", "f", "g", "h"}) + csv_line(fields), "t.csv");
    REQUIRE(t.rows.size() == 1);
    CHECK(t.rows[0] == fields);
}
