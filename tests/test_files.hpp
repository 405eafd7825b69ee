#pragma once
// Reading back what a test's run wrote: a file byte for byte, the writers' temporary files
// left in a folder, the project inside a QGIS .qgz; and a fresh scratch folder of its own.
#include "scratch_folder.hpp"

#include <cpl_vsi.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>
#include <unistd.h>

namespace lp::test {

inline std::string bytes(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// Entries of a folder that look like a writer's temporary file (".<name>.tmp-<pid>-<n>").
inline std::vector<std::string> temporaries(const std::filesystem::path& dir) {
    std::vector<std::string> found;
    for (const auto& e : std::filesystem::directory_iterator(dir))
        if (e.path().filename().string().find(".tmp-") != std::string::npos) found.push_back(e.path().filename().string());
    return found;
}

// An empty folder of this process's own (scratch_folder), removed when lp_tests exits.
inline std::filesystem::path temp_folder(const std::string& prefix) { return scratch_folder(prefix); }

// The project file `member` (e.g. "plan.qgs") inside a .qgz, read through GDAL's zip reader;
// it knows a zip by its extension, so the archive is first copied into folder as <name>.zip.
inline std::string qgs_in_qgz(const std::filesystem::path& qgz, const std::string& member,
                              const std::filesystem::path& folder) {
    const auto zip = folder / (qgz.stem().string() + "_qgz.zip");
    std::filesystem::copy_file(qgz, zip, std::filesystem::copy_options::overwrite_existing);
    const std::string name = "/vsizip/" + zip.string() + "/" + member;
    VSIStatBufL stat;
    if (VSIStatL(name.c_str(), &stat) != 0) throw std::runtime_error(qgz.string() + ": no " + member + " inside");
    std::string text(static_cast<std::size_t>(stat.st_size), '\0');
    VSILFILE* f = VSIFOpenL(name.c_str(), "rb");
    if (!f) throw std::runtime_error(qgz.string() + ": cannot read " + member);
    const std::size_t read = VSIFReadL(text.data(), 1, text.size(), f);
    VSIFCloseL(f);
    if (read != text.size()) throw std::runtime_error(qgz.string() + ": " + member + " cut short");
    return text;
}

} // namespace lp::test
