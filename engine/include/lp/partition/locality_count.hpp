#pragma once
// How many localities a partnership may have: the law asks for two or more. This is the
// one place that says so; every count a planner gives (the command line, a batch's k table,
// the viewer) and every engine guard asks here.
#include <string>

namespace lp {

bool locality_count_allowed(long k);

// Throws lp::Error(bad_setting) "locality count K: the law asks for two or more" for fewer.
void check_locality_count(int k);

// The same for a count given as text (a command line's): a whole number (leading spaces
// and a sign as strtol takes them), allowed above; returns it. Throws lp::Error(bad_setting)
// "locality count TEXT: the law asks for two or more" otherwise.
long check_locality_count(const std::string& text);

} // namespace lp
