#pragma once
// One source for a command's help and its man page: the examples each (sub)command shows
// under --help are recorded here too, and man_page() writes the roff page from the same
// CLI11 description, options and examples, so the installed page cannot drift from --help.
#include <CLI/CLI.hpp>

#include <string>
#include <vector>

namespace lp::app {

struct Example {
    std::string what;    // one line saying what it does
    std::string command; // the command line, as typed
};

// Sets cmd's help footer ("Examples:" and each example) and records the examples for
// man_page(). Every subcommand is expected to have some (the man page test checks it).
void set_examples(CLI::App& cmd, std::vector<Example> examples);

// The examples set for cmd, or none.
const std::vector<Example>& examples_of(const CLI::App& cmd);

// The hidden option that prints the man page (each program's main checks for it first).
inline constexpr const char* man_page_option = "--man-page";

// template_text with its placeholders filled: @VERSION@ (Locality Planner's), @OPTIONS@ (app's own
// options as .TP items), @EXAMPLES@ (app's own examples) and @COMMANDS@ (each subcommand, nested ones as "plan rebase", as a
// .SS section: its description, options and examples). Text from the help is escaped for roff.
std::string man_page(const CLI::App& app, const std::string& template_text);

// For a program's main: when the arguments are `--man-page TEMPLATE`, prints man_page() of
// app filled from the TEMPLATE file and returns true (the build writes the man pages so).
bool print_man_page_if_asked(int argc, char** argv, const CLI::App& app);

} // namespace lp::app
