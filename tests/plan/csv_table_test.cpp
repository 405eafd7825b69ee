#include <catch2/catch.hpp>

#include <lp/core/error.hpp>
#include <lp/plan/csv_table.hpp>

using namespace lp;

TEST_CASE("CSV: quoted fields, CRLF, byte order mark and blank lines", "[plan]") {
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

TEST_CASE("CSV: fields written back read the same", "[plan]") {
    const std::vector<std::string> fields = {"plain", "a,b", "quote\"d", " padded ", "line\nbreak", ""};
    const CsvTable t = parse_csv(csv_line({"a", "b", "c", "d", "e", "f"}) + csv_line(fields), "t.csv");
    REQUIRE(t.rows.size() == 1);
    CHECK(t.rows[0] == fields);
}

TEST_CASE("CSV: an unclosed quote and a long row name the line", "[plan]") {
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
        CHECK(e.code() == ExitCode::bad_value);
    }
    CHECK_THROWS_MATCHES(read_csv_file("/nonexistent/x.csv"), Error,
                         Catch::Matchers::Predicate<Error>([](const Error& e) { return e.code() == ExitCode::file_not_found; }));
}
