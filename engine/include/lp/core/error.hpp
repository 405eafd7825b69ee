#pragma once
// Errors the engine raises. Each carries the process exit code the command line
// returns for it, so a script can tell a missing file from a bad demand value.
#include <stdexcept>
#include <string>

namespace lp {

enum class ExitCode : int {
    ok = 0,
    unexpected = 1,
    usage = 2,
    file_not_found = 3,
    layer_not_found = 4,
    field_not_found = 5,
    crs_problem = 6,
    duplicate_id = 7,
    bad_value = 8,
    filter_matches_nothing = 9,
    unknown_zone = 10,
    missing_row = 11,
    bad_geometry = 12,
    write_failed = 13,
    bad_plan = 14,
    output_is_input = 15,    // an output is the same file as an input (or as another output)
    output_not_regular = 16, // an output path holds a folder, device, FIFO or socket (or a file where a folder goes)
    plan_invalid = 20,       // the statutory check failed
    tolerance_not_met = 21,  // partition written, but some balance layer is outside its band
    infeasible_request = 22, // the request cannot be met at all (k > zones, ...)
    partial_failure = 23,    // batch: some groups failed, the rest were written
};

class Error : public std::runtime_error {
public:
    Error(ExitCode code, const std::string& message) : std::runtime_error(message), code_(code) {}
    ExitCode code() const noexcept { return code_; }
    int exit_code() const noexcept { return static_cast<int>(code_); }

private:
    ExitCode code_;
}; // class Error

} // namespace lp
