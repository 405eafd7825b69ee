// The reversible ReCom chain samples the distribution docs/ensembles.md documents:
// P(plan) proportional to the product of the localities' spanning-tree counts, over
// plans within the band. On a 6x6 grid cut into two halves of exactly 18 cells every
// such plan is enumerated (80,518 of them), and the chain's visits are compared with
// a chi-square test on bins of equal probability.
#include "../grid_graph.hpp"

#include <lp/ensemble/recom.hpp>

#include <catch2/catch.hpp>

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <numeric>
#include <unordered_map>
#include <vector>

namespace {

constexpr int kSide = 6;
constexpr int kCells = kSide * kSide;

struct Grid {
    std::uint64_t neighbours[kCells] = {};
    std::uint64_t all = (std::uint64_t{1} << kCells) - 1;
    Grid() {
        for (int y = 0; y < kSide; ++y)
            for (int x = 0; x < kSide; ++x) {
                const int i = y * kSide + x;
                if (x > 0) neighbours[i] |= std::uint64_t{1} << (i - 1);
                if (x + 1 < kSide) neighbours[i] |= std::uint64_t{1} << (i + 1);
                if (y > 0) neighbours[i] |= std::uint64_t{1} << (i - kSide);
                if (y + 1 < kSide) neighbours[i] |= std::uint64_t{1} << (i + kSide);
            }
    }
    bool connected(std::uint64_t cells) const {
        std::uint64_t seen = cells & (~cells + 1), frontier = seen;
        while (frontier) {
            std::uint64_t reached = 0;
            for (std::uint64_t f = frontier; f; f &= f - 1) reached |= neighbours[std::countr_zero(f)];
            frontier = reached & cells & ~seen;
            seen |= frontier;
        }
        return seen == cells;
    }
    // log of the number of spanning trees of the cells (Kirchhoff: a reduced Laplacian's determinant).
    double log_trees(std::uint64_t cells) const {
        std::vector<int> index(kCells, -1);
        int n = 0;
        for (std::uint64_t c = cells; c; c &= c - 1) index[std::countr_zero(c)] = n++;
        const int m = n - 1; // drop the last cell's row and column
        std::vector<double> a(static_cast<std::size_t>(m * m), 0.0);
        for (std::uint64_t c = cells; c; c &= c - 1) {
            const int i = std::countr_zero(c), r = index[i];
            if (r >= m) continue;
            a[static_cast<std::size_t>(r * m + r)] = std::popcount(neighbours[i] & cells);
            for (std::uint64_t d = neighbours[i] & cells; d; d &= d - 1) {
                const int s = index[std::countr_zero(d)];
                if (s < m) a[static_cast<std::size_t>(r * m + s)] = -1;
            }
        }
        double log_det = 0; // Cholesky: the reduced Laplacian of a connected graph is positive definite
        for (int j = 0; j < m; ++j) {
            double d = a[static_cast<std::size_t>(j * m + j)];
            for (int p = 0; p < j; ++p) d -= a[static_cast<std::size_t>(j * m + p)] * a[static_cast<std::size_t>(j * m + p)];
            const double root = std::sqrt(d);
            a[static_cast<std::size_t>(j * m + j)] = root;
            log_det += std::log(root) * 2;
            for (int i = j + 1; i < m; ++i) {
                double s = a[static_cast<std::size_t>(i * m + j)];
                for (int p = 0; p < j; ++p) s -= a[static_cast<std::size_t>(i * m + p)] * a[static_cast<std::size_t>(j * m + p)];
                a[static_cast<std::size_t>(i * m + j)] = s / root;
            }
        }
        return log_det;
    }
    int edges_between(std::uint64_t cells) const {
        int count = 0;
        for (std::uint64_t c = cells; c; c &= c - 1) count += std::popcount(neighbours[std::countr_zero(c)] & ~cells & all);
        return count;
    }
};

// Connected sets of 18 cells holding cell 0 whose other 18 cells are connected too:
// each set grows from cell 0 by adding, in order, cells next to it not yet refused.
void enumerate(const Grid& grid, std::uint64_t set, int size, std::uint64_t extension, std::uint64_t refused,
               std::vector<std::uint64_t>& out) {
    if (size == kCells / 2) {
        if (grid.connected(grid.all & ~set)) out.push_back(set);
        return;
    }
    while (extension) {
        const int v = std::countr_zero(extension);
        extension &= extension - 1;
        const std::uint64_t bit = std::uint64_t{1} << v;
        const std::uint64_t grown = (extension | (grid.neighbours[v] & ~set & ~refused)) & ~bit;
        enumerate(grid, set | bit, size + 1, grown, refused, out);
        refused |= bit;
    }
}

double chi_square(const std::vector<double>& observed, const std::vector<double>& expected_share, double total) {
    double chi = 0;
    for (std::size_t i = 0; i < observed.size(); ++i) {
        const double expected = expected_share[i] * total;
        chi += (observed[i] - expected) * (observed[i] - expected) / expected;
    }
    return chi;
}

} // namespace

using namespace lp;

TEST_CASE("reversible ReCom visits 6x6 halves in proportion to their spanning-tree products", "[ensemble]") {
    const Grid grid;
    std::vector<std::uint64_t> plans;
    enumerate(grid, 1, 1, grid.neighbours[0], 1, plans);
    REQUIRE(plans.size() == 80518);

    std::vector<double> log_weight(plans.size()), log_wrong(plans.size());
    for (std::size_t i = 0; i < plans.size(); ++i) {
        log_weight[i] = grid.log_trees(plans[i]) + grid.log_trees(grid.all & ~plans[i]);
        // What ReCom without the Metropolis correction would favour: the proposal's own
        // weight, trees times the edges between the halves.
        log_wrong[i] = log_weight[i] + std::log(grid.edges_between(plans[i]));
    }
    auto normalised = [](const std::vector<double>& logs) {
        const double top = *std::max_element(logs.begin(), logs.end());
        std::vector<double> p(logs.size());
        double sum = 0;
        for (std::size_t i = 0; i < logs.size(); ++i) sum += p[i] = std::exp(logs[i] - top);
        for (auto& x : p) x /= sum;
        return p;
    };
    const auto pi = normalised(log_weight);
    const auto wrong = normalised(log_wrong);
    const auto uniform = std::vector<double>(plans.size(), 1.0 / static_cast<double>(plans.size()));

    // Bins of about equal probability under pi, plans ordered by pi.
    constexpr int kBins = 10;
    std::vector<std::size_t> order(plans.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) { return pi[x] < pi[y]; });
    std::vector<int> bin_of(plans.size());
    double cumulative = 0;
    for (const std::size_t i : order) {
        bin_of[i] = std::min(kBins - 1, static_cast<int>(cumulative * kBins));
        cumulative += pi[i];
    }
    // The two straight cuts hold more than a tenth each: a bin left empty is dropped.
    std::vector<int> renumber(kBins, -1);
    int bins = 0;
    for (const std::size_t i : order)
        if (renumber[static_cast<std::size_t>(bin_of[i])] < 0) renumber[static_cast<std::size_t>(bin_of[i])] = bins++;
    for (auto& b : bin_of) b = renumber[static_cast<std::size_t>(b)];
    REQUIRE(bins >= 8);
    std::vector<double> share(static_cast<std::size_t>(bins), 0.0), share_wrong(share), share_uniform(share);
    for (std::size_t i = 0; i < plans.size(); ++i) {
        share[static_cast<std::size_t>(bin_of[i])] += pi[i];
        share_wrong[static_cast<std::size_t>(bin_of[i])] += wrong[i];
        share_uniform[static_cast<std::size_t>(bin_of[i])] += uniform[i];
    }
    std::unordered_map<std::uint64_t, std::size_t> index_of;
    for (std::size_t i = 0; i < plans.size(); ++i) index_of.emplace(plans[i], i);

    const ContiguityGraph graph = lp::test::grid_graph(kSide, kSide);
    EnsembleRequest request;
    request.graph = &graph;
    request.k = 2;
    request.balance = {{"cells", std::vector<double>(kCells, 1.0), 0.01}};
    request.start.resize(kCells);
    for (int z = 0; z < kCells; ++z) request.start[static_cast<std::size_t>(z)] = z % kSide < kSide / 2 ? 0 : 1;
    // About one step in 110 moves (an exact halving is a rare tree edge): recording every
    // 500th step leaves neighbouring samples nearly independent.
    request.steps = 1000000;
    request.chains = 2;
    request.thin = 500;
    request.seed = 7;
    const EnsembleResult result = run_recom(request);
    REQUIRE(result.samples.size() == 4000);

    std::vector<double> observed(static_cast<std::size_t>(bins), 0.0);
    for (const auto& sample : result.samples) {
        std::uint64_t with_first = 0;
        for (int z = 0; z < kCells; ++z)
            if (sample[static_cast<std::size_t>(z)] == sample[0]) with_first |= std::uint64_t{1} << z;
        const auto found = index_of.find(with_first);
        REQUIRE(found != index_of.end()); // every sample is a valid plan
        observed[static_cast<std::size_t>(bin_of[found->second])] += 1;
    }
    const double total = static_cast<double>(result.samples.size());
    const double chi = chi_square(observed, share, total);
    const double chi_wrong = chi_square(observed, share_wrong, total);
    const double chi_uniform = chi_square(observed, share_uniform, total);
    INFO("chi-square " << chi << ", against the uncorrected weighting " << chi_wrong << ", against uniform "
                       << chi_uniform << "; accepted " << result.chains[0].accepted << " of "
                       << result.chains[0].steps);
    // 8 or 9 degrees of freedom: 27.9 is the 99.9% point of 9; samples 500 steps apart
    // are not quite independent, so allow a little more.
    CHECK(chi < 35.0);
    CHECK(chi_wrong > 35.0);
    CHECK(chi_uniform > 35.0);
}
