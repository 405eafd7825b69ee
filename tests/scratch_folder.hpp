#pragma once
// Where the tests write their files: a folder of this process's own under the system's
// temporary folder ($TMPDIR, else /tmp), never the build or the source tree, so runs at once
// (ctest -j, two builds) never read or remove each other's files. The process's folder is
// removed when lp_tests exits; set LP_KEEP_TEST_FILES to keep it for a look after a failure.
#include <cstdlib>
#include <filesystem>
#include <string>
#include <system_error>
#include <unistd.h>

namespace lp::test {

namespace detail {

struct ProcessScratch {
    pid_t owner = ::getpid();
    std::filesystem::path root = std::filesystem::temp_directory_path() / ("lp_tests_" + std::to_string(owner));
    ~ProcessScratch() {
        // A forked child that exits normally runs this too: only the owner removes.
        if (::getpid() != owner || std::getenv("LP_KEEP_TEST_FILES")) return;
        std::error_code ignored;
        std::filesystem::remove_all(root, ignored);
    }
};

inline const std::filesystem::path& process_scratch() {
    static const ProcessScratch scratch;
    return scratch.root;
}

} // namespace detail

// A fresh, empty folder NAME (any depth: "a/b") under this process's temporary folder.
inline std::string scratch_folder(const std::string& name) {
    namespace fs = std::filesystem;
    const fs::path folder = detail::process_scratch() / name;
    fs::remove_all(folder);
    fs::create_directories(folder);
    return folder.string();
}

// A path for one file NAME directly in this process's temporary folder: the folder exists,
// an earlier file of that name is gone.
inline std::string scratch_file(const std::string& name) {
    namespace fs = std::filesystem;
    const fs::path path = detail::process_scratch() / name;
    fs::create_directories(path.parent_path());
    fs::remove_all(path);
    return path.string();
}

} // namespace lp::test
