#pragma once
// The integration functions a partnership holds: the default catalogue shipped in
// engine/data/integration_functions.csv (from DOMAIN.md), which a partnership copies
// and edits (adds local functions, drops optional ones, changes default delivery).
// The CSV format, including the demand-driver syntax, is in docs/plan-format.md.
#include <lp/plan/locality_plan.hpp>

#include <optional>
#include <string>
#include <vector>

namespace lp {

enum class Delegation { must, may };

// One term of a demand driver: weight * column [* deprivation].
struct DemandTerm {
    double weight = 1.0;
    std::string column;          // a demand column name (see resolve_demand_column)
    bool deprivation = false;    // each zone's value scaled by its SIMD deprivation weight
    friend bool operator==(const DemandTerm&, const DemandTerm&) = default;
};

struct IntegrationFunction {
    std::string code;            // e.g. "ASC-HC"
    std::string name;            // e.g. "care at home"
    std::string category;        // e.g. "adult social care"
    Delegation delegation = Delegation::must;
    Delivery default_delivery = Delivery::local;
    std::vector<DemandTerm> demand;  // empty: no driver, no demand share shown
    friend bool operator==(const IntegrationFunction&, const IntegrationFunction&) = default;
};

class FunctionCatalogue {
public:
    std::string source;          // file it was read from
    std::vector<IntegrationFunction> functions;

    const IntegrationFunction* find(const std::string& code) const;
}; // class FunctionCatalogue

// The name read_catalogue knows the shipped default catalogue by
// ("<shipped>/integration_functions.csv"): engine/data's file, compiled into the program
// (lp/plan/shipped_tables.hpp), so an installed or moved binary has it.
std::string default_catalogue_path();

// Throws lp::Error naming the file, line and column: file_not_found, field_not_found
// (a required header missing), bad_value (unknown delegation/delivery, bad demand
// expression, duplicate code).
FunctionCatalogue read_catalogue(const std::string& path);
FunctionCatalogue parse_catalogue(const std::string& csv_text, const std::string& source);
std::string catalogue_to_csv(const FunctionCatalogue& catalogue);
void write_catalogue(const std::string& path, const FunctionCatalogue& catalogue);

// Demand expressions: "pop2020_75plus", "pop2020_total + gp_practices",
// "0.5*pop2020_16_64*deprivation + pop2020_65plus". Throws lp::Error(bad_value)
// with `where` prefixed to the message.
std::vector<DemandTerm> parse_demand_expression(const std::string& text, const std::string& where);
std::string format_demand_expression(const std::vector<DemandTerm>& terms);

// Names used in files: "local", "hosted", "partnership-wide", "acute"; "must", "may".
std::string to_string(Delivery delivery);
std::optional<Delivery> parse_delivery(const std::string& text);
std::string to_string(Delegation delegation);
std::optional<Delegation> parse_delegation(const std::string& text);

// The arrangement a locality gets when the planner has not chosen one: local stays
// local, acute stays acute, and hosted (one team serves every locality) becomes
// partnership-wide until the planner names a host locality.
Arrangement default_arrangement(const IntegrationFunction& function);

// Gives every locality of the plan an arrangement for every catalogue function it
// does not have yet; existing arrangements are kept. Returns how many were added.
std::size_t add_default_arrangements(LocalityPlan& plan, const FunctionCatalogue& catalogue);
// The same for arrangements held apart from a plan (the editor's PlanContent).
std::size_t add_default_arrangements(std::map<std::string, std::map<std::string, Arrangement>>& arrangements,
                                     const std::vector<Locality>& localities, const FunctionCatalogue& catalogue);

} // namespace lp
