// boundaries: the batch command line of Locality Planner.
#include "command_registry.hpp"

#include <lp/core/error.hpp>

#include <iostream>

namespace lp::cli {
std::vector<CommandSetup>& command_setups() {
    static std::vector<CommandSetup> setups;
    return setups;
}
namespace {
int status = 0;
}
void set_exit_status(int s) { status = s; }
int exit_status() { return status; }
} // namespace lp::cli

int main(int argc, char** argv) {
    CLI::App app{"boundaries: build, check and report Health and Social Care Partnership localities"};
    app.require_subcommand(1);
    for (auto& setup : lp::cli::command_setups()) setup(app);
    try {
        app.parse(argc, argv);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        app.exit(e);
        return static_cast<int>(lp::ExitCode::usage);
    } catch (const lp::Error& e) {
        std::cerr << "boundaries: " << e.what() << "\n";
        return e.exit_code();
    } catch (const std::exception& e) {
        std::cerr << "boundaries: unexpected error: " << e.what() << "\n";
        return static_cast<int>(lp::ExitCode::unexpected);
    }
    return lp::cli::exit_status();
}
