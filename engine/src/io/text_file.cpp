#include <lp/io/text_file.hpp>

#include <lp/core/error.hpp>

#include <fstream>
#include <sstream>

namespace lp {

std::string read_text_file(const std::string& path, const std::string& what) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(ErrorKind::file_not_found, path + ": cannot open the " + what);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

} // namespace lp
