// Shapefile field names: short, readable, unique and mapped back in <name>.fields.csv.
#include <lp/io/shapefile_names.hpp>

#include <catch2/catch.hpp>

#include <set>

using namespace lp;

TEST_CASE("Shapefile names: the engine's long field names get the documented abbreviations", "[io]") {
    const std::vector<std::string> full{"locality",
                                        "name",
                                        "pop2020_total",
                                        "pop2020_total_deviation_pct",
                                        "pop2020_75plus",
                                        "people_on_boundary",
                                        "people_on_boundary_pct",
                                        "main_settlement",
                                        "settlements_split",
                                        "polsby_popper",
                                        "within_tolerance",
                                        "locality_name",
                                        "gp_practices_2021",
                                        "nhs_hospitals_2024"};
    const std::vector<std::string> expected{"locality",  "name",      "pop20_tot",  "pop20totde", "pop20_75p",
                                            "ppl_bdy",   "pplbdypct", "main_town",  "setts_spli", "polsby_pp",
                                            "in_tol",    "loc_name",  "gp_prac_21", "nhs_hos_24"};
    CHECK(shapefile_field_names(full) == expected);
}

TEST_CASE("Shapefile names: at most 10 characters, unique ignoring case, the same every time", "[io]") {
    const std::vector<std::string> full{"pop2020_total", "pop2020_tot", "Name", "name", "a very long name, with commas",
                                        "über_straße_größe", "___", "ASC-HC", "abcdefghijklmnopqrstuvwxyz"};
    const auto names = shapefile_field_names(full);
    REQUIRE(names.size() == full.size());
    std::set<std::string> lowered;
    for (const auto& n : names) {
        INFO(n);
        CHECK(!n.empty());
        CHECK(n.size() <= kShapefileFieldLength);
        std::string l;
        for (char c : n) l += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        lowered.insert(l);
    }
    CHECK(lowered.size() == names.size());
    CHECK(names[0] == "pop20_tot");
    CHECK(names[1] == "pop20_to_2"); // taken: the tail becomes _2
    CHECK(names[3] == "name_2");     // dBASE ignores case
    CHECK(names[7] == "ASC_HC");     // '-' cannot stand in a dBASE name
    CHECK(shapefile_field_names(full) == names);
}

TEST_CASE("Shapefile names: the sidecar maps short to full names, quoting as CSV does", "[io]") {
    CHECK(shapefile_fields_csv({"pop2020_total", "a, b"}) == "short,full\npop20_tot,pop2020_total\na_b,\"a, b\"\n");
    CHECK(shapefile_fields_csv_path("out/glasgow.shp") == "out/glasgow.fields.csv");
}
