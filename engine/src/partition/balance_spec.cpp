#include <lp/core/error.hpp>
#include <lp/partition/balance_spec.hpp>

#include <cmath>
#include <cstdio>
#include <exception>

namespace lp {

BalanceSpec parse_balance(const std::string& text, double default_tolerance) {
    std::string rule = text;
    bool soft = false;
    // A trailing ":soft" or ":hard" says how strict the band is.
    for (const char* kind : {"soft", "hard"}) {
        const std::string suffix = std::string(":") + kind;
        if (rule.size() > suffix.size() && rule.compare(rule.size() - suffix.size(), suffix.size(), suffix) == 0) {
            soft = std::string(kind) == "soft";
            rule.resize(rule.size() - suffix.size());
            break;
        }
    }
    const auto colon = rule.rfind(':');
    if (colon == std::string::npos) {
        if (rule.empty()) throw Error(ErrorKind::bad_setting, "balance: expected COLUMN[:TOLERANCE[:soft]], got an empty column name");
        return {rule, default_tolerance, soft};
    }
    const std::string name = rule.substr(0, colon);
    std::string tolerance = rule.substr(colon + 1);
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
        throw Error(ErrorKind::bad_setting, "balance " + text +
                                                ": expected COLUMN[:TOLERANCE[:soft]] with a tolerance like 1% or 0.01 "
                                                "and an optional soft (a preference settlements may exceed)");
    // No upper limit: a band of 100% or more only stops asking for a lower bound; a
    // locality still holds its hub or seed, so none is empty.
    return {name, percent ? value / 100.0 : value, soft};
}

std::string balance_text(const BalanceSpec& spec) {
    char tolerance[32];
    std::snprintf(tolerance, sizeof tolerance, "%g%%", spec.tolerance * 100.0);
    return spec.column + ":" + tolerance + (spec.soft ? ":soft" : "");
}

} // namespace lp
