// Place search (viewer/model/place_search.cpp): case, accents and punctuation do not matter;
// names starting with the query come first, then names with a word starting with it,
// then names containing it; settlements before places before zones, then the most
// people. On real data: "Fort William" in Highland (a settlement), "Partick" and a zone
// code in Glasgow, each with a box around the zones it names, and "Portree" (a town of
// the GeoNames gazetteer only).
#include "model/place_search.hpp"
#include "../../test_data.hpp"

#include <lp/community/settlements.hpp>
#include <lp/data/dataset.hpp>
#include <lp/io/point_layer.hpp>
#include <lp/render/zone_mesh.hpp>

#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

using namespace lp;
using namespace lp::viewer;

namespace {

Place named(const std::string& name, PlaceKind kind, double people, const std::string& code = "") {
    Place p;
    p.name = name;
    p.code = code;
    p.kind = kind;
    p.people = people;
    return p;
}

std::vector<std::string> names_found(const PlaceIndex& index, const std::string& query, std::size_t limit = 10) {
    std::vector<std::string> names;
    for (std::size_t i : index.search(query, limit)) names.push_back(index.places()[i].name);
    return names;
}

bool box_holds(const Box& box, Point p) {
    return p.x >= box.min_x && p.x <= box.max_x && p.y >= box.min_y && p.y <= box.max_y;
}

// Highland's zones with their tables, its mesh, population and settlements, read once.
struct Highland {
    Dataset data;
    ZoneMesh mesh;
    std::vector<double> people;
    Settlements towns;
};

const Highland& highland(const std::vector<std::string>& tables) {
    static const Highland loaded = [&] {
        DatasetOptions options;
        options.zones = test::council_from_gpkg("S12000017");
        options.demand_paths = tables;
        Highland h{load_dataset(options), {}, {}, {}};
        h.mesh = build_zone_mesh(h.data.zones.shapes, h.data.zones.ids, {500.0});
        h.people = h.data.demand.column("pop2020_total");
        h.towns = find_settlements(h.data, parse_settlements("urban_rural_6fold_2016:1-4"), tables, h.people);
        return h;
    }();
    return loaded;
}

} // namespace

TEST_CASE("Search folds case, accents and punctuation", "[viewer][search]") {
    CHECK(fold_for_search("Fort William") == "fort william");
    CHECK(fold_for_search("  Fort-William ") == "fort william");
    CHECK(fold_for_search("\xC3\x99ig") == "uig");                      // Ùig
    CHECK(fold_for_search("Ste\xC3\xB2rnabhagh") == "steornabhagh");   // Steòrnabhagh
    CHECK(fold_for_search("St Mary's") == "st marys");
    CHECK(fold_for_search("St Mary\xE2\x80\x99s") == "st marys");       // typographic apostrophe
    CHECK(fold_for_search("S01009841") == "s01009841");
}

TEST_CASE("Search ranks prefix matches first, then word starts, then the rest", "[viewer][search]") {
    PlaceIndex index;
    index.add(named("Inverness Fort", PlaceKind::place, 3000));
    index.add(named("Stratfort", PlaceKind::place, 9000));
    index.add(named("Fort William South", PlaceKind::place, 4000));
    index.add(named("Fort William North", PlaceKind::place, 5000));
    index.add(named("Fort William", PlaceKind::settlement, 9000));
    index.add(named("Fort Augustus", PlaceKind::settlement, 600));
    index.add(named("Fort William North - 01", PlaceKind::zone, 800, "S01010547"));
    CHECK(names_found(index, "FORT") == std::vector<std::string>{"Fort William", "Fort Augustus", "Fort William North",
                                                                 "Fort William South", "Fort William North - 01",
                                                                 "Inverness Fort", "Stratfort"});
    CHECK(names_found(index, "fort william")[0] == "Fort William");
    CHECK(names_found(index, "fort-william north") ==
          std::vector<std::string>{"Fort William North", "Fort William North - 01"});
    CHECK(names_found(index, "s0101054") == std::vector<std::string>{"Fort William North - 01"});  // a code's prefix
    CHECK(names_found(index, "FORT", 3).size() == 3);
    CHECK(names_found(index, "").empty());
    CHECK(names_found(index, "glasgow").empty());
}

TEST_CASE("Search finds Partick and a zone code in Glasgow, Fort William in Highland", "[viewer][search][real]") {
    const std::vector<std::string> tables = {test::data("demand/dz2011_population_2020.csv"),
                                             test::data("demand/dz2011_access_rurality.csv"),
                                             test::data("demand/dz2011_lookup.csv")};
    SECTION("Glasgow") {
        DatasetOptions options;
        options.zones = test::council_from_gpkg("S12000049");
        options.demand_paths = tables;
        const Dataset data = load_dataset(options);
        const ZoneMesh mesh = build_zone_mesh(data.zones.shapes, data.zones.ids, {200.0});
        const PlaceIndex index = build_place_index(data, mesh, place_names(data, tables), nullptr,
                                                   data.demand.column("pop2020_total"));
        const auto found = index.search("partick");
        REQUIRE(!found.empty());
        const Place& partick = index.places()[found[0]];
        CHECK(partick.name == "Partick");
        CHECK(partick.kind == PlaceKind::place);
        CHECK(partick.zones.size() >= 3);
        CHECK(partick.people > 2500);
        for (std::size_t z : partick.zones) {
            CHECK(data.zones.names[z].rfind("Partick - ", 0) == 0);
            CHECK(box_holds(partick.box, mesh.centres[z]));
        }
        CHECK(box_holds(partick.box, partick.anchor));
        // Then the places with a word starting "Partick", before any zone.
        CHECK(index.places()[found[1]].name == "Partickhill and Hyndland");
        const auto by_code = index.search("s01009841");
        REQUIRE(by_code.size() == 1);
        CHECK(index.places()[by_code[0]].name == "Govan and Linthouse - 01");
        CHECK(index.places()[by_code[0]].kind == PlaceKind::zone);
    }
    SECTION("Highland, with settlements") {
        const auto& [data, mesh, people, towns] = highland(tables);
        const PlaceIndex index = build_place_index(data, mesh, place_names(data, tables), &towns, people);
        const auto found = index.search("fort william");
        REQUIRE(found.size() >= 3);
        const Place& town = index.places()[found[0]];
        CHECK(town.name == "Fort William");
        CHECK(town.kind == PlaceKind::settlement);
        CHECK(town.people > 5000);
        CHECK(index.places()[found[1]].kind == PlaceKind::place);  // Fort William North / South
        for (std::size_t z = 0; z < data.zones.size(); ++z) {
            if (data.zones.names[z].rfind("Fort William North", 0) == 0) CHECK(box_holds(town.box, mesh.centres[z]));
        }
    }
    SECTION("Highland, with the towns of a gazetteer (--places)") {
        const auto& [data, mesh, people, towns] = highland(tables);
        const PointLayer gazetteer = read_points(test::data("places/geonames_places_scotland.geojson"), data.zones);
        const PlaceIndex index = build_place_index(data, mesh, place_names(data, tables), &towns, people, &gazetteer);
        // No zone or place is called Portree: only the gazetteer knows it, in the zone its point falls in.
        const auto portree = index.search("portree");
        REQUIRE_FALSE(portree.empty());
        const Place& town = index.places()[portree[0]];
        CHECK(town.name == "Portree");
        CHECK(town.kind == PlaceKind::town);
        REQUIRE(town.zones.size() == 1);
        CHECK(box_holds(town.box, town.anchor));
        CHECK(town.box.max_x + mesh.origin.x < 160000);  // on Skye
        // A settlement of that name comes first, the gazetteer's town next.
        const auto fort = index.search("fort william");
        REQUIRE(fort.size() >= 2);
        CHECK(index.places()[fort[0]].kind == PlaceKind::settlement);
        CHECK(index.places()[fort[1]].kind == PlaceKind::town);
        // Towns outside Highland are left out.
        CHECK(index.search("paisley").empty());
    }
}

TEST_CASE("Search finds service points by name and by address", "[viewer][search]") {
    DatasetOptions options;
    options.zones = test::council_from_gpkg("S12000017");
    options.point_paths = {test::data("points/nhs_hospitals_2024.geojson"), test::data("points/gp_practices_2021.geojson")};
    const Dataset data = load_dataset(options);
    const ZoneMesh mesh = build_zone_mesh(data.zones.shapes, data.zones.ids, {500.0});
    const PlaceIndex index = build_place_index(data, mesh, {}, nullptr, {});
    // A hospital by its name (the layer's scotland_hospital24_name), centred on its marker.
    const auto raigmore = index.search("raigmore hospital");
    REQUIRE_FALSE(raigmore.empty());
    const Place& hospital = index.places()[raigmore[0]];
    CHECK(hospital.name == "Raigmore Hospital");
    CHECK(hospital.kind == PlaceKind::service);
    REQUIRE(hospital.zones.size() == 1);
    const PointLayer& hospitals = data.points[0];
    const auto at = std::find(hospitals.labels.begin(), hospitals.labels.end(), "Raigmore Hospital");
    REQUIRE(at != hospitals.labels.end());
    const Point p = hospitals.points[static_cast<std::size_t>(at - hospitals.labels.begin())];
    CHECK(hospital.anchor.x + mesh.origin.x == Approx(p.x));
    CHECK(hospital.anchor.y + mesh.origin.y == Approx(p.y));
    CHECK(box_holds(hospital.box, hospital.anchor));
    CHECK(box_holds(mesh.boxes[hospital.zones[0]], hospital.anchor));  // in the zone it is said to be in
    // A GP practice by a word of its address ("..., Portree, Isle of Skye").
    const auto portree = index.search("portree");
    REQUIRE_FALSE(portree.empty());
    bool practice = false;
    for (std::size_t i : portree) {
        const Place& place = index.places()[i];
        if (place.kind == PlaceKind::service && place.name.find("Portree") != std::string::npos) practice = true;
    }
    CHECK(practice);
    // Outside Highland: not in the index.
    CHECK(index.search("royal infirmary of edinburgh").empty());
}
