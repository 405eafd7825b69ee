#include "model/plan_figures.hpp"

#include <lp/core/error.hpp>
#include <lp/edit/state_check.hpp>
#include <lp/geometry/label_point.hpp>
#include <lp/generate/locality_run.hpp>
#include <lp/partition/partition.hpp>
#include <lp/plan/locality_indicators.hpp>

#include <algorithm>
#include <cmath>
#include <limits>

namespace lp::viewer {

void PlanFigures::follow_data() {
    if (data_generation_ == data_.mesh_generation() || !data_.is_open()) return;
    data_generation_ = data_.mesh_generation();
    const Dataset& data = data_.dataset();
    // What the check and the Functions panel read after each edit, set up once per data.
    share_table_.emplace(data_.catalogue(), data_.driver_columns());
    check_input_ = CheckInput{};
    check_input_.zone_ids = data.zones.ids;
    check_input_.graph = &data.graph;
    check_input_.catalogue = &data_.catalogue();
    label_cache_.clear();  // zone indices of other data
    check_revision_ = shares_revision_ = derived_revision_ = label_revision_ = stale;
}

void PlanFigures::follow_community() const {
    if (!data_.is_open()) return;
    const std::vector<BalanceSpec>& specs = document_.balance_specs();
    std::vector<std::string> columns;
    std::string key = std::to_string(data_.mesh_generation()) + "\n" + document_.settlements_spec();
    for (const BalanceSpec& spec : specs) {
        columns.push_back(spec.column);
        key += "\n" + spec.column;
    }
    // The population, cut prices and settlements follow the columns, not the bands.
    if (key == community_key_) return;
    community_key_ = key;
    community_revision_ = stale;
    const Dataset& data = data_.dataset();
    population_column_ = population_among(columns);
    cut_cost_ = population_column_.empty() ? std::vector<double>{}
                                           : people_cut_cost(data.graph, data.demand.column(population_column_));
    settlements_.reset();
    const std::string& spec = document_.settlements_spec();
    if (spec.empty()) return;
    try {
        // Settlements are sized and named by people: the population, else the first balance layer.
        std::vector<double> people(data.zones.size(), 1.0);
        if (!population_column_.empty()) people = data.demand.column(population_column_);
        else if (!specs.empty()) people = data.demand.column(specs.front().column);
        settlements_ = find_settlements(data, parse_settlements(spec), data_.options().demand_paths, people, area_name(data));
    } catch (const std::exception& e) {
        errors_.add("Settlements not found", "--settlements " + spec + ": " + e.what());
    }
}

const std::string& PlanFigures::population_column() const {
    follow_community();
    return population_column_;
}

const std::vector<double>* PlanFigures::population() const {
    follow_community();
    return population_column_.empty() ? nullptr : &data_.dataset().demand.column(population_column_);
}

const std::vector<double>& PlanFigures::cut_cost() const {
    follow_community();
    return cut_cost_;
}

const Settlements* PlanFigures::settlements() const {
    follow_community();
    return settlements_ ? &*settlements_ : nullptr;
}

const PlanStatistics& PlanFigures::community_statistics() {
    follow_community();
    if (community_revision_ != document_.revision()) {
        CommunityContext community;
        community.population = population();
        if (settlements_) community.groupings.push_back(&settlements_->groups);
        const PlanState& s = document_.state();
        community_cache_ = evaluate(data_.dataset().graph, s.assignment(), static_cast<int>(s.locality_count()),
                                    s.layers(), {}, community);
        community_revision_ = document_.revision();
    }
    return community_cache_;
}

const PlanCheck& PlanFigures::check() {
    follow_data();
    if (check_revision_ != document_.revision()) {
        // The editor's own form: no text map of every zone per edit.
        check_cache_ = check_state(document_.state(), document_.base_plan().crossings, check_input_);
        check_revision_ = document_.revision();
    }
    return check_cache_;
}

const std::vector<FunctionDemandShare>& PlanFigures::demand_shares() {
    follow_data();
    if (shares_revision_ != document_.revision()) {
        // Only the zones the edit moved change the sums.
        const PlanState& s = document_.state();
        share_table_->update(s.assignment(), s.locality_count());
        shares_cache_ = share_table_->shares();
        shares_revision_ = document_.revision();
    }
    return shares_cache_;
}

void PlanFigures::update() {
    if (!document_.has_plan()) return;
    follow_data();
    follow_community();
    if (derived_revision_ != document_.revision()) {
        derived_revision_ = document_.revision();
        const PlanState& s = document_.state();
        stray_zones_.clear();
        for (std::size_t loc = 0; loc < s.locality_count(); ++loc) {
            if (s.statistics(loc).pieces > 1) {
                const auto stray = s.stray_zones(loc);
                stray_zones_.insert(stray_zones_.end(), stray.begin(), stray.end());
            }
        }
    }
    refresh_labels();
}

void PlanFigures::refresh_labels() {
    // Mid-stroke the labels stay where they were: a dissolve per painted zone would
    // stall the brush. The stroke's end leaves the revision moved, so they follow then.
    if (label_revision_ == document_.revision() || document_.editor().in_stroke()) return;
    label_revision_ = document_.revision();
    const PlanState& s = document_.state();
    const Dataset& data = data_.dataset();
    const ZoneMesh& mesh = data_.mesh();
    const std::size_t n = s.locality_count();
    std::vector<std::vector<std::size_t>> changed_members;
    std::vector<std::size_t> changed;
    std::vector<Point> points(n, Point{std::numeric_limits<double>::quiet_NaN(), 0});
    std::vector<LabelCacheEntry> cache(n);
    for (std::size_t loc = 0; loc < n; ++loc) {
        cache[loc].id = s.localities()[loc].id;
        cache[loc].members.assign(s.members(loc).begin(), s.members(loc).end());
        std::sort(cache[loc].members.begin(), cache[loc].members.end());
        const auto same = std::find_if(label_cache_.begin(), label_cache_.end(), [&](const LabelCacheEntry& e) {
            return e.id == cache[loc].id && e.members == cache[loc].members;
        });
        if (same != label_cache_.end()) {
            cache[loc].point = same->point;
            continue;
        }
        changed.push_back(loc);
        changed_members.emplace_back(cache[loc].members.begin(), cache[loc].members.end());
    }
    if (!changed.empty()) {
        std::vector<Point> found;
        try {
            found = group_label_points(data.zones.shapes, data.zones.boxes, changed_members);
        } catch (const Error&) {
            found.assign(changed.size(), Point{std::numeric_limits<double>::quiet_NaN(), 0});
        }
        for (std::size_t i = 0; i < changed.size(); ++i) {
            Point p = found[i];
            // Mesh coordinates; a locality GEOS cannot place is labelled at a zone of it.
            if (std::isnan(p.x) && !changed_members[i].empty()) p = mesh.centres[changed_members[i].front()];
            else if (!std::isnan(p.x)) p = {p.x - mesh.origin.x, p.y - mesh.origin.y};
            cache[changed[i]].point = p;
        }
    }
    for (std::size_t loc = 0; loc < n; ++loc) points[loc] = cache[loc].point;
    // Keep the shapes of recent revisions too: an undo or redo gives back localities whose
    // labels are known, and finding them again would cost a dissolve each.
    const std::size_t keep = 4 * n + 16;
    for (LabelCacheEntry& old : label_cache_) {
        if (cache.size() >= keep) break;
        const bool current = std::any_of(cache.begin(), cache.begin() + static_cast<std::ptrdiff_t>(n),
                                         [&](const LabelCacheEntry& e) { return e.id == old.id && e.members == old.members; });
        if (!current) cache.push_back(std::move(old));
    }
    label_cache_ = std::move(cache);
    label_points_ = std::move(points);
}

} // namespace lp::viewer
