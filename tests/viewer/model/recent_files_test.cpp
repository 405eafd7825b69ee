#include "model/recent_files.hpp"
#include "../../scratch_folder.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

using lp::viewer::RecentFiles;
namespace fs = std::filesystem;

TEST_CASE("recent files are kept newest first, once each, and survive a restart", "[viewer][recent]") {
    const fs::path dir = lp::test::scratch_folder("recent_files");
    const std::string file = (dir / "locality-planner" / "recent.json").string();
    {
        RecentFiles recent(file);
        CHECK(recent.list("plan").empty());
        CHECK(recent.add("plan", "/data/a.plan.json").empty());
        CHECK(recent.add("plan", "/data/b.plan.json").empty());
        CHECK(recent.add("plan", "/data/a.plan.json").empty()); // moves to the front, not twice
        CHECK(recent.add("zones", "/data/zones.gpkg").empty());
        for (int i = 0; i < 12; ++i) recent.add("points", "/data/p" + std::to_string(i) + ".geojson");
    }
    RecentFiles reread(file);
    REQUIRE(reread.list("plan").size() == 2);
    CHECK(reread.list("plan")[0] == "/data/a.plan.json");
    CHECK(reread.list("plan")[1] == "/data/b.plan.json");
    CHECK(reread.list("zones").size() == 1);
    CHECK(reread.list("points").size() == 10);
    CHECK(reread.list("points").front() == "/data/p11.geojson");
    // No temporary file is left beside it.
    std::size_t entries = 0;
    for (const auto& entry : fs::directory_iterator(dir / "locality-planner")) entries += entry.is_regular_file() ? 1 : 0;
    CHECK(entries == 1);

    // A damaged file is an empty list, and the next add rewrites it whole.
    std::ofstream(file) << "{ not json";
    RecentFiles damaged(file);
    CHECK(damaged.list("plan").empty());
    CHECK(damaged.add("plan", "/data/c.plan.json").empty());
    CHECK(RecentFiles(file).list("plan").size() == 1);
    fs::remove_all(dir);
}
