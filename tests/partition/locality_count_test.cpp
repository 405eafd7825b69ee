#include <catch2/catch.hpp>

#include <lp/core/error.hpp>
#include <lp/partition/locality_count.hpp>

namespace {
std::string refusal(const std::string& text) {
    try {
        lp::check_locality_count(text);
    } catch (const lp::Error& e) {
        CHECK(e.kind() == lp::ErrorKind::bad_setting);
        return e.what();
    }
    return {};
}
} // namespace

TEST_CASE("locality count: two or more, from a number or a text", "[partition][locality_count]") {
    CHECK_FALSE(lp::locality_count_allowed(1));
    CHECK(lp::locality_count_allowed(2));
    CHECK(lp::check_locality_count(std::string("12")) == 12);
    CHECK(lp::check_locality_count(std::string(" 3")) == 3); // as strtol reads it
    CHECK(refusal("1") == "locality count 1: the law asks for two or more");
    CHECK(refusal("three") == "locality count three: the law asks for two or more");
    CHECK(refusal("3x") == "locality count 3x: the law asks for two or more");
    CHECK(refusal("") == "locality count : the law asks for two or more");
    CHECK_THROWS_WITH(lp::check_locality_count(0), "locality count 0: the law asks for two or more");
}
