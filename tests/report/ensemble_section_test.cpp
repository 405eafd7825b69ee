// The report's ensemble section: a histogram per measure with the plan marked, and the
// boundary-frequency map over the localities.
#include <lp/report/ensemble_section.hpp>
#include <lp/report/svg_map.hpp>

#include <catch2/catch.hpp>

#include <string>

using namespace lp;

namespace {

std::size_t count(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
    return n;
}

MultiPolygon square(double x0, double y0, double side) {
    return {Polygon{{{x0, y0}, {x0 + side, y0}, {x0 + side, y0 + side}, {x0, y0 + side}, {x0, y0}}, {}}};
}

// Two square localities and an ensemble of three samples of one measure.
struct SmallEnsemble {
    LocalityPlan plan;
    std::vector<MultiPolygon> shapes{square(0, 0, 100), square(100, 0, 100)};
    EnsembleView view;
    SmallEnsemble() {
        plan.localities = {{"L1", "West", "#ff0000", false}, {"L2", "East", "#0000ff", false}};
        view.samples = 3;
        view.steps = 30;
        view.chains = 1;
        view.distribution = "plans within every band";
    }
};

} // namespace

TEST_CASE("Ensemble histogram: bars for the values and one red line at the plan", "[report][ensemble]") {
    const std::string svg = svg_histogram({1, 2, 2, 3, 3, 3, 4}, 3.5, "cut");
    CHECK(count(svg, "<rect") == 30);
    CHECK(count(svg, "stroke=\"#c0392b\"") == 1);
    CHECK(svg.find("plan 3.5") != std::string::npos);
    // A plan outside the ensemble's range widens the axis to hold it.
    CHECK(svg_histogram({1, 2}, 10, "x").find(">10<") != std::string::npos);
}

TEST_CASE("Ensemble section: a table row and a histogram per measure, and the frequency map", "[report][ensemble]") {
    SmallEnsemble small;
    const LocalityPlan& plan = small.plan;
    const std::vector<MultiPolygon>& shapes = small.shapes;
    EnsembleView& view = small.view;
    view.metrics = {{"cut_length_m", 100, 50, {90, 100, 110}}, {"max_deviation_pop", 0.01, 10, {0.02, 0.03, 0.01}}};
    view.border_lines = {{Ring{{100, 0}, {100, 100}}}, {Ring{{0, 50}, {100, 50}}}};
    view.border_frequency = {0.9, 0.1};
    view.plan_boundary = {true, false};
    const std::string html = ensemble_section_html(view, shapes, plan);
    CHECK(count(html, "class=\"histogram\"") == 2);
    CHECK(html.find("Length of boundary between localities (m)") != std::string::npos);
    CHECK(html.find("Largest deviation from the mean, pop") != std::string::npos);
    CHECK(count(html, "class=\"frequency-map\"") == 1);
    CHECK(count(html, "stroke=\"#1f3b73\" stroke-width=\"5\"") == 1); // the plan's one boundary, beneath
}

TEST_CASE("Ensemble section: effective samples, R-hat and a percentile's interval per measure, and the warning when few",
          "[report][ensemble]") {
    SmallEnsemble small;
    const LocalityPlan& plan = small.plan;
    const std::vector<MultiPolygon>& shapes = small.shapes;
    EnsembleView& view = small.view;
    view.metrics = {{"cut_length_m", 100, 50, {90, 100, 110}, {0, 0, 0}}};
    const std::string few = ensemble_section_html(view, shapes, plan);
    CHECK(few.find("too few independent samples to rank this plan") != std::string::npos);
    CHECK(few.find("<th>Effective samples</th><th>R-hat</th>") != std::string::npos);
    CHECK(few.find("(too few)") != std::string::npos);

    // Two chains of 2000 independent uniform values each (a fixed stream).
    view.metrics.front().values.clear();
    view.metrics.front().chain.clear();
    std::uint64_t state = 7;
    for (unsigned c = 0; c < 2; ++c)
        for (int i = 0; i < 2000; ++i) {
            state = state * 6364136223846793005ULL + 1442695040888963407ULL;
            view.metrics.front().values.push_back(static_cast<double>(state >> 11) * 0x1.0p-53);
            view.metrics.front().chain.push_back(c);
        }
    view.samples = 4000;
    const std::string enough = ensemble_section_html(view, shapes, plan);
    CHECK(enough.find("too few independent samples") == std::string::npos);
    CHECK(enough.find("(too few)") == std::string::npos);
    CHECK(enough.find("<td>50</td><td>48.") != std::string::npos); // percentile 50, its interval from about 48.x
}
