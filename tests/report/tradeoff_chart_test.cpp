// The trade-off chart (lp/report/tradeoff_chart.hpp): tradeoff.csv read back by its column
// names, one bar per band in each panel, the band's own tolerance dashed, and the section
// the plan report adds.
#include <lp/core/error.hpp>
#include <lp/generate/tradeoff.hpp>
#include <lp/io/csv_table.hpp>
#include <lp/report/tradeoff_chart.hpp>

#include <catch2/catch.hpp>

#include <string>

using namespace lp;

namespace {

std::size_t count(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size())) ++n;
    return n;
}

// Four bands as run_tradeoff makes them, through the CSV the command writes.
TradeoffView four_bands() {
    std::vector<TradeoffRow> rows(4);
    const char* labels[] = {"5%", "0.25", "50%:soft", "soft"};
    for (int i = 0; i < 4; ++i) {
        rows[i].band = labels[i];
        rows[i].towns_split = 3 - i < 0 ? 0 : 3 - i;
        rows[i].people_on_boundary = 20000 - 4000.0 * i;
        rows[i].people_on_boundary_pct = 20 - 4.0 * i;
        rows[i].largest_deviation = 0.05 + 0.5 * i;
        rows[i].cut_km = 300 - 20.0 * i;
        rows[i].zones_changed = i == 0 ? -1 : 10 * i;
        rows[i].within_tolerance = i != 0;
        rows[i].beyond_soft_band = i >= 2 ? 1 : 0;
        rows[i].seconds = 0.5;
    }
    return read_tradeoff_table(parse_csv(tradeoff_csv(rows), "tradeoff.csv"));
}

} // namespace

TEST_CASE("tradeoff.csv reads back band by band", "[report][tradeoff]") {
    const TradeoffView view = four_bands();
    REQUIRE(view.bands.size() == 4);
    CHECK(view.source == "tradeoff.csv");
    CHECK(view.bands[0].band == "5%");
    CHECK(view.bands[0].towns_split == 3);
    CHECK_FALSE(view.bands[0].zones_changed.has_value());
    CHECK(view.bands[2].zones_changed == 20);
    CHECK(view.bands[1].largest_deviation_pct == Approx(55));
    CHECK(view.bands[3].people_on_boundary == Approx(8000));
    CHECK_FALSE(view.bands[0].within_tolerance);
    CHECK(view.bands[3].within_tolerance);
    CHECK(view.bands[3].beyond_soft_band == 1);

    CHECK_THROWS_WITH(read_tradeoff_table(parse_csv("band,towns_split\n5%,1\n", "t.csv")),
                      Catch::Contains("t.csv: no column people_on_boundary"));
    const std::string header = "band,towns_split,people_on_boundary,people_on_boundary_pct,largest_deviation_pct,cut_km,"
                               "zones_changed,within_tolerance,beyond_soft_band,seconds\n";
    CHECK_THROWS_WITH(read_tradeoff_table(parse_csv(header + "5%,many,1,1,1,1,,true,0,0\n", "t.csv")),
                      Catch::Contains("t.csv line 2: towns_split 'many' is not a number"));
    CHECK_THROWS_WITH(read_tradeoff_table(parse_csv(header, "t.csv")), Catch::Contains("no bands"));
    try {
        read_tradeoff_csv("/nonexistent/tradeoff.csv");
        FAIL("a missing file is read");
    } catch (const Error& e) {
        CHECK(e.kind() == ErrorKind::file_not_found);
    }
}

TEST_CASE("the trade-off chart has one mark per band in each panel", "[report][tradeoff]") {
    const TradeoffView view = four_bands();
    const std::string svg = tradeoff_chart_svg(view);
    CHECK(svg.rfind("<svg", 0) == 0);
    CHECK(count(svg, "<svg") == 1);
    CHECK(count(svg, "</svg>") == 1);
    CHECK(count(svg, "class=\"mark\"") == 12); // three panels of four bands
    for (const char* series : {"towns_split", "people_on_boundary_pct", "largest_deviation_pct"})
        CHECK(count(svg, std::string("class=\"mark\" data-series=\"") + series + "\"") == 4);
    for (const char* band : {"5%", "0.25", "50%:soft", "soft"})
        CHECK(count(svg, std::string("data-band=\"") + band + "\"") == 3);
    // The bands along the x axis in the order given, in each panel.
    const auto first = svg.find(">5%</text>"), second = svg.find(">0.25</text>"), third = svg.find(">50%:soft</text>");
    CHECK(first < second);
    CHECK(second < third);
    // Axis titles and values written on the bars, so it reads in print.
    CHECK(svg.find("Towns split") != std::string::npos);
    CHECK(svg.find("People on a boundary (%)") != std::string::npos);
    CHECK(svg.find("Largest deviation (%)") != std::string::npos);
    CHECK(svg.find(">155%</text>") != std::string::npos);
    CHECK(svg.find(">12.0%</text>") != std::string::npos);
    // The band asked for, dashed, where it has a number (5%, 0.25, 50%:soft; not "soft").
    CHECK(count(svg, "class=\"band\"") == 3);

    const std::string one = tradeoff_chart_svg(read_tradeoff_table(
        parse_csv("band,towns_split,people_on_boundary,people_on_boundary_pct,largest_deviation_pct,cut_km,zones_changed,"
                  "within_tolerance,beyond_soft_band,seconds\nsoft,0,0,0,0,0,,true,0,0\n",
                  "t.csv")));
    CHECK(count(one, "class=\"mark\"") == 3); // all zero: bars still drawn, axes still scaled
    CHECK(one.find("nan") == std::string::npos);
}

TEST_CASE("the trade-off section and page hold the chart and the table", "[report][tradeoff]") {
    const TradeoffView view = four_bands();
    const std::string section = tradeoff_section_html(view);
    CHECK(section.find("<h2>Trade-off") != std::string::npos);
    CHECK(count(section, "<svg") == 1);
    CHECK(count(section, "<tr>") == 5); // header and four bands
    CHECK(section.find("<td class=\"text\">50%:soft</td>") != std::string::npos);
    CHECK(section.find("<td>20,000</td>") != std::string::npos);
    const std::string page = tradeoff_page_html(view, "Trade-off: A & B", "3 localities");
    CHECK(page.rfind("<!DOCTYPE html>", 0) == 0);
    CHECK(page.find("<h1>Trade-off: A &amp; B</h1>") != std::string::npos);
    CHECK(page.find(section) != std::string::npos); // the one section, as the report shows it
}
