#pragma once
// What every HTML page the report module writes shares: its stylesheet and how it writes
// counts of people.
#include <string>

namespace lp {

// The inline CSS of the plan report and the trade-off page (print-friendly, no fonts to fetch).
const char* report_stylesheet();

// The licence and attribution every page ends with (a <footer> element).
const char* report_footer();

// 12,345 style thousands, rounded to a whole number: counts of people.
std::string thousands(double value);

} // namespace lp
