#include "model/column_names.hpp"

#include <map>
#include <regex>

namespace lp::viewer {
namespace {

// SIMD domains: ranks run from 1 (most deprived) to 6976 (least).
const std::map<std::string, std::string>& simd_parts() {
    static const std::map<std::string, std::string> parts{
        {"rank", "rank (1 = most deprived)"},
        {"decile", "decile (1 = most deprived 10%)"},
        {"quintile", "quintile (1 = most deprived 20%)"},
        {"income_rank", "income rank (1 = most deprived)"},
        {"employment_rank", "employment rank (1 = most deprived)"},
        {"health_rank", "health rank (1 = most deprived)"},
        {"education_rank", "education rank (1 = most deprived)"},
        {"housing_rank", "housing rank (1 = most deprived)"},
        {"access_rank", "access to services rank (1 = most deprived)"},
        {"crime_rank", "crime rank (1 = most deprived)"},
        {"working_age_pop", "working-age population"},
    };
    return parts;
}

const std::map<std::string, std::string>& fixed_names() {
    static const std::map<std::string, std::string> names{
        {"drive_time_gp_min", "Drive time to a GP (minutes)"},
        {"pt_time_gp_min", "Public transport time to a GP (minutes)"},
        {"urban_rural_6fold_2016", "Urban-rural class 2016 (1 = large urban, 6 = remote rural)"},
        {"urban_rural_8fold_2016", "Urban-rural class 2016 (1 = large urban, 8 = very remote rural)"},
        {"area_km2", "Area (km\xc2\xb2)"},
    };
    return names;
}

} // namespace

std::string plain_column_name(const std::string& column) {
    if (const auto it = fixed_names().find(column); it != fixed_names().end()) return it->second;
    static const std::regex population(R"(pop(\d{4})_(total|(\d+)_(\d+)|(\d+)plus))");
    static const std::regex simd(R"(simd(\d{4})_(\w+))");
    static const std::regex points(R"((gp_practices|nhs_hospitals|hospitals|care_homes|pharmacies)(?:_(\d{4}))?)");
    std::smatch m;
    if (std::regex_match(column, m, population)) {
        const std::string year = m[1];
        if (m[2] == "total") return "Population " + year + ", all ages";
        if (m[3].matched) return "Population " + year + ", aged " + m[3].str() + "-" + m[4].str();
        return "Population " + year + ", aged " + m[5].str() + " and over";
    }
    if (std::regex_match(column, m, simd)) {
        const auto part = simd_parts().find(m[2]);
        if (part != simd_parts().end()) return "SIMD " + m[1].str() + " " + part->second;
    }
    if (std::regex_match(column, m, points)) {
        static const std::map<std::string, std::string> kinds{{"gp_practices", "GP practices"},
                                                              {"nhs_hospitals", "NHS hospitals"},
                                                              {"hospitals", "Hospitals"},
                                                              {"care_homes", "Care homes"},
                                                              {"pharmacies", "Pharmacies"}};
        return kinds.at(m[1]) + (m[2].matched ? " (" + m[2].str() + ")" : "");
    }
    return column;
}

} // namespace lp::viewer
