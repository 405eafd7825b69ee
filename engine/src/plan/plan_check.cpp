#include <lp/plan/plan_check.hpp>

#include "core/disjoint_sets.hpp"

#include <lp/core/error.hpp>
#include <lp/plan/locality_label.hpp>

#include <algorithm>
#include <map>
#include <numeric>
#include <set>
#include <sstream>
#include <unordered_map>

namespace lp {

namespace {

// "L1 (North East)" by locality id. Looked up by hash: locality_index() for every
// label made a check of 20,000 localities quadratic.
class LocalityLabels {
public:
    explicit LocalityLabels(const std::vector<Locality>& localities) : localities_(localities) {
        index_.reserve(localities.size());
        for (std::size_t i = 0; i < localities.size(); ++i) index_.emplace(localities[i].id, i);
    }
    bool has(const std::string& id) const { return index_.count(id) > 0; }
    std::string operator()(const std::string& id) const {
        auto it = index_.find(id);
        if (it == index_.end()) return id;
        return locality_label(id, localities_[it->second].name);
    }

private:
    const std::vector<Locality>& localities_;
    std::unordered_map<std::string, std::size_t> index_; // first locality with the id, as locality_index()
};

class Checker {
public:
    Checker(const CheckedPlan& plan, const CheckInput& input)
        : plan_(plan), localities_(*plan.localities), input_(input), locality_label_(*plan.localities),
          groups_(plan.groups) {
        result_.zones_in_area = input.zone_ids.size();
        result_.localities = localities_.size();
        result_.functions = input.catalogue ? input.catalogue->functions.size() : 0;
    }

    PlanCheck run() {
        check_localities();
        check_zones();
        if (input_.catalogue) check_functions();
        else result_.warnings.push_back("no function catalogue given: integration function arrangements not checked");
        if (input_.graph) check_contiguity();
        else result_.warnings.push_back("no contiguity graph given: locality connectedness not checked");
        return std::move(result_);
    }

private:
    const CheckedPlan& plan_;
    const std::vector<Locality>& localities_;
    const CheckInput& input_;
    LocalityLabels locality_label_;
    std::unordered_map<std::string, std::size_t> zone_index_; // built when a zone is looked up by id
    const std::vector<int>& groups_;
    PlanCheck result_;

    const std::unordered_map<std::string, std::size_t>& zone_index() {
        if (zone_index_.empty() && !input_.zone_ids.empty()) {
            zone_index_.reserve(input_.zone_ids.size());
            for (std::size_t z = 0; z < input_.zone_ids.size(); ++z) zone_index_.emplace(input_.zone_ids[z], z);
        }
        return zone_index_;
    }

    void fail(CheckProblem problem, std::string zone, std::string locality, std::string function, std::string message) {
        result_.failures.push_back({problem, std::move(zone), std::move(locality), std::move(function), std::move(message)});
    }

    void check_localities() {
        if (localities_.size() < 2)
            fail(CheckProblem::too_few_localities, "", localities_.empty() ? "" : localities_[0].id, "",
                 "the plan has " + std::to_string(localities_.size()) +
                     (localities_.size() == 1 ? " locality" : " localities") +
                     "; s.29(3)(a) needs the area divided into two or more");
        std::vector<std::size_t> zones_per_locality(localities_.size(), 0);
        for (int g : groups_)
            if (g >= 0) ++zones_per_locality[g];
        for (std::size_t l = 0; l < localities_.size(); ++l)
            if (zones_per_locality[l] == 0)
                fail(CheckProblem::empty_locality, "", localities_[l].id, "",
                     "locality " + locality_label_(localities_[l].id) + " has no zones of the area");
    }

    void check_zones() {
        for (std::size_t z = 0; z < input_.zone_ids.size(); ++z) {
            if (groups_[z] >= 0) continue; // in one of the plan's localities: nothing to look up
            const auto& id = input_.zone_ids[z];
            const auto a = plan_.assignment ? plan_.assignment->find(id) : decltype(plan_.assignment->end()){};
            if (!plan_.assignment || a == plan_.assignment->end())
                fail(CheckProblem::zone_unassigned, id, "", "", "zone " + id + " is in no locality");
            else
                fail(CheckProblem::unknown_locality, id, a->second, "",
                     "zone " + id + " is assigned to \"" + a->second + "\", which is not one of the plan's localities");
        }
        // Only a file names zones by text, so only a file can name one outside the area.
        if (plan_.assignment)
            for (const auto& [zone, locality] : *plan_.assignment)
                if (!zone_index().count(zone))
                    fail(CheckProblem::zone_outside_area, zone, locality, "",
                         "zone " + zone + " (in locality " + locality_label_(locality) +
                             ") is not a zone of the partnership's area");
        for (const auto& c : input_.conflicts)
            fail(CheckProblem::zone_in_two_localities, c.zone, c.other_locality, "",
                 "zone " + c.zone + " is in locality " + c.kept_locality + " (line " + std::to_string(c.first_line) +
                     ") and in locality " + c.other_locality + " (line " + std::to_string(c.other_line) + ")");
        for (const auto& z : plan_.locked_unassigned)
            result_.warnings.push_back("locked zone " + z + " is not assigned to any locality");
    }

    void check_functions() {
        const auto& catalogue = *input_.catalogue;
        for (const auto& f : catalogue.functions) {
            auto per_locality = plan_.arrangements->find(f.code);
            for (const auto& l : localities_) {
                const Arrangement* a = nullptr;
                if (per_locality != plan_.arrangements->end()) {
                    auto it = per_locality->second.find(l.id);
                    if (it != per_locality->second.end()) a = &it->second;
                }
                if (!a) {
                    fail(CheckProblem::function_missing, "", l.id, f.code,
                         "function " + f.code + " (" + f.name + ") has no arrangement in locality " +
                             locality_label_(l.id));
                    continue;
                }
                if (a->delivery == Delivery::hosted) {
                    if (a->hosted_by.empty())
                        fail(CheckProblem::host_missing, "", l.id, f.code,
                             "function " + f.code + " (" + f.name + ") in locality " + locality_label_(l.id) +
                                 " is hosted but names no host locality");
                    else if (!locality_label_.has(a->hosted_by))
                        fail(CheckProblem::host_missing, "", l.id, f.code,
                             "function " + f.code + " (" + f.name + ") in locality " + locality_label_(l.id) +
                                 " is hosted by \"" + a->hosted_by + "\", which is not one of the plan's localities");
                }
            }
        }
        for (const auto& [code, per_locality] : *plan_.arrangements) {
            if (!catalogue.find(code))
                result_.warnings.push_back("arrangements for function " + code + ", which the catalogue (" +
                                           catalogue.source + ") does not list");
            for (const auto& [locality, a] : per_locality)
                if (!locality_label_.has(locality))
                    result_.warnings.push_back("function " + code + " has an arrangement for \"" + locality +
                                               "\", which is not one of the plan's localities");
        }
    }

    struct CandidateCrossing {
        std::size_t a, b;
        std::string note;
        bool recorded_in_plan;
    };

    void check_contiguity() {
        const auto& graph = *input_.graph;
        if (graph.size() != input_.zone_ids.size()) {
            result_.warnings.push_back("the contiguity graph has " + std::to_string(graph.size()) + " zones but the area " +
                                       std::to_string(input_.zone_ids.size()) + ": connectedness not checked");
            return;
        }
        // Land borders join pieces first; crossings are then tried, and the ones that
        // join two pieces of the same locality are listed.
        detail::DisjointSets sets(input_.zone_ids.size());
        std::map<std::pair<std::size_t, std::size_t>, const Crossing*> graph_crossings;
        for (const auto& c : graph.crossings) graph_crossings[{std::min(c.a, c.b), std::max(c.a, c.b)}] = &c;
        std::vector<CandidateCrossing> candidates;
        for (const auto& e : graph.edges()) {
            if (groups_[e.a] < 0 || groups_[e.a] != groups_[e.b]) continue;
            if (!e.crossing) {
                sets.unite(e.a, e.b);
                continue;
            }
            auto known = graph_crossings.find({e.a, e.b});
            const bool user = known != graph_crossings.end() && known->second->user_supplied;
            if (!user && !input_.allow_generated_crossings) continue;
            std::string note = known != graph_crossings.end() ? known->second->note : std::string{};
            if (note.empty()) note = user ? "crossing" : "nearest island link";
            candidates.push_back({e.a, e.b, note, false});
        }
        std::vector<CandidateCrossing> recorded;
        const auto& index = plan_.crossings->empty() ? zone_index_ : zone_index();
        for (const auto& c : *plan_.crossings) {
            auto a = index.find(c.zone_a);
            auto b = index.find(c.zone_b);
            if (a == index.end() || b == index.end()) {
                result_.warnings.push_back("crossing " + c.zone_a + " - " + c.zone_b +
                                           " names a zone outside the area; ignored");
                continue;
            }
            if (groups_[a->second] < 0 || groups_[a->second] != groups_[b->second]) continue;
            recorded.push_back({a->second, b->second, c.note.empty() ? "crossing" : c.note, true});
        }
        // In the order the old front insertion left them (last recorded first); one
        // insertion instead of one per crossing.
        candidates.insert(candidates.begin(), recorded.rbegin(), recorded.rend());
        // The plan's own crossings were put first so they are the ones listed when
        // the graph holds the same link.
        std::stable_sort(candidates.begin(), candidates.end(),
                         [](const auto& x, const auto& y) { return x.recorded_in_plan && !y.recorded_in_plan; });
        for (const auto& c : candidates)
            if (sets.unite(c.a, c.b))
                result_.crossings_used.push_back({localities_[groups_[c.a]].id, input_.zone_ids[c.a],
                                                  input_.zone_ids[c.b], c.note, c.recorded_in_plan});

        std::vector<std::map<std::size_t, std::vector<std::size_t>>> pieces(localities_.size());
        for (std::size_t z = 0; z < groups_.size(); ++z)
            if (groups_[z] >= 0) pieces[groups_[z]][sets.find(z)].push_back(z);
        for (std::size_t l = 0; l < pieces.size(); ++l) {
            if (pieces[l].size() <= 1) continue;
            std::vector<const std::vector<std::size_t>*> by_size;
            for (const auto& [root, members] : pieces[l]) by_size.push_back(&members);
            std::stable_sort(by_size.begin(), by_size.end(), [](auto* x, auto* y) { return x->size() > y->size(); });
            std::ostringstream message;
            message << "locality " << locality_label_(localities_[l].id) << " is in " << by_size.size()
                    << " separate pieces (main piece " << by_size[0]->size() << " zones); cut off:";
            for (std::size_t p = 1; p < by_size.size(); ++p) {
                message << (p > 1 ? ";" : "") << " " << by_size[p]->size() << (by_size[p]->size() == 1 ? " zone" : " zones")
                        << " (";
                for (std::size_t i = 0; i < by_size[p]->size() && i < 5; ++i)
                    message << (i ? ", " : "") << input_.zone_ids[(*by_size[p])[i]];
                if (by_size[p]->size() > 5) message << ", ...";
                message << ")";
            }
            fail(CheckProblem::locality_disconnected, input_.zone_ids[(*by_size[1])[0]], localities_[l].id, "",
                 message.str());
        }
    }
}; // class Checker

} // namespace

std::string to_string(CheckProblem problem) {
    switch (problem) {
    case CheckProblem::too_few_localities: return "too_few_localities";
    case CheckProblem::empty_locality: return "empty_locality";
    case CheckProblem::zone_unassigned: return "zone_unassigned";
    case CheckProblem::zone_outside_area: return "zone_outside_area";
    case CheckProblem::zone_in_two_localities: return "zone_in_two_localities";
    case CheckProblem::unknown_locality: return "unknown_locality";
    case CheckProblem::function_missing: return "function_missing";
    case CheckProblem::host_missing: return "host_missing";
    case CheckProblem::locality_disconnected: return "locality_disconnected";
    }
    return "unknown";
}

int statutory_rule(CheckProblem problem) {
    switch (problem) {
    case CheckProblem::too_few_localities:
    case CheckProblem::empty_locality: return 1;
    case CheckProblem::zone_unassigned:
    case CheckProblem::zone_outside_area:
    case CheckProblem::zone_in_two_localities:
    case CheckProblem::unknown_locality: return 2;
    case CheckProblem::function_missing:
    case CheckProblem::host_missing: return 3;
    case CheckProblem::locality_disconnected: return 4;
    }
    return 0;
}

std::size_t PlanCheck::count(CheckProblem problem) const {
    return static_cast<std::size_t>(
        std::count_if(failures.begin(), failures.end(), [&](const auto& f) { return f.problem == problem; }));
}

PlanCheck check_plan(const CheckedPlan& plan, const CheckInput& input) {
    if (!plan.localities || !plan.arrangements || !plan.crossings || plan.groups.size() != input.zone_ids.size())
        throw Error(ErrorKind::unexpected, "check_plan: the plan's view does not match the area's zones");
    return Checker(plan, input).run();
}

PlanCheck check_plan(const LocalityPlan& plan, const CheckInput& input) {
    CheckedPlan view;
    view.localities = &plan.localities;
    view.arrangements = &plan.arrangements;
    view.crossings = &plan.crossings;
    view.groups = zone_groups(plan, input.zone_ids);
    view.assignment = &plan.assignment;
    for (const auto& z : plan.locked_zones)
        if (!plan.assignment.count(z)) view.locked_unassigned.push_back(z);
    return check_plan(view, input);
}

std::string format_check(const PlanCheck& check, const LocalityPlan& plan) {
    const LocalityLabels locality_label(plan.localities);
    std::ostringstream out;
    out << "Statutory check: " << check.localities << " localities, " << check.zones_in_area << " zones in the area, "
        << check.functions << " integration functions\n";
    for (const auto& f : check.failures)
        out << "FAIL rule " << statutory_rule(f.problem) << " [" << to_string(f.problem) << "] " << f.message << "\n";
    for (const auto& c : check.crossings_used)
        out << "crossing: locality " << locality_label(c.locality) << " joined across " << c.zone_a << " - "
            << c.zone_b << " (" << c.note << (c.recorded_in_plan ? ", recorded in the plan" : ", found by the graph builder")
            << ")\n";
    for (const auto& w : check.warnings) out << "warning: " << w << "\n";
    if (check.valid()) out << "VALID: the plan meets the rules of s.29(3)\n";
    else out << "NOT VALID: " << check.failures.size() << (check.failures.size() == 1 ? " problem" : " problems") << "\n";
    return out.str();
}

} // namespace lp
