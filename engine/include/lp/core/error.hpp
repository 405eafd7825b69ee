#pragma once
// Errors the engine raises. Each carries a kind, in the engine's own terms, so a caller can
// tell a missing file from a bad demand value without parsing the message. The engine knows
// nothing of processes: the programs map kinds to exit codes (app/exit_codes.hpp).
#include <stdexcept>
#include <string>

namespace lp {

enum class ErrorKind {
    unexpected,
    bad_setting,            // a setting the engine was given makes no sense ("balance pop:abc", k = 1)
    file_not_found,
    layer_not_found,
    field_not_found,
    crs_problem,
    duplicate_id,
    bad_value,
    filter_matches_nothing,
    unknown_zone,
    missing_row,
    bad_geometry,
    write_failed,
    bad_plan,
    output_is_input,        // an output is the same file as an input (or as another output)
    output_not_regular,     // an output path holds a folder, device, FIFO or socket (or a file where a folder goes)
    plan_invalid,           // the statutory check failed
    tolerance_not_met,      // partition made, but some balance layer is outside its band
    infeasible_request,     // the request cannot be met at all (k > zones, ...)
    partial_failure,        // batch: some groups failed, the rest were written
};

class Error : public std::runtime_error {
public:
    Error(ErrorKind kind, const std::string& message) : std::runtime_error(message), kind_(kind) {}
    ErrorKind kind() const noexcept { return kind_; }

private:
    ErrorKind kind_;
}; // class Error

} // namespace lp
