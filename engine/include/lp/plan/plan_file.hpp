#pragma once
// Reading and writing a LocalityPlan as JSON (schema in docs/plan-format.md).
// Writing then reading gives back an equal plan, and writing that again gives the
// same bytes. Reading is strict: a wrong type, an unknown member, a bad colour or
// delivery, a duplicate locality id or a newer schema_version is an
// lp::Error(bad_plan) naming the file and the JSON path, e.g.
// "plan.json: /localities/2/colour: expected \"#rrggbb\", found \"red\"".
#include <lp/plan/locality_plan.hpp>

#include <string>

namespace lp {

// The newest schema this build reads and the one it writes.
inline constexpr int plan_schema_version = 1;

std::string plan_to_json_text(const LocalityPlan& plan);
LocalityPlan plan_from_json_text(const std::string& text, const std::string& source);

LocalityPlan read_plan(const std::string& path);
// Atomic (temporary file and rename); throws lp::Error(write_failed).
void write_plan(const std::string& path, const LocalityPlan& plan);

} // namespace lp
