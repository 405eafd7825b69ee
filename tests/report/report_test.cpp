#include <catch2/catch.hpp>

#include <lp/io/demand_table.hpp>
#include <lp/plan/plan_check.hpp>
#include <lp/plan/plan_file.hpp>
#include <lp/report/locality_features.hpp>
#include <lp/report/html_escape.hpp>
#include <lp/report/plan_report.hpp>
#include <lp/report/svg_map.hpp>

#include "../plan/plan_fixtures.hpp"

#include <gdal_priv.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

using namespace lp;

namespace {

std::string read_text(const std::string& path) {
    std::ifstream in(path);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

std::size_t count(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size())) ++n;
    return n;
}

// Standard deviation of the red, green and blue samples of a PNG, read with GDAL's PNG driver.
double pixel_spread(const std::string& png, int* width, int* height) {
    GDALAllRegister();
    std::unique_ptr<GDALDataset> ds(GDALDataset::Open(png.c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY));
    REQUIRE(ds);
    *width = ds->GetRasterXSize();
    *height = ds->GetRasterYSize();
    REQUIRE(ds->GetRasterCount() >= 3);
    double sum = 0, sum2 = 0, n = 0;
    std::vector<unsigned char> row(*width);
    for (int band = 1; band <= 3; ++band)
        for (int y = 0; y < *height; y += 4) {
            REQUIRE(ds->GetRasterBand(band)->RasterIO(GF_Read, 0, y, *width, 1, row.data(), *width, 1, GDT_Byte, 0, 0) == CE_None);
            for (unsigned char v : row) {
                sum += v;
                sum2 += double(v) * v;
                ++n;
            }
        }
    const double mean = sum / n;
    return std::sqrt(std::max(0.0, sum2 / n - mean * mean));
}

} // namespace

TEST_CASE("SVG map: one path and one label per locality, a legend, a scale bar", "[report]") {
    LocalityPlan plan;
    plan.localities = {{"A", "West <& Isles>", "#ff0000", false}, {"B", "East", "#00ff00", false}};
    const Polygon square{{{0, 0}, {1000, 0}, {1000, 1000}, {0, 1000}, {0, 0}}, {}};
    const Polygon right{{{1000, 0}, {3000, 0}, {3000, 1000}, {1000, 1000}, {1000, 0}}, {}};
    const std::string svg = svg_locality_map({{square}, {right}}, plan, SvgMapOptions{600, 600, 10, "t"});
    CHECK(count(svg, "<path ") == 2);
    CHECK(svg.find("West &lt;&amp; Isles&gt;") != std::string::npos);
    CHECK(svg.find("fill=\"#00ff00\"") != std::string::npos);
    // 3 km wide over 580 px: the western square spans x 10 .. 203.3, top-left corner at y 10.
    CHECK(svg.find("M10.0 203.3L203.3 203.3L203.3 10.0L10.0 10.0Z") != std::string::npos);
    CHECK(svg.find(">500 m</text>") != std::string::npos);
}

TEST_CASE("SVG map: notes (the licence lines) go under the legend, and the image grows to hold them", "[report]") {
    LocalityPlan plan;
    plan.localities = {{"A", "West", "#ff0000", false}};
    const Polygon square{{{0, 0}, {1000, 0}, {1000, 1000}, {0, 1000}, {0, 0}}, {}};
    const std::string plain = svg_locality_map({{square}}, plan, SvgMapOptions{600, 600, 10, "t"});
    SvgMapOptions options{600, 600, 10, "t"};
    options.notes = {"Contains OS data \xC2\xA9 Crown copyright and database right 2026", "Open Government Licence <v3.0>"};
    const std::string noted = svg_locality_map({{square}}, plan, options);
    CHECK(count(plain, "class=\"note\"") == 0);
    CHECK(count(noted, "class=\"note\"") == 2);
    CHECK(noted.find(">Contains OS data \xC2\xA9 Crown copyright and database right 2026</text>") != std::string::npos);
    CHECK(noted.find("Open Government Licence &lt;v3.0&gt;") != std::string::npos);
    const auto height = [](const std::string& svg) {
        const std::size_t at = svg.find("height=\"") + 8;
        return std::stod(svg.substr(at, svg.find('"', at) - at));
    };
    // Two lines of 15 units and a 4-unit gap more than the map without notes.
    CHECK(height(noted) == Approx(height(plain) + 34));
    // The last note's baseline is inside the image.
    const std::size_t last = noted.rfind("class=\"note\"");
    const std::size_t y = noted.find("y=\"", last) + 3;
    CHECK(std::stod(noted.substr(y, noted.find('"', y) - y)) <= height(noted));
}

TEST_CASE("SVG map: long names stay inside the map and off each other", "[report]") {
    LocalityPlan plan;
    plan.localities = {{"A", "Rosyth and Dalgety Bay West Shore", "#ff0000", false},
                       {"B", "Dunfermline and Its Neighbours", "#00ff00", false}};
    // Two thin strips side by side at the map's left edge: centred, the names would run off
    // the map and over each other.
    const Polygon left{{{0, 0}, {100, 0}, {100, 3000}, {0, 3000}, {0, 0}}, {}};
    const Polygon next{{{100, 0}, {200, 0}, {200, 3000}, {100, 3000}, {100, 0}}, {}};
    const std::string svg = svg_locality_map({{left}, {next}}, plan, SvgMapOptions{600, 600, 10, "t"});
    const std::regex label(R"re(<text x="([0-9.-]+)" y="([0-9.-]+)" text-anchor="middle"[^>]*font-size="13"[^>]*>([^<]*)</text>)re");
    std::vector<std::array<double, 4>> boxes;
    for (auto it = std::sregex_iterator(svg.begin(), svg.end(), label); it != std::sregex_iterator(); ++it) {
        const double x = std::stod((*it)[1]), y = std::stod((*it)[2]);
        const double half = 0.5 * 8.0 * (*it)[3].length();
        INFO((*it)[3] << " at " << x << ", " << y);
        CHECK(x - half >= 0);
        CHECK(x + half <= 600);
        boxes.push_back({x - half, y - 9, x + half, y + 9});
    }
    REQUIRE(boxes.size() == 2);
    const bool overlap = boxes[0][0] < boxes[1][2] && boxes[1][0] < boxes[0][2] && boxes[0][1] < boxes[1][3] &&
                         boxes[1][1] < boxes[0][3];
    CHECK_FALSE(overlap);
}

TEST_CASE("Report: Highland with 9 localities, rendered in headless Chromium", "[report]") {
    const std::string ca = "S12000017";
    const auto& data = test::council_dataset(ca);
    REQUIRE(data.zones.size() == 312);
    const auto catalogue = read_catalogue(default_catalogue_path());
    LocalityPlan plan = test::grown_plan(data, test::council_options(ca), 9, catalogue);
    plan.partnership_code = "S37000016";
    plan.partnership_name = "Highland";
    // Each grown locality is named after the intermediate zone holding most of its
    // people, so the names on the map are true to the places.
    const auto iz_names = join_text_column(data.zones, std::string(LP_SHARED_DATA) + "/demand/dz2011_lookup.csv", "",
                                           "iz11_name");
    const auto& population = data.demand.column("pop2020_total");
    std::vector<std::string> names;
    for (const auto& locality : plan.localities) {
        std::map<std::string, double> people;
        for (std::size_t z = 0; z < data.zones.size(); ++z)
            if (plan.assignment.at(data.zones.ids[z]) == locality.id) people[iz_names[z]] += population[z];
        auto largest = std::max_element(people.begin(), people.end(),
                                        [](const auto& a, const auto& b) { return a.second < b.second; });
        REQUIRE(largest != people.end());
        names.push_back(largest->first);
    }
    for (std::size_t i = 0; i < 9; ++i) plan.localities[i].name = names[i];
    plan.arrangements["ASC-CH"]["L3"] = {Delivery::hosted, "L5", "one placement team for both localities"};

    CheckInput input;
    input.zone_ids = data.zones.ids;
    input.graph = &data.graph;
    input.catalogue = &catalogue;
    const PlanCheck check = check_plan(plan, input);
    INFO(format_check(check, plan));
    REQUIRE(check.valid());

    const std::string folder = test::scratch_folder("highland_report");
    const PlanReport report = prepare_report(plan, data, catalogue, check, folder + "/highland.json");
    REQUIRE(report.shapes.size() == 9);
    const auto written = write_report(report, folder);
    CHECK(written.size() == 5);

    const std::string html = read_text(folder + "/report.html");
    CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
    CHECK(count(html, "<path ") == 9);
    for (const auto& n : names) CHECK(html.find(html_escape(n)) != std::string::npos);
    CHECK(html.find("Statutory check: VALID") != std::string::npos);
    CHECK(html.find("hosted by L5") != std::string::npos);
    CHECK(html.find("one placement team for both localities") != std::string::npos);
    CHECK(html.find("Open Government Licence") != std::string::npos);
    // Self-contained: nothing fetched from elsewhere.
    CHECK_FALSE(std::regex_search(html, std::regex(R"((src|href)\s*=\s*"(https?:)?//)")));
    CHECK(html.find("<script") == std::string::npos);

    // The CSV tables: 9 localities, 38 functions x 9 localities.
    CHECK(count(read_text(folder + "/localities.csv"), "\n") == 10);
    CHECK(count(read_text(folder + "/functions.csv"), "\nASC-") == 6 * 9);
    const std::string indicators = read_text(folder + "/localities.csv");
    CHECK(indicators.find("gp_practices_2021,nhs_hospitals_2024") != std::string::npos);

    // The locality GeoJSON carries the arrangements, function fields without hyphens.
    const auto geojson = nlohmann::json::parse(read_text(folder + "/localities.geojson"));
    REQUIRE(geojson["features"].size() == 9);
    const auto& third = geojson["features"][2]["properties"];
    CHECK(third["locality_id"] == "L3");
    CHECK(third["locality_name"] == names[2]);
    CHECK(third["ASC_CH"] == "hosted by L5");
    CHECK(third["ASC_HC"] == "local");
    CHECK(third["SA_AE"] == "acute");
    double practices = 0;
    for (const auto& f : geojson["features"]) practices += f["properties"]["gp_practices_2021"].get<double>();
    double in_highland = 0;
    for (double v : data.demand.column("gp_practices_2021")) in_highland += v;
    CHECK(practices >= in_highland);

    // Render it as a reader would see it.
    const std::string png = folder + "/report.png";
    const std::string command =
        "chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking "
        "--disable-component-update --disable-sync --user-data-dir=" + folder + "/chromium-profile --screenshot=" + png +
        " --window-size=1280,2000 file://" + folder + "/report.html > " + folder + "/chromium.log 2>&1";
    INFO(command);
    REQUIRE(std::system(command.c_str()) == 0);
    REQUIRE(std::filesystem::exists(png));
    int width = 0, height = 0;
    const double spread = pixel_spread(png, &width, &height);
    CHECK(width == 1280);
    CHECK(height == 2000);
    CHECK(spread > 20); // a blank page is 0; the map and tables give far more
    std::filesystem::remove_all(folder + "/chromium-profile");
}
