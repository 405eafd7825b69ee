#include <lp/core/error.hpp>
#include <lp/partition/balance_spec.hpp>

#include <cmath>
#include <exception>

namespace lp {

BalanceSpec parse_balance(const std::string& text, double default_tolerance) {
    const auto colon = text.rfind(':');
    if (colon == std::string::npos) {
        if (text.empty()) throw Error(ErrorKind::bad_setting, "balance: expected COLUMN[:TOLERANCE], got an empty column name");
        return {text, default_tolerance};
    }
    const std::string name = text.substr(0, colon);
    std::string tolerance = text.substr(colon + 1);
    const bool percent = !tolerance.empty() && tolerance.back() == '%';
    if (percent) tolerance.pop_back();
    double value = 0;
    std::size_t used = 0;
    try {
        value = std::stod(tolerance, &used);
    } catch (const std::exception&) {
        used = 0;
    }
    if (name.empty() || used == 0 || used != tolerance.size() || !std::isfinite(value) || value < 0)
        throw Error(ErrorKind::bad_setting, "balance " + text + ": expected COLUMN[:TOLERANCE] with a tolerance like 1% or 0.01");
    const double fraction = percent ? value / 100.0 : value;
    // A band of 100% or more lets a locality hold nothing: no locality may be empty.
    if (fraction >= 1.0)
        throw Error(ErrorKind::bad_setting, "balance " + text +
                                         ": a tolerance of 100% or more allows an empty locality; give less than 100% (e.g. 5%)");
    return {name, fraction};
}

} // namespace lp
