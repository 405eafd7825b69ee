#include <lp/edit/plan_editor.hpp>

#include <lp/core/error.hpp>

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
    for (std::size_t i = 0; i < state_.locality_count(); ++i) {
        const auto before = pieces_before.find(state_.localities()[i].id);
        const std::size_t was = before == pieces_before.end() ? 1 : std::max<std::size_t>(before->second, 1);
        if (state_.statistics(i).pieces > was) result.split_localities.push_back(state_.localities()[i].name);
    }
    result.split = !result.split_localities.empty();
    if (result.split) {
        std::string names;
        for (const std::string& n : result.split_localities) names += (names.empty() ? "" : ", ") + n;
        if (policy_ == SplitPolicy::refuse) {
            command.revert(state_);
            state_.refresh();
            result.message = "refused: " + command.describe() + " would split " + names;
            return result;
        }
        result.message = "warning: " + command.describe() + " splits " + names;
    }
    result.applied = true;
    const std::string note = command.note();
    if (!note.empty()) result.message += (result.message.empty() ? "" : "; ") + note;
    return result;
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
