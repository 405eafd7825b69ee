#pragma once
// Runs the built `boundaries` program as a planner would, for the command-line tests:
// its exit status and everything it printed (stdout and stderr, in order).
#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <sys/wait.h>
#include <unistd.h>

namespace lp::test {

struct Run {
    int status = -1;     // the exit status, -1 for a signal
    std::string output;  // stdout and stderr
};

inline std::string read_text(const std::string& path) {
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

// `arguments` go to the shell as written; the output is kept in FOLDER/command.log.
inline Run boundaries(const std::string& arguments, const std::string& folder) {
    const std::string log = folder + "/command.log";
    const std::string command = std::string(LP_BINARY_DIR) + "/bin/boundaries " + arguments + " > " + log + " 2>&1";
    const int raw = std::system(command.c_str());
    Run run;
    run.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
    run.output = read_text(log);
    return run;
}

// The same for a test with no folder of its own: the log goes to a fresh temporary folder,
// removed afterwards.
inline Run boundaries(const std::string& arguments) {
    static std::atomic<int> runs{0};
    const std::filesystem::path folder = std::filesystem::temp_directory_path() /
                                         ("lp_cli_run_" + std::to_string(::getpid()) + "_" + std::to_string(runs++));
    std::filesystem::create_directories(folder);
    Run run = boundaries(arguments, folder.string());
    std::error_code ignored;
    std::filesystem::remove_all(folder, ignored);
    return run;
}

} // namespace lp::test
