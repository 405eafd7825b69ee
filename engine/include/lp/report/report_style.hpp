#pragma once
// What every HTML page the report module writes shares: its stylesheet and how it writes
// counts of people.
#include <string>

namespace lp {

// The inline CSS of the plan report and the trade-off page (print-friendly, no fonts to fetch).
const char* report_stylesheet();

// The licence and attribution every page ends with (a <footer> element), with Locality
// Planner's version and the day the page was made, as a board paper needs.
std::string report_footer();

// A data source by name, not by where it lay on the machine that made the report:
// "dz2011_population_2020.csv", "PostgreSQL database".
std::string source_name(const std::string& path);

// 12,345 style thousands, rounded to a whole number: counts of people.
std::string thousands(double value);

} // namespace lp
