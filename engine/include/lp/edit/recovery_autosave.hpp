#pragma once
// Writes the plan to a recovery file every few edits or seconds, atomically, so a
// crash loses at most the last few seconds of work.
#include <chrono>
#include <cstddef>
#include <functional>
#include <string>
#include <utility>

namespace lp {

class RecoveryAutosave {
public:
    using Clock = std::chrono::steady_clock;
    // serialise: produces the file's contents (called only when a save is due).
    RecoveryAutosave(std::string path, std::function<std::string()> serialise, std::size_t every_edits = 5,
                     std::chrono::seconds every = std::chrono::seconds(30));

    // Call once per frame with the editor's revision counter. Saves when the revision
    // moved and either enough edits piled up or enough time passed since the last save.
    // Returns true when it wrote the file.
    bool poll(std::size_t revision, Clock::time_point now = Clock::now());
    // Saves now if anything changed since the last save.
    bool flush(std::size_t revision);
    // Saves now whatever the last save held (e.g. the file was removed meanwhile).
    bool save_now(std::size_t revision) { return save(revision, Clock::now()); }
    // The file holds (or need not hold) this revision: after the plan was opened or
    // saved, nothing is written until the next change.
    void skip_to(std::size_t revision) { saved_revision_ = revision; }
    // Writes to another file from the next save on (the plan was saved under another
    // name, or a recovery question was answered: see PlanRecovery in recovery.hpp).
    void set_path(std::string path) { path_ = std::move(path); }

    const std::string& path() const { return path_; }
    const std::string& last_error() const { return last_error_; }
    std::size_t saves() const { return saves_; }

private:
    bool save(std::size_t revision, Clock::time_point now);

    std::string path_;
    std::function<std::string()> serialise_;
    std::size_t every_edits_;
    std::chrono::seconds every_;
    std::size_t saved_revision_ = 0;
    Clock::time_point last_save_ = Clock::now();
    std::size_t saves_ = 0;
    std::string last_error_;
}; // class RecoveryAutosave

} // namespace lp
