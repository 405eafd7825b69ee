#pragma once
// A balance rule as a planner writes it ("pop2020_total:5%"): a demand column and how
// far each locality's share of it may stray from the mean. One type and one parser for
// the command line and the viewer; each program passes its own default band.
#include <string>

namespace lp {

// The command line's band when a rule gives none: 1 % of the mean, what a generated
// plan is expected to meet. The viewer starts hand-drawn plans looser and says so with
// its own named default (viewer/session.hpp).
inline constexpr double default_balance_tolerance = 0.01;

struct BalanceSpec {
    std::string column;
    double tolerance = default_balance_tolerance; // fraction: 0.01 is 1 % either side of the mean
};

// "pop2020_total:1%", "pop2020_75plus:0.05", or "pop2020_total" (default_tolerance).
// Throws lp::Error(bad_setting) naming the text for an empty column, a tolerance that is not
// a number, is negative, or is 100 % or more (which would allow an empty locality).
BalanceSpec parse_balance(const std::string& text, double default_tolerance = default_balance_tolerance);

} // namespace lp
