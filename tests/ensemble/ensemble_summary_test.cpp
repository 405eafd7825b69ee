// Quantiles, the plan's percentile, border frequencies and co-assignment shares.
#include "../grid_graph.hpp"

#include <lp/ensemble/ensemble_summary.hpp>

#include <catch2/catch.hpp>

using namespace lp;

TEST_CASE("quantiles interpolate and the plan's percentile counts ties half", "[ensemble]") {
    const std::vector<double> values{1, 2, 3, 4, 5};
    CHECK(quantile(values, 0.0) == 1);
    CHECK(quantile(values, 0.5) == 3);
    CHECK(quantile(values, 0.25) == 2);
    CHECK(quantile(values, 0.95) == Approx(4.8));
    CHECK(percentile_of(values, 0.5) == 0);
    CHECK(percentile_of(values, 3) == Approx(50));
    CHECK(percentile_of(values, 9) == 100);
}

TEST_CASE("border frequency and co-assignment count the samples", "[ensemble]") {
    const ContiguityGraph graph = test::grid_graph(2, 1); // two zones, one border
    const std::vector<std::vector<std::uint8_t>> samples{{0, 1}, {0, 0}, {1, 0}, {1, 1}};
    const auto frequency = boundary_frequency(graph, samples);
    REQUIRE(frequency.size() == 1);
    CHECK(frequency[0] == Approx(0.5));

    // Plan: both zones in locality 0, which in each sample mostly gets the label most of
    // its zones have (a tie: the lower label). Zone 0 misses it in {1,0}, zone 1 in {0,1}.
    const auto shares = coassignment_share({0, 0}, 2, samples);
    CHECK(shares[0] == Approx(0.75));
    CHECK(shares[1] == Approx(0.75));

    EnsembleMetricSpec spec;
    spec.balance = {{"people", {10, 30}, 0.5}};
    const auto names = ensemble_metric_names(graph, spec);
    const auto values = plan_metrics(graph, std::vector<int>{0, 1}, 2, spec);
    REQUIRE(names.size() == values.size());
    CHECK(names[0] == "cut_length_m");
    CHECK(values[0] == Approx(100));
    CHECK(names[1] == "max_deviation_people");
    CHECK(values[1] == Approx(0.5));
}
