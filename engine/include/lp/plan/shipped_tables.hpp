#pragma once
// The two tables shipped with the program (engine/data/integration_functions.csv and
// localities_per_partnership.csv), compiled into it at build time so that an installed or
// moved binary needs no data folder. read_catalogue(default_catalogue_path()) and
// read_k_csv(default_k_csv_path()) read these texts.
#include <string_view>

namespace lp {

std::string_view shipped_catalogue_csv();
std::string_view shipped_localities_csv();

} // namespace lp
