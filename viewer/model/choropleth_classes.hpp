#pragma once
// Choropleth classes for a demand column: quantiles (about as many zones in each) or
// equal intervals (equal steps of value), with legend labels that never overlap: whole
// numbers as integer ranges ("1 - 1,395", "1,396 - 2,790"), other values as half-open
// ranges ("0.50 to < 1.25", the last closed: "2.00 to 3.75"). A value belongs to the class
// whose label shows it. Also what a column's ends mean ("1 = most deprived"). No window
// code: tested in tests/viewer/.
#include <cstddef>
#include <string>
#include <vector>

namespace lp::viewer {

enum class ClassMethod { quantile, equal_interval };

struct ChoroplethClasses {
    // Class c holds lower[c] <= v < lower[c + 1]; the last holds up to `maximum`.
    std::vector<double> lower;
    double maximum = 0;
    bool integers = false;  // every value is a whole number

    std::size_t count() const { return lower.size(); }
    // The class of a value (values outside the range go to the first or last class).
    std::size_t class_of(double value) const;
    // "1 - 1,395" or "0.50 to < 1.25" (the last class: "2.00 to 3.75").
    std::string label(std::size_t c) const;
};

// At most `classes` classes (fewer where values repeat so much that breaks coincide).
// NaN values are left out. No values: no classes.
ChoroplethClasses make_classes(std::vector<double> values, ClassMethod method, int classes);

// What the low and high ends of a known column mean, for the legend: SIMD ranks, deciles
// and quintiles ("1 = most deprived"), the urban-rural class, minutes; "" when unknown.
std::string column_meaning(const std::string& column);

const char* method_name(ClassMethod method);

} // namespace lp::viewer
