// The one balance-rule parser (lp/partition/balance_spec.hpp) that the command line and
// the viewer share: "%" and fraction forms, each program's default band, range errors.
#include <lp/core/error.hpp>
#include <lp/partition/balance_spec.hpp>

#include <catch2/catch.hpp>

#include <string>

using namespace lp;

namespace {

std::string message_of(const std::string& text) {
    try {
        parse_balance(text);
    } catch (const Error& e) {
        CHECK(e.kind() == ErrorKind::bad_setting);
        return e.what();
    }
    return {};
}

} // namespace

TEST_CASE("a balance rule reads a percentage or a fraction", "[partition][balance_spec]") {
    CHECK(parse_balance("pop2020_total:5%").column == "pop2020_total");
    CHECK(parse_balance("pop2020_total:5%").tolerance == Approx(0.05));
    CHECK(parse_balance("pop2020_75plus:0.05").tolerance == Approx(0.05));
    CHECK(parse_balance("pop:0").tolerance == 0.0);
    CHECK(parse_balance("pop:99.5%").tolerance == Approx(0.995));
    // The last colon splits, so a column may hold one.
    const BalanceSpec odd = parse_balance("a:b:2%");
    CHECK(odd.column == "a:b");
    CHECK(odd.tolerance == Approx(0.02));
}

TEST_CASE("a bare column takes the default band its program passes", "[partition][balance_spec]") {
    CHECK(parse_balance("pop").tolerance == default_balance_tolerance);
    CHECK(default_balance_tolerance == 0.01); // the command line's documented 1 %
    CHECK(BalanceSpec{}.tolerance == default_balance_tolerance);
    CHECK(parse_balance("pop", 0.10).tolerance == 0.10);
    // A band written out wins over the default.
    CHECK(parse_balance("pop:3%", 0.10).tolerance == Approx(0.03));
}

TEST_CASE("a band of 100 percent or more is accepted, as Highland keeps Inverness whole", "[partition][balance_spec]") {
    CHECK(parse_balance("pop:100%").tolerance == Approx(1.0));
    CHECK(parse_balance("pop:1").tolerance == Approx(1.0));
    CHECK(parse_balance("pop:250%").tolerance == Approx(2.5));
    CHECK_FALSE(parse_balance("pop:250%").soft);
}

TEST_CASE("a band marked soft is a preference, hard is the default", "[partition][balance_spec]") {
    const BalanceSpec soft = parse_balance("pop2020_total:25%:soft");
    CHECK(soft.column == "pop2020_total");
    CHECK(soft.tolerance == Approx(0.25));
    CHECK(soft.soft);
    CHECK_FALSE(parse_balance("pop2020_total:25%:hard").soft);
    CHECK(parse_balance("pop2020_total:25%:hard").tolerance == Approx(0.25));
    CHECK(parse_balance("pop:soft").soft);
    CHECK(parse_balance("pop:soft").tolerance == default_balance_tolerance);
    CHECK(balance_text(soft) == "pop2020_total:25%:soft");
    CHECK(balance_text(parse_balance("pop:5%")) == "pop:5%");
    CHECK(message_of("pop:5%:gentle").find("expected COLUMN[:TOLERANCE[:soft]]") != std::string::npos);
}

TEST_CASE("a balance rule out of range or unreadable is refused, naming it", "[partition][balance_spec]") {
    CHECK(message_of("pop:inf%").rfind("balance pop:inf%: ", 0) == 0);
    CHECK(message_of("pop:-1%").rfind("balance pop:-1%: expected COLUMN[:TOLERANCE", 0) == 0);
    CHECK(message_of("pop:five").find("expected COLUMN[:TOLERANCE") != std::string::npos);
    CHECK(message_of("pop:5%%").find("expected COLUMN[:TOLERANCE") != std::string::npos);
    CHECK(message_of("pop:").find("expected COLUMN[:TOLERANCE") != std::string::npos);
    CHECK(message_of("pop:nan").find("expected COLUMN[:TOLERANCE") != std::string::npos);
    CHECK(message_of(":5%").find("expected COLUMN[:TOLERANCE") != std::string::npos);
    CHECK(message_of("").find("empty column name") != std::string::npos);
}
