// The man pages are written at build time from each program's own --help (issue 22 item 5):
// every subcommand `boundaries --help` lists (and theirs, as `plan rebase`) has its section in
// build/man/boundaries.1, with each of its options and its examples, and every subcommand's
// --help ends with examples. A subcommand added without examples fails here; one the page
// missed (a build that did not rewrite it) too. groff reads both pages without a warning.
#include "../cli_run.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

namespace {

std::string help_of(const std::string& command) {
    const auto run = lp::test::boundaries(command + (command.empty() ? "" : " ") + "--help");
    INFO(command << ":\n" << run.output);
    REQUIRE(run.status == 0);
    return run.output;
}

// The names in the Subcommands section of a --help text.
std::vector<std::string> subcommands_in(const std::string& help) {
    std::vector<std::string> names;
    std::istringstream in(help);
    std::string line;
    bool inside = false;
    const std::regex entry(R"(^  ([a-z][a-z-]*)(\s.*)?$)");
    while (std::getline(in, line)) {
        std::string lower = line;
        std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
        if (lower.rfind("subcommands:", 0) == 0) {
            inside = true;
            continue;
        }
        std::smatch m;
        if (inside && std::regex_match(line, m, entry)) names.push_back(m[1]);
        else if (inside && !line.empty() && line[0] != ' ') inside = false;
    }
    return names;
}

// Every command path under prefix ("plan" -> "plan import", ...), depth first.
void collect_commands(const std::string& prefix, std::vector<std::string>& out) {
    for (const auto& name : subcommands_in(help_of(prefix))) {
        const std::string path = prefix.empty() ? name : prefix + " " + name;
        out.push_back(path);
        collect_commands(path, out);
    }
}

// Long options (--name) a --help text lists, --help itself left out.
std::vector<std::string> long_options_in(const std::string& help) {
    std::vector<std::string> options;
    const std::regex option(R"((^|[ ,])--([a-z][a-z0-9-]*))");
    std::istringstream in(help);
    std::string line;
    while (std::getline(in, line)) {
        if (line.find("Examples:") == 0) break; // the examples' options are not the command's own
        if (line.rfind("  -", 0) != 0 && line.rfind("  --", 0) != 0) continue;
        for (std::sregex_iterator it(line.begin(), line.end(), option), end; it != end; ++it)
            if ((*it)[2] != "help") options.push_back((*it)[2]);
    }
    return options;
}

std::string roff_escaped(std::string text) {
    std::string out;
    for (const char c : text) out += c == '-' ? std::string("\\-") : std::string(1, c);
    return out;
}

} // namespace

TEST_CASE("the man page has every subcommand with its options and examples", "[cli][man]") {
    const std::string page = lp::test::read_text(std::string(LP_BINARY_DIR) + "/man/boundaries.1");
    REQUIRE(!page.empty());
    CHECK(page.find('@') == std::string::npos); // no placeholder left unfilled

    std::vector<std::string> commands;
    collect_commands("", commands);
    INFO("commands: " << commands.size());
    for (const char* expected : {"generate", "tradeoff", "ensemble", "export", "dissolve", "plan", "plan rebase",
                                 "plan import", "report", "check", "diff", "inspect"})
        CHECK(std::find(commands.begin(), commands.end(), expected) != commands.end());

    for (const auto& command : commands) {
        INFO("boundaries " << command);
        const std::string heading = ".SS \"boundaries " + roff_escaped(command) + "\"\n";
        const auto at = page.find(heading);
        REQUIRE(at != std::string::npos);
        const auto next = page.find("\n.SS ", at + heading.size());
        const std::string section = page.substr(at, next == std::string::npos ? std::string::npos : next - at);
        const std::string help = help_of(command);
        CHECK(help.find("\nExamples:\n  # ") != std::string::npos);
        CHECK(section.find("Examples:\n") != std::string::npos);
        CHECK(section.find(".EX\nboundaries " + roff_escaped(command)) != std::string::npos);
        for (const auto& option : long_options_in(help)) {
            INFO("--" << option);
            CHECK(section.find("\\fB\\-\\-" + roff_escaped(option) + "\\fR") != std::string::npos);
        }
    }
}

TEST_CASE("groff reads both man pages without a warning", "[cli][man]") {
    for (const char* name : {"boundaries", "locality-viewer"}) {
        const std::string path = std::string(LP_BINARY_DIR) + "/man/" + name + ".1";
        if (std::string(name) == "locality-viewer" && !std::filesystem::exists(path)) continue; // no viewer build
        INFO(path);
        REQUIRE(std::filesystem::exists(path));
        const auto run = lp::test::shell("groff -man -Tutf8 -ww -z " + path);
        CHECK(run.status == 0);
        CHECK(run.output.empty());
        const auto text = lp::test::shell("groff -man -Tascii -P-bcu " + path);
        CHECK_THAT(text.output, Catch::Contains("EXAMPLES") || Catch::Contains("Examples:"));
    }
}
