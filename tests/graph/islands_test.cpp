#include "../scratch_folder.hpp"
#include "../test_data.hpp"

#include <lp/graph/graph_builder.hpp>
#include <lp/io/zone_layer.hpp>

#include <catch2/catch.hpp>

#include <fstream>

using namespace lp;

namespace {
struct Pieces {
    std::size_t land = 0;
    std::size_t joined = 0;
    std::size_t crossings = 0;
};
Pieces pieces(const ContiguityGraph& g) {
    Pieces p;
    g.components(true, &p.land);
    g.components(false, &p.joined);
    p.crossings = g.crossings.size();
    return p;
}
} // namespace

TEST_CASE("island councils fall into land components that crossings join", "[graph][real]") {
    for (const char* code : {"S12000023", "S12000027", "S12000013"}) { // Orkney, Shetland, Na h-Eileanan Siar
        INFO("council " << code);
        const ZoneLayer z = read_zones(test::council_from_gpkg(code));
        const ContiguityGraph g = build_contiguity_graph(z);
        const Pieces p = pieces(g);
        CHECK(p.land > 1);
        CHECK(p.joined == 1);
        CHECK(p.crossings == p.land - 1);
        for (const auto& c : g.crossings) {
            CHECK_FALSE(c.user_supplied);
            CHECK(c.distance > 0);
            CHECK(c.distance < 30000);
        }
    }
}

TEST_CASE("user crossings are used first and reported", "[graph][real]") {
    const ZoneLayer z = read_zones(test::council_from_gpkg("S12000023"));
    const ContiguityGraph automatic = build_contiguity_graph(z);
    REQUIRE(!automatic.crossings.empty());
    // Record the first automatic crossing as a ferry: the same link, now the user's.
    const auto& first = automatic.crossings.front();
    const std::string csv = test::scratch_folder("user_crossings") + "/orkney_crossings.csv";
    std::ofstream(csv) << "zone_a,zone_b,note\n" << z.ids[first.a] << "," << z.ids[first.b] << ",ferry\n";
    const ContiguityGraph g = build_contiguity_graph(z, {}, read_crossings_csv(csv));
    REQUIRE(g.crossings.size() == automatic.crossings.size());
    CHECK(g.crossings.front().user_supplied);
    CHECK(g.crossings.front().note == "ferry");
    CHECK(pieces(g).joined == 1);
}

TEST_CASE("the graph is symmetric, simple and measured", "[graph][real]") {
    const ZoneLayer z = read_zones(test::council_from_gpkg("S12000049"));
    const ContiguityGraph g = build_contiguity_graph(z);
    for (std::uint32_t v = 0; v < g.size(); ++v) {
        for (const auto& adj : g.neighbours(v)) {
            const auto& e = g.edges()[adj.edge];
            CHECK(e.a < e.b);
            CHECK((e.a == v || e.b == v));
            if (!e.crossing) CHECK(e.shared_length >= 10.0);
            // No zone shares more boundary than its perimeter.
            CHECK(e.shared_length <= g.zone_perimeter()[v] + 1e-6);
        }
    }
    GraphOptions queen;
    queen.adjacency = Adjacency::queen;
    CHECK(build_contiguity_graph(z, queen).edges().size() > g.edges().size());
}
