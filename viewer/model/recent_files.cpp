#include "model/recent_files.hpp"

#include <lp/io/atomic_file.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>

namespace lp::viewer {
namespace {

constexpr std::size_t kept_per_kind = 10;

std::string default_file() {
    namespace fs = std::filesystem;
    fs::path base;
    if (const char* xdg = std::getenv("XDG_CONFIG_HOME"); xdg && *xdg) base = xdg;
    else if (const char* home = std::getenv("HOME"); home && *home) base = fs::path(home) / ".config";
    else return {};
    return (base / "locality-planner" / "recent.json").string();
}

} // namespace

RecentFiles::RecentFiles() : RecentFiles(default_file()) {}

RecentFiles::RecentFiles(std::string file) : file_(std::move(file)) {
    if (file_.empty()) return;
    std::ifstream in(file_);
    if (!in) return;
    try {
        const nlohmann::json json = nlohmann::json::parse(in);
        for (const auto& [kind, paths] : json.items()) {
            for (const auto& path : paths) {
                if (path.is_string()) lists_[kind].push_back(path.get<std::string>());
            }
        }
    } catch (const std::exception&) {
        lists_.clear(); // a damaged list is forgotten, and rewritten on the next open
    }
}

const std::vector<std::string>& RecentFiles::list(const std::string& kind) const {
    static const std::vector<std::string> none;
    const auto it = lists_.find(kind);
    return it == lists_.end() ? none : it->second;
}

std::string RecentFiles::add(const std::string& kind, const std::string& path) {
    std::error_code ec;
    std::string absolute = std::filesystem::absolute(path, ec).lexically_normal().string();
    if (ec) absolute = path;
    std::vector<std::string>& paths = lists_[kind];
    paths.erase(std::remove(paths.begin(), paths.end(), absolute), paths.end());
    paths.insert(paths.begin(), absolute);
    if (paths.size() > kept_per_kind) paths.resize(kept_per_kind);
    if (file_.empty()) return "no home folder to keep recent files in";
    try {
        std::filesystem::create_directories(std::filesystem::path(file_).parent_path());
        nlohmann::json json = nlohmann::json::object();
        for (const auto& [k, list] : lists_) json[k] = list;
        write_file_atomically(file_, json.dump(2) + "\n");
    } catch (const std::exception& e) {
        return e.what();
    }
    return {};
}

} // namespace lp::viewer
