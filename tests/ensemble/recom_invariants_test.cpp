// Whatever ReCom samples stays within the rules: every band, one piece per locality,
// locks, hard blocks and keep-whole groups; the same seed gives the same chain.
#include "../grid_graph.hpp"

#include <lp/core/error.hpp>
#include <lp/ensemble/recom.hpp>
#include <lp/partition/statistics.hpp>

#include <catch2/catch.hpp>

#include <atomic>
#include <vector>

using namespace lp;

namespace {

// 8x8 grid in four 4x4 quarters, population rising to the east.
struct QuarterGrid {
    ContiguityGraph graph = test::grid_graph(8, 8);
    std::vector<int> start;
    std::vector<double> population;
    QuarterGrid() {
        for (int y = 0; y < 8; ++y)
            for (int x = 0; x < 8; ++x) {
                start.push_back((y / 4) * 2 + x / 4);
                population.push_back(100.0 + 10.0 * x);
            }
    }
    EnsembleRequest request(RecomVariant variant) const {
        EnsembleRequest r;
        r.graph = &graph;
        r.k = 4;
        r.start = start;
        // Each quarter: 16 cells, population 16 * 115 or 16 * 155: within 20% of the mean 135.
        r.balance = {{"population", population, 0.2}, {"cells", std::vector<double>(64, 1.0), 0.25}};
        r.variant = variant;
        r.steps = 4000;
        r.chains = 2;
        r.thin = 10;
        r.seed = 3;
        return r;
    }
};

std::vector<int> as_int(const std::vector<std::uint8_t>& sample) { return {sample.begin(), sample.end()}; }

} // namespace

TEST_CASE("ReCom samples keep every band, every locality in one piece and every lock", "[ensemble]") {
    const QuarterGrid grid;
    for (const auto variant : {RecomVariant::reversible, RecomVariant::plain}) {
        EnsembleRequest request = grid.request(variant);
        request.locks.assign(64, -1);
        request.locks[0] = 0;   // north-west corner
        request.locks[63] = 3;  // south-east corner
        request.locks[7] = 1;
        const EnsembleResult result = run_recom(request);
        REQUIRE(result.start_valid);
        REQUIRE(result.samples.size() == 800);
        std::uint64_t accepted = 0;
        for (const auto& chain : result.chains) accepted += chain.accepted;
        CHECK(accepted > 100); // the chain moves
        std::size_t differs_from_start = 0;
        for (const auto& sample : result.samples) {
            const auto plan = as_int(sample);
            const PlanStatistics stats = evaluate(grid.graph, plan, 4, request.balance);
            REQUIRE(stats.within_tolerance);
            REQUIRE(stats.contiguous);
            REQUIRE(plan[0] == 0);
            REQUIRE(plan[63] == 3);
            REQUIRE(plan[7] == 1);
            differs_from_start += plan != grid.start ? 1 : 0;
        }
        CHECK(differs_from_start > 400);
    }
}

TEST_CASE("ReCom moves hard blocks and keep-whole groups whole", "[ensemble]") {
    const QuarterGrid grid;
    EnsembleRequest request = grid.request(RecomVariant::plain);
    request.hard_blocks.resize(64);
    ZoneGroups towns;
    towns.kind = "settlement";
    towns.keep_whole = true;
    towns.of_zone.assign(64, -1);
    for (int y = 0; y < 8; ++y)
        for (int x = 0; x < 8; ++x) {
            request.hard_blocks[static_cast<std::size_t>(y * 8 + x)] = (y / 2) * 4 + x / 2; // 2x2 blocks
            if (y == 1 && x >= 4 && x <= 6) towns.of_zone[static_cast<std::size_t>(y * 8 + x)] = 0; // across blocks
        }
    ZoneGroups soft = towns;
    soft.keep_whole = false;
    soft.of_zone.assign(64, -1);
    soft.of_zone[10] = 5;
    soft.of_zone[50] = 5; // far apart: could never be contracted; soft groups are ignored
    request.groupings = {towns, soft};
    const EnsembleResult result = run_recom(request);
    CHECK(result.units == 15); // 16 blocks, two joined by the town
    std::uint64_t accepted = 0;
    for (const auto& chain : result.chains) accepted += chain.accepted;
    CHECK(accepted > 100);
    for (const auto& sample : result.samples) {
        for (int z = 0; z < 64; ++z) {
            const int y = z / 8, x = z % 8;
            REQUIRE(sample[static_cast<std::size_t>(z)] == sample[static_cast<std::size_t>((y / 2 * 2) * 8 + x / 2 * 2)]);
        }
        REQUIRE(sample[12] == sample[14]);
    }
}

TEST_CASE("ReCom: the same seed gives the same chain, another seed another", "[ensemble]") {
    const QuarterGrid grid;
    for (const auto variant : {RecomVariant::reversible, RecomVariant::plain}) {
        EnsembleRequest request = grid.request(variant);
        const EnsembleResult first = run_recom(request);
        const EnsembleResult again = run_recom(request);
        CHECK(first.samples == again.samples);
        CHECK(first.sample_step == again.sample_step);
        request.chains = 1; // chain 0 is the same chain whatever runs beside it
        const EnsembleResult alone = run_recom(request);
        REQUIRE(alone.samples.size() == first.samples.size() / 2);
        CHECK(std::equal(alone.samples.begin(), alone.samples.end(), first.samples.begin()));
        request.seed = 4;
        CHECK(run_recom(request).samples != alone.samples);
    }
}

TEST_CASE("ReCom: a start plan outside a band is left, and only valid plans are recorded", "[ensemble]") {
    const QuarterGrid grid;
    EnsembleRequest request = grid.request(RecomVariant::plain);
    request.balance[0].tolerance = 0.05; // the quarters are 15% off
    const EnsembleResult result = run_recom(request);
    CHECK_FALSE(result.start_valid);
    CHECK(result.chains[0].invalid_steps > 0);
    REQUIRE_FALSE(result.samples.empty());
    for (const auto& sample : result.samples) REQUIRE(evaluate(grid.graph, as_int(sample), 4, request.balance).within_tolerance);
}

TEST_CASE("ReCom refuses a start locality in two pieces, a broken lock, and stops when cancelled", "[ensemble]") {
    const QuarterGrid grid;
    EnsembleRequest request = grid.request(RecomVariant::reversible);
    request.start[0] = 3;
    try {
        run_recom(request);
        FAIL("a locality in two pieces was accepted");
    } catch (const Error& e) {
        CHECK(e.kind() == ErrorKind::bad_plan);
        CHECK(std::string(e.what()).find("locality 4 is in 2 pieces") != std::string::npos);
    }
    request = grid.request(RecomVariant::reversible);
    request.locks.assign(64, -1);
    request.locks[5] = 2;
    CHECK_THROWS_AS(run_recom(request), Error);

    request = grid.request(RecomVariant::reversible);
    std::atomic<bool> cancel{true};
    request.cancel = &cancel;
    const EnsembleResult result = run_recom(request);
    CHECK(result.cancelled);
    CHECK(result.samples.size() == 2); // each chain records the plan it stopped on: the start
    CHECK(result.chains[0].steps == 0);
}

TEST_CASE("ReCom: a sampler run in rounds gives the chains of one run, and thinning out keeps every other record",
          "[ensemble]") {
    const QuarterGrid grid;
    for (const auto variant : {RecomVariant::reversible, RecomVariant::plain}) {
        const EnsembleRequest request = grid.request(variant);
        const EnsembleResult whole = run_recom(request);
        RecomSampler sampler(request);
        CHECK(sampler.run(1000));
        CHECK(sampler.run(1500));
        CHECK(sampler.run(1500));
        const EnsembleResult rounds = sampler.result();
        CHECK(rounds.samples == whole.samples);
        CHECK(rounds.sample_step == whole.sample_step);
        CHECK(rounds.chains[1].steps == 4000);
        CHECK(rounds.chains[0].accepted == whole.chains[0].accepted);

        // Thinning out: every 20th step's plan kept, the same plans as before; the next round
        // records every 20th step.
        sampler.thin_out();
        CHECK(sampler.thin() == 20);
        REQUIRE(sampler.samples(0).size() == 200);
        for (std::size_t i = 0; i < sampler.samples(0).size(); ++i) {
            CHECK(sampler.sample_steps(0)[i] == 20 * (i + 1));
            CHECK(sampler.samples(0)[i] == whole.samples[2 * i + 1]);
        }
        CHECK(sampler.run(400));
        CHECK(sampler.samples(1).size() == 220);
        CHECK(sampler.sample_steps(1).back() == 4400);
    }
}
