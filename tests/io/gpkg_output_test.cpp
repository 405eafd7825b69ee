// Features written into a GeoPackage that exists go in as a layer of their own (issue 22):
// its other layers and their layer_styles rows stay; a layer of the same name is replaced
// only with overwrite, and otherwise refused with the file byte for byte as it was; the
// file is replaced by a finished copy, so a writer killed at any moment leaves it whole.
#include "../gpkg_fixture.hpp"
#include "../test_files.hpp"

#include <lp/core/error.hpp>
#include <lp/io/geojson_writer.hpp>
#include <lp/io/output_set.hpp>

#include <catch2/catch.hpp>

#include <chrono>
#include <csignal>
#include <filesystem>
#include <functional>
#include <fstream>
#include <sys/wait.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace {

using Layers = std::map<std::string, long long>;
using lp::test::gpkg_layers;
using lp::test::gpkg_styles;
using lp::test::gpkg_styles_of;

using lp::test::bytes;
using lp::test::temporaries;

// A fresh folder holding the team's corporate.gpkg (lp::test::make_corporate_gpkg); its path.
std::string corporate_in(const std::string& name, fs::path& dir) {
    dir = lp::test::temp_folder("lp_gpkg_" + name);
    const std::string path = (dir / "corporate.gpkg").string();
    lp::test::make_corporate_gpkg(path);
    return path;
}

std::vector<lp::Feature> squares(int n) {
    std::vector<lp::Feature> features;
    for (int i = 0; i < n; ++i) {
        lp::Feature f;
        lp::Polygon p;
        const double x = 300000 + 1000.0 * i, y = 702000;
        p.exterior = {{x, y}, {x + 1000, y}, {x + 1000, y + 1000}, {x, y + 1000}, {x, y}};
        f.shape.push_back(p);
        f.properties["locality"] = i + 1;
        f.properties["name"] = "Locality " + std::to_string(i + 1);
        features.push_back(std::move(f));
    }
    return features;
}

lp::LayerStyle style_of(int n) {
    lp::LayerStyle style;
    style.name = "localities";
    style.category_field = "locality";
    style.label_field = "name";
    for (int i = 0; i < n; ++i) style.categories.push_back({std::to_string(i + 1), "Locality " + std::to_string(i + 1), "#1f78b4"});
    return style;
}

const Layers corporate{{"wards", 2}, {"sites", 3}, {"layer_styles", 1}};

lp::ErrorKind kind_of_refusal(const std::function<void()>& work, std::string& message) {
    try {
        work();
    } catch (const lp::Error& e) {
        message = e.what();
        return e.kind();
    }
    message = "no error";
    return lp::ErrorKind::unexpected;
}

} // namespace

TEST_CASE("GeoPackage output: a layer written into a GeoPackage that exists keeps its other layers and styles", "[io][gpkg]") {
    fs::path dir;
    const std::string path = corporate_in("add", dir);
    REQUIRE(gpkg_layers(path) == corporate);
    const auto wards_style = gpkg_styles_of(path, "wards");
    REQUIRE(wards_style.size() == 1);

    lp::check_output_path(path, {"localities"}); // a new layer: nothing to refuse
    lp::write_features(path, squares(2), "EPSG:27700", style_of(2), {"localities"});
    CHECK(gpkg_layers(path) == Layers{{"wards", 2}, {"sites", 3}, {"localities", 2}, {"layer_styles", 2}});
    CHECK(gpkg_styles_of(path, "wards") == wards_style);
    const auto own = gpkg_styles_of(path, "localities");
    REQUIRE(own.size() == 1);
    CHECK(std::get<2>(own[0]) == lp::style_qml(style_of(2)));

    // An empty name is the file's stem, as for a new file.
    lp::write_features(path, squares(1), "EPSG:27700", {}, {});
    CHECK(gpkg_layers(path) == Layers{{"wards", 2}, {"sites", 3}, {"localities", 2}, {"layer_styles", 2}, {"corporate", 1}});
    CHECK(temporaries(dir).empty());
    fs::remove_all(dir);
}

TEST_CASE("GeoPackage output: a layer that exists is refused without overwrite and the file stays byte for byte", "[io][gpkg]") {
    fs::path dir;
    const std::string path = corporate_in("refuse", dir);
    lp::write_features(path, squares(2), "EPSG:27700", style_of(2), {"localities"});
    const std::string before = bytes(path);

    // Before any work (check_output_path), and when writing; the same refusal, whatever the case.
    for (const std::string name : {"localities", "Localities", "wards"}) {
        std::string checked, written;
        CHECK(kind_of_refusal([&] { lp::check_output_path(path, {name}); }, checked) == lp::ErrorKind::output_is_input);
        CHECK(kind_of_refusal([&] { lp::write_features(path, squares(3), "EPSG:27700", style_of(3), {name}); }, written) ==
              lp::ErrorKind::output_is_input);
        CHECK(checked == written);
        CHECK_THAT(written, Catch::StartsWith(path + ": has a layer '" + (name == "wards" ? "wards" : "localities") +
                                              "' already; nothing was written") &&
                                Catch::EndsWith(lp::existing_layer_advice));
    }
    // In an output set, the refusal comes when the layer is staged: nothing is staged.
    lp::OutputSet set;
    std::string message;
    CHECK(kind_of_refusal([&] { set.add_features(path, squares(3), "EPSG:27700", {}, {"localities"}); }, message) ==
          lp::ErrorKind::output_is_input);
    CHECK(set.targets().empty());
    CHECK(bytes(path) == before);
    CHECK(temporaries(dir).empty());
    fs::remove_all(dir);
}

TEST_CASE("GeoPackage output: with overwrite only the layer of that name and its style rows are replaced", "[io][gpkg]") {
    fs::path dir;
    const std::string path = corporate_in("overwrite", dir);
    const auto wards_style = gpkg_styles_of(path, "wards");
    lp::write_features(path, squares(2), "EPSG:27700", style_of(2), {"localities"});
    lp::write_features(path, squares(4), "EPSG:27700", style_of(4), {"localities", true});
    CHECK(gpkg_layers(path) == Layers{{"wards", 2}, {"sites", 3}, {"layer_styles", 2}, {"localities", 4}});
    CHECK(gpkg_styles_of(path, "wards") == wards_style);
    auto own = gpkg_styles_of(path, "localities");
    REQUIRE(own.size() == 1);
    CHECK(std::get<2>(own[0]) == lp::style_qml(style_of(4)));

    // Replacing the team's own layer is theirs to ask for; its style rows go with it (they
    // describe a table that is no more), those of other layers stay.
    lp::write_features(path, squares(1), "EPSG:27700", {}, {"wards", true});
    CHECK(gpkg_layers(path) == Layers{{"sites", 3}, {"layer_styles", 1}, {"localities", 4}, {"wards", 1}});
    CHECK(gpkg_styles_of(path, "wards").empty());
    CHECK(gpkg_styles_of(path, "localities").size() == 1);
    CHECK(temporaries(dir).empty());
    fs::remove_all(dir);
}

TEST_CASE("GeoPackage output: reserved names, files that are no GeoPackage and GeoPackages open elsewhere are refused", "[io][gpkg]") {
    fs::path dir;
    const std::string path = corporate_in("refusals", dir);
    const std::string before = bytes(path);
    std::string message;
    for (const std::string name : {"layer_styles", "gpkg_contents", "RTREE_wards_geom", "sqlite_master"}) {
        CHECK(kind_of_refusal([&] { lp::write_features(path, squares(1), "EPSG:27700", {}, {name, true}); }, message) ==
              lp::ErrorKind::bad_setting);
        CHECK_THAT(message, Catch::StartsWith("output layer name " + name + ": ") && Catch::Contains(path));
        CHECK(kind_of_refusal([&] { lp::check_output_path(path, {name}); }, message) == lp::ErrorKind::bad_setting);
    }
    // A -wal beside it: QGIS has it open (or a write was cut short); a copy would miss it.
    std::ofstream(path + "-wal") << "frames";
    CHECK(kind_of_refusal([&] { lp::write_features(path, squares(1), "EPSG:27700", {}, {"localities"}); }, message) ==
          lp::ErrorKind::write_failed);
    CHECK_THAT(message, Catch::Contains(path + "-wal") && Catch::Contains("open in another program"));
    fs::remove(path + "-wal");
    CHECK(bytes(path) == before);

    // Something else under a .gpkg name is not replaced either; an empty file is.
    const std::string text = (dir / "notes.gpkg").string();
    std::ofstream(text) << "not a GeoPackage";
    CHECK(kind_of_refusal([&] { lp::check_output_path(text, {"localities"}); }, message) == lp::ErrorKind::write_failed);
    CHECK(kind_of_refusal([&] { lp::write_features(text, squares(1), "EPSG:27700", {}, {"localities"}); }, message) ==
          lp::ErrorKind::write_failed);
    CHECK_THAT(message, Catch::Contains("not a GeoPackage"));
    CHECK(bytes(text) == "not a GeoPackage");
    const std::string empty = (dir / "empty.gpkg").string();
    { std::ofstream created(empty); }
    lp::write_features(empty, squares(2), "EPSG:27700", {}, {"localities"});
    CHECK(gpkg_layers(empty) == Layers{{"localities", 2}});
    CHECK(temporaries(dir).empty());
    fs::remove_all(dir);
}

TEST_CASE("GeoPackage output: a writer killed while adding its layer leaves the GeoPackage whole", "[io][gpkg][safety]") {
    fs::path dir;
    const std::string path = corporate_in("kill", dir);
    const std::string before = bytes(path);
    const auto many = squares(1000);
    // Killed at moments spread over the write (copying, adding features, styling, renaming),
    // and last a writer left to finish (-1).
    const auto t0 = std::chrono::steady_clock::now();
    lp::write_features((dir / "timing.gpkg").string(), many, "EPSG:27700", style_of(2));
    const auto write_ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - t0).count();
    fs::remove(dir / "timing.gpkg");
    std::vector<long> delays;
    for (int i = 0; i < 8; ++i) delays.push_back(static_cast<long>(write_ms * i / 6)); // past the end too
    delays.push_back(-1);
    int finished = 0;
    for (long delay_ms : delays) {
        const pid_t child = fork();
        REQUIRE(child >= 0);
        if (child == 0) {
            try {
                lp::write_features(path, many, "EPSG:27700", style_of(2), {"localities", true});
            } catch (...) {
                _exit(1);
            }
            _exit(0);
        }
        int status = 0;
        if (delay_ms >= 0) {
            ::usleep(static_cast<useconds_t>(delay_ms * 1000));
            ::kill(child, SIGKILL);
        }
        ::waitpid(child, &status, 0);
        if (delay_ms < 0) CHECK((WIFEXITED(status) && WEXITSTATUS(status) == 0));
        lp::remove_orphan_temporaries(dir.string());
        CHECK(temporaries(dir).empty());
        // The original, or the original with the whole new layer: nothing in between.
        if (bytes(path) == before) continue;
        ++finished;
        CHECK(gpkg_layers(path) == Layers{{"wards", 2}, {"sites", 3}, {"layer_styles", 2}, {"localities", 1000}});
        CHECK(gpkg_styles_of(path, "wards").size() == 1);
    }
    INFO(finished << " of " << delays.size() << " writers finished (one write takes " << write_ms << " ms)");
    CHECK(finished >= 1);
    fs::remove_all(dir);
}
