// OutputSet: a command's files are all written, fsynced and then renamed together, or
// none is; temporaries of dead writers go, live ones stay; a set killed between its
// renames is completed by the next run.
#include "../scratch_folder.hpp"
#include "../test_files.hpp"

#include <lp/core/error.hpp>
#include <lp/io/output_set.hpp>

#include <catch2/catch.hpp>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace {

using lp::test::bytes;

void put(const fs::path& path, const std::string& text) { std::ofstream(path, std::ios::binary) << text; }

std::vector<std::string> names_with(const fs::path& dir, const std::string& part) {
    std::vector<std::string> found;
    for (const auto& e : fs::directory_iterator(dir))
        if (e.path().filename().string().find(part) != std::string::npos) found.push_back(e.path().filename().string());
    return found;
}

fs::path scratch(const std::string& name) { return lp::test::scratch_folder("output_set_" + name); }

// The pid of a process that has ended (a child that exits at once, reaped).
pid_t dead_pid() {
    const pid_t child = fork();
    if (child == 0) _exit(0);
    REQUIRE(child > 0);
    waitpid(child, nullptr, 0);
    return child;
}

lp::Feature square(double x0, double y0, double side) {
    lp::Feature f;
    lp::Polygon p;
    p.exterior = {{x0, y0}, {x0 + side, y0}, {x0 + side, y0 + side}, {x0, y0 + side}, {x0, y0}};
    f.shape.push_back(p);
    f.properties["name"] = "square";
    return f;
}

} // namespace

TEST_CASE("an output set is renamed into place only when every file is written", "[io][safety]") {
    const fs::path dir = scratch("commit");
    put(dir / "a.csv", "old a");

    SECTION("nothing moves before commit, everything after") {
        lp::OutputSet set;
        set.add_text((dir / "a.csv").string(), "new a");
        set.add_text((dir / "b.csv").string(), "new b");
        CHECK(bytes(dir / "a.csv") == "old a");
        CHECK_FALSE(fs::exists(dir / "b.csv"));
        const auto temps = names_with(dir, ".tmp-");
        REQUIRE(temps.size() == 2);
        CHECK_THAT(temps[0] + " " + temps[1], Catch::Contains(".a.csv.tmp-" + std::to_string(getpid()) + "-") &&
                                                  Catch::Contains(".b.csv.tmp-" + std::to_string(getpid()) + "-"));
        set.commit();
        CHECK(bytes(dir / "a.csv") == "new a");
        CHECK(bytes(dir / "b.csv") == "new b");
    }
    SECTION("a second file that cannot be written leaves the first target as it was") {
        put(dir / "somefile", "not a folder");
        {
            lp::OutputSet set;
            set.add_text((dir / "a.csv").string(), "new a");
            CHECK_THROWS_AS(set.add_text((dir / "somefile" / "b.csv").string(), "new b"), lp::Error);
        } // the set goes without a commit, as when a command throws
        CHECK(bytes(dir / "a.csv") == "old a");
        CHECK(bytes(dir / "somefile") == "not a folder");
    }
    SECTION("discard removes the temporaries") {
        lp::OutputSet set;
        set.add_text((dir / "a.csv").string(), "new a");
        set.discard();
        set.commit(); // nothing left to commit
        CHECK(bytes(dir / "a.csv") == "old a");
    }
    SECTION("a target that became a folder before commit: nothing is replaced") {
        lp::OutputSet set;
        set.add_text((dir / "a.csv").string(), "new a");
        set.add_text((dir / "c.csv").string(), "new c");
        fs::create_directories(dir / "c.csv");
        try {
            set.commit();
            FAIL("commit should refuse");
        } catch (const lp::Error& e) {
            CHECK(e.kind() == lp::ErrorKind::output_not_regular);
            CHECK_THAT(e.what(), Catch::Contains("c.csv") && Catch::Contains("nothing was replaced"));
        }
        CHECK(bytes(dir / "a.csv") == "old a");
    }
    SECTION("permissions of a replaced file are kept; a symlink is written through") {
        fs::permissions(dir / "a.csv", fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
        fs::create_symlink("a.csv", dir / "link.csv");
        lp::OutputSet set;
        set.add_text((dir / "link.csv").string(), "through");
        set.commit();
        CHECK(fs::is_symlink(dir / "link.csv"));
        CHECK(bytes(dir / "a.csv") == "through");
        CHECK(fs::status(dir / "a.csv").permissions() == (fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read));
    }
    CHECK(names_with(dir, ".tmp-").empty());
    CHECK(names_with(dir, ".journal").empty());
    fs::remove_all(dir);
}

TEST_CASE("a Shapefile is one set of files, stale sidecars go", "[io][safety]") {
    const fs::path dir = scratch("shapefile");
    put(dir / "x.qix", "an index of an older x.shp");
    put(dir / "x.cpg", "LATIN1");
    lp::OutputSet set;
    set.add_features((dir / "x.shp").string(), {square(300000, 700000, 1000)}, "EPSG:27700");
    CHECK(names_with(dir, ".tmp-").size() == 5); // .shp .shx .dbf .prj .fields.csv
    CHECK_FALSE(fs::exists(dir / "x.shp"));
    set.commit();
    for (const char* ext : {".shp", ".shx", ".dbf", ".prj", ".fields.csv"}) CHECK(fs::exists(dir / (std::string("x") + ext)));
    CHECK_FALSE(fs::exists(dir / "x.qix"));
    CHECK_FALSE(fs::exists(dir / "x.cpg"));
    CHECK(names_with(dir, ".tmp-").empty());
    CHECK(names_with(dir, ".journal").empty());
    fs::remove_all(dir);
}

TEST_CASE("orphan temporaries of dead writers are removed, live ones kept", "[io][safety]") {
    const fs::path dir = scratch("orphans");
    const std::string dead = std::to_string(dead_pid());
    const std::string live = std::to_string(getpid());
    for (const auto& name : std::vector<std::string>{".a.csv.tmp-" + dead + "-0", ".x.tmp-" + dead + "-3.shp", ".x.tmp-" + dead + "-3.dbf",
                                   "a.geojson.tmp-" + dead + "-123456"})
        put(dir / name, "orphan");
    fs::create_directories(dir / ("x.shp.tmp-" + dead + "-42.d"));
    put(dir / ("x.shp.tmp-" + dead + "-42.d") / "x.shp", "orphan");
    for (const auto& name : std::vector<std::string>{".a.csv.tmp-" + live + "-0", "notes.tmp-2023-01.csv", "a.csv"}) put(dir / name, "keep");

    CHECK(lp::remove_orphan_temporaries(dir.string()) == 5);
    std::vector<std::string> left;
    for (const auto& e : fs::directory_iterator(dir)) left.push_back(e.path().filename().string());
    std::sort(left.begin(), left.end());
    CHECK(left == std::vector<std::string>{".a.csv.tmp-" + live + "-0", "a.csv", "notes.tmp-2023-01.csv"});
    fs::remove_all(dir);
}

TEST_CASE("a set killed between its renames is completed by the next run", "[io][safety]") {
    const fs::path dir = scratch("journal");
    const std::string dead = std::to_string(dead_pid());
    put(dir / "a.geojson", "old a");
    put(dir / "a.csv", "old a csv");

    SECTION("the journal is complete: the renames it lists are finished") {
        // What a writer killed after its first rename leaves: a.geojson is new, a.csv still old.
        put(dir / "a.geojson", "new a");
        put(dir / (".a.csv.tmp-" + dead + "-1"), "new a csv");
        const std::string journal = (dir / (".lp-commit-" + dead + "-2.journal")).string();
        put(journal, "{\"renames\":[[\"" + (dir / (".a.geojson.tmp-" + dead + "-0")).string() + "\",\"" +
                         (dir / "a.geojson").string() + "\"],[\"" + (dir / (".a.csv.tmp-" + dead + "-1")).string() +
                         "\",\"" + (dir / "a.csv").string() + "\"]],\"remove\":[],\"journals\":[\"" + journal + "\"]}");
        lp::remove_orphan_temporaries(dir.string());
        CHECK(bytes(dir / "a.geojson") == "new a");
        CHECK(bytes(dir / "a.csv") == "new a csv");
    }
    SECTION("a journal cut short: no rename had started, the temporaries go") {
        put(dir / (".a.csv.tmp-" + dead + "-1"), "new a csv");
        put(dir / (".lp-commit-" + dead + "-2.journal"), "{\"renames\":[[\"");
        lp::remove_orphan_temporaries(dir.string());
        CHECK(bytes(dir / "a.csv") == "old a csv");
    }
    SECTION("a live writer's journal stays") {
        const std::string own = ".lp-commit-" + std::to_string(getpid()) + "-9.journal";
        put(dir / own, "{}");
        lp::remove_orphan_temporaries(dir.string());
        CHECK(fs::exists(dir / own));
        fs::remove(dir / own);
    }
    CHECK(names_with(dir, ".tmp-").empty());
    CHECK(names_with(dir, ".journal").empty());
    fs::remove_all(dir);
}

namespace {

// A journal of the dead writer in folder, as JSON naming what the caller says.
std::string journal_text(const std::vector<std::pair<std::string, std::string>>& renames,
                         const std::vector<std::string>& remove, const std::vector<std::string>& copies) {
    auto list = [](const std::vector<std::string>& paths) {
        std::string text = "[";
        for (std::size_t i = 0; i < paths.size(); ++i) text += (i ? ",\"" : "\"") + paths[i] + "\"";
        return text + "]";
    };
    std::string text = "{\"renames\":[";
    for (std::size_t i = 0; i < renames.size(); ++i) text += (i ? "," : "") + list({renames[i].first, renames[i].second});
    return text + "],\"remove\":" + list(remove) + ",\"journals\":" + list(copies) + "}";
}

// What recovering folder says: "" when it completed, else the message of the error it raised
// (which must be write_failed).
std::string recovery_refusal(const fs::path& folder) {
    try {
        lp::remove_orphan_temporaries(folder.string());
    } catch (const lp::Error& e) {
        CHECK(e.kind() == lp::ErrorKind::write_failed);
        return e.what();
    }
    return {};
}

} // namespace

// Issue 24 item 1: a journal planted in an output folder made the next run rename and
// delete whatever it listed, anywhere. Now each path must be its writer's own.
TEST_CASE("a journal naming what is not its own set's is refused, left in place, and nothing is touched",
          "[io][safety]") {
    const fs::path dir = scratch("planted");
    const fs::path elsewhere = scratch("planted_elsewhere");
    const std::string dead = std::to_string(dead_pid());
    const fs::path journal = dir / (".lp-commit-" + dead + "-0.journal");
    put(elsewhere / "victim.csv", "victim");
    put(dir / "keep.csv", "keep");
    const std::string temp = (dir / (".victim.csv.tmp-" + dead + "-0")).string();
    put(temp, "planted");

    SECTION("a rename of a file elsewhere") {
        put(journal, journal_text({{(elsewhere / "victim.csv").string(), (dir / "stolen.csv").string()}}, {}, {journal.string()}));
        CHECK_THAT(recovery_refusal(dir), Catch::Contains(journal.string()) && Catch::Contains("victim.csv") &&
                                              Catch::Contains("outside the folders of its set"));
    }
    SECTION("a temporary of the writer renamed onto a file elsewhere") {
        put(journal, journal_text({{temp, (elsewhere / "victim.csv").string()}}, {}, {journal.string()}));
        CHECK_THAT(recovery_refusal(dir), Catch::Contains("not the file that temporary stands for"));
    }
    SECTION("a file of the folder that is no temporary, and one that is another writer's") {
        put(journal, journal_text({{(dir / "keep.csv").string(), (dir / "o.csv").string()}}, {}, {journal.string()}));
        CHECK_THAT(recovery_refusal(dir), Catch::Contains("keep.csv") && Catch::Contains("not a temporary file"));
        put(dir / ".keep.csv.tmp-1-0", "another writer's");
        put(journal, journal_text({{(dir / ".keep.csv.tmp-1-0").string(), (dir / "keep.csv").string()}}, {}, {journal.string()}));
        CHECK_THAT(recovery_refusal(dir), Catch::Contains("not a temporary file of its writer"));
        fs::remove(dir / ".keep.csv.tmp-1-0");
    }
    SECTION("a removal that is no Shapefile sidecar of the set, and one outside") {
        put(journal, journal_text({}, {(dir / "keep.csv").string()}, {journal.string()}));
        CHECK_THAT(recovery_refusal(dir), Catch::Contains("would remove") && Catch::Contains("keep.csv"));
        put(journal, journal_text({}, {(elsewhere / "victim.csv").string()}, {journal.string()}));
        CHECK_THAT(recovery_refusal(dir), Catch::Contains("outside the folders of its set"));
    }
    SECTION("a path that climbs out, and a folder that is a link to another") {
        put(journal, journal_text({{temp, (dir / ".." / "planted_elsewhere" / "victim.csv").string()}}, {}, {journal.string()}));
        CHECK_FALSE(recovery_refusal(dir).empty());
        fs::create_directory_symlink(elsewhere, dir / "link");
        put(elsewhere / (".victim.csv.tmp-" + dead + "-1"), "planted");
        put(journal, journal_text({{(dir / "link" / (".victim.csv.tmp-" + dead + "-1")).string(),
                                    (dir / "link" / "victim.csv").string()}},
                                  {}, {journal.string()}));
        CHECK_THAT(recovery_refusal(dir), Catch::Contains("outside the folders of its set"));
        fs::remove(dir / "link");
        fs::remove(elsewhere / (".victim.csv.tmp-" + dead + "-1"));
    }
    SECTION("a copy of itself claimed in another folder that holds none") {
        const std::string copy = (elsewhere / journal.filename()).string();
        put(journal, journal_text({{(elsewhere / (".victim.csv.tmp-" + dead + "-2")).string(), (elsewhere / "victim.csv").string()}},
                                  {}, {journal.string(), copy}));
        CHECK_THAT(recovery_refusal(dir), Catch::Contains("no such copy is there"));
    }
    SECTION("a journal that is a FIFO: refused at once, never waited on") {
        REQUIRE(::mkfifo(journal.c_str(), 0600) == 0);
        CHECK_THAT(recovery_refusal(dir), Catch::Contains("not a file of this user's"));
    }
    SECTION("a journal that is not a journal's lists") {
        put(journal, "{\"renames\": 3, \"remove\": [], \"journals\": []}");
        CHECK_THAT(recovery_refusal(dir), Catch::Contains("not a journal's list"));
    }
    SECTION("commit() into the folder refuses it too, replacing nothing") {
        put(journal, journal_text({{temp, (elsewhere / "victim.csv").string()}}, {}, {journal.string()}));
        lp::OutputSet set;
        set.add_text((dir / "keep.csv").string(), "new");
        CHECK_THROWS_AS(set.commit(), lp::Error);
        set.discard();
        CHECK(bytes(dir / "keep.csv") == "keep");
    }
    // Whatever it said, the journal is still there, and so is everything it named.
    CHECK(fs::exists(journal));
    CHECK(bytes(elsewhere / "victim.csv") == "victim");
    CHECK(bytes(dir / "keep.csv") == "keep");
    CHECK(bytes(temp) == "planted");
    fs::remove_all(dir);
    fs::remove_all(elsewhere);
}

TEST_CASE("a set over two folders, its journal copied into each, is completed from either", "[io][safety]") {
    const fs::path one = scratch("two_folders_one");
    const fs::path two = scratch("two_folders_two");
    const std::string dead = std::to_string(dead_pid());
    const std::string name = ".lp-commit-" + dead + "-4.journal";
    put(one / "a.csv", "old");
    put(two / "b.csv", "old");
    put(one / (".a.csv.tmp-" + dead + "-0"), "new a");
    put(two / (".b.csv.tmp-" + dead + "-1"), "new b");
    const std::string text = journal_text({{(one / (".a.csv.tmp-" + dead + "-0")).string(), (one / "a.csv").string()},
                                           {(two / (".b.csv.tmp-" + dead + "-1")).string(), (two / "b.csv").string()}},
                                          {}, {(one / name).string(), (two / name).string()});
    put(one / name, text);
    put(two / name, text);
    CHECK(recovery_refusal(one).empty());
    CHECK(bytes(one / "a.csv") == "new a");
    CHECK(bytes(two / "b.csv") == "new b");
    CHECK_FALSE(fs::exists(one / name));
    CHECK_FALSE(fs::exists(two / name));
    fs::remove_all(one);
    fs::remove_all(two);
}

TEST_CASE("two writers committing into the same paths leave one writer's set", "[io][safety]") {
    const fs::path dir = scratch("race");
    std::atomic<int> running{2};
    auto writer = [&](const std::string& who) {
        for (int i = 0; i < 60; ++i) {
            lp::OutputSet set;
            set.add_text((dir / "a.geojson").string(), who + std::to_string(i));
            set.add_text((dir / "a.csv").string(), who + std::to_string(i));
            set.commit();
        }
        --running;
    };
    std::thread one(writer, "one "), two(writer, "two ");
    // A reader holding the same folder lock (flock on the folder) sees whole sets only.
    int mixed = 0, seen = 0;
    while (running > 0) {
        const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY);
        REQUIRE(fd >= 0);
        ::flock(fd, LOCK_EX);
        if (fs::exists(dir / "a.geojson") && fs::exists(dir / "a.csv")) {
            ++seen;
            if (bytes(dir / "a.geojson") != bytes(dir / "a.csv")) ++mixed;
        }
        ::close(fd);
    }
    one.join();
    two.join();
    INFO(seen << " reads while writing");
    CHECK(mixed == 0);
    CHECK(bytes(dir / "a.geojson") == bytes(dir / "a.csv"));
    CHECK(names_with(dir, ".tmp-").empty());
    CHECK(names_with(dir, ".journal").empty());
    fs::remove_all(dir);
}
