#pragma once
// What every fuzz target shares: an input the engine refused with an lp::Error is a
// normal outcome (bad input gets a named error); anything else escaping is a finding,
// and libFuzzer reports it as a crash because the exception reaches its driver.
#include <lp/core/error.hpp>

#include <cstdio>
#include <cstdlib>
#include <string>

namespace lp::fuzz {

// A broken promise of the engine (e.g. a round trip that changes the plan): abort so that
// libFuzzer keeps the input as a crash and the message says which promise.
[[noreturn]] inline void broken(const std::string& what) {
    std::fprintf(stderr, "fuzz invariant broken: %s\n", what.c_str());
    std::abort();
}

} // namespace lp::fuzz
