#pragma once
// What happens to a plan's recovery file (written by RecoveryAutosave) across sessions.
// A recovery file newer than its plan is work a session neither saved nor discarded
// (it crashed or was killed): the planner is asked to restore it, keep it aside or
// discard it, and until the answer nothing writes over it; the autosave writes to a new
// file beside it instead. A session removes its own recovery files only once its changes
// are saved or explicitly discarded. No GUI here: the viewer draws the questions.
#include <cstddef>
#include <ctime>
#include <limits>
#include <string>

namespace lp {

enum class RecoveryAnswer { restore, keep_aside, discard };

// "<plan>.recovery.json"; for a plan never saved (plan_path empty),
// "<untitled_dir>/untitled-plan.recovery.json".
std::string recovery_path_for(const std::string& plan_path, const std::string& untitled_dir);

// True when the recovery file exists and was written after the plan file (or the plan
// file is not there at all).
bool recovery_is_newer(const std::string& recovery_path, const std::string& plan_path);

// "<plan>.recovered-YYYYMMDD-HHMMSS.json" for local time `when`, with "-2", "-3"... before
// ".json" when that name is taken: where "keep aside" moves a recovery file.
std::string kept_recovery_path(const std::string& plan_path, const std::string& untitled_dir, std::time_t when);

// The recovery files of one open plan.
class PlanRecovery {
public:
    PlanRecovery() = default;
    // Looks for a recovery file of the plan (plan_path empty: an untitled plan) newer
    // than the plan itself. Call after opening the plan, or after saving it.
    PlanRecovery(std::string plan_path, std::string untitled_dir);

    const std::string& plan_path() const { return plan_path_; }
    // The plan's own recovery file, "<plan>.recovery.json".
    const std::string& recovery_path() const { return recovery_path_; }

    // A recovery file from an earlier session waits for restore / keep aside / discard.
    bool pending() const { return pending_; }
    // The file the question is about (recovery_path()) while pending.
    const std::string& found() const { return recovery_path_; }
    // Where the autosave writes now: recovery_path(), or while the question waits, a
    // new file beside it, "<plan>.recovery-2.json" (-3, -4... if that name is taken).
    const std::string& autosave_path() const { return pending_ ? alternative_path_ : recovery_path_; }

    // Applies the answer to the files and closes the question. restore: the found file
    // becomes this session's recovery file (the caller has loaded the plan from found()
    // first, so a file that cannot be read leaves the question open); keep_aside: renames
    // it to kept_recovery_path() dated by its last write, and returns the new path;
    // discard: deletes it. An autosave written while the question was open is deleted on
    // restore (it holds the plan the planner chose not to keep) and otherwise becomes
    // the plan's recovery file. Throws lp::Error(write_failed) when a file cannot be
    // renamed or removed (the question stays open). Does nothing when not pending.
    std::string answer(RecoveryAnswer answer);

    // After a save, or when the planner discards the changes: removes this session's
    // recovery files; never a found one still waiting for its answer.
    void remove_own_files() const;

private:
    std::string plan_path_;
    std::string untitled_dir_;
    std::string recovery_path_;
    std::string alternative_path_;
    bool pending_ = false;
}; // class PlanRecovery

// Whether the plan holds changes its file does not: compares PlanEditor::state_id()
// with the id at the last save, so undoing back to the saved state reads as saved.
class SaveState {
public:
    void mark_saved(std::size_t state_id) { saved_ = state_id; }
    // Changes no save has seen (e.g. a plan restored from a recovery file).
    void mark_unsaved() { saved_ = never; }
    bool dirty(std::size_t state_id) const { return state_id != saved_; }

private:
    static constexpr std::size_t never = std::numeric_limits<std::size_t>::max();
    std::size_t saved_ = 0;
}; // class SaveState

} // namespace lp
