#include <lp/edit/plan_editor.hpp>

#include <lp/core/error.hpp>

#include <algorithm>
#include <unordered_map>

namespace lp {

PlanEditor::PlanEditor(const ContiguityGraph& graph, std::vector<BalanceLayer> layers)
    : state_(graph, std::move(layers)) {}

PlanEditor::PlanEditor(PlanState state) : state_(std::move(state)) { state_.refresh(); }

void PlanEditor::bump() { ++revision_; }

std::size_t PlanEditor::state_id() const {
    if (stroke_ && stroke_->size() > 0) return stroke_id_;
    return done_ids_.empty() ? 0 : done_ids_.back();
}

EditResult PlanEditor::guarded_apply(EditCommand& command) {
    // Pieces per locality before, by id (a merge or an add shifts indices).
    std::unordered_map<std::string, std::size_t> pieces_before;
    for (std::size_t i = 0; i < state_.locality_count(); ++i) {
        pieces_before[state_.localities()[i].id] = state_.statistics(i).pieces;
    }
    EditResult result;
    try {
        command.apply(state_);
    } catch (const Error& e) {
        state_.refresh();
        result.message = e.what();
        return result;
    }
    state_.refresh();
    if (!command.changed_anything()) {
        result.message = command.note().empty() ? "nothing changed" : command.note();
        return result;
    }
    std::vector<std::pair<std::string, std::vector<std::uint32_t>>> strays; // per split locality id
    for (std::size_t i = 0; i < state_.locality_count(); ++i) {
        const auto before = pieces_before.find(state_.localities()[i].id);
        const std::size_t was = before == pieces_before.end() ? 1 : std::max<std::size_t>(before->second, 1);
        if (state_.statistics(i).pieces > was) {
            result.split_localities.push_back(state_.localities()[i].name);
            if (policy_ == SplitPolicy::refuse) strays.emplace_back(state_.localities()[i].id, state_.stray_zones(i));
        }
    }
    result.split = !result.split_localities.empty();
    if (result.split) {
        std::string names;
        for (const std::string& n : result.split_localities) names += (names.empty() ? "" : ", ") + n;
        if (policy_ == SplitPolicy::refuse) {
            command.revert(state_);
            state_.refresh();
            explain_refusal(result, strays);
            // "not next to X" when that is all it was; a real split keeps its words.
            std::string split_names;
            for (const std::string& n : result.split_localities) {
                if (std::find(result.not_next_to.begin(), result.not_next_to.end(), n) == result.not_next_to.end())
                    split_names += (split_names.empty() ? "" : ", ") + n;
            }
            std::string not_next;
            for (const std::string& n : result.not_next_to) not_next += (not_next.empty() ? "" : ", ") + n;
            result.message = "refused: " + command.describe();
            if (!not_next.empty()) result.message += ": not next to " + not_next;
            if (!split_names.empty()) result.message += (not_next.empty() ? "" : ", and") + std::string(" would split ") + split_names;
            if (!result.cut_off_zones.empty() && !split_names.empty())
                result.message += " (" + std::to_string(result.cut_off_zones.size()) +
                                  (result.cut_off_zones.size() == 1 ? " zone" : " zones") + " cut off)";
            return result;
        }
        result.message = "warning: " + command.describe() + " splits " + names;
    }
    result.applied = true;
    const std::string note = command.note();
    if (!note.empty()) result.message += (result.message.empty() ? "" : "; ") + note;
    return result;
}

void PlanEditor::explain_refusal(EditResult& result,
                                 const std::vector<std::pair<std::string, std::vector<std::uint32_t>>>& strays) const {
    // In the state as it was again: a stray zone no longer in the locality is one the
    // edit put there out of reach of it; one still there, and not apart before, is one
    // the edit would have cut off.
    std::vector<std::uint32_t> cut_off;
    for (const auto& [id, zones] : strays) {
        const int locality = state_.find_locality(id);
        if (locality < 0) continue;
        const std::vector<std::uint32_t> apart = state_.stray_zones(static_cast<std::size_t>(locality));
        std::size_t added = 0, cut = 0;
        for (std::uint32_t z : zones) {
            if (state_.locality_of(z) != locality) ++added;
            else if (std::find(apart.begin(), apart.end(), z) == apart.end()) ++cut;
            else continue;
            cut_off.push_back(z);
        }
        if (added > 0 && cut == 0) result.not_next_to.push_back(state_.localities()[static_cast<std::size_t>(locality)].name);
    }
    std::sort(cut_off.begin(), cut_off.end());
    cut_off.erase(std::unique(cut_off.begin(), cut_off.end()), cut_off.end());
    result.cut_off_zones = std::move(cut_off);
}

EditResult PlanEditor::execute(std::unique_ptr<EditCommand> command) {
    EditResult result = guarded_apply(*command);
    if (!result.applied) return result;
    if (stroke_) {
        stroke_->adopt(std::move(command));
        stroke_id_ = ++last_id_;
    } else {
        done_.push_back(std::move(command));
        done_ids_.push_back(++last_id_);
    }
    undone_.clear();
    undone_ids_.clear();
    bump();
    return result;
}

EditResult PlanEditor::paint(std::vector<std::uint32_t> zones, int locality) {
    return execute(std::make_unique<AssignZones>(std::move(zones), locality));
}

EditResult PlanEditor::lock_zones(std::vector<std::uint32_t> zones, bool locked) {
    return execute(std::make_unique<SetZoneLocks>(std::move(zones), locked));
}

void PlanEditor::begin_stroke(std::string what) {
    end_stroke();
    stroke_ = std::make_unique<CompositeCommand>(std::move(what));
}

void PlanEditor::end_stroke() {
    if (!stroke_) return;
    if (stroke_->size() > 0) {
        done_.push_back(std::move(stroke_));
        done_ids_.push_back(stroke_id_);
    }
    stroke_.reset();
}

bool PlanEditor::undo() {
    end_stroke();
    if (done_.empty()) return false;
    done_.back()->revert(state_);
    state_.refresh();
    undone_.push_back(std::move(done_.back()));
    done_.pop_back();
    undone_ids_.push_back(done_ids_.back());
    done_ids_.pop_back();
    bump();
    return true;
}

bool PlanEditor::redo() {
    end_stroke();
    if (undone_.empty()) return false;
    undone_.back()->apply(state_);
    state_.refresh();
    done_.push_back(std::move(undone_.back()));
    undone_.pop_back();
    done_ids_.push_back(undone_ids_.back());
    undone_ids_.pop_back();
    bump();
    return true;
}

} // namespace lp
