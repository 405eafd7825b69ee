#include <lp/edit/recovery_autosave.hpp>

#include <lp/io/atomic_file.hpp>

#include <exception>

namespace lp {

RecoveryAutosave::RecoveryAutosave(std::string path, std::function<std::string()> serialise,
                                   std::size_t every_edits, std::chrono::seconds every)
    : path_(std::move(path)), serialise_(std::move(serialise)), every_edits_(every_edits), every_(every) {}

bool RecoveryAutosave::poll(std::size_t revision, Clock::time_point now) {
    if (revision == saved_revision_) return false;
    const std::size_t pending = revision > saved_revision_ ? revision - saved_revision_ : 1;
    if (pending < every_edits_ && now - last_save_ < every_) return false;
    return save(revision, now);
}

bool RecoveryAutosave::flush(std::size_t revision) {
    if (revision == saved_revision_) return false;
    return save(revision, Clock::now());
}

bool RecoveryAutosave::save(std::size_t revision, Clock::time_point now) {
    last_save_ = now; // also after a failure, so a full disk is not retried every frame
    try {
        write_file_atomically(path_, serialise_());
    } catch (const std::exception& e) {
        last_error_ = e.what();
        return false;
    }
    last_error_.clear();
    saved_revision_ = revision;
    ++saves_;
    return true;
}

} // namespace lp
