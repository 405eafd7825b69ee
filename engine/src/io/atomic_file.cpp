#include <lp/io/atomic_file.hpp>

#include <lp/io/output_set.hpp>

namespace lp {

void write_file_atomically(const std::string& path, const std::string& contents) {
    OutputSet output;
    output.add_text(path, contents);
    output.commit();
}

} // namespace lp
