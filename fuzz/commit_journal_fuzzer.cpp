// Commit journals (io/output_set): any bytes planted as a dead writer's journal in an output
// folder are acted on only when they name that folder's own temporaries, else refused with a
// named lp::Error(write_failed) and left in place. Asserted after every input: the file beside
// the folder (a victim a journal may name) and a file of the folder that is no temporary are
// untouched, and a refused journal is still there.
#include "fuzz_support.hpp"

#include <lp/io/output_set.hpp>

#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

namespace fs = std::filesystem;

namespace {

std::string read_all(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// A scratch root per process: <tmp>/lp-fuzz-journal-<pid>/{out/, victim.csv}.
const fs::path& root() {
    static const fs::path path = fs::temp_directory_path() / ("lp-fuzz-journal-" + std::to_string(::getpid()));
    return path;
}

// "@OUT@" and "@ROOT@" in the input stand for the folders, so the fuzzer reaches real paths.
std::string with_paths(std::string text) {
    const std::string out = (root() / "out").string();
    for (const auto& [mark, value] : {std::pair<std::string, std::string>{"@OUT@", out}, {"@ROOT@", root().string()}})
        for (auto at = text.find(mark); at != std::string::npos; at = text.find(mark, at + value.size()))
            text.replace(at, mark.size(), value);
    return text;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size > 4096) return 0;
    const fs::path out = root() / "out";
    fs::remove_all(root());
    fs::create_directories(out);
    std::ofstream(root() / "victim.csv") << "victim";
    std::ofstream(out / "keep.csv") << "keep";
    std::ofstream(out / ".o.geojson.tmp-99999999-0") << "new"; // the dead writer's own temporary
    const fs::path journal = out / ".lp-commit-99999999-0.journal";
    std::ofstream(journal, std::ios::binary) << with_paths(std::string(reinterpret_cast<const char*>(data), size));
    bool refused = false;
    try {
        lp::remove_orphan_temporaries(out.string());
    } catch (const lp::Error& e) {
        if (e.kind() != lp::ErrorKind::write_failed) lp::fuzz::broken(std::string("a journal refused as ") + e.what());
        refused = true;
    }
    if (read_all(root() / "victim.csv") != "victim") lp::fuzz::broken("a journal changed a file outside its folder");
    if (read_all(out / "keep.csv") != "keep") lp::fuzz::broken("a journal changed a file of its folder that is no temporary");
    if (refused && !fs::exists(journal)) lp::fuzz::broken("a refused journal was removed");
    return 0;
}
