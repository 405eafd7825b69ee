#pragma once
// Each subcommand lives in its own file and registers itself here, so adding one
// touches no other file.
#include "config_files.hpp"
#include "help_pages.hpp" // lp::app::set_examples: every subcommand shows examples

#include <CLI/CLI.hpp>

#include <functional>
#include <string>
#include <vector>

namespace lp::cli {

using CommandSetup = std::function<void(CLI::App& app)>;

std::vector<CommandSetup>& command_setups();

// A subcommand's callback sets the process exit status (default 0).
void set_exit_status(int status);
int exit_status();


struct RegisterCommand {
    explicit RegisterCommand(CommandSetup setup) { command_setups().push_back(std::move(setup)); }
};

} // namespace lp::cli
