#include "help_pages.hpp"

#include <lp/io/text_file.hpp>

#include <cstring>
#include <iostream>
#include <map>

namespace lp::app {

namespace {

std::map<const CLI::App*, std::vector<Example>>& examples_by_command() {
    static std::map<const CLI::App*, std::vector<Example>> examples;
    return examples;
}

// Text for roff: backslashes doubled, hyphens as \- (so they copy as ASCII and never break
// a line), and a line starting with . or ' kept from being read as a request.
std::string roff(const std::string& text) {
    std::string out;
    bool line_start = true;
    for (const char c : text) {
        if (line_start && (c == '.' || c == '\'')) out += "\\&";
        if (c == '\\') out += "\\e";
        else if (c == '-') out += "\\-";
        else out += c;
        line_start = c == '\n';
    }
    return out;
}

void replace_all(std::string& text, const std::string& from, const std::string& to) {
    for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
        text.replace(at, from.size(), to);
}

// An option as a .TP item: its names and value, then its help (and default, as --help shows).
std::string option_item(const CLI::Option& option) {
    std::string names;
    for (const auto& name : option.get_snames()) names += (names.empty() ? "" : ", ") + std::string("\\fB\\-") + name + "\\fR";
    for (const auto& name : option.get_lnames())
        names += (names.empty() ? "" : ", ") + std::string("\\fB\\-\\-") + roff(name) + "\\fR";
    std::string value = option.get_type_name();
    std::string item = ".TP\n" + names + (value.empty() ? "" : " \\fI" + roff(value) + "\\fR") + "\n";
    std::string help = option.get_description();
    if (!option.get_default_str().empty()) help += " (default: " + option.get_default_str() + ")";
    if (option.get_required()) help += " (required)";
    return item + roff(help) + "\n";
}

// The options shown in --help (a hidden option has an empty group), --help itself left out.
std::string option_items(const CLI::App& command) {
    std::string out;
    for (const CLI::Option* option : command.get_options()) {
        if (option->get_group().empty() || option->get_name() == "--help" || option->get_name() == "-h,--help") continue;
        if (option->get_lnames().size() == 1 && option->get_lnames().front() == "help") continue;
        out += option_item(*option);
    }
    return out;
}

std::string example_items(const std::vector<Example>& examples) {
    std::string out;
    for (const auto& example : examples)
        out += ".PP\n" + roff(example.what) + "\n.PP\n.RS 4\n.EX\n" + roff(example.command) + "\n.EE\n.RE\n";
    return out;
}

void command_sections(const CLI::App& command, const std::string& path, std::string& out) {
    for (const CLI::App* sub : command.get_subcommands([](const CLI::App*) { return true; })) {
        const std::string name = path + " " + sub->get_name();
        out += ".SS \"" + roff(name) + "\"\n" + roff(sub->get_description()) + "\n";
        const std::string options = option_items(*sub);
        if (!options.empty()) out += ".PP\nOptions:\n" + options;
        const auto& examples = examples_of(*sub);
        if (!examples.empty()) {
            out += ".PP\nExamples:\n" + example_items(examples);
        }
        command_sections(*sub, name, out);
    }
}

} // namespace

void set_examples(CLI::App& cmd, std::vector<Example> examples) {
    std::string footer = "\nExamples:";
    for (const auto& example : examples) {
        std::string command = example.command;
        replace_all(command, "\n", "\n  "); // continuation lines indented with the first
        footer += "\n  # " + example.what + "\n  " + command;
    }
    cmd.footer(footer);
    examples_by_command()[&cmd] = std::move(examples);
}

const std::vector<Example>& examples_of(const CLI::App& cmd) {
    static const std::vector<Example> none;
    const auto it = examples_by_command().find(&cmd);
    return it == examples_by_command().end() ? none : it->second;
}

std::string man_page(const CLI::App& app, const std::string& template_text) {
    std::string commands;
    command_sections(app, app.get_name(), commands);
    std::string page = template_text;
    replace_all(page, "@VERSION@", LP_VERSION);
    replace_all(page, "@OPTIONS@", option_items(app));
    replace_all(page, "@COMMANDS@", commands);
    replace_all(page, "@EXAMPLES@", example_items(examples_of(app)));
    // An empty line is a paragraph break that lintian and groff warn of; .PP says it.
    replace_all(page, "\n\n", "\n");
    return page;
}

bool print_man_page_if_asked(int argc, char** argv, const CLI::App& app) {
    if (argc != 3 || std::strcmp(argv[1], man_page_option) != 0) return false;
    std::cout << man_page(app, read_text_file(argv[2], "man page template"));
    return true;
}

} // namespace lp::app
