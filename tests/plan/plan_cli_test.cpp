// The plan commands as a partnership runs them: import a published lookup, check it,
// export it back, compare two plans, write the report.
#include <catch2/catch.hpp>

#include <lp/plan/assignment_csv.hpp>
#include <lp/plan/plan_file.hpp>

#include "../cli_run.hpp"

#include "plan_fixtures.hpp"

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <sys/wait.h>

using namespace lp;

namespace {

using test::boundaries;
using test::Run;

std::string data_options(const std::string& ca_code) {
    const DatasetOptions o = test::council_options(ca_code);
    std::string args = "--zones " + o.zones.path + " --layer " + o.zones.layer + " --id-field " + o.zones.id_field +
                       " --filter-field " + o.zones.filter_field + " --filter " + ca_code;
    for (const auto& d : o.demand_paths) args += " --demand " + d;
    for (const auto& p : o.point_paths) args += " --points " + p;
    return args;
}

} // namespace

TEST_CASE("CLI: plan import, check, export, diff and report on Glasgow", "[plan][cli]") {
    const std::string folder = test::scratch_folder("plan_cli");
    const auto& data = test::council_dataset("S12000049");
    const auto catalogue = read_catalogue(default_catalogue_path());
    const LocalityPlan grown = test::grown_plan(data, test::council_options("S12000049"), 3, catalogue);
    write_assignment_csv(folder + "/lookup.csv", grown);

    Run run = boundaries("plan import --assignment " + folder + "/lookup.csv --out " + folder + "/plan.json " +
                             data_options("S12000049"),
                         folder);
    INFO(run.output);
    REQUIRE(run.status == 0);
    CHECK(run.output.find("3 localities, 746 zones, 114 default arrangements, partnership S37000034") != std::string::npos);
    const LocalityPlan plan = read_plan(folder + "/plan.json");
    CHECK(plan.assignment == grown.assignment);
    CHECK(plan.partnership_name == "Glasgow City");

    // The plan alone is enough to check it: its sources say where the data is.
    run = boundaries("check --plan " + folder + "/plan.json", folder);
    INFO(run.output);
    CHECK(run.status == 0);
    CHECK(run.output.find("VALID: the plan meets the rules of s.29(3)") != std::string::npos);

    // One function missing in one locality: exit 20, naming both.
    LocalityPlan broken = plan;
    broken.arrangements["PC-GMS"].erase("L3");
    write_plan(folder + "/broken.json", broken);
    run = boundaries("check --plan " + folder + "/broken.json", folder);
    CHECK(run.status == 20);
    CHECK(run.output.find("FAIL rule 3 [function_missing] function PC-GMS (general medical services (GP practices)) "
                          "has no arrangement in locality L3") != std::string::npos);

    // A lookup that forgets a zone and adds one from Fife, checked directly.
    {
        std::ofstream csv(folder + "/gaps.csv");
        csv << "zone,locality\n";
        bool first = true;
        for (const auto& [zone, locality] : grown.assignment) {
            if (first) { first = false; continue; }
            csv << zone << "," << locality << "\n";
        }
        csv << "S01999999,L1\n";
    }
    const std::string forgotten = grown.assignment.begin()->first;
    run = boundaries("check --assignment " + folder + "/gaps.csv " + data_options("S12000049"), folder);
    CHECK(run.status == 20);
    CHECK(run.output.find("FAIL rule 2 [zone_unassigned] zone " + forgotten + " is in no locality") != std::string::npos);
    CHECK(run.output.find("[zone_outside_area] zone S01999999") != std::string::npos);

    // A one-locality lookup.
    {
        std::ofstream csv(folder + "/one.csv");
        csv << "zone,locality\n";
        for (const auto& id : data.zones.ids) csv << id << ",Glasgow\n";
    }
    run = boundaries("check --assignment " + folder + "/one.csv " + data_options("S12000049"), folder);
    CHECK(run.status == 20);
    CHECK(run.output.find("the plan has 1 locality; s.29(3)(a) needs the area divided into two or more") != std::string::npos);

    // Export gives the lookup back.
    run = boundaries("plan export --plan " + folder + "/plan.json --out " + folder + "/exported.csv", folder);
    REQUIRE(run.status == 0);
    CHECK(plan_from_assignment(read_assignment_csv(folder + "/exported.csv")).assignment == grown.assignment);

    // Diff: two zones moved.
    LocalityPlan moved = plan;
    auto it = moved.assignment.begin();
    const std::string z1 = it->first, from1 = it->second;
    it->second = from1 == "L1" ? "L2" : "L1";
    std::advance(it, 300);
    const std::string z2 = it->first, from2 = it->second;
    it->second = from2 == "L3" ? "L2" : "L3";
    write_plan(folder + "/moved.json", moved);
    run = boundaries("diff --plan " + folder + "/plan.json --plan " + folder + "/moved.json --out " + folder + "/diff.csv",
                     folder);
    INFO(run.output);
    REQUIRE(run.status == 0);
    CHECK(run.output.find("2 zones moved\n") != std::string::npos);
    CHECK(run.output.find("  " + z1 + ": " + from1 + " -> " + moved.assignment.at(z1)) != std::string::npos);
    CHECK(run.output.find("  " + z2 + ": " + from2 + " -> " + moved.assignment.at(z2)) != std::string::npos);
    CHECK(run.output.find("pop2020_total A,pop2020_total B,pop2020_total change") != std::string::npos);

    // Report from the plan alone.
    run = boundaries("report --plan " + folder + "/plan.json --out " + folder + "/report", folder);
    INFO(run.output);
    REQUIRE(run.status == 0);
    CHECK(run.output.find("statutory check: VALID") != std::string::npos);
    std::ifstream html(folder + "/report/report.html");
    CHECK(html.good());

    // A broken plan file: exit 14 naming the place.
    std::ofstream(folder + "/bad.json") << "{\"schema_version\": 1, \"localities\": [{\"id\": 3}]}";
    run = boundaries("check --plan " + folder + "/bad.json", folder);
    CHECK(run.status == 14);
    CHECK(run.output.find("bad.json: /localities/0/id: expected a string, found a number") != std::string::npos);
}

TEST_CASE("CLI: plan import --balance records the rules, check and report measure them", "[plan][cli]") {
    const std::string folder = test::scratch_folder("plan_cli_balance");
    const auto& data = test::council_dataset("S12000049");
    const auto catalogue = read_catalogue(default_catalogue_path());
    const LocalityPlan grown = test::grown_plan(data, test::council_options("S12000049"), 3, catalogue);
    write_assignment_csv(folder + "/lookup.csv", grown);

    Run run = boundaries("plan import --assignment " + folder + "/lookup.csv --out " + folder + "/plan.json " +
                             "--balance pop2020_total:0.01% --balance pop2020_75plus:90% " + data_options("S12000049"),
                         folder);
    INFO(run.output);
    REQUIRE(run.status == 0);
    const LocalityPlan plan = read_plan(folder + "/plan.json");
    REQUIRE(plan.balance.size() == 2);
    CHECK(plan.balance[0] == BalanceRule{"pop2020_total", 0.0001});
    CHECK(plan.balance[1] == BalanceRule{"pop2020_75plus", 0.9});

    // A locality outside its band is a warning, not a statutory failure: exit 0.
    run = boundaries("check --plan " + folder + "/plan.json", folder);
    INFO(run.output);
    CHECK(run.status == 0);
    CHECK(run.output.find("VALID: the plan meets the rules of s.29(3)") != std::string::npos);
    CHECK(run.output.find("balance pop2020_75plus +/-90%: 3 of 3 localities within") != std::string::npos);
    CHECK(run.output.find("balance pop2020_total +/-0.01%: ") != std::string::npos);
    CHECK(run.output.find("warning: balance: ") != std::string::npos);
    CHECK(run.output.find(": pop2020_total ") != std::string::npos);
    CHECK(run.output.find(": pop2020_75plus ") == std::string::npos); // within its band: no warning

    run = boundaries("report --plan " + folder + "/plan.json --out " + folder + "/report", folder);
    INFO(run.output);
    REQUIRE(run.status == 0);
    CHECK(run.output.find("Balance pop2020_total +/-0.01%:") != std::string::npos);
    CHECK(run.output.find("OUTSIDE") != std::string::npos);
    std::ifstream in(folder + "/report/report.html");
    std::stringstream html;
    html << in.rdbuf();
    CHECK(html.str().find("<h2>Balance</h2>") != std::string::npos);
    CHECK(html.str().find("Balance pop2020_75plus +/-90%") != std::string::npos);
    CHECK(html.str().find("(outside)") != std::string::npos);

    // A rule naming a column the data lacks is reported, still exit 0.
    LocalityPlan odd = plan;
    odd.balance = {{"no_such_column", 0.1}};
    write_plan(folder + "/odd.json", odd);
    run = boundaries("check --plan " + folder + "/odd.json", folder);
    CHECK(run.status == 0);
    CHECK(run.output.find("warning: balance no_such_column +/-10%: column \"no_such_column\" is not in the data") !=
          std::string::npos);
}
