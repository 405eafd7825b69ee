#include "model/column_names.hpp"


#include <catch2/catch.hpp>

using lp::viewer::plain_column_name;

TEST_CASE("data column codes read as plain names", "[viewer][column-names]") {
    CHECK(plain_column_name("simd2020_rank") == "SIMD 2020 rank (1 = most deprived)");
    CHECK(plain_column_name("simd2016_decile") == "SIMD 2016 decile (1 = most deprived 10%)");
    CHECK(plain_column_name("simd2020_access_rank") == "SIMD 2020 access to services rank (1 = most deprived)");
    CHECK(plain_column_name("pop2020_total") == "Population 2020, all ages");
    CHECK(plain_column_name("pop2020_16_64") == "Population 2020, aged 16-64");
    CHECK(plain_column_name("pop2020_75plus") == "Population 2020, aged 75 and over");
    CHECK(plain_column_name("gp_practices_2021") == "GP practices (2021)");
    CHECK(plain_column_name("nhs_hospitals_2024") == "NHS hospitals (2024)");
    CHECK(plain_column_name("drive_time_gp_min") == "Drive time to a GP (minutes)");
    // Unknown codes, and near misses of the patterns, keep their own names.
    CHECK(plain_column_name("beds_per_1000") == "beds_per_1000");
    CHECK(plain_column_name("simd2020_mystery") == "simd2020_mystery");
    CHECK(plain_column_name("pop2020") == "pop2020");
}
