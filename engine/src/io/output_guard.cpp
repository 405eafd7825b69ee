#include <lp/core/error.hpp>
#include <lp/io/output_guard.hpp>

#include "io/feature_files.hpp"

#include <cctype>
#include <filesystem>
#include <sys/stat.h>

namespace lp {

namespace fs = std::filesystem;

namespace {

// "a folder", "a FIFO"...: what sits at a path that is not a regular file.
std::string kind_of(mode_t mode) {
    if (S_ISDIR(mode)) return "a folder";
    if (S_ISCHR(mode)) return "a character device";
    if (S_ISBLK(mode)) return "a block device";
    if (S_ISFIFO(mode)) return "a FIFO";
    if (S_ISSOCK(mode)) return "a socket";
    return "not a regular file";
}

std::string canonical_text(const std::string& path) {
    std::error_code ec;
    fs::path p = fs::weakly_canonical(path, ec);
    if (ec) p = fs::absolute(path, ec);
    return p.lexically_normal().string();
}

struct FileId {
    std::string file;       // the path as the option gives it (or its sidecar)
    std::string canonical;
    bool exists = false;
    dev_t dev = 0;
    ino_t ino = 0;
};

FileId identify(const std::string& file, const std::string& real) {
    FileId id;
    id.file = file;
    id.canonical = canonical_text(real);
    struct stat st {};
    if (::stat(real.c_str(), &st) == 0) {
        id.exists = true;
        id.dev = st.st_dev;
        id.ino = st.st_ino;
    }
    return id;
}

bool same(const FileId& a, const FileId& b) {
    if (a.exists && b.exists) return a.dev == b.dev && a.ino == b.ino;
    return a.canonical == b.canonical;
}

// "--out a.shp" or "--out a.shp (a.dbf)" for a sidecar.
std::string describe(const NamedPath& named, const std::string& file) {
    return named.option + " " + named.path + (file != named.path ? " (" + file + ")" : "");
}

// The nearest existing folder above an output must be a folder, not a file.
void check_folder_of(const NamedPath& named, const std::string& real) {
    fs::path folder = fs::path(real).parent_path();
    while (!folder.empty()) {
        struct stat st {};
        if (::stat(folder.c_str(), &st) == 0) {
            if (!S_ISDIR(st.st_mode))
                throw Error(ErrorKind::output_not_regular, named.option + " " + named.path + ": " + folder.string() +
                                                              " is " + (S_ISREG(st.st_mode) ? "a file" : kind_of(st.st_mode)) +
                                                              ", not a folder");
            return;
        }
        if (folder == folder.parent_path()) return;
        folder = folder.parent_path();
    }
}

} // namespace

std::vector<std::string> file_set(const std::string& path) {
    const fs::path p(path);
    std::string ext = p.extension().string();
    std::string lower = ext;
    for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (lower != ".shp") return {path};
    const bool upper = ext == ".SHP";
    std::vector<std::string> files;
    for (const char* sidecar : {".shp", ".shx", ".dbf", ".prj", ".cpg"}) {
        std::string e = sidecar;
        if (upper)
            for (auto& c : e) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
        files.push_back(fs::path(p).replace_extension(e).string());
    }
    return files;
}

std::string resolve_output_target(const std::string& path) {
    std::string p = path;
    for (int hops = 0; hops < 40; ++hops) {
        struct stat st {};
        if (::lstat(p.c_str(), &st) != 0 || !S_ISLNK(st.st_mode)) return p;
        std::error_code ec;
        const fs::path target = fs::read_symlink(p, ec);
        if (ec) return p;
        p = target.is_absolute() ? target.string() : (fs::path(p).parent_path() / target).string();
    }
    throw Error(ErrorKind::output_not_regular, path + ": too many levels of symbolic links");
}

void check_outputs(const std::vector<NamedPath>& outputs, const std::vector<NamedPath>& inputs) {
    std::vector<std::pair<const NamedPath*, FileId>> ins;
    for (const auto& input : inputs) {
        if (input.path.empty()) continue;
        for (const auto& file : file_set(input.path)) ins.emplace_back(&input, identify(file, file));
    }
    std::vector<std::pair<const NamedPath*, FileId>> outs;
    for (const auto& output : outputs) {
        // A database table ("PG:...") is no file: its own check is that the table is not there
        // (check_output_path), and reading a layer is done before any table is written.
        if (output.path.empty() || detail::is_database_output(output.path)) continue;
        for (const auto& file : file_set(output.path)) {
            const std::string real = resolve_output_target(file);
            const std::string via = real != file ? " (a symlink to " + real + ")" : "";
            struct stat st {};
            if (::lstat(real.c_str(), &st) == 0 && !S_ISREG(st.st_mode))
                throw Error(ErrorKind::output_not_regular, describe(output, file) + via + " is " + kind_of(st.st_mode) +
                                                              ", not a file; refusing to replace it");
            check_folder_of(output, real);
            FileId id = identify(file, real);
            for (const auto& [input, in] : ins)
                if (same(id, in))
                    throw Error(ErrorKind::output_is_input,
                                describe(output, file) + via + " is the same file as the input " +
                                    describe(*input, in.file) + "; refusing to overwrite an input (nothing was written)");
            for (const auto& [other, out] : outs)
                if (other != &output && same(id, out))
                    throw Error(ErrorKind::output_is_input, describe(output, file) + via + " is the same file as " +
                                                               describe(*other, out.file) +
                                                               "; give each output its own path (nothing was written)");
            outs.emplace_back(&output, std::move(id));
        }
    }
}

} // namespace lp
