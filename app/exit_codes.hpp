#pragma once
// The exit codes of both programs (README "Exit codes"): what a script sees. The engine raises
// lp::Error with a kind; this is the one place a kind becomes a number, so the numbers stay
// stable even if the engine's kinds are reordered.
#include <lp/core/error.hpp>

namespace lp::app {

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
    output_is_input = 15,
    output_not_regular = 16,
    plan_invalid = 20,
    tolerance_not_met = 21,
    infeasible_request = 22,
    partial_failure = 23,
};

constexpr ExitCode exit_code_for(ErrorKind kind) noexcept {
    switch (kind) {
    case ErrorKind::unexpected: return ExitCode::unexpected;
    case ErrorKind::bad_setting: return ExitCode::usage;
    case ErrorKind::file_not_found: return ExitCode::file_not_found;
    case ErrorKind::layer_not_found: return ExitCode::layer_not_found;
    case ErrorKind::field_not_found: return ExitCode::field_not_found;
    case ErrorKind::crs_problem: return ExitCode::crs_problem;
    case ErrorKind::duplicate_id: return ExitCode::duplicate_id;
    case ErrorKind::bad_value: return ExitCode::bad_value;
    case ErrorKind::filter_matches_nothing: return ExitCode::filter_matches_nothing;
    case ErrorKind::unknown_zone: return ExitCode::unknown_zone;
    case ErrorKind::missing_row: return ExitCode::missing_row;
    case ErrorKind::bad_geometry: return ExitCode::bad_geometry;
    case ErrorKind::write_failed: return ExitCode::write_failed;
    case ErrorKind::bad_plan: return ExitCode::bad_plan;
    case ErrorKind::output_is_input: return ExitCode::output_is_input;
    case ErrorKind::output_not_regular: return ExitCode::output_not_regular;
    case ErrorKind::plan_invalid: return ExitCode::plan_invalid;
    case ErrorKind::tolerance_not_met: return ExitCode::tolerance_not_met;
    case ErrorKind::infeasible_request: return ExitCode::infeasible_request;
    case ErrorKind::partial_failure: return ExitCode::partial_failure;
    }
    return ExitCode::unexpected;
}

constexpr int exit_status(ExitCode code) noexcept { return static_cast<int>(code); }
inline int exit_status(const Error& e) noexcept { return exit_status(exit_code_for(e.kind())); }

} // namespace lp::app
