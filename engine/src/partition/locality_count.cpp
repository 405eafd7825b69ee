#include <lp/partition/locality_count.hpp>

#include <lp/core/error.hpp>

#include <cstdlib>

namespace lp {

namespace {
[[noreturn]] void refuse(const std::string& count) {
    throw Error(ErrorKind::bad_setting, "locality count " + count + ": the law asks for two or more");
}
} // namespace

bool locality_count_allowed(long k) { return k >= 2; }

void check_locality_count(int k) {
    if (!locality_count_allowed(k)) refuse(std::to_string(k));
}

long check_locality_count(const std::string& text) {
    char* end = nullptr;
    const long k = std::strtol(text.c_str(), &end, 10);
    if (end == text.c_str() || *end || !locality_count_allowed(k)) refuse(text);
    return k;
}

} // namespace lp
