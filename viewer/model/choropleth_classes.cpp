#include "model/choropleth_classes.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace lp::viewer {
namespace {

std::string with_thousands(long long value) {
    const std::string digits = std::to_string(value < 0 ? -value : value);
    std::string text = value < 0 ? "-" : "";
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) text += ',';
        text += digits[i];
    }
    return text;
}

std::string decimal(double value, int places) {
    char text[48];
    std::snprintf(text, sizeof text, "%.*f", places, value);
    return text;
}

bool contains(const std::string& text, const char* part) { return text.find(part) != std::string::npos; }

} // namespace

const char* method_name(ClassMethod method) {
    return method == ClassMethod::quantile ? "Quantiles (equal counts)" : "Equal intervals";
}

std::size_t ChoroplethClasses::class_of(double value) const {
    if (lower.empty()) return 0;
    const auto above = std::upper_bound(lower.begin(), lower.end(), value);
    return above == lower.begin() ? 0 : static_cast<std::size_t>(above - lower.begin() - 1);
}

std::string ChoroplethClasses::label(std::size_t c) const {
    const bool last = c + 1 >= lower.size();
    if (integers) {
        const auto from = static_cast<long long>(lower[c]);
        const auto to = last ? static_cast<long long>(maximum) : static_cast<long long>(lower[c + 1]) - 1;
        return from == to ? with_thousands(from) : with_thousands(from) + " - " + with_thousands(to);
    }
    // Enough decimals that neighbouring breaks read differently.
    double step = maximum - (lower.empty() ? 0 : lower.front());
    for (std::size_t i = 1; i < lower.size(); ++i) step = std::min(step, lower[i] - lower[i - 1]);
    int places = 2;
    while (places < 6 && step > 0 && step < 2 * std::pow(10.0, -places)) ++places;
    if (std::abs(maximum) >= 1000 && step >= 10) places = 0;
    const std::string from = decimal(lower[c], places);
    return last ? from + " to " + decimal(maximum, places) : from + " to < " + decimal(lower[c + 1], places);
}

ChoroplethClasses make_classes(std::vector<double> values, ClassMethod method, int classes) {
    ChoroplethClasses result;
    std::erase_if(values, [](double v) { return std::isnan(v); });
    if (values.empty() || classes < 1) return result;
    std::sort(values.begin(), values.end());
    result.integers = std::all_of(values.begin(), values.end(), [](double v) { return v == std::floor(v); });
    result.maximum = values.back();
    const double low = values.front(), high = values.back();
    std::vector<double> breaks{low};
    for (int c = 1; c < classes; ++c) {
        double at;
        if (method == ClassMethod::quantile) {
            // The first value of the c-th share of the zones: zones with equal values stay together.
            at = values[std::min(values.size() - 1, values.size() * static_cast<std::size_t>(c) / static_cast<std::size_t>(classes))];
        } else {
            at = low + (high - low) * c / classes;
            if (result.integers) at = std::ceil(at);
        }
        // A break must leave values on both sides; repeated values merge classes.
        if (at > breaks.back() && at <= high) breaks.push_back(at);
    }
    result.lower = std::move(breaks);
    return result;
}

std::string column_meaning(const std::string& column) {
    if (contains(column, "simd")) {
        if (contains(column, "decile")) return "1 = most deprived tenth";
        if (contains(column, "quintile")) return "1 = most deprived fifth";
        if (contains(column, "rank")) return "rank: 1 = most deprived";
    }
    if (contains(column, "urban_rural") && contains(column, "6fold")) return "1 = large urban ... 6 = remote rural";
    if (contains(column, "_min")) return "minutes";
    if (contains(column, "km2")) return "km2";
    if (contains(column, "pop")) return "people";
    return "";
}

} // namespace lp::viewer
