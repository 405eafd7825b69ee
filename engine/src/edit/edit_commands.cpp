#include <lp/edit/edit_commands.hpp>

#include <lp/core/error.hpp>

namespace lp {
namespace {

int require_locality(const PlanState& state, const std::string& id) {
    const int index = state.find_locality(id);
    if (index < 0) throw Error(ErrorKind::bad_plan, "no locality with id '" + id + "'");
    return index;
}

std::string locality_label(const PlanState& state, int index) {
    if (index < 0) return "no locality";
    return state.localities()[static_cast<std::size_t>(index)].name;
}

std::string plural(std::size_t n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

} // namespace

// ---- AssignZones ----

void AssignZones::apply(PlanState& state) {
    if (target_ >= static_cast<int>(state.locality_count())) {
        throw Error(ErrorKind::bad_plan, "no locality number " + std::to_string(target_));
    }
    moved_.clear();
    previous_.clear();
    skipped_locked_ = 0;
    const bool target_locked = target_ >= 0 && state.localities()[static_cast<std::size_t>(target_)].locked;
    for (std::uint32_t zone : zones_) {
        if (zone >= state.zone_count()) {
            throw Error(ErrorKind::unknown_zone, "no zone number " + std::to_string(zone));
        }
        const int from = state.locality_of(zone);
        if (from == target_) continue;
        if (state.zone_fixed(zone) || target_locked) {
            ++skipped_locked_;
            continue;
        }
        moved_.push_back(zone);
        previous_.push_back(from);
        state.move_zone(zone, target_);
    }
    description_ = (target_ < 0 ? "unassign " : "paint ") + plural(moved_.size(), "zone", "zones") +
                   (target_ < 0 ? "" : " into " + locality_label(state, target_));
}

void AssignZones::revert(PlanState& state) {
    for (std::size_t i = moved_.size(); i-- > 0;) state.move_zone(moved_[i], previous_[i]);
}

std::string AssignZones::note() const {
    if (skipped_locked_ == 0) return {};
    return plural(skipped_locked_, "locked zone", "locked zones") + " left where " +
           (skipped_locked_ == 1 ? "it is" : "they are");
}

// ---- locks ----

void SetZoneLocks::apply(PlanState& state) {
    changed_.clear();
    for (std::uint32_t zone : zones_) {
        if (zone >= state.zone_count()) {
            throw Error(ErrorKind::unknown_zone, "no zone number " + std::to_string(zone));
        }
        if (state.zone_locked(zone) == locked_) continue;
        state.set_zone_locked(zone, locked_);
        changed_.push_back(zone);
    }
}

void SetZoneLocks::revert(PlanState& state) {
    for (std::uint32_t zone : changed_) state.set_zone_locked(zone, !locked_);
}

std::string SetZoneLocks::describe() const {
    return std::string(locked_ ? "lock " : "unlock ") + plural(changed_.size(), "zone", "zones");
}

void SetLocalityLock::apply(PlanState& state) {
    Locality& loc = state.locality(static_cast<std::size_t>(require_locality(state, id_)));
    changed_ = loc.locked != locked_;
    loc.locked = locked_;
}

void SetLocalityLock::revert(PlanState& state) {
    if (changed_) state.locality(static_cast<std::size_t>(require_locality(state, id_))).locked = !locked_;
}

std::string SetLocalityLock::describe() const { return std::string(locked_ ? "lock " : "unlock ") + id_; }

// ---- localities ----

void AddLocality::apply(PlanState& state) {
    if (locality_.id.empty()) throw Error(ErrorKind::bad_plan, "a new locality needs an id");
    if (state.find_locality(locality_.id) >= 0) {
        throw Error(ErrorKind::bad_plan, "there is already a locality with id '" + locality_.id + "'");
    }
    state.insert_locality(state.locality_count(), locality_);
}

void AddLocality::revert(PlanState& state) {
    state.erase_locality(static_cast<std::size_t>(require_locality(state, locality_.id)));
}

void EditLocality::apply(PlanState& state) {
    Locality& loc = state.locality(static_cast<std::size_t>(require_locality(state, id_)));
    before_ = loc;
    if (name_) loc.name = *name_;
    if (colour_) loc.colour = *colour_;
}

void EditLocality::revert(PlanState& state) {
    state.locality(static_cast<std::size_t>(require_locality(state, id_))) = before_;
}

std::string EditLocality::describe() const {
    if (name_ && colour_) return "rename and recolour " + id_;
    return (name_ ? "rename " : "recolour ") + id_;
}

void MergeLocalities::apply(PlanState& state) {
    if (kept_id_ == absorbed_id_) throw Error(ErrorKind::bad_plan, "cannot merge a locality with itself");
    const int kept = require_locality(state, kept_id_);
    const int absorbed = require_locality(state, absorbed_id_);
    const Locality& a = state.localities()[static_cast<std::size_t>(absorbed)];
    const Locality& k = state.localities()[static_cast<std::size_t>(kept)];
    if (a.locked || k.locked) {
        throw Error(ErrorKind::bad_plan, "unlock " + (a.locked ? a.name : k.name) + " before merging it");
    }
    absorbed_ = a;
    kept_name_ = k.name;
    absorbed_index_ = static_cast<std::size_t>(absorbed);
    zones_ = state.members(absorbed_index_);
    for (std::uint32_t zone : zones_) state.move_zone(zone, kept);
    arrangements_before_ = state.arrangements();
    for (auto& [function, per_locality] : state.arrangements()) {
        per_locality.erase(absorbed_id_);
        for (auto& [id, arrangement] : per_locality) {
            if (arrangement.hosted_by == absorbed_id_) arrangement.hosted_by = kept_id_;
        }
    }
    state.erase_locality(absorbed_index_);
}

void MergeLocalities::revert(PlanState& state) {
    state.insert_locality(absorbed_index_, absorbed_);
    for (std::uint32_t zone : zones_) state.move_zone(zone, static_cast<int>(absorbed_index_));
    state.arrangements() = arrangements_before_;
}

std::string MergeLocalities::describe() const {
    return "merge " + (absorbed_.name.empty() ? absorbed_id_ : absorbed_.name) + " into " +
           (kept_name_.empty() ? kept_id_ : kept_name_);
}

// ---- whole assignment ----

void ReplaceAssignment::apply(PlanState& state) {
    if (next_.size() != state.zone_count()) {
        throw Error(ErrorKind::bad_plan, "new assignment has " + std::to_string(next_.size()) +
                                            " zones, the plan has " + std::to_string(state.zone_count()));
    }
    const int count = static_cast<int>(state.locality_count());
    for (int a : next_) {
        if (a < -1 || a >= count) throw Error(ErrorKind::bad_plan, "new assignment names locality " + std::to_string(a));
    }
    previous_ = state.assignment();
    changed_ = false;
    for (std::uint32_t z = 0; z < next_.size(); ++z) {
        if (previous_[z] == next_[z]) continue;
        state.move_zone(z, next_[z]);
        changed_ = true;
    }
}

void ReplaceAssignment::revert(PlanState& state) {
    for (std::uint32_t z = 0; z < previous_.size(); ++z) state.move_zone(z, previous_[z]);
}

// ---- functions ----

void SetArrangement::apply(PlanState& state) {
    require_locality(state, locality_);
    auto& per_locality = state.arrangements()[function_];
    auto found = per_locality.find(locality_);
    previous_ = found == per_locality.end() ? std::nullopt : std::optional<Arrangement>(found->second);
    if (next_) per_locality[locality_] = *next_;
    else if (found != per_locality.end()) per_locality.erase(found);
    if (per_locality.empty()) state.arrangements().erase(function_);
}

void SetArrangement::revert(PlanState& state) {
    auto& per_locality = state.arrangements()[function_];
    if (previous_) per_locality[locality_] = *previous_;
    else per_locality.erase(locality_);
    if (per_locality.empty()) state.arrangements().erase(function_);
}

// ---- composite ----

void CompositeCommand::apply(PlanState& state) {
    std::size_t done = 0;
    try {
        for (; done < children_.size(); ++done) children_[done]->apply(state);
    } catch (...) {
        while (done-- > 0) children_[done]->revert(state);
        throw;
    }
}

void CompositeCommand::revert(PlanState& state) {
    for (std::size_t i = children_.size(); i-- > 0;) children_[i]->revert(state);
}

bool CompositeCommand::changed_anything() const {
    for (const auto& child : children_) {
        if (child->changed_anything()) return true;
    }
    return false;
}

std::string CompositeCommand::note() const {
    std::string text;
    for (const auto& child : children_) {
        const std::string n = child->note();
        if (n.empty()) continue;
        if (!text.empty()) text += "; ";
        text += n;
    }
    return text;
}

} // namespace lp
