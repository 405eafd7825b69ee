// boundaries: the batch command line of Locality Planner.
#include "command_registry.hpp"

#include "exit_codes.hpp"
#include "help_pages.hpp"
#include "version.hpp"

#include <lp/core/error.hpp>
#include <lp/io/text_file.hpp>

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

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

namespace {

// An option of any subcommand by its long name ("--localities"), or nullptr.
const CLI::Option* find_option(const CLI::App& app, const std::string& name) {
    if (const CLI::Option* o = app.get_option_no_throw(name)) return o;
    for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; }))
        if (const CLI::Option* o = find_option(*sub, name)) return o;
    return nullptr;
}

// Whether the command line itself (not a config file) gives `option`.
bool given_on_command_line(int argc, char** argv, const std::string& option) {
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == option || arg.rfind(option + "=", 0) == 0) return true;
    }
    return false;
}

// `--config FILE` (any subcommand): the TOML file's `key = value` lines become
// `--key value` arguments in its place (a key's '_' read as '-'), so the file and the
// command line are one language. Options on the command line add to a list the file
// gives (--balance, --demand) and override one value (--localities, --seed): the file's
// value of an option the command line gives again is left out.
std::vector<std::string> expand_config_files(const CLI::App& app, int argc, char** argv) {
    std::vector<std::string> out;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        std::string path;
        if (arg == "--config" && i + 1 < argc) path = argv[++i];
        else if (arg.rfind("--config=", 0) == 0) path = arg.substr(9);
        else {
            out.push_back(arg);
            continue;
        }
        std::error_code ec;
        if (!std::filesystem::exists(path, ec))
            throw lp::Error(lp::ErrorKind::file_not_found,
                            path + ": config file not found" + (ec ? " (" + ec.message() + ")" : std::string()));
        lp::check_text_file(path, "config file"); // a FIFO would block CLI11's reader; a huge file fill memory
        lp::cli::config_files().push_back(path);
        std::vector<CLI::ConfigItem> items;
        try {
            items = CLI::ConfigTOML().from_file(path);
        } catch (const CLI::Error& e) {
            throw lp::Error(lp::ErrorKind::bad_setting, path + ": " + e.what());
        }
        for (const auto& item : items) {
            if (item.name == "++" || item.name == "--") continue; // section markers
            // Keys as the long options, with '_' or '-' alike (id_field = id-field).
            std::string key = item.name;
            std::replace(key.begin(), key.end(), '_', '-');
            const std::string option = "--" + key;
            const CLI::Option* known = find_option(app, option);
            const bool one_value = known && known->get_items_expected_max() <= 1;
            if (one_value && given_on_command_line(argc, argv, option)) continue;
            if (item.inputs.size() == 1 && (item.inputs[0] == "true" || item.inputs[0] == "false")) {
                if (item.inputs[0] == "true") out.push_back(option);
                continue;
            }
            out.push_back(option);
            for (const auto& value : item.inputs) out.push_back(value);
        }
    }
    return out;
}

} // namespace

int main(int argc, char** argv) {
    CLI::App app{"boundaries: build, check and report Health and Social Care Partnership localities", "boundaries"};
    app.set_version_flag("--version", lp::app::version_text("boundaries"), "Print the version and the GDAL, GEOS and PROJ versions");
    app.require_subcommand(1);
    for (auto& setup : lp::cli::command_setups()) setup(app);
    try {
        if (lp::app::print_man_page_if_asked(argc, argv, app)) return 0; // the build's man page step
        std::vector<std::string> args = expand_config_files(app, argc, argv);
        std::reverse(args.begin(), args.end()); // CLI11 takes a vector last argument first
        app.parse(args);
    } catch (const CLI::CallForHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForAllHelp& e) {
        return app.exit(e);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e);
    } catch (const CLI::ParseError& e) {
        app.exit(e);
        return lp::app::exit_status(lp::app::ExitCode::usage);
    } catch (const lp::Error& e) {
        std::cerr << "boundaries: " << e.what() << "\n";
        return lp::app::exit_status(e);
    } catch (const std::exception& e) {
        std::cerr << "boundaries: unexpected error: " << e.what() << "\n";
        return lp::app::exit_status(lp::app::ExitCode::unexpected);
    }
    return lp::cli::exit_status();
}
