#pragma once
// All of Scotland's Data Zones with the population, urban-rural classes and lookup joined,
// grouped by partnership with the shipped k per partnership: what the whole-country
// benchmarks (bench_communities, bench_hubs) loop over.
#include <lp/data/dataset.hpp>
#include <lp/generate/batch.hpp>
#include <lp/io/demand_table.hpp>

#include <map>
#include <string>
#include <vector>

namespace lp::bench {

struct Partnerships {
    std::string data_dir = LP_SHARED_DATA;
    std::vector<std::string> tables = {data_dir + "/demand/dz2011_population_2020.csv",
                                       data_dir + "/demand/dz2011_access_rurality.csv",
                                       data_dir + "/demand/dz2011_lookup.csv"};
    Dataset all;
    std::vector<std::string> hscp;       // per zone: the partnership's code
    std::vector<std::string> hscp_name;  // per zone: its name
    std::map<std::string, std::pair<int, std::string>> k_table; // the shipped localities per partnership
    std::map<std::string, std::vector<std::size_t>> members;    // partnership -> its zones

    Partnerships() {
        DatasetOptions options;
        options.zones.path = data_dir + "/dz2011_scotland_bng.gpkg";
        options.zones.layer = "datazones";
        options.zones.id_field = "dz11_code";
        options.demand_paths = tables;
        all = load_dataset(options);
        hscp = join_text_column(all.zones, tables[2], "dz11_code", "hscp_code");
        hscp_name = join_text_column(all.zones, tables[2], "dz11_code", "hscp_name");
        k_table = read_k_csv(default_k_csv_path());
        for (std::size_t zone = 0; zone < all.zones.size(); ++zone) members[hscp[zone]].push_back(zone);
    }
}; // struct Partnerships

} // namespace lp::bench
