// The graph builder takes the planner's crossings as data (read by io); the dataset reads
// them once and its parts reuse them.
#include <lp/core/error.hpp>
#include <lp/data/dataset.hpp>

#include <catch2/catch.hpp>

#include <algorithm>

using namespace lp;

namespace {
const std::string sample = std::string(LP_SOURCE_DIR) + "/samples/sample_council/";

DatasetOptions sample_with_crossings() {
    DatasetOptions options;
    options.zones.path = sample + "zones.geojson";
    options.zones.id_field = "zone_code";
    options.crossings_csv = sample + "crossings.csv";
    return options;
}

bool has_user_crossing(const ContiguityGraph& graph, const std::string& note) {
    return std::any_of(graph.crossings.begin(), graph.crossings.end(),
                       [&](const Crossing& c) { return c.user_supplied && c.note == note; });
}
} // namespace

TEST_CASE("the dataset reads its crossings once and a part's graph reuses those inside it", "[graph][crossings]") {
    const Dataset data = load_dataset(sample_with_crossings());
    REQUIRE(data.crossings.size() == 1);
    CHECK(data.crossings[0].note == "Inchmore ferry");
    CHECK(has_user_crossing(data.graph, "Inchmore ferry"));

    const GraphOptions graph_options;
    std::vector<std::size_t> all(data.zones.size());
    for (std::size_t z = 0; z < all.size(); ++z) all[z] = z;
    const Dataset part = subset(data, all, &graph_options);
    CHECK(part.crossings.size() == 1);
    CHECK(has_user_crossing(part.graph, "Inchmore ferry"));

    // A part without one end of the ferry: the crossing lies elsewhere, and is skipped.
    std::vector<std::size_t> without;
    for (std::size_t z = 0; z < data.zones.size(); ++z)
        if (data.zones.ids[z] != data.crossings[0].zone_a) without.push_back(z);
    CHECK_FALSE(has_user_crossing(subset(data, without, &graph_options).graph, "Inchmore ferry"));
}

TEST_CASE("a crossing to a zone the layer never had names its file and line", "[graph][crossings]") {
    Dataset data = load_dataset([] {
        DatasetOptions o = sample_with_crossings();
        o.crossings_csv.clear();
        return o;
    }());
    const std::vector<UserCrossing> crossings{{data.zones.ids[0], "NOWHERE", "ferry", "ferries.csv", 7}};
    CHECK_THROWS_MATCHES(build_contiguity_graph(data.zones, {}, crossings), Error, Catch::Predicate<Error>([&](const Error& e) {
                             return e.kind() == ErrorKind::unknown_zone &&
                                    std::string(e.what()) == "ferries.csv line 7: zone 'NOWHERE' is not in " + data.zones.source;
                         }));
    const std::vector<UserCrossing> loop{{data.zones.ids[0], data.zones.ids[0], "", "", 0}};
    CHECK_THROWS_WITH(build_contiguity_graph(data.zones, {}, loop),
                      "crossing 1: a crossing joins zone " + data.zones.ids[0] + " to itself");
}
