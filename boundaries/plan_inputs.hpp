#pragma once
// What check, diff and report share: a plan from --plan FILE or --assignment CSV,
// the data it was made from (the plan's recorded sources unless --zones is given)
// and the function catalogue (--functions, else the plan's, else the shipped one).
#include "data_options.hpp"

#include <lp/data/dataset.hpp>
#include <lp/plan/assignment_csv.hpp>
#include <lp/plan/function_catalogue.hpp>
#include <lp/plan/locality_plan.hpp>

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

namespace lp::cli {

struct LoadedPlan {
    LocalityPlan plan;
    std::string path;                                // the plan file, or the CSV it came from
    std::vector<AssignmentConflict> conflicts;       // zones a CSV lists in two localities
};

// --plan FILE: read it. --assignment CSV: a plan from the lookup, with default
// arrangements from the catalogue and the data options recorded as its sources.
LoadedPlan load_plan_input(const std::string& plan_path, const std::string& assignment_path,
                           const DataOptions& data, const std::string& functions_path);

// The data options given on the command line when --zones is there, else the plan's.
DatasetOptions dataset_options_for(const LoadedPlan& plan, const DataOptions& data);

// --functions, else the catalogue the plan records, else the shipped default.
FunctionCatalogue catalogue_for(const LoadedPlan& plan, const std::string& functions_path);

// Fills partnership code and name when the data says them unambiguously: the
// hscp_code/hscp_name of a lookup table among the demand tables, else the zone
// layer's ca_code/ca_name when every zone has the same one.
void guess_partnership(LocalityPlan& plan, const Dataset& data, const DatasetOptions& options);

} // namespace lp::cli
