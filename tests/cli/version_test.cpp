// `--version` on both programs: the program, its version and the libraries it runs with.
#include <catch2/catch.hpp>

#include "../cli_run.hpp"

#include <regex>

TEST_CASE("both programs print their version and GDAL, GEOS and PROJ", "[cli][version]") {
    const std::regex version(R"((boundaries|locality-viewer) [0-9]+\.[0-9]+\.[0-9]+ \(Locality Planner\)\n)"
                             R"(GDAL [0-9.]+, GEOS [0-9.]+, PROJ [0-9.]+\n)");
    const auto cli = lp::test::boundaries("--version");
    CHECK(cli.status == 0);
    CHECK(std::regex_match(cli.output, version));
    const auto viewer = lp::test::shell(std::string(LP_BINARY_DIR) + "/bin/locality-viewer --version");
    CHECK(viewer.status == 0);
    CHECK(std::regex_match(viewer.output, version));
}
