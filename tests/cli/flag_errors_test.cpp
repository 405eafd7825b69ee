// The engine names settings in its own words; the command line puts its flags in their place.
#include "../../boundaries/flag_errors.hpp"

#include <lp/generate/locality_run.hpp>

#include <catch2/catch.hpp>

#include <string>

namespace {

std::string message_of(void (*work)()) {
    try {
        work();
    } catch (const lp::Error& e) {
        return e.what();
    }
    return "no error";
}

} // namespace

TEST_CASE("engine messages about a setting name it without a command-line flag", "[cli][errors]") {
    for (auto work : {+[] { lp::parse_balance("pop:-150%"); }, +[] { lp::parse_balance(":5%"); },
                      +[] { lp::parse_cut_cost("area"); }, +[] { lp::parse_block_mode("firm"); }}) {
        const std::string message = message_of(work);
        CHECK(message != "no error");
        CHECK(message.find("--") == std::string::npos);
    }
    CHECK(message_of(+[] { lp::parse_balance("pop:-150%"); }).rfind("balance pop:-150%: ", 0) == 0);
}

TEST_CASE("the command line names its flag in an engine message, and only at the message's start", "[cli][errors]") {
    using lp::cli::generate_flag_words;
    using lp::cli::naming_flags;
    try {
        naming_flags(generate_flag_words, [] { return lp::parse_balance("pop:-150%"); });
        FAIL("no error");
    } catch (const lp::Error& e) {
        CHECK(e.kind() == lp::ErrorKind::bad_setting);
        CHECK_THAT(e.what(), Catch::StartsWith("--balance pop:-150%: expected COLUMN[:TOLERANCE"));
    }
    try {
        naming_flags(generate_flag_words, [] { return lp::parse_block_mode("firm"); });
        FAIL("no error");
    } catch (const lp::Error& e) {
        CHECK(std::string(e.what()) == "--blocks firm: expected soft or hard");
    }
    // A message that does not begin with a setting's words passes through unchanged.
    try {
        naming_flags(generate_flag_words, []() -> int { throw lp::Error(lp::ErrorKind::bad_value, "zones: balance pop"); });
        FAIL("no error");
    } catch (const lp::Error& e) {
        CHECK(e.kind() == lp::ErrorKind::bad_value);
        CHECK(std::string(e.what()) == "zones: balance pop");
    }
    CHECK(naming_flags(generate_flag_words, [] { return 7; }) == 7);
}

TEST_CASE("the number of localities is checked in one place: two or more", "[cli][errors]") {
    CHECK_NOTHROW(lp::check_locality_count(2));
    CHECK(message_of(+[] { lp::check_locality_count(1); }) == "locality count 1: the law asks for two or more");
    try {
        lp::cli::naming_flags(lp::cli::generate_flag_words, [] { lp::check_locality_count(0); });
        FAIL("no error");
    } catch (const lp::Error& e) {
        CHECK(e.kind() == lp::ErrorKind::bad_setting);
        CHECK(std::string(e.what()) == "--localities 0: the law asks for two or more");
    }
}
