#pragma once
// Every change a planner makes is an EditCommand: apply() and revert() are exact
// inverses on a PlanState, so the undo stack can walk back and forth through them.
// Commands remember what they displaced when first applied (e.g. each zone's old
// locality), so they must be applied before they are reverted.
#include <lp/edit/plan_state.hpp>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace lp {

class EditCommand {
public:
    virtual ~EditCommand() = default;
    virtual void apply(PlanState& state) = 0;
    virtual void revert(PlanState& state) = 0;
    // Short text for the undo menu, e.g. "paint 12 zones into North East".
    virtual std::string describe() const = 0;
    // False when applying changed nothing (e.g. every zone was locked); the editor
    // then drops the command instead of stacking it.
    virtual bool changed_anything() const { return true; }
    // Something the planner should know (e.g. "3 locked zones left in place").
    virtual std::string note() const { return {}; }
}; // class EditCommand

// Moves zones into a locality (-1: unassign). Zones that are locked, or sit in a locked
// locality, stay where they are; a locked target takes nothing.
class AssignZones final : public EditCommand {
public:
    AssignZones(std::vector<std::uint32_t> zones, int target) : zones_(std::move(zones)), target_(target) {}
    void apply(PlanState& state) override;
    void revert(PlanState& state) override;
    std::string describe() const override { return description_; }
    bool changed_anything() const override { return !moved_.empty(); }
    std::string note() const override;
    const std::vector<std::uint32_t>& moved() const { return moved_; }

private:
    std::vector<std::uint32_t> zones_;
    int target_;
    std::vector<std::uint32_t> moved_;
    std::vector<int> previous_;
    std::size_t skipped_locked_ = 0;
    std::string description_;
}; // class AssignZones

class SetZoneLocks final : public EditCommand {
public:
    SetZoneLocks(std::vector<std::uint32_t> zones, bool locked) : zones_(std::move(zones)), locked_(locked) {}
    void apply(PlanState& state) override;
    void revert(PlanState& state) override;
    std::string describe() const override;
    bool changed_anything() const override { return !changed_.empty(); }

private:
    std::vector<std::uint32_t> zones_;
    bool locked_;
    std::vector<std::uint32_t> changed_;
}; // class SetZoneLocks

class SetLocalityLock final : public EditCommand {
public:
    SetLocalityLock(std::string locality_id, bool locked) : id_(std::move(locality_id)), locked_(locked) {}
    void apply(PlanState& state) override;
    void revert(PlanState& state) override;
    std::string describe() const override;
    bool changed_anything() const override { return changed_; }

private:
    std::string id_;
    bool locked_;
    bool changed_ = false;
}; // class SetLocalityLock

// Appends a new, empty locality.
class AddLocality final : public EditCommand {
public:
    explicit AddLocality(Locality locality) : locality_(std::move(locality)) {}
    void apply(PlanState& state) override;
    void revert(PlanState& state) override;
    std::string describe() const override { return "add locality " + locality_.name; }

private:
    Locality locality_;
}; // class AddLocality

// Rename and/or recolour (id and lock are kept).
class EditLocality final : public EditCommand {
public:
    EditLocality(std::string locality_id, std::optional<std::string> name, std::optional<std::string> colour)
        : id_(std::move(locality_id)), name_(std::move(name)), colour_(std::move(colour)) {}
    void apply(PlanState& state) override;
    void revert(PlanState& state) override;
    std::string describe() const override;

private:
    std::string id_;
    std::optional<std::string> name_;
    std::optional<std::string> colour_;
    Locality before_;
}; // class EditLocality

// Moves every zone of `absorbed` into `kept` and removes `absorbed`; its function
// arrangements go, and anything hosted by it is hosted by `kept` instead.
class MergeLocalities final : public EditCommand {
public:
    MergeLocalities(std::string kept_id, std::string absorbed_id)
        : kept_id_(std::move(kept_id)), absorbed_id_(std::move(absorbed_id)) {}
    void apply(PlanState& state) override;
    void revert(PlanState& state) override;
    std::string describe() const override;

private:
    std::string kept_id_;
    std::string absorbed_id_;
    Locality absorbed_;
    std::size_t absorbed_index_ = 0;
    std::vector<std::uint32_t> zones_;
    ArrangementTable arrangements_before_;
    std::string kept_name_;
}; // class MergeLocalities

// Replaces the whole assignment (an optimiser run or a split); labelled by `what`.
// Localities must already exist; new_assignment has one entry per zone.
class ReplaceAssignment final : public EditCommand {
public:
    ReplaceAssignment(std::vector<int> new_assignment, std::string what)
        : next_(std::move(new_assignment)), what_(std::move(what)) {}
    void apply(PlanState& state) override;
    void revert(PlanState& state) override;
    std::string describe() const override { return what_; }
    bool changed_anything() const override { return changed_; }

private:
    std::vector<int> next_;
    std::vector<int> previous_;
    std::string what_;
    bool changed_ = false;
}; // class ReplaceAssignment

// Sets (or with nullopt, clears) one function's arrangement in one locality.
class SetArrangement final : public EditCommand {
public:
    SetArrangement(std::string function_code, std::string locality_id, std::optional<Arrangement> arrangement)
        : function_(std::move(function_code)), locality_(std::move(locality_id)), next_(std::move(arrangement)) {}
    void apply(PlanState& state) override;
    void revert(PlanState& state) override;
    std::string describe() const override { return "arrangement of " + function_ + " in " + locality_; }

private:
    std::string function_;
    std::string locality_;
    std::optional<Arrangement> next_;
    std::optional<Arrangement> previous_;
}; // class SetArrangement

// Several commands as one undo step (a brush stroke, a split = add + reassign).
class CompositeCommand final : public EditCommand {
public:
    explicit CompositeCommand(std::string what) : what_(std::move(what)) {}
    // For commands already applied to the state (the editor's stroke grouping).
    void adopt(std::unique_ptr<EditCommand> applied) { children_.push_back(std::move(applied)); }
    // For commands to apply together with this one.
    void add(std::unique_ptr<EditCommand> pending) { children_.push_back(std::move(pending)); }
    void apply(PlanState& state) override;
    void revert(PlanState& state) override;
    std::string describe() const override { return what_; }
    bool changed_anything() const override;
    std::string note() const override;
    std::size_t size() const { return children_.size(); }

private:
    std::string what_;
    std::vector<std::unique_ptr<EditCommand>> children_;
}; // class CompositeCommand

} // namespace lp
