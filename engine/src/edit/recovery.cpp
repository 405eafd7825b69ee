#include <lp/edit/recovery.hpp>

#include <lp/core/error.hpp>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <system_error>
#include <utility>

namespace lp {
namespace {

namespace fs = std::filesystem;

// The name recovery files are made from: the plan's path, or the untitled plan's stand-in.
std::string base_of(const std::string& plan_path, const std::string& untitled_dir) {
    if (!plan_path.empty()) return plan_path;
    return (fs::path(untitled_dir.empty() ? "." : untitled_dir) / "untitled-plan").string();
}

// `stem` + `suffix`, or `stem` + "-N" + `suffix` for the first N >= first not on disk.
std::string free_name(const std::string& stem, const std::string& suffix, int first) {
    std::error_code ec;
    if (first <= 1 && !fs::exists(stem + suffix, ec)) return stem + suffix;
    for (int n = std::max(first, 2);; ++n) {
        const std::string candidate = stem + "-" + std::to_string(n) + suffix;
        if (!fs::exists(candidate, ec)) return candidate;
    }
}

std::time_t last_written(const std::string& path) {
    std::error_code ec;
    const auto when = fs::last_write_time(path, ec);
    if (ec) return std::time(nullptr);
    return std::chrono::system_clock::to_time_t(std::chrono::file_clock::to_sys(when));
}

void rename_or_throw(const std::string& from, const std::string& to) {
    std::error_code ec;
    fs::rename(from, to, ec);
    if (ec) throw Error(ErrorKind::write_failed, "cannot rename " + from + " to " + to + ": " + ec.message());
}

void remove_or_throw(const std::string& path) {
    std::error_code ec;
    fs::remove(path, ec);
    if (ec) throw Error(ErrorKind::write_failed, "cannot remove " + path + ": " + ec.message());
}

} // namespace

std::string recovery_path_for(const std::string& plan_path, const std::string& untitled_dir) {
    return base_of(plan_path, untitled_dir) + ".recovery.json";
}

bool recovery_is_newer(const std::string& recovery_path, const std::string& plan_path) {
    std::error_code ec;
    const auto recovery_time = fs::last_write_time(recovery_path, ec);
    if (ec) return false; // no recovery file
    if (plan_path.empty()) return true;
    const auto plan_time = fs::last_write_time(plan_path, ec);
    if (ec) return true; // the plan is gone: the recovery is all there is
    return recovery_time > plan_time;
}

std::string kept_recovery_path(const std::string& plan_path, const std::string& untitled_dir, std::time_t when) {
    std::tm local{};
    localtime_r(&when, &local);
    char stamp[32];
    std::strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &local);
    return free_name(base_of(plan_path, untitled_dir) + ".recovered-" + stamp, ".json", 1);
}

PlanRecovery::PlanRecovery(std::string plan_path, std::string untitled_dir)
    : plan_path_(std::move(plan_path)), untitled_dir_(std::move(untitled_dir)),
      recovery_path_(recovery_path_for(plan_path_, untitled_dir_)) {
    pending_ = recovery_is_newer(recovery_path_, plan_path_);
    if (pending_) alternative_path_ = free_name(base_of(plan_path_, untitled_dir_) + ".recovery", ".json", 2);
}

std::string PlanRecovery::answer(RecoveryAnswer answer) {
    if (!pending_) return {};
    std::error_code ec;
    const bool alternative_written = fs::exists(alternative_path_, ec);
    std::string result;
    switch (answer) {
    case RecoveryAnswer::restore:
        if (alternative_written) remove_or_throw(alternative_path_);
        result = recovery_path_;
        break;
    case RecoveryAnswer::keep_aside:
        result = kept_recovery_path(plan_path_, untitled_dir_, last_written(recovery_path_));
        rename_or_throw(recovery_path_, result);
        if (alternative_written) rename_or_throw(alternative_path_, recovery_path_);
        break;
    case RecoveryAnswer::discard:
        remove_or_throw(recovery_path_);
        if (alternative_written) rename_or_throw(alternative_path_, recovery_path_);
        break;
    }
    pending_ = false;
    alternative_path_.clear();
    return result;
}

void PlanRecovery::remove_own_files() const {
    std::error_code ec;
    if (pending_) fs::remove(alternative_path_, ec);
    else fs::remove(recovery_path_, ec);
}

} // namespace lp
