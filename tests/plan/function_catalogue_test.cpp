#include <catch2/catch.hpp>

#include <lp/core/error.hpp>
#include <lp/plan/function_catalogue.hpp>
#include <lp/plan/shipped_tables.hpp>

#include "plan_fixtures.hpp"

#include <fstream>
#include <set>
#include <sstream>

using namespace lp;

TEST_CASE("Catalogue: the shipped catalogue holds the 38 functions of engine/data", "[plan]") {
    const FunctionCatalogue c = read_catalogue(default_catalogue_path());
    REQUIRE(c.functions.size() == 38);
    std::size_t must = 0, local = 0, acute = 0;
    for (const auto& f : c.functions) {
        must += f.delegation == Delegation::must;
        local += f.default_delivery == Delivery::local;
        acute += f.default_delivery == Delivery::acute;
        CHECK_FALSE(f.demand.empty());
    }
    CHECK(must == 35);
    CHECK(acute == 6);
    CHECK(local == 16);

    // The compiled-in copy is the repository's file, byte for byte (an installed binary reads no data folder).
    std::ifstream file(std::string(LP_SOURCE_DIR) + "/engine/data/integration_functions.csv", std::ios::binary);
    REQUIRE(file);
    std::ostringstream text;
    text << file.rdbuf();
    CHECK(text.str() == std::string(shipped_catalogue_csv()));
    CHECK(c.source == default_catalogue_path());

    const IntegrationFunction* care_at_home = c.find("ASC-HC");
    REQUIRE(care_at_home);
    CHECK(care_at_home->demand == std::vector<DemandTerm>{{1.0, "pop2020_75plus", false}});
    const IntegrationFunction* mental_health = c.find("MH-COM");
    REQUIRE(mental_health);
    CHECK(mental_health->demand == std::vector<DemandTerm>{{1.0, "pop2020_16_64", true}});
}

TEST_CASE("Catalogue: demand expressions parse, format and reject nonsense", "[plan]") {
    const auto terms = parse_demand_expression(" 0.5*pop2020_total + gp_practices + 2 * pop2020_16_64 * deprivation ", "x");
    REQUIRE(terms.size() == 3);
    CHECK(terms[0] == DemandTerm{0.5, "pop2020_total", false});
    CHECK(terms[1] == DemandTerm{1.0, "gp_practices", false});
    CHECK(terms[2] == DemandTerm{2.0, "pop2020_16_64", true});
    CHECK(format_demand_expression(terms) == "0.5*pop2020_total + gp_practices + 2*pop2020_16_64*deprivation");
    CHECK(parse_demand_expression(format_demand_expression(terms), "x") == terms);
    CHECK(parse_demand_expression("", "x").empty());
    CHECK_THROWS_WITH(parse_demand_expression("pop + ", "f.csv: line 3: X"),
                      "f.csv: line 3: X: demand \"pop + \" has an empty term");
    CHECK_THROWS_WITH(parse_demand_expression("pop*age", "w"),
                      Catch::Contains("multiplies two columns"));
    CHECK_THROWS_WITH(parse_demand_expression("3*deprivation", "w"), Catch::Contains("names no column"));
    CHECK_THROWS_WITH(parse_demand_expression("-1*pop", "w"), Catch::Contains("must not be negative"));
}

TEST_CASE("Catalogue: a partnership's edited file round-trips and errors name the line", "[plan]") {
    FunctionCatalogue c = read_catalogue(default_catalogue_path());
    c.functions.erase(c.functions.end() - 1); // drops homelessness (optional)
    c.functions.push_back({"LOC-ISL", "island transport, \"ferries\"", "local", Delegation::may, Delivery::hosted,
                           {{0.25, "pop2020_total", false}}});
    const std::string text = catalogue_to_csv(c);
    const FunctionCatalogue back = parse_catalogue(text, "edited.csv");
    CHECK(back.functions == c.functions);
    CHECK(catalogue_to_csv(back) == text);

    CHECK_THROWS_WITH(parse_catalogue("code,name,category,delegation,default_delivery\nA,a,c,must,sometimes\n", "c.csv"),
                      "c.csv: line 2: A: default_delivery \"sometimes\" is not local, hosted, partnership-wide or acute");
    CHECK_THROWS_WITH(parse_catalogue("code,name,category,delegation,default_delivery\nA,a,c,must,local\nA,b,c,may,local\n",
                                      "c.csv"),
                      "c.csv: line 3: function code A appears twice");
    CHECK_THROWS_WITH(parse_catalogue("code,name,delegation\nA,a,must\n", "c.csv"), Catch::Contains("no \"category\" column"));
}

TEST_CASE("Catalogue: default arrangements follow the default delivery", "[plan]") {
    const FunctionCatalogue c = read_catalogue(default_catalogue_path());
    CHECK(default_arrangement(*c.find("ASC-HC")).delivery == Delivery::local);
    CHECK(default_arrangement(*c.find("SA-AE")).delivery == Delivery::acute);
    // Hosted means one team serves all: partnership-wide until a host locality is named.
    CHECK(default_arrangement(*c.find("ASC-CH")).delivery == Delivery::partnership_wide);

    LocalityPlan plan;
    plan.localities = {{"A", "A", "#000000", false}, {"B", "B", "#ffffff", false}};
    plan.arrangements["ASC-HC"]["A"] = {Delivery::hosted, "B", "kept"};
    CHECK(add_default_arrangements(plan, c) == 38 * 2 - 1);
    CHECK(plan.arrangements["ASC-HC"]["A"] == Arrangement{Delivery::hosted, "B", "kept"});
    CHECK(plan.arrangements["ASC-HC"]["B"].delivery == Delivery::local);
    CHECK(add_default_arrangements(plan, c) == 0);
}
