// Golden plans: `boundaries generate --plan` on three councils, byte for byte the committed
// plan files for seed 1 (the data folder written as ${DATA}, since it differs between
// machines). A change to the partitioner, the naming, the colours or the plan format shows
// here as a diff to read, not as a number. LP_UPDATE_GOLDEN=1 rewrites them.
#include <catch2/catch.hpp>

#include "../cli_run.hpp"
#include "../scratch_folder.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

namespace {

std::string replaced_all(std::string text, const std::string& from, const std::string& to) {
    for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
        text.replace(at, from.size(), to);
    return text;
}

struct Council {
    const char* name;
    const char* options; // after the data options
};

} // namespace

TEST_CASE("generate writes the golden plans of three councils byte for byte", "[generate][golden]") {
    const std::string data = std::filesystem::canonical(LP_SHARED_DATA).string();
    const std::string folder = lp::test::scratch_folder("golden_plans");
    std::ofstream(folder + "/highland_hubs.csv") << "place\nInverness\nWick\nDornoch\nAlness\nDingwall\nPortree\n"
                                                    "Fort William\nAviemore\nNairn\n";
    const Council councils[] = {
        {"orkney", "--filter S12000023 --localities 3 --balance pop2020_total:5%:soft"},
        {"fife", "--filter S12000047 --localities 7 --balance pop2020_total:25% --balance pop2020_75plus:40%"},
        {"highland", "--filter S12000017 --hubs HUBS --balance pop2020_total:25%:soft"},
    };
    for (const auto& council : councils) {
        SECTION(council.name) {
            const std::string plan = folder + "/" + council.name + ".plan.json";
            const std::string options = replaced_all(council.options, "HUBS", folder + "/highland_hubs.csv");
            const auto run = lp::test::boundaries(
                "generate --zones " + data + "/dz2011_scotland_bng.gpkg --layer datazones --id-field dz11_code "
                "--filter-field ca_code --demand " + data + "/demand/dz2011_population_2020.csv --demand " + data +
                "/demand/dz2011_access_rurality.csv --demand " + data + "/demand/dz2011_lookup.csv "
                "--settlements urban_rural_6fold_2016:1-4 --places " + data +
                "/places/geonames_places_scotland.geojson --seed 1 " + options + " --out " + folder + "/" +
                council.name + ".geojson --plan " + plan);
            INFO(run.output);
            REQUIRE(run.status == 0);
            const std::string written = replaced_all(lp::test::read_text(plan), data, "${DATA}");
            const std::string golden_path =
                std::string(LP_SOURCE_DIR) + "/tests/generate/golden/" + council.name + ".plan.json";
            if (std::getenv("LP_UPDATE_GOLDEN")) std::ofstream(golden_path) << written;
            const std::string golden = lp::test::read_text(golden_path);
            REQUIRE_FALSE(golden.empty());
            CHECK(written == golden);
        }
    }
}
