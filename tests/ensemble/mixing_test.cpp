// Effective sample size and split R-hat on sequences whose answers are known: independent
// normals (ESS about n), AR(1) with correlation rho (ESS about n (1 - rho) / (1 + rho)),
// chains that sit at different means or spreads (R-hat well above 1), and the edge cases
// a sampler produces (a chain that never moved, a measure that never changes).
#include <lp/ensemble/mixing.hpp>

#include <catch2/catch.hpp>

#include <cmath>
#include <random>

using namespace lp;

namespace {

std::vector<double> normals(std::size_t n, std::uint64_t seed, double mean = 0, double sd = 1) {
    std::mt19937_64 random(seed);
    std::normal_distribution<double> draw(mean, sd);
    std::vector<double> x(n);
    for (auto& v : x) v = draw(random);
    return x;
}

// x(t) = rho x(t-1) + e(t), started from the stationary distribution.
std::vector<double> ar1(std::size_t n, double rho, std::uint64_t seed) {
    std::vector<double> x = normals(n, seed);
    x[0] /= std::sqrt(1 - rho * rho);
    for (std::size_t t = 1; t < n; ++t) x[t] += rho * x[t - 1];
    return x;
}

} // namespace

TEST_CASE("independent normal draws have an effective sample size close to their number", "[ensemble][mixing]") {
    for (const std::uint64_t seed : {1u, 2u, 3u, 4u}) {
        INFO("seed " << seed);
        const double ess = effective_sample_size(normals(4000, seed));
        // The estimate's own noise: a few per cent, up to 20% on one sequence.
        CHECK(ess > 0.75 * 4000);
        CHECK(ess < 1.25 * 4000);
    }
}

TEST_CASE("an AR(1) sequence has the effective sample size n (1 - rho) / (1 + rho)", "[ensemble][mixing]") {
    const std::size_t n = 40000;
    for (const double rho : {0.5, 0.9, 0.98}) {
        for (const std::uint64_t seed : {11u, 12u}) {
            INFO("rho " << rho << " seed " << seed);
            const double expected = static_cast<double>(n) * (1 - rho) / (1 + rho);
            const double ess = effective_sample_size(ar1(n, rho, seed));
            CHECK(ess > 0.8 * expected);
            CHECK(ess < 1.2 * expected);
        }
    }
    // The estimate orders sequences by how correlated they are.
    CHECK(effective_sample_size(ar1(n, 0.9, 5)) < 0.5 * effective_sample_size(ar1(n, 0.5, 5)));
}

TEST_CASE("split R-hat is near 1 for chains of one distribution and well above for chains that disagree",
          "[ensemble][mixing]") {
    const std::vector<std::vector<double>> same{normals(2000, 21), normals(2000, 22)};
    CHECK(split_rhat(same) < 1.01);
    CHECK(split_rhat(same) > 0.99);

    // Different means.
    const std::vector<std::vector<double>> apart{normals(2000, 23), normals(2000, 24, 1.0)};
    CHECK(split_rhat(apart) > 1.1);
    // Chains that do not overlap at all: ranks bound R-hat (about 1.8 for two chains).
    const std::vector<std::vector<double>> far{normals(2000, 25), normals(2000, 26, 5.0)};
    CHECK(split_rhat(far) > 1.5);
    CHECK(split_rhat(far) > split_rhat(apart));

    // The same mean, different spreads: only the folded draws see it.
    const std::vector<std::vector<double>> spread{normals(2000, 27, 0, 1), normals(2000, 28, 0, 4)};
    CHECK(split_rhat(spread) > 1.05);

    // One chain that drifts: its halves disagree.
    std::vector<double> drift = normals(2000, 29);
    for (std::size_t i = 1000; i < drift.size(); ++i) drift[i] += 2;
    CHECK(split_rhat({drift}) > 1.3);
    CHECK(split_rhat({normals(2000, 30)}) < 1.02);

    // Slowly mixing chains, each started far out: R-hat stays high while they have not met.
    std::vector<double> a = ar1(400, 0.995, 31), b = ar1(400, 0.995, 32);
    for (auto& v : a) v += 10;
    CHECK(split_rhat({a, b}) > 1.5);
    CHECK(std::isnan(split_rhat({{1.0, 2.0}})));
}

TEST_CASE("a measure that never changes counts every draw and a chain that never moved counts one",
          "[ensemble][mixing]") {
    const std::vector<std::vector<double>> fixed{std::vector<double>(50, 3.0), std::vector<double>(70, 3.0)};
    const MixingDiagnostics d = mixing_diagnostics(fixed);
    CHECK(d.constant);
    CHECK(d.ess == 120);
    CHECK(d.rhat == 1);
    CHECK(reliable(d));

    const std::vector<std::vector<double>> stuck{std::vector<double>(500, 3.0), normals(500, 41)};
    const MixingDiagnostics s = mixing_diagnostics(stuck);
    CHECK_FALSE(s.constant);
    REQUIRE(s.chain_ess.size() == 2);
    CHECK(s.chain_ess[0] == 1);
    CHECK(s.chain_ess[1] > 400);
    CHECK(s.ess == Approx(s.chain_ess[0] + s.chain_ess[1]));
    CHECK(s.rhat > kMaxReliableRhat);
    CHECK_FALSE(reliable(s));

    const MixingDiagnostics good = mixing_diagnostics({normals(1000, 42), normals(1000, 43)});
    CHECK(reliable(good));
    CHECK_FALSE(reliable(good, 5000));
}

TEST_CASE("a percentile's interval narrows with the effective sample size and stays within 0..100",
          "[ensemble][mixing]") {
    const auto few = percentile_interval(2.1, 24);
    CHECK(few.low < 1);
    CHECK(few.high > 8);           // 24 effective draws cannot place a plan at 2.1 to a point
    CHECK(few.low <= 2.1);
    const auto wide = percentile_interval(50, 400), narrow = percentile_interval(50, 1600);
    CHECK((wide.high - wide.low) / (narrow.high - narrow.low) == Approx(2).epsilon(0.02));
    CHECK(wide.high - wide.low == Approx(2 * 1.645 * 100 * 0.5 / 20).epsilon(0.02));
    const auto edge = percentile_interval(100, 50);
    CHECK(edge.high == Approx(100));
    CHECK(edge.low < 100);
    CHECK(edge.low > 90);
    const auto none = percentile_interval(30, 0);
    CHECK(none.low == 0);
    CHECK(none.high == 100);
}
