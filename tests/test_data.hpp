#pragma once
// Paths of the shared real data (read in place, never copied into the repository), for the
// tests and the benchmarks (bench/ includes this header too).
#include <lp/data/dataset.hpp>

#include <string>

namespace lp::test {

inline std::string data(const std::string& relative) { return std::string(LP_SHARED_DATA) + "/" + relative; }

inline const std::string& scotland_gpkg() {
    static const std::string path = data("dz2011_scotland_bng.gpkg");
    return path;
}

inline ZoneReadOptions council_from_gpkg(const std::string& ca_code) {
    ZoneReadOptions o;
    o.path = scotland_gpkg();
    o.layer = "datazones";
    o.id_field = "dz11_code";
    o.filter_field = "ca_code";
    o.filter_values = {ca_code};
    return o;
}

// A council's datazones with the 2020 population joined (pop2020_total): what the
// real-data tests and the benchmarks partition.
inline DatasetOptions council_with_population(const std::string& ca_code) {
    DatasetOptions o;
    o.zones = council_from_gpkg(ca_code);
    o.demand_paths = {data("demand/dz2011_population_2020.csv")};
    return o;
}

inline ZoneReadOptions zones_file(const std::string& path) {
    ZoneReadOptions o;
    o.path = path;
    o.id_field = "dz11_code";
    return o;
}

} // namespace lp::test
