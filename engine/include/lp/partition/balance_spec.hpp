#pragma once
// A balance rule as a planner writes it ("pop2020_total:5%"): a demand column and how
// far each locality's share of it may stray from the mean. One type and one parser for
// the command line and the viewer; each program passes its own default band.
#include <string>

namespace lp {

// The command line's band when a rule gives none: 1 % of the mean, what a generated
// plan is expected to meet. The viewer starts hand-drawn plans looser and says so with
// its own named default (viewer/model/session.hpp).
inline constexpr double default_balance_tolerance = 0.01;

struct BalanceSpec {
    std::string column;
    double tolerance = default_balance_tolerance; // fraction: 0.01 is 1 % either side of the mean
    bool soft = false;  // a preference: exceeded where a settlement kept whole or a hub's town needs it
    friend bool operator==(const BalanceSpec&, const BalanceSpec&) = default;
};

// "pop2020_total:1%", "pop2020_75plus:0.05", "pop2020_total:25%:soft" (":hard", the
// default, also accepted) or "pop2020_total" (default_tolerance). Any tolerance of 0 or
// more is accepted, 100 % and beyond too: a locality is never empty whatever the band,
// since each holds its hub or seed. Throws lp::Error(bad_setting) naming the text for an
// empty column, a tolerance that is not a finite number or is negative, or an unknown kind.
BalanceSpec parse_balance(const std::string& text, double default_tolerance = default_balance_tolerance);

// The rule as a planner writes it: "pop2020_total:25%" or "pop2020_total:25%:soft".
std::string balance_text(const BalanceSpec& spec);

} // namespace lp
