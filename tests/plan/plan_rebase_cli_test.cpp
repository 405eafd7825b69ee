// boundaries plan rebase as a partnership runs it: a plan on the sample council's zones
// carried onto its intermediate zones (made with dissolve), then reported.
#include <catch2/catch.hpp>

#include <lp/plan/assignment_csv.hpp>
#include <lp/io/csv_table.hpp>
#include <lp/plan/function_catalogue.hpp>
#include <lp/plan/plan_file.hpp>
#include <lp/plan/plan_rebase.hpp>

#include "plan_fixtures.hpp"
#include "../cli_run.hpp"
#include "../test_data.hpp"

#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>
#include <sys/wait.h>

using namespace lp;

namespace {

using test::boundaries;
using test::Run;
using test::read_text;

} // namespace

TEST_CASE("CLI: plan rebase carries a plan onto intermediate zones and the report shows it", "[plan][rebase][cli]") {
    const std::string folder = test::scratch_folder("plan_rebase_cli");
    const std::string sample = std::string(LP_SOURCE_DIR) + "/samples/sample_council/";
    DatasetOptions options;
    options.zones.path = sample + "zones.geojson";
    options.zones.id_field = "zone_code";
    options.demand_paths = {sample + "demand.csv"};
    options.crossings_csv = sample + "crossings.csv";
    const Dataset data = load_dataset(options);
    const auto catalogue = read_catalogue(default_catalogue_path());
    const LocalityPlan grown = test::grown_plan(data, options, 4, catalogue);
    write_assignment_csv(folder + "/lookup.csv", grown);
    const std::string sample_options = "--zones " + sample + "zones.geojson --id-field zone_code --demand " + sample +
                                       "demand.csv --crossings " + sample + "crossings.csv";

    Run run = boundaries("plan import --assignment " + folder + "/lookup.csv --balance pop2020_75plus:20% --out " +
                             folder + "/old.json " + sample_options,
                         folder);
    INFO(run.output);
    REQUIRE(run.status == 0);
    run = boundaries("dissolve --zones " + sample + "zones.geojson --id-field zone_code --by iz_code --out " + folder +
                         "/iz.geojson",
                     folder);
    REQUIRE(run.status == 0);

    run = boundaries("plan rebase --plan " + folder + "/old.json --zones " + folder + "/iz.geojson --id-field iz_code " +
                         "--out " + folder + "/new.json --impact " + folder + "/impact.csv",
                     folder);
    INFO(run.output);
    REQUIRE(run.status == 0);
    CHECK(run.output.find("weighed by people (pop2020_total)") != std::string::npos);
    CHECK(run.output.find("pop2020_75plus:") != std::string::npos);

    const LocalityPlan old_plan = read_plan(folder + "/old.json");
    const LocalityPlan rebased = read_plan(folder + "/new.json");
    CHECK(rebased.assignment.size() == 74);
    CHECK(rebased.localities == old_plan.localities);
    CHECK(rebased.arrangements == old_plan.arrangements);
    CHECK(rebased.balance == old_plan.balance);
    CHECK(rebased.sources.at("id_field") == "iz_code");
    CHECK(rebased.sources.at("rebased_from").ends_with("/old.json"));

    const RebaseImpact impact = read_rebase_impact(folder + "/impact.csv");
    double before = 0, after = 0;
    std::size_t zones_after = 0;
    for (const auto& row : impact.localities) {
        if (row.measure == "pop2020_total") {
            before += row.before;
            after += row.after;
        }
        if (row.measure == "zones") zones_after += static_cast<std::size_t>(row.after);
    }
    CHECK(before > 0);
    CHECK(after == Approx(before).epsilon(1e-6));
    CHECK(zones_after == 74);

    // With the new layer's own population table, "after" is the table's, not an estimate.
    {
        std::map<std::string, double> by_iz;
        const CsvTable demand = read_csv_file(sample + "demand.csv");
        for (const auto& row : demand.rows) by_iz[row[*demand.column("iz_code")]] += std::stod(row[*demand.column("pop2020_total")]);
        std::ofstream table(folder + "/iz_population.csv");
        table << "iz_code,pop2020_total\n";
        for (const auto& [iz, people] : by_iz) table << iz << "," << people << "\n";
    }
    run = boundaries("plan rebase --plan " + folder + "/old.json --zones " + folder + "/iz.geojson --id-field iz_code " +
                         "--demand " + folder + "/iz_population.csv --out " + folder + "/new_with_demand.json --impact " +
                         folder + "/impact_with_demand.csv",
                     folder);
    REQUIRE(run.status == 0);
    CHECK(run.output.find("pop2020_total: 257768 before, 257768 after (new layer's table") != std::string::npos);
    CHECK(read_plan(folder + "/new_with_demand.json").sources.at("demand.1").ends_with("/iz_population.csv"));

    run = boundaries("check --plan " + folder + "/new.json", folder);
    CHECK(run.status == 0);
    run = boundaries("report --plan " + folder + "/new.json --out " + folder + "/report", folder);
    REQUIRE(run.status == 0);
    const std::string html = read_text(folder + "/report/report.html");
    CHECK(html.find("<h2>Rebased from another zone layer</h2>") != std::string::npos);
    CHECK(html.find("pop2020_total before") != std::string::npos);
}

TEST_CASE("CLI: plan rebase refuses bad input with the file named", "[plan][rebase][cli]") {
    const std::string folder = test::scratch_folder("plan_rebase_cli_errors");
    const std::string sample = std::string(LP_SOURCE_DIR) + "/samples/sample_council/";
    // A plan on the sample: every zone in one of two localities by its code.
    {
        const Dataset data = load_dataset([&] {
            DatasetOptions o;
            o.zones.path = sample + "zones.geojson";
            o.zones.id_field = "zone_code";
            o.build_graph = false;
            return o;
        }());
        std::ofstream lookup(folder + "/lookup.csv");
        lookup << "zone,locality\n";
        for (std::size_t z = 0; z < data.zones.size(); ++z) lookup << data.zones.ids[z] << "," << (z % 2 ? "A" : "B") << "\n";
    }
    Run run = boundaries("plan import --assignment " + folder + "/lookup.csv --out " + folder + "/old.json --zones " +
                             sample + "zones.geojson --id-field zone_code",
                         folder);
    REQUIRE(run.status == 0);

    run = boundaries("plan rebase --plan " + folder + "/old.json --zones " + sample + "zones.geojson --id-field nope --out " +
                         folder + "/new.json",
                     folder);
    INFO(run.output);
    CHECK(run.status == 5); // field_not_found
    CHECK(run.output.find("zones.geojson") != std::string::npos);

    run = boundaries("plan rebase --plan " + folder + "/old.json --zones " + sample + "zones.geojson --id-field zone_code " +
                         "--out " + folder + "/old.json",
                     folder);
    CHECK(run.status == 15); // the output is an input
    run = boundaries("plan rebase --plan " + folder + "/missing.json --zones " + sample +
                         "zones.geojson --id-field zone_code --out " + folder + "/new.json",
                     folder);
    CHECK(run.status != 0);
    CHECK(run.output.find("missing.json") != std::string::npos);
}

TEST_CASE("CLI: plan rebase of a Fife Data Zone plan onto the national ward layer, which does not nest",
          "[plan][rebase][cli][real]") {
    const std::string folder = test::scratch_folder("plan_rebase_cli_fife");
    const std::string fife = "S12000047";
    const DatasetOptions o = test::council_options(fife);
    const auto& data = test::council_dataset(fife);
    const auto catalogue = read_catalogue(default_catalogue_path());
    write_assignment_csv(folder + "/lookup.csv", test::grown_plan(data, o, 7, catalogue));
    std::string options = "--zones " + o.zones.path + " --layer " + o.zones.layer + " --id-field " + o.zones.id_field +
                          " --filter-field " + o.zones.filter_field + " --filter " + fife;
    for (const auto& d : o.demand_paths) options += " --demand " + d;
    Run run = boundaries("plan import --assignment " + folder + "/lookup.csv --out " + folder + "/fife.json " + options,
                         folder);
    INFO(run.output);
    REQUIRE(run.status == 0);

    // Without --within-plan every ward of Scotland would be planned; with it, Fife's 22.
    run = boundaries("plan rebase --plan " + folder + "/fife.json --zones " + test::data("wards2022_scotland.gpkg") +
                         " --layer wards --id-field ward22_code --within-plan --out " + folder + "/wards.json --impact " +
                         folder + "/impact.csv",
                     folder);
    INFO(run.output);
    REQUIRE(run.status == 0);
    const LocalityPlan wards = read_plan(folder + "/wards.json");
    CHECK(wards.assignment.size() == 22);
    for (const auto& [ward, locality] : wards.assignment) CHECK(ward.starts_with("S13"));
    CHECK(wards.sources.at("filter_field") == "ward22_code");
    const RebaseImpact impact = read_rebase_impact(folder + "/impact.csv");
    double before = 0, after = 0;
    for (const auto& row : impact.localities)
        if (row.measure == "pop2020_total") {
            before += row.before;
            after += row.after;
        }
    CHECK(before == Approx(374130));
    CHECK(after == Approx(before).epsilon(1e-6));
    CHECK(impact.straddling_zones > 0); // wards cut across the localities' Data Zone borders

    // The recorded filter reloads the same wards: the check passes on them.
    run = boundaries("check --plan " + folder + "/wards.json", folder);
    CHECK(run.status == 0);
    CHECK(run.output.find("VALID") != std::string::npos);
}
