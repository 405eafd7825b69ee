#pragma once
// The engine names a setting in its own words at the start of a message ("balance pop:150%:
// ...", "keep-whole field ward: ...") because the viewer shows its messages too. On the
// command line that setting is a flag, so here the message names the flag instead.
#include <lp/core/error.hpp>
#include <lp/io/geojson_writer.hpp>
#include <lp/partition/balance_spec.hpp>

#include <span>
#include <string>
#include <utility>
#include <vector>

namespace lp::cli {

struct FlagWords {
    const char* engine; // how an engine message begins
    const char* flag;   // what the command line says instead
    bool at_end = false; // the words end the message instead (advice after what went wrong)
};

// The words of the settings generate (and plan import, for balance) take.
inline constexpr FlagWords generate_flag_words[] = {
    {"balance ", "--balance "},
    {"cut cost ", "--cut-cost "},
    {"block mode ", "--blocks "},
    {"keep-whole field ", "--keep-whole "},
    {"locality count ", "--localities "},
    {"group field ", "--group-field "},
    {"settlements ", "--settlements "},
    {"building blocks ", "--building-blocks "},
    {"a batch needs a group field", "--all needs --group-field"},
    {"a batch needs a locality count (2 or more) or a table of them",
     "--all needs --localities K (2 or more) or --localities-csv"},
};

// The words of the settings of a command writing features (lp::OutputLayer): --layer-name,
// and the advice ending the refusal of a GeoPackage layer that exists.
inline constexpr FlagWords output_layer_flag_words[] = {
    {"output layer name", "--layer-name"},
    {"layer creation option ", "--lco "},
    {existing_layer_advice, "add --overwrite to replace that layer, or --layer-name NAME to write another", true},
};

// Runs work(); an lp::Error whose message begins with one of the engine's words (or ends
// with them, for words marked at_end) is raised again, of the same kind, with the flag in
// their place.
template <typename Work>
decltype(auto) naming_flags(std::span<const FlagWords> words, Work&& work) {
    try {
        return std::forward<Work>(work)();
    } catch (const Error& e) {
        const std::string message = e.what();
        for (const auto& w : words) {
            const std::string engine = w.engine;
            if (message.size() < engine.size()) continue;
            const std::size_t at = w.at_end ? message.size() - engine.size() : 0;
            if (message.compare(at, engine.size(), engine) == 0)
                throw Error(e.kind(), message.substr(0, at) + w.flag + message.substr(at + engine.size()));
        }
        throw;
    }
}

// Every --balance value, parsed (an error names the flag); a column given twice is refused
// naming it (which band would it keep?), and a band of -0% is 0%.
inline std::vector<BalanceSpec> balance_flags(const std::vector<std::string>& texts) {
    std::vector<BalanceSpec> specs;
    for (std::size_t i = 0; i < texts.size(); ++i) {
        BalanceSpec spec = naming_flags(generate_flag_words, [&] { return parse_balance(texts[i]); });
        spec.tolerance += 0.0; // -0.0 + 0.0 is +0.0
        for (std::size_t j = 0; j < specs.size(); ++j)
            if (specs[j].column == spec.column)
                throw Error(ErrorKind::bad_setting, "--balance " + texts[i] + ": column " + spec.column +
                                                        " is balanced twice (also --balance " + texts[j] +
                                                        "); give each column one band");
        specs.push_back(std::move(spec));
    }
    return specs;
}

} // namespace lp::cli
