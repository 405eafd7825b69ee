#include <lp/io/shapefile_names.hpp>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <set>
#include <string_view>
#include <utility>

namespace lp {

namespace {

// Whole phrases first (matched on consecutive words), then single words.
constexpr std::pair<std::string_view, std::string_view> kPhraseAbbreviations[] = {
    {"deviation_pct", "dev"}, {"main_settlement", "main_town"}, {"polsby_popper", "polsby_pp"},
    {"on_boundary", "bdy"},   {"locality_name", "loc_name"},
};
constexpr std::pair<std::string_view, std::string_view> kWordAbbreviations[] = {
    {"total", "tot"},        {"deviation", "dev"},   {"percent", "pct"},      {"people", "ppl"},
    {"boundary", "bdy"},     {"settlement", "sett"}, {"settlements", "setts"}, {"population", "pop"},
    {"practices", "prac"},   {"hospitals", "hosp"},  {"within", "in"},         {"tolerance", "tol"},
    {"locality", "loc"},     {"localities", "locs"}, {"crossings", "cross"},   {"contiguous", "contig"},
    {"deprivation", "depr"}, {"quintile", "qnt"},    {"number", "n"},          {"count", "n"},
};

std::string lowered(std::string s) {
    for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

bool is_plain(const std::string& name) {
    return std::all_of(name.begin(), name.end(),
                       [](unsigned char c) { return std::isalnum(c) || c == '_'; });
}

bool has_digit(const std::string& word) {
    return std::any_of(word.begin(), word.end(), [](unsigned char c) { return std::isdigit(c); });
}

// pop2020 -> pop20: a four-digit year keeps its last two digits.
std::string short_years(const std::string& word) {
    std::string out;
    for (std::size_t i = 0; i < word.size();) {
        std::size_t j = i;
        while (j < word.size() && std::isdigit(static_cast<unsigned char>(word[j]))) ++j;
        if (j == i) {
            out += word[i++];
            continue;
        }
        const std::string digits = word.substr(i, j - i);
        const bool year = digits.size() == 4 && (digits.rfind("19", 0) == 0 || digits.rfind("20", 0) == 0);
        out += year ? digits.substr(2) : digits;
        i = j;
    }
    return out;
}

std::vector<std::string> words_of(const std::string& name) {
    std::vector<std::string> words(1);
    for (const char c : name) {
        if (c == '_' || c == '-' || c == ' ' || c == '.') {
            if (!words.back().empty()) words.emplace_back();
        } else if (std::isalnum(static_cast<unsigned char>(c))) {
            words.back() += c;
        } // other bytes (accents, symbols) cannot stand in a dBASE name
    }
    if (words.back().empty()) words.pop_back();
    return words;
}

std::vector<std::string> abbreviated(const std::vector<std::string>& words) {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < words.size();) {
        bool phrase = false;
        if (i + 1 < words.size()) {
            const std::string pair = lowered(words[i] + "_" + words[i + 1]);
            for (const auto& [full, abbreviation] : kPhraseAbbreviations)
                if (pair == full) {
                    out.emplace_back(abbreviation);
                    phrase = true;
                    break;
                }
        }
        if (phrase) {
            i += 2;
            continue;
        }
        std::string word = words[i++];
        const std::string key = lowered(word);
        for (const auto& [full, abbreviation] : kWordAbbreviations)
            if (key == full) word = abbreviation;
        if (key.size() > 4 && key.ends_with("plus") && has_digit(key)) word = word.substr(0, word.size() - 3); // 75plus -> 75p
        out.push_back(short_years(word));
    }
    return out;
}

std::size_t joined_length(const std::vector<std::string>& words, std::size_t separator) {
    std::size_t n = 0;
    for (const auto& w : words) n += w.size();
    return n + (words.empty() ? 0 : (words.size() - 1) * separator);
}

// Shortens the longest word (the last of equals; words with digits only when digits_too
// and no other can shrink) by one letter. False when none is longer than floor.
bool shorten_one(std::vector<std::string>& words, std::size_t floor, bool digits_too) {
    for (const bool digits_allowed : {false, digits_too}) {
        std::size_t best = words.size();
        for (std::size_t i = 0; i < words.size(); ++i)
            if (words[i].size() > floor && (digits_allowed || !has_digit(words[i])) &&
                (best == words.size() || words[i].size() >= words[best].size()))
                best = i;
        if (best != words.size()) {
            words[best].pop_back();
            return true;
        }
    }
    return false;
}

std::string join(const std::vector<std::string>& words, const std::string& separator) {
    std::string out;
    for (std::size_t i = 0; i < words.size(); ++i) out += (i ? separator : "") + words[i];
    return out;
}

std::string short_name(const std::string& full) {
    if (full.size() <= kShapefileFieldLength && is_plain(full) && !full.empty()) return full;
    std::vector<std::string> words = abbreviated(words_of(full));
    if (words.empty()) return "field";
    while (joined_length(words, 1) > kShapefileFieldLength && shorten_one(words, 3, false)) {}
    if (joined_length(words, 1) <= kShapefileFieldLength) return join(words, "_");
    while (joined_length(words, 0) > kShapefileFieldLength && shorten_one(words, 1, true)) {}
    return join(words, "").substr(0, kShapefileFieldLength);
}

} // namespace

std::vector<std::string> shapefile_field_names(const std::vector<std::string>& full_names) {
    std::vector<std::string> out;
    std::set<std::string> taken; // lower case: dBASE names ignore case
    for (const auto& full : full_names) {
        std::string name = short_name(full);
        for (int n = 2; taken.count(lowered(name)); ++n) {
            std::string tail(1, '_'); // (not "_" + to_string: GCC 12 warns falsely, -Wrestrict)
            tail += std::to_string(n);
            name = short_name(full).substr(0, kShapefileFieldLength - tail.size()) + tail;
        }
        taken.insert(lowered(name));
        out.push_back(name);
    }
    return out;
}

std::string shapefile_fields_csv(const std::vector<std::string>& full_names) {
    auto quoted = [](const std::string& s) {
        if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
        std::string q = "\"";
        for (const char c : s) q += c == '"' ? std::string("\"\"") : std::string(1, c);
        return q + "\"";
    };
    const auto short_names = shapefile_field_names(full_names);
    std::string csv = "short,full\n";
    for (std::size_t i = 0; i < full_names.size(); ++i) csv += short_names[i] + "," + quoted(full_names[i]) + "\n";
    return csv;
}

std::string shapefile_fields_csv_path(const std::string& shp_path) {
    return std::filesystem::path(shp_path).replace_extension(".fields.csv").string();
}

} // namespace lp
