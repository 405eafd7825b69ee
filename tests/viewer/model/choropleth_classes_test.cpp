// Choropleth classes (viewer/model/choropleth_classes.cpp): quantile and equal-interval breaks,
// legend labels that never overlap (integer ranges for whole numbers, half-open ranges
// otherwise), every value in the class its label shows, and what SIMD's ends mean.
#include "model/choropleth_classes.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <string>
#include <vector>

using namespace lp::viewer;

namespace {

// The label's range read back: "1,396 - 2,790" -> {1396, 2790}; "12" -> {12, 12}.
std::pair<long, long> integer_range(const std::string& label) {
    std::string digits;
    std::vector<long> numbers;
    for (std::size_t i = 0; i <= label.size(); ++i) {
        const char c = i < label.size() ? label[i] : ' ';
        if (std::isdigit(static_cast<unsigned char>(c))) digits += c;
        else if (c != ',' && !digits.empty()) {
            numbers.push_back(std::stol(digits));
            digits.clear();
        }
    }
    REQUIRE(!numbers.empty());
    return {numbers.front(), numbers.back()};
}

} // namespace

TEST_CASE("Integer columns get integer ranges that do not overlap", "[viewer][choropleth]") {
    std::vector<double> ranks;
    for (int r = 1; r <= 6976; ++r) ranks.push_back(r);
    for (ClassMethod method : {ClassMethod::quantile, ClassMethod::equal_interval}) {
        const ChoroplethClasses classes = make_classes(ranks, method, 5);
        REQUIRE(classes.count() == 5);
        CHECK(classes.integers);
        long next = 1;
        for (std::size_t c = 0; c < classes.count(); ++c) {
            const auto [from, to] = integer_range(classes.label(c));
            INFO(classes.label(c));
            CHECK(from == next);  // starts where the last ended, plus one: no overlap, no gap
            CHECK(to >= from);
            next = to + 1;
        }
        CHECK(next == 6977);
        CHECK(classes.label(0) == "1 - 1,395");
        // Every value lies in the class whose label shows it.
        for (double v : ranks) {
            const auto [from, to] = integer_range(classes.label(classes.class_of(v)));
            REQUIRE((v >= from && v <= to));
        }
    }
}

TEST_CASE("The old legend's overlapping classes are gone: a break value belongs to one class", "[viewer][choropleth]") {
    // Values 1..5 with many 4s: quintile breaks fall on 4, which the old legend showed as
    // "1 - 4" and "4 - 5".
    const std::vector<double> values = {1, 2, 3, 4, 4, 4, 4, 4, 4, 5};
    const ChoroplethClasses classes = make_classes(values, ClassMethod::quantile, 5);
    std::vector<std::string> labels;
    for (std::size_t c = 0; c < classes.count(); ++c) labels.push_back(classes.label(c));
    CHECK(labels == std::vector<std::string>{"1 - 2", "3", "4 - 5"});  // the repeated 4s merge classes
    CHECK(classes.class_of(4) == 2);
    CHECK(classes.class_of(5) == 2);
    CHECK(classes.class_of(3) == 1);
}

TEST_CASE("Real-valued columns get half-open ranges, the last closed", "[viewer][choropleth]") {
    std::vector<double> minutes;
    for (int i = 0; i < 100; ++i) minutes.push_back(0.5 + i * 0.25);  // 0.50 .. 25.25
    const ChoroplethClasses equal = make_classes(minutes, ClassMethod::equal_interval, 4);
    REQUIRE(equal.count() == 4);
    CHECK_FALSE(equal.integers);
    CHECK(equal.label(0) == "0.50 to < 6.69");
    CHECK(equal.label(3) == "19.06 to 25.25");
    CHECK(equal.class_of(6.6875) == 1);  // on a break: the upper class, as "to <" says
    CHECK(equal.class_of(25.25) == 3);
    const ChoroplethClasses quantile = make_classes(minutes, ClassMethod::quantile, 4);
    REQUIRE(quantile.count() == 4);
    std::vector<int> counts(4, 0);
    for (double v : minutes) ++counts[quantile.class_of(v)];
    CHECK(counts == std::vector<int>{25, 25, 25, 25});
}

TEST_CASE("Legends say which end is deprived", "[viewer][choropleth]") {
    CHECK(column_meaning("simd2020_rank") == "rank: 1 = most deprived");
    CHECK(column_meaning("simd2020_health_rank") == "rank: 1 = most deprived");
    CHECK(column_meaning("simd2020_decile") == "1 = most deprived tenth");
    CHECK(column_meaning("simd2016_quintile") == "1 = most deprived fifth");
    CHECK(column_meaning("urban_rural_6fold_2016") == "1 = large urban ... 6 = remote rural");
    CHECK(column_meaning("something_else").empty());
    CHECK(make_classes({}, ClassMethod::quantile, 5).count() == 0);
    CHECK(make_classes({NAN, 3, NAN}, ClassMethod::quantile, 5).count() == 1);
}
