#include <lp/plan/function_catalogue.hpp>

#include <lp/core/error.hpp>
#include <lp/io/atomic_file.hpp>
#include <lp/io/text_file.hpp>
#include <lp/io/csv_table.hpp>
#include <lp/plan/shipped_tables.hpp>

#include <cctype>
#include <charconv>
#include <set>
#include <sstream>

namespace lp {

namespace {

std::string trimmed(const std::string& s) {
    const auto first = s.find_first_not_of(" \t");
    if (first == std::string::npos) return {};
    const auto last = s.find_last_not_of(" \t");
    return s.substr(first, last - first + 1);
}

std::string lowered(std::string s) {
    for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

bool is_column_name(const std::string& s) {
    if (s.empty() || std::isdigit(static_cast<unsigned char>(s[0]))) return false;
    for (char c : s)
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.' || c == '-')) return false;
    return true;
}

std::optional<double> as_number(const std::string& s) {
    double value = 0;
    const auto* end = s.data() + s.size();
    auto [ptr, ec] = std::from_chars(s.data(), end, value);
    if (ec != std::errc() || ptr != end) return std::nullopt;
    return value;
}

std::string format_weight(double w) {
    std::ostringstream out;
    out.precision(15);
    out << w;
    return out.str();
}

} // namespace

const IntegrationFunction* FunctionCatalogue::find(const std::string& code) const {
    for (const auto& f : functions)
        if (f.code == code) return &f;
    return nullptr;
}

std::string default_catalogue_path() { return "<shipped>/integration_functions.csv"; }

std::string to_string(Delivery delivery) {
    switch (delivery) {
    case Delivery::local: return "local";
    case Delivery::hosted: return "hosted";
    case Delivery::partnership_wide: return "partnership-wide";
    case Delivery::acute: return "acute";
    }
    return "local";
}

std::optional<Delivery> parse_delivery(const std::string& text) {
    const auto t = lowered(trimmed(text));
    if (t == "local") return Delivery::local;
    if (t == "hosted") return Delivery::hosted;
    if (t == "partnership-wide" || t == "partnership_wide" || t == "partnership wide") return Delivery::partnership_wide;
    if (t == "acute" || t == "set aside" || t == "set-aside") return Delivery::acute;
    return std::nullopt;
}

std::string to_string(Delegation delegation) { return delegation == Delegation::must ? "must" : "may"; }

std::optional<Delegation> parse_delegation(const std::string& text) {
    const auto t = lowered(trimmed(text));
    if (t == "must") return Delegation::must;
    if (t == "may") return Delegation::may;
    return std::nullopt;
}

std::vector<DemandTerm> parse_demand_expression(const std::string& text, const std::string& where) {
    std::vector<DemandTerm> terms;
    if (trimmed(text).empty()) return terms;
    std::size_t start = 0;
    while (start <= text.size()) {
        const auto plus = text.find('+', start);
        const std::string term_text = trimmed(text.substr(start, plus == std::string::npos ? std::string::npos : plus - start));
        if (term_text.empty())
            throw Error(ErrorKind::bad_value, where + ": demand \"" + text + "\" has an empty term");
        DemandTerm term;
        bool have_column = false;
        std::size_t f_start = 0;
        while (f_start <= term_text.size()) {
            const auto star = term_text.find('*', f_start);
            const std::string factor =
                trimmed(term_text.substr(f_start, star == std::string::npos ? std::string::npos : star - f_start));
            if (auto number = as_number(factor)) {
                if (*number < 0)
                    throw Error(ErrorKind::bad_value, where + ": demand \"" + text + "\": weights must not be negative");
                term.weight *= *number;
            } else if (lowered(factor) == "deprivation") {
                term.deprivation = true;
            } else if (is_column_name(factor)) {
                if (have_column)
                    throw Error(ErrorKind::bad_value, where + ": demand \"" + text + "\": term \"" + term_text +
                                                         "\" multiplies two columns; use one column per term");
                term.column = factor;
                have_column = true;
            } else {
                throw Error(ErrorKind::bad_value, where + ": demand \"" + text + "\": \"" + factor +
                                                     "\" is neither a number, a column name nor 'deprivation'");
            }
            if (star == std::string::npos) break;
            f_start = star + 1;
        }
        if (!have_column)
            throw Error(ErrorKind::bad_value, where + ": demand \"" + text + "\": term \"" + term_text + "\" names no column");
        terms.push_back(term);
        if (plus == std::string::npos) break;
        start = plus + 1;
    }
    return terms;
}

std::string format_demand_expression(const std::vector<DemandTerm>& terms) {
    std::string out;
    for (const auto& t : terms) {
        if (!out.empty()) out += " + ";
        if (t.weight != 1.0) out += format_weight(t.weight) + "*";
        out += t.column;
        if (t.deprivation) out += "*deprivation";
    }
    return out;
}

FunctionCatalogue parse_catalogue(const std::string& csv_text, const std::string& source) {
    const CsvTable table = parse_csv(csv_text, source);
    auto required = [&](const char* name) {
        auto c = table.column(name);
        if (!c)
            throw Error(ErrorKind::field_not_found,
                        source + ": the catalogue has no \"" + name +
                            "\" column (needs code,name,category,delegation,default_delivery[,demand])");
        return *c;
    };
    const auto c_code = required("code");
    const auto c_name = required("name");
    const auto c_category = required("category");
    const auto c_delegation = required("delegation");
    const auto c_delivery = required("default_delivery");
    const auto c_demand = table.column("demand");

    FunctionCatalogue catalogue;
    catalogue.source = source;
    std::set<std::string> seen;
    for (std::size_t r = 0; r < table.rows.size(); ++r) {
        const auto& row = table.rows[r];
        const std::string where = source + ": line " + std::to_string(table.row_lines[r]);
        IntegrationFunction f;
        f.code = row[c_code];
        if (f.code.empty()) throw Error(ErrorKind::bad_value, where + ": empty function code");
        if (!seen.insert(f.code).second)
            throw Error(ErrorKind::bad_value, where + ": function code " + f.code + " appears twice");
        f.name = row[c_name];
        f.category = row[c_category];
        auto delegation = parse_delegation(row[c_delegation]);
        if (!delegation)
            throw Error(ErrorKind::bad_value, where + ": " + f.code + ": delegation \"" + row[c_delegation] +
                                                 "\" is not must or may");
        f.delegation = *delegation;
        auto delivery = parse_delivery(row[c_delivery]);
        if (!delivery)
            throw Error(ErrorKind::bad_value, where + ": " + f.code + ": default_delivery \"" + row[c_delivery] +
                                                 "\" is not local, hosted, partnership-wide or acute");
        f.default_delivery = *delivery;
        if (c_demand) f.demand = parse_demand_expression(row[*c_demand], where + ": " + f.code);
        catalogue.functions.push_back(std::move(f));
    }
    if (catalogue.functions.empty()) throw Error(ErrorKind::bad_value, source + ": the catalogue lists no functions");
    return catalogue;
}

FunctionCatalogue read_catalogue(const std::string& path) {
    if (path == default_catalogue_path()) return parse_catalogue(std::string(shipped_catalogue_csv()), path);
    return parse_catalogue(read_text_file(path, "function catalogue"), path);
}

std::string catalogue_to_csv(const FunctionCatalogue& catalogue) {
    std::string out = csv_line({"code", "name", "category", "delegation", "default_delivery", "demand"});
    for (const auto& f : catalogue.functions)
        out += csv_line({f.code, f.name, f.category, to_string(f.delegation), to_string(f.default_delivery),
                         format_demand_expression(f.demand)});
    return out;
}

void write_catalogue(const std::string& path, const FunctionCatalogue& catalogue) {
    write_file_atomically(path, catalogue_to_csv(catalogue));
}

Arrangement default_arrangement(const IntegrationFunction& function) {
    Arrangement a;
    switch (function.default_delivery) {
    case Delivery::local: a.delivery = Delivery::local; break;
    case Delivery::acute: a.delivery = Delivery::acute; break;
    case Delivery::hosted:
    case Delivery::partnership_wide: a.delivery = Delivery::partnership_wide; break;
    }
    return a;
}

std::size_t add_default_arrangements(std::map<std::string, std::map<std::string, Arrangement>>& arrangements,
                                     const std::vector<Locality>& localities, const FunctionCatalogue& catalogue) {
    std::size_t added = 0;
    for (const auto& f : catalogue.functions) {
        auto& per_locality = arrangements[f.code];
        for (const auto& locality : localities)
            if (per_locality.emplace(locality.id, default_arrangement(f)).second) ++added;
    }
    return added;
}

std::size_t add_default_arrangements(LocalityPlan& plan, const FunctionCatalogue& catalogue) {
    return add_default_arrangements(plan.arrangements, plan.localities, catalogue);
}

} // namespace lp
