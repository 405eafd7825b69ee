#pragma once
// Files opened lately, per kind ("plan", "zones", ...), newest first, kept in
// ~/.config/locality-planner/recent.json ($XDG_CONFIG_HOME when set), written
// atomically. A missing or unreadable file is an empty list: remembering files is a
// convenience and never stops the viewer.
#include <map>
#include <string>
#include <vector>

namespace lp::viewer {

class RecentFiles {
public:
    // Reads the list from the default place (see above).
    RecentFiles();
    // Reads (and later writes) the given file instead.
    explicit RecentFiles(std::string file);

    const std::vector<std::string>& list(const std::string& kind) const;
    // Puts path first in its kind's list (absolute, at most 10 kept) and saves. Returns
    // the reason when the file could not be written ("" when it was).
    std::string add(const std::string& kind, const std::string& path);
    const std::string& file() const { return file_; }

private:
    std::string file_;
    std::map<std::string, std::vector<std::string>> lists_;
}; // class RecentFiles

} // namespace lp::viewer
