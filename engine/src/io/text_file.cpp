#include <lp/io/text_file.hpp>

#include <lp/core/error.hpp>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace lp {

namespace {

const char* kind_of(mode_t mode) {
    if (S_ISDIR(mode)) return "a folder";
    if (S_ISFIFO(mode)) return "a FIFO";
    if (S_ISCHR(mode)) return "a character device";
    if (S_ISBLK(mode)) return "a block device";
    if (S_ISSOCK(mode)) return "a socket";
    return "not a regular file";
}

std::string megabytes(std::size_t bytes) { return std::to_string((bytes + (1u << 20) - 1) >> 20) + " MiB"; }

// An open descriptor of path, checked to be a regular file of at most max_bytes. O_NONBLOCK:
// opening a FIFO with no writer returns at once, so it is refused instead of waited on.
int open_text_file(const std::string& path, const std::string& what, std::size_t max_bytes) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0)
        throw Error(ErrorKind::file_not_found, path + ": cannot open the " + what + " (" + std::strerror(errno) + ")");
    struct stat st {};
    std::string why;
    if (::fstat(fd, &st) != 0) why = std::strerror(errno);
    else if (!S_ISREG(st.st_mode)) why = std::string(kind_of(st.st_mode)) + ", not a file";
    else if (static_cast<unsigned long long>(st.st_size) > max_bytes)
        why = megabytes(static_cast<std::size_t>(st.st_size)) + ", more than the " + megabytes(max_bytes) + " read at most";
    if (!why.empty()) {
        ::close(fd);
        throw Error(ErrorKind::file_not_found, path + ": cannot open the " + what + " (" + why + ")");
    }
    return fd;
}

} // namespace

std::string read_text_file(const std::string& path, const std::string& what, std::size_t max_bytes) {
    const int fd = open_text_file(path, what, max_bytes);
    std::string text;
    char buffer[1 << 16];
    for (;;) {
        const ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            const int err = errno;
            ::close(fd);
            throw Error(ErrorKind::file_not_found, path + ": cannot read the " + what + " (" + std::strerror(err) + ")");
        }
        if (n == 0) break;
        text.append(buffer, static_cast<std::size_t>(n));
        if (text.size() > max_bytes) { // grew while being read
            ::close(fd);
            throw Error(ErrorKind::file_not_found, path + ": cannot open the " + what + " (more than the " +
                                                      megabytes(max_bytes) + " read at most)");
        }
    }
    ::close(fd);
    return text;
}

void check_text_file(const std::string& path, const std::string& what, std::size_t max_bytes) {
    ::close(open_text_file(path, what, max_bytes));
}

} // namespace lp
