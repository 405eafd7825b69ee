#include "../scratch_folder.hpp"

#include <catch2/catch.hpp>

#include <lp/core/error.hpp>
#include <lp/io/crossings_table.hpp>

#include <fstream>

using namespace lp;

namespace {
std::string written(const std::string& name, const std::string& text) {
    const std::string path = test::scratch_file(name);
    std::ofstream(path, std::ios::binary) << text;
    return path;
}
} // namespace

TEST_CASE("crossings CSV: columns by name in any order, the true line of each row", "[io][csv][crossings]") {
    // A quoted note over two lines and a blank line: rows start on lines 2 and 5.
    const std::string path = written("crossings_named.csv", "Note,ZONE_B,zone_a\r\n\"ferry,\nsummer only\",B1,A1\n\n"
                                                            "causeway,B2,A2\n");
    const auto crossings = read_crossings_csv(path);
    REQUIRE(crossings.size() == 2);
    CHECK(crossings[0].zone_a == "A1");
    CHECK(crossings[0].zone_b == "B1");
    CHECK(crossings[0].note == "ferry,\nsummer only");
    CHECK(crossings[0].line == 2);
    CHECK(crossings[1].zone_a == "A2");
    CHECK(crossings[1].line == 5);
    CHECK(crossings[1].source == path);
}

TEST_CASE("crossings CSV: other headers are read by position but one column is refused", "[io][csv][crossings]") {
    const auto positional = read_crossings_csv(written("crossings_positional.csv", "from,to,why\nA,B,bridge\n"));
    REQUIRE(positional.size() == 1);
    CHECK(positional[0].zone_a == "A");
    CHECK(positional[0].zone_b == "B");
    CHECK(positional[0].note == "bridge");
    const std::string narrow = written("crossings_narrow.csv", "zone\nA\n");
    CHECK_THROWS_MATCHES(read_crossings_csv(narrow), Error,
                         Catch::Predicate<Error>([&](const Error& e) {
                             return e.kind() == ErrorKind::field_not_found &&
                                    std::string(e.what()) == narrow + ": a crossings table needs columns zone_a,zone_b[,note]";
                         }));
    CHECK_THROWS_AS(read_crossings_csv(test::scratch_file("no_such_crossings.csv")), Error);
}
