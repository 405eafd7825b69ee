#pragma once
// Runs the built `boundaries` program as a planner would, for the command-line tests:
// its exit status and everything it printed (stdout and stderr, in order).
#include <array>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <sys/wait.h>

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

inline std::string boundaries_program() { return std::string(LP_BINARY_DIR) + "/bin/boundaries"; }

// `arguments` go to the shell as written; the output is kept in FOLDER/command.log.
inline Run boundaries(const std::string& arguments, const std::string& folder) {
    const std::string log = folder + "/command.log";
    const std::string command = boundaries_program() + " " + arguments + " > " + log + " 2>&1";
    const int raw = std::system(command.c_str());
    Run run;
    run.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
    run.output = read_text(log);
    return run;
}

// A shell command line as written (redirections, `cd DIR &&`, `ulimit`...): its exit
// status and its output (stdout and stderr).
inline Run shell(const std::string& command_line) {
    FILE* pipe = popen(("(" + command_line + ") 2>&1").c_str(), "r");
    if (!pipe) throw std::runtime_error("cannot start a shell for: " + command_line);
    Run run;
    std::array<char, 4096> buffer{};
    while (const std::size_t n = std::fread(buffer.data(), 1, buffer.size(), pipe)) run.output.append(buffer.data(), n);
    const int raw = pclose(pipe);
    run.status = WIFEXITED(raw) ? WEXITSTATUS(raw) : -1;
    return run;
}

// The same as boundaries(arguments, folder) for a test with no folder of its own.
inline Run boundaries(const std::string& arguments) { return shell(boundaries_program() + " " + arguments); }

} // namespace lp::test
