#include <lp/core/error.hpp>
#include <lp/io/output_set.hpp>
#include <lp/io/shapefile_names.hpp>
#include <lp/io/text_file.hpp>

#include "io/feature_files.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <optional>
#include <regex>
#include <set>
#include <sstream>
#include <fcntl.h>
#include <signal.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

namespace lp {

namespace fs = std::filesystem;

namespace {

std::atomic<unsigned> next_number{0};

std::string tmp_tag() { return ".tmp-" + std::to_string(::getpid()) + "-" + std::to_string(next_number++); }

std::string absolute_text(const std::string& path) {
    std::error_code ec;
    const fs::path p = fs::absolute(path, ec);
    return (ec ? fs::path(path) : p).lexically_normal().string();
}

std::string folder_of(const std::string& path) {
    const std::string folder = fs::path(path).parent_path().string();
    return folder.empty() ? "." : folder;
}

bool exists_no_follow(const std::string& path) {
    struct stat st {};
    return ::lstat(path.c_str(), &st) == 0;
}

// A writer is gone when signalling it fails with ESRCH; our own pid is alive.
bool writer_alive(long pid) {
    if (pid == static_cast<long>(::getpid())) return true;
    return !(::kill(static_cast<pid_t>(pid), 0) == -1 && errno == ESRCH);
}

// A pid as a temporary name carries it; 0 when the text is not one.
long parse_pid(const std::string& text) {
    if (text.empty() || text.size() > 9) return 0;
    const long pid = std::stol(text);
    return pid > 0 ? pid : 0;
}

void fsync_folder(const std::string& folder) {
    const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) return;
    ::fsync(fd); // some file systems cannot sync a folder (EINVAL): the renames still happened
    ::close(fd);
}

void fsync_file(const std::string& path, const std::string& shown) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0 || ::fsync(fd) != 0) {
        const int err = errno;
        if (fd >= 0) ::close(fd);
        throw Error(ErrorKind::write_failed, shown + ": cannot sync the written file (" + std::strerror(err) + ")");
    }
    ::close(fd);
}

// Writes contents to a new file at path (it must not exist) and syncs it; mode_from,
// when it names a regular file, gives the permissions. Returns false when path exists.
bool write_new_file(const std::string& path, const std::string& contents, const std::string& mode_from,
                    const std::string& shown) {
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd < 0) {
        if (errno == EEXIST) return false;
        throw Error(ErrorKind::write_failed, shown + ": cannot write (" + std::strerror(errno) + ")");
    }
    auto fail = [&](const char* what) {
        const int err = errno;
        ::close(fd);
        ::unlink(path.c_str());
        throw Error(ErrorKind::write_failed, shown + ": " + what + " (" + std::strerror(err) + ")");
    };
    struct stat st {};
    if (!mode_from.empty() && ::stat(mode_from.c_str(), &st) == 0 && S_ISREG(st.st_mode)) ::fchmod(fd, st.st_mode & 07777);
    for (std::size_t done = 0; done < contents.size();) {
        const ssize_t n = ::write(fd, contents.data() + done, contents.size() - done);
        if (n < 0) {
            if (errno == EINTR) continue;
            fail("write failed");
        }
        done += static_cast<std::size_t>(n);
    }
    if (::fsync(fd) != 0) fail("cannot sync the written file");
    if (::close(fd) != 0) {
        const int err = errno;
        ::unlink(path.c_str());
        throw Error(ErrorKind::write_failed, shown + ": write failed (" + std::strerror(err) + ")");
    }
    return true;
}

// Where a write to path goes: the end of its symlinks, absolute; refused when something
// other than a regular file is there, or its folder is missing.
std::string writable_target(const std::string& path) {
    check_outputs({{"output", path}}, {});
    const std::string target = absolute_text(resolve_output_target(path));
    std::error_code ec;
    if (!fs::is_directory(folder_of(target), ec))
        throw Error(ErrorKind::write_failed, path + ": cannot write: folder " + folder_of(target) +
                                                (ec ? " cannot be read (" + ec.message() + ")" : " does not exist"));
    return target;
}

// Exclusive flock()s on folders, taken in path order, for one commit or recovery. Two
// runs (or two threads) committing into one folder take turns.
class FolderLocks {
public:
    explicit FolderLocks(const std::set<std::string>& folders) {
        for (const auto& folder : folders) {
            const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
            if (fd < 0) continue;
            while (::flock(fd, LOCK_EX) != 0 && errno == EINTR) {
            }
            fds_.push_back(fd);
        }
    }
    ~FolderLocks() {
        for (int fd : fds_) ::close(fd); // closing releases the lock
    }
    FolderLocks(const FolderLocks&) = delete;
    FolderLocks& operator=(const FolderLocks&) = delete;

private:
    std::vector<int> fds_;
}; // class FolderLocks

const std::regex& journal_name() {
    static const std::regex re(R"(\.lp-commit-([1-9][0-9]*)-(0|[1-9][0-9]*)\.journal)");
    return re;
}

// A dead writer's journal as written: what to rename, what to remove, its copies.
struct JournalEntries {
    std::vector<std::pair<std::string, std::string>> renames; // temporary, target
    std::vector<std::string> remove, copies;
};

// The journal's lists; throws when the JSON is not a journal's (type_error, out_of_range).
JournalEntries journal_entries(const nlohmann::json& j) {
    if (!j.is_object() || j.size() != 3) throw std::out_of_range("not a journal");
    JournalEntries e;
    for (const auto& r : j.at("renames")) {
        if (!r.is_array() || r.size() != 2) throw std::out_of_range("not a rename");
        e.renames.emplace_back(r.at(0).get<std::string>(), r.at(1).get<std::string>());
    }
    for (const auto& path : j.at("remove")) e.remove.push_back(path.get<std::string>());
    for (const auto& copy : j.at("journals")) e.copies.push_back(copy.get<std::string>());
    return e;
}

struct FileId {
    dev_t dev = 0;
    ino_t ino = 0;
    bool operator==(const FileId&) const = default;
};

std::optional<FileId> folder_id(const std::string& folder) {
    struct stat st {};
    if (::stat(folder.c_str(), &st) != 0 || !S_ISDIR(st.st_mode)) return std::nullopt;
    return FileId{st.st_dev, st.st_ino};
}

bool owned_regular_file(const std::string& path) {
    struct stat st {};
    return ::lstat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode) && st.st_uid == ::geteuid();
}

// A journal's text: this user's regular file (never a FIFO that would block the read) of
// a size a journal can have; nullopt otherwise.
std::optional<std::string> journal_bytes(const std::string& path) {
    constexpr std::size_t max_journal_bytes = std::size_t{16} << 20; // a set of some thousand files
    if (!owned_regular_file(path)) return std::nullopt;
    try {
        return read_text_file(path, "commit journal", max_journal_bytes);
    } catch (const Error&) {
        return std::nullopt;
    }
}

// Why a dead writer's journal may not be acted on, or "" when every path it names is its
// own: temporaries of that writer (".<name>.tmp-<pid>-<n>[.ext]", owned by this user), each
// renamed onto <name>[.ext] in its own folder; stale Shapefile sidecars beside a renamed
// file of the same name; its copies. Each path lies in the journal's folder, or in a folder
// holding a copy of the same journal (so its writer could write there too). Folders are
// compared by device and inode, so no spelling of a path (symlinks, "..") gets out.
std::string untrusted_journal(const std::string& journal, const std::string& text, long pid, const JournalEntries& e) {
    const fs::path own(journal);
    const std::string name = own.filename().string();
    const auto own_folder = folder_id(folder_of(journal));
    if (!own_folder) return "its folder cannot be read";
    std::vector<FileId> trusted{*own_folder};
    auto normal_absolute = [](const std::string& path) {
        const fs::path p(path);
        return p.is_absolute() && p.lexically_normal() == p && p.has_filename() && p.filename() != "." &&
               p.filename() != "..";
    };
    bool names_itself = false;
    for (const auto& copy : e.copies) {
        if (!normal_absolute(copy) || fs::path(copy).filename() != name)
            return "it names " + copy + " as a copy of itself";
        const auto folder = folder_id(folder_of(copy));
        if (!folder) return "it names " + copy + " as a copy of itself, in a folder that does not exist";
        if (*folder == *own_folder) {
            names_itself = true;
            continue;
        }
        if (journal_bytes(copy) != text)
            return "it names " + copy + " as a copy of itself, and no such copy is there";
        trusted.push_back(*folder);
    }
    if (!names_itself) return "it does not name itself among its copies";
    auto in_trusted_folder = [&](const std::string& path) -> std::optional<FileId> {
        if (!normal_absolute(path)) return std::nullopt;
        const auto folder = folder_id(folder_of(path));
        if (!folder || std::find(trusted.begin(), trusted.end(), *folder) == trusted.end()) return std::nullopt;
        return folder;
    };
    const std::regex temporary("\\.(.+)\\.tmp-" + std::to_string(pid) + "-(0|[1-9][0-9]*)(\\.[A-Za-z0-9_-]+)?");
    std::vector<std::pair<FileId, std::string>> renamed; // folder, target name
    for (const auto& [temp, target] : e.renames) {
        const auto folder = in_trusted_folder(temp);
        if (!folder) return "it names " + temp + ", outside the folders of its set";
        std::smatch m;
        const std::string temp_name = fs::path(temp).filename().string();
        if (!std::regex_match(temp_name, m, temporary)) return "it names " + temp + ", which is not a temporary file of its writer";
        if (exists_no_follow(temp) && !owned_regular_file(temp))
            return "it names " + temp + ", which is not a file of this user's";
        const std::string target_name = m[1].str() + m[3].str();
        if (!normal_absolute(target) || fs::path(target).filename() != target_name || folder_id(folder_of(target)) != folder)
            return "it would rename " + temp + " onto " + target + ", which is not the file that temporary stands for";
        renamed.emplace_back(*folder, target_name);
    }
    static const std::set<std::string> sidecars{".shx", ".dbf", ".prj", ".cpg", ".qix", ".sbn", ".sbx", ".qpj"};
    for (const auto& path : e.remove) {
        const auto folder = in_trusted_folder(path);
        if (!folder) return "it would remove " + path + ", outside the folders of its set";
        const fs::path p(path);
        const bool sidecar = sidecars.count(p.extension().string()) > 0 &&
                             std::any_of(renamed.begin(), renamed.end(), [&](const auto& r) {
                                 return r.first == *folder && fs::path(r.second).stem() == p.stem();
                             });
        if (!sidecar) return "it would remove " + path + ", which is not a Shapefile sidecar of a file of its set";
    }
    return {};
}

// Completes the commits of writers no longer running whose journals are in folder (the
// caller holds the folder's lock). A journal is written in full, and synced, before its
// first rename: one that does not parse was cut short before any rename, and goes. A
// journal is trusted with nothing it says: one that names any path that is not its own
// (untrusted_journal) is left in place, nothing it names is touched, and this throws
// lp::Error(write_failed) naming it.
void recover_journals(const std::string& folder) {
    std::error_code ec;
    std::vector<std::pair<std::string, long>> journals;
    for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
        std::smatch m;
        const std::string name = it->path().filename().string();
        if (!std::regex_match(name, m, journal_name())) continue;
        const long pid = parse_pid(m[1]);
        if (pid && !writer_alive(pid)) journals.emplace_back(absolute_text(it->path().string()), pid);
    }
    for (const auto& [journal, pid] : journals) {
        auto refuse = [&journal = journal, pid = pid](const std::string& why) {
            return Error(ErrorKind::write_failed,
                         journal + ": a commit journal of a run no longer running (pid " + std::to_string(pid) + "), but " +
                             why + "; nothing it names was touched and it was left in place: remove it if no run of "
                                   "yours was stopped while writing to " + folder_of(journal));
        };
        const std::optional<std::string> bytes = journal_bytes(journal);
        if (!bytes) throw refuse("it is not a file of this user's, or too large for a journal");
        const std::string& text = *bytes;
        nlohmann::json j;
        try {
            j = nlohmann::json::parse(text);
        } catch (const std::exception&) {
            // cut short while being written: no rename had started
            ::unlink(journal.c_str());
            fsync_folder(folder);
            continue;
        }
        JournalEntries e;
        try {
            e = journal_entries(j);
        } catch (const std::exception&) {
            throw refuse("it is not a journal's list of renames");
        }
        if (const std::string why = untrusted_journal(journal, text, pid, e); !why.empty()) throw refuse(why);
        std::set<std::string> folders;
        for (const auto& [temp, target] : e.renames)
            if (exists_no_follow(temp) && ::rename(temp.c_str(), target.c_str()) == 0) folders.insert(folder_of(target));
        for (const auto& path : e.remove) ::unlink(path.c_str());
        for (const auto& f : folders) fsync_folder(f);
        ::unlink(journal.c_str());
        for (const auto& copy : e.copies) ::unlink(copy.c_str());
        fsync_folder(folder);
    }
}

// scripts/kill_drill.sh sets LP_DRILL_RENAME_PAUSE_MS to hold each set between its
// renames, so that its kills land there too.
void drill_pause() {
    static const long ms = [] {
        const char* text = std::getenv("LP_DRILL_RENAME_PAUSE_MS");
        return text ? std::atol(text) : 0L;
    }();
    if (ms > 0) ::usleep(static_cast<useconds_t>(ms * 1000));
}

} // namespace

OutputSet::~OutputSet() { discard(); }

void OutputSet::discard() noexcept {
    for (const auto& s : staged_) ::unlink(s.temp.c_str());
    staged_.clear();
    stale_.clear();
    tables_.clear();
}

std::vector<std::string> OutputSet::targets() const {
    std::vector<std::string> out;
    for (const auto& s : staged_) out.push_back(s.target);
    return out;
}

void OutputSet::add_text(const std::string& path, const std::string& contents) {
    const std::string target = writable_target(path);
    const fs::path t(target);
    for (;;) {
        const std::string temp = (t.parent_path() / ("." + t.filename().string() + tmp_tag())).string();
        if (write_new_file(temp, contents, target, path)) {
            staged_.push_back({target, temp, path});
            return;
        }
    }
}

void OutputSet::add_features(const std::string& path, const std::vector<Feature>& features,
                             const std::string& working_crs, const LayerStyle& style, const OutputLayer& layer) {
    const std::string driver = detail::output_driver(path);
    detail::check_creation_options(driver, layer.creation_options, path);
    if (detail::is_database_output(path)) {
        detail::check_database_table(path, layer);
        tables_.push_back({path, features, working_crs, layer, style});
        return;
    }
    if (driver.empty()) {
        add_text(path, to_geojson(features, working_crs));
        return;
    }
    const bool shapefile = driver == "ESRI Shapefile";
    const bool geopackage = driver == "GPKG";
    const fs::path given(path);
    const std::string stem = given.stem().string();
    const std::string layer_name = detail::output_layer_name(path, layer, geopackage);
    // Each file of the output and where it goes (a Shapefile's sidecars may be links of their own).
    std::vector<std::pair<std::string, std::string>> files; // extension, target
    for (const auto& file : file_set(path)) files.emplace_back(fs::path(file).extension().string(), writable_target(file));
    const fs::path folder = fs::path(files.front().second).parent_path();
    std::string base;
    for (;;) { // a temporary name none of whose files exist yet
        base = "." + stem + tmp_tag();
        if (std::none_of(files.begin(), files.end(),
                         [&](const auto& f) { return exists_no_follow((folder / (base + f.first)).string()); }))
            break;
    }
    std::vector<Staged> staged;
    auto remove_leftovers = [&] { // what GDAL left under the temporary name besides the staged files
        std::error_code ec;
        std::vector<fs::path> left;
        for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec))
            if (it->path().filename().string().rfind(base + ".", 0) == 0 &&
                std::none_of(staged.begin(), staged.end(), [&](const Staged& s) { return s.temp == it->path().string(); }))
                left.push_back(it->path());
        for (const auto& path : left) ::unlink(path.c_str());
    };
    try {
        const std::string file = (folder / (base + given.extension().string())).string();
        // Into a GeoPackage there already: a copy of it, which the finished file replaces, so
        // its other layers stay and a run cut short leaves the original whole.
        if (geopackage && detail::check_existing_geopackage(files.front().second, layer_name, layer.overwrite, path)) {
            std::error_code ec;
            fs::copy_file(files.front().second, file, ec);
            if (ec)
                throw Error(ErrorKind::write_failed, path + ": cannot copy the GeoPackage to add the layer '" + layer_name +
                                                         "' (" + ec.message() + "); nothing was written");
        }
        detail::write_gdal_features(file, layer_name, driver, features, working_crs, path, style, layer);
        for (const auto& [ext, target] : files) {
            const std::string temp = (folder / (base + ext)).string();
            if (!exists_no_follow(temp)) {
                // Not written this time (.cpg): an older one beside the new set would be stale.
                if (exists_no_follow(target)) stale_.push_back(target);
                continue;
            }
            std::string placed = temp;
            const fs::path t(target);
            if (folder_of(target) != folder.string() || t.filename().string() != stem + ext) {
                // A sidecar linked into another folder (or to another name): stage it beside
                // its target, so that the rename stays within one folder (and one file
                // system), under the name a journal's reader takes for its target's.
                std::ifstream in(temp, std::ios::binary);
                std::ostringstream bytes;
                bytes << in.rdbuf();
                do placed = (t.parent_path() / ("." + t.filename().string() + tmp_tag())).string();
                while (!write_new_file(placed, bytes.str(), target, path));
                ::unlink(temp.c_str());
            } else {
                fsync_file(temp, path);
            }
            staged.push_back({target, placed, path});
        }
        if (shapefile)
            for (const char* ext : {".qix", ".sbn", ".sbx", ".qpj"}) { // indexes of an older set would be wrong
                const std::string temp = (folder / (base + ext)).string();
                const std::string target = absolute_text(resolve_output_target((given.parent_path() / (stem + ext)).string()));
                if (exists_no_follow(temp) && folder_of(target) == folder.string()) {
                    // Asked for (a layer creation option SPATIAL_INDEX=YES): one more file of the set.
                    fsync_file(temp, path);
                    staged.push_back({target, temp, path});
                    continue;
                }
                const std::string old = resolve_output_target((given.parent_path() / (stem + ext)).string());
                struct stat st {};
                if (::lstat(old.c_str(), &st) == 0 && S_ISREG(st.st_mode)) stale_.push_back(absolute_text(old));
            }
    } catch (...) {
        for (const auto& s : staged) ::unlink(s.temp.c_str());
        staged.clear();
        remove_leftovers();
        throw;
    }
    remove_leftovers();
    staged_.insert(staged_.end(), staged.begin(), staged.end());
    if (shapefile) {
        const auto full_names = detail::property_names(features);
        add_text(shapefile_fields_csv_path(path), shapefile_fields_csv(full_names));
        if (!style.empty())
            add_text(fs::path(path).replace_extension(".qml").string(),
                     style_qml(with_field_names(style, full_names, shapefile_field_names(full_names))));
    }
}

void OutputSet::commit() {
    // Tables first: the step most likely to fail (a lost connection, a table made meanwhile)
    // comes before any file is replaced.
    try {
        for (const auto& table : tables_)
            detail::write_gdal_features(table.connection, table.layer.name, "PostgreSQL", table.features,
                                        table.working_crs, shown_output_name(table.connection), table.style, table.layer);
    } catch (...) {
        discard();
        throw;
    }
    tables_.clear();
    if (staged_.empty() && stale_.empty()) return;
    std::set<std::string> folders;
    for (const auto& s : staged_) folders.insert(folder_of(s.target));
    for (const auto& s : stale_) folders.insert(folder_of(s));
    const FolderLocks locks(folders);
    for (const auto& f : folders) recover_journals(f); // an older set killed mid-commit goes in first
    for (const auto& s : staged_) {
        struct stat st {};
        if (::lstat(s.target.c_str(), &st) == 0 && !S_ISREG(st.st_mode) && !S_ISLNK(st.st_mode)) {
            const std::string message = s.shown + ": " + s.target + " is no longer a regular file; nothing was replaced";
            discard();
            throw Error(ErrorKind::output_not_regular, message);
        }
    }
    for (const auto& f : folders) fsync_folder(f); // the temporaries' names are on disk before the journal names them

    // The journal: one copy in each folder, so a run writing to any of them completes this set.
    std::vector<std::string> journals;
    if (staged_.size() + stale_.size() > 1) {
        const std::string name = ".lp-commit-" + std::to_string(::getpid()) + "-" + std::to_string(next_number++) + ".journal";
        for (const auto& f : folders) journals.push_back((fs::path(f) / name).string());
        nlohmann::json j;
        j["renames"] = nlohmann::json::array();
        for (const auto& s : staged_) j["renames"].push_back({s.temp, s.target});
        j["remove"] = stale_;
        j["journals"] = journals;
        const std::string text = j.dump();
        try {
            for (const auto& journal : journals) {
                ::unlink(journal.c_str());
                write_new_file(journal, text, "", journal);
            }
        } catch (...) {
            for (const auto& journal : journals) ::unlink(journal.c_str());
            discard();
            throw;
        }
        for (const auto& f : folders) fsync_folder(f);
    }
    for (std::size_t i = 0; i < staged_.size(); ++i) {
        if (i > 0) drill_pause();
        if (::rename(staged_[i].temp.c_str(), staged_[i].target.c_str()) == 0) continue;
        const int err = errno;
        std::string done, left;
        for (std::size_t k = 0; k < staged_.size(); ++k) {
            std::string& list = k < i ? done : left;
            list += (list.empty() ? "" : ", ") + staged_[k].target;
        }
        const std::string shown = staged_[i].shown;
        staged_.erase(staged_.begin(), staged_.begin() + static_cast<std::ptrdiff_t>(i));
        discard();
        for (const auto& journal : journals) ::unlink(journal.c_str());
        throw Error(ErrorKind::write_failed, shown + ": cannot move the finished file into place (" + std::strerror(err) +
                                                "); " + (done.empty() ? "nothing was replaced" : "replaced: " + done) +
                                                "; not replaced: " + left);
    }
    for (const auto& s : stale_) ::unlink(s.c_str());
    for (const auto& f : folders) fsync_folder(f);
    for (const auto& journal : journals) ::unlink(journal.c_str());
    if (!journals.empty())
        for (const auto& f : folders) fsync_folder(f);
    staged_.clear();
    stale_.clear();
}

std::size_t remove_orphan_temporaries(const std::string& folder) {
    {
        const FolderLocks lock({folder});
        recover_journals(folder);
    }
    // ".<name>.tmp-<pid>-<n>[.ext]" (this writer), "<name>.<ext>.tmp-<pid>-<n>[.d]" (earlier ones).
    static const std::regex current(R"(\..+\.tmp-([1-9][0-9]*)-(0|[1-9][0-9]*)(\.[A-Za-z0-9_-]+)?)");
    static const std::regex earlier(R"(.+\.(geojson|json|csv|gpkg|shp|html)\.tmp-([1-9][0-9]*)-(0|[1-9][0-9]*)(\.d)?)");
    std::size_t removed = 0;
    std::error_code ec;
    std::vector<fs::path> orphans;
    for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        std::smatch m;
        long pid = 0;
        bool folder_ok = false;
        if (std::regex_match(name, m, current)) {
            pid = parse_pid(m[1]);
        } else if (std::regex_match(name, m, earlier)) {
            pid = parse_pid(m[2]);
            folder_ok = m[4].matched; // the old Shapefile writer's temporary folder
        }
        if (!pid || writer_alive(pid)) continue;
        std::error_code kind;
        if (fs::is_directory(fs::symlink_status(it->path(), kind)) && !folder_ok) continue;
        orphans.push_back(it->path());
    }
    for (const auto& orphan : orphans) {
        std::error_code gone;
        if (fs::remove_all(orphan, gone) > 0) ++removed;
    }
    if (removed) fsync_folder(folder);
    return removed;
}

void prepare_outputs(const std::vector<NamedPath>& outputs, const std::vector<NamedPath>& inputs) {
    check_outputs(outputs, inputs);
    std::set<std::string> folders;
    for (const auto& output : outputs) {
        if (output.path.empty() || detail::is_database_output(output.path)) continue; // PG:...: no folder of ours
        for (const auto& file : file_set(output.path)) {
            const std::string folder = folder_of(absolute_text(resolve_output_target(file)));
            std::error_code ec;
            if (fs::is_directory(folder, ec)) folders.insert(folder);
        }
    }
    for (const auto& folder : folders) remove_orphan_temporaries(folder);
}

} // namespace lp
