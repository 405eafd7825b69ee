#pragma once
// Shapefile (dBASE) field names hold at most 10 characters. Rather than GDAL's cut
// ("pop2020_to", "pop2020__1"), a Shapefile output gets deterministic, unique, readable
// abbreviations, and a sidecar "<name>.fields.csv" (short,full) that maps them back.
// The rules (docs/qgis.md, "Shapefile field names"):
//  1. A name of at most 10 characters, letters, digits and '_' only, is kept.
//  2. Otherwise it is split into words at '_', '-', ' ' and '.', and known words and
//     phrases are abbreviated (total tot, deviation_pct dev, people ppl, boundary bdy,
//     settlement sett, population pop, ... see kWordAbbreviations); a year 19xx/20xx
//     inside a word keeps its last two digits (pop2020 -> pop20).
//  3. While the words joined by '_' are too long, the longest word without digits (the
//     last of equals) loses its last letter, down to 3 letters.
//  4. Then the words are joined without '_', and shortened the same way down to 1 letter
//     (words with digits last).
//  5. Then the name is cut to 10 characters.
//  6. A name already taken (dBASE ignores case) ends in _2, _3, ... instead.
#include <string>
#include <vector>

namespace lp {

inline constexpr std::size_t kShapefileFieldLength = 10;

// The short name of each field, in order; names are unique ignoring case.
std::vector<std::string> shapefile_field_names(const std::vector<std::string>& full_names);

// "short,full\n" then one CSV line per field.
std::string shapefile_fields_csv(const std::vector<std::string>& full_names);

// "dir/name.shp" -> "dir/name.fields.csv".
std::string shapefile_fields_csv_path(const std::string& shp_path);

} // namespace lp
