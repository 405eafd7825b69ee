// Keep-whole groups and settlement names read the dataset's own copy of its tables' text
// columns: a batch's partnerships do not read the demand files again.
#include "../scratch_folder.hpp"

#include <lp/core/error.hpp>
#include <lp/data/dataset.hpp>
#include <lp/generate/locality_run.hpp>
#include <lp/io/demand_table.hpp>

#include <catch2/catch.hpp>

#include <filesystem>

using namespace lp;

TEST_CASE("text columns of a joined table are a lookup, also in a subset, with the file gone",
          "[generate][keep_whole]") {
    namespace fs = std::filesystem;
    const std::string sample = std::string(LP_SOURCE_DIR) + "/samples/sample_council/";
    const std::string table = test::scratch_file("keep_whole_lookup_demand.csv");
    fs::copy_file(sample + "demand.csv", table, fs::copy_options::overwrite_existing);
    DatasetOptions options;
    options.zones.path = sample + "zones.geojson";
    options.zones.id_field = "zone_code";
    options.demand_paths = {table};
    options.build_graph = false;
    const Dataset data = load_dataset(options);
    const auto read = join_text_column(data.zones, table, "", "iz_code");
    fs::remove(table); // from here on, a second read of the table would fail

    const auto kept = zone_text_column(data, "iz_code", {table});
    CHECK(kept == read);
    CHECK(zone_text_column(data, "IZ_CODE", {table}) == read); // any case, as GDAL matches fields
    CHECK(zone_text_column(data, "no_such_column", {table}).empty());
    // A numeric column is kept as the table wrote it.
    CHECK(zone_text_column(data, "drive_time_gp_min", {table}).front() == "49.5");

    const std::vector<std::size_t> part_zones{3, 1, 2};
    const Dataset part = subset(data, part_zones, nullptr);
    const auto groups = keep_whole_groups(part, "iz_code", {table});
    REQUIRE(groups.size() == 3);
    const auto part_text = zone_text_column(part, "iz_code", {table});
    for (std::size_t i = 0; i < part_zones.size(); ++i) CHECK(part_text[i] == read[part_zones[i]]);
    CHECK((groups[1] == groups[2]) == (read[1] == read[2]));
}
