// locality-viewer: the desktop app for drawing and checking a partnership's localities.
#include "data_options.hpp"
#include "version.hpp"
#include "app/viewer_app.hpp"

#include "exit_codes.hpp"
#include "help_pages.hpp"

#include <lp/core/error.hpp>

#include <CLI/CLI.hpp>

#include <iostream>
#include <string>
#include <vector>

int main(int argc, char** argv) {
    CLI::App app{"locality-viewer: draw, balance and check Health and Social Care Partnership localities"};
    app.set_version_flag("--version", lp::app::version_text("locality-viewer"),
                         "Print the version and the GDAL, GEOS and PROJ versions");
    lp::cli::DataOptions data;
    data.add_to(app, false);
    lp::viewer::ViewerOptions options;
    app.add_option("--plan", options.plan_path, "Plan file (JSON) to open");
    app.add_option("--balance", options.balance, "Balance layer COLUMN[:TOLERANCE], e.g. pop2020_total:0.05")
        ->expected(1, -1);
    app.add_option("--settlements", options.settlements,
                   "Towns to keep whole when optimising, and each locality's main town in the table: COLUMN:CLASSES "
                   "(e.g. urban_rural_6fold_2016:1-4; connected zones in those classes) or a FIELD naming each zone's "
                   "settlement (as boundaries generate)");
    app.add_option("--places", options.places,
                   "Point layer of towns with a name field (e.g. GeoNames places) that Generate localities' hubs and "
                   "the search box may name, as boundaries generate --places");
    app.add_option("--script", options.script_path, "Replay the actions in FILE (see viewer/script/script_runner.hpp) and quit");
    app.add_option("--frame-stats", options.frame_stats, "Time N frames and print the mean frame time, then quit");
    app.add_option("--width", options.width, "Window width")->capture_default_str();
    app.add_option("--height", options.height, "Window height")->capture_default_str();
    app.add_flag("--warn-on-split", options.warn_on_split, "Apply edits that split a locality, with a warning");
    lp::app::set_examples(
        app, {{"Open a plan: the data it records, its localities and arrangements",
               "locality-viewer --plan highland.plan.json"},
              {"Glasgow's zones with population and GP practices, to draw a plan from nothing",
               "locality-viewer --zones dz2011_scotland_bng.gpkg --layer datazones \\\n"
               "  --id-field dz11_code --filter-field ca_code --filter S12000049 \\\n"
               "  --demand dz2011_population_2020.csv --points gp_practices_2021.geojson"},
              {"Without a display: replay a script of actions and write its screenshots",
               "xvfb-run -a locality-viewer --plan plan.json --script actions.txt"}});
    try {
        if (lp::app::print_man_page_if_asked(argc, argv, app)) return 0; // the build's man page step
    } catch (const lp::Error& e) {
        std::cerr << "locality-viewer: " << e.what() << "\n";
        return lp::app::exit_status(e);
    }
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        const int code = app.exit(e);
        return code == 0 ? 0 : lp::app::exit_status(lp::app::ExitCode::usage);
    }
    options.data = data.resolved();
    if (!options.data.zones.path.empty() && options.data.zones.id_field.empty()) {
        std::cerr << "locality-viewer: --zones needs --id-field (e.g. dz11_code)\n";
        return lp::app::exit_status(lp::app::ExitCode::usage);
    }
    try {
        lp::viewer::ViewerApp viewer(options);
        return viewer.run();
    } catch (const lp::Error& e) {
        std::cerr << "locality-viewer: " << e.what() << "\n";
        return lp::app::exit_status(e);
    } catch (const std::exception& e) {
        std::cerr << "locality-viewer: unexpected error: " << e.what() << "\n";
        return lp::app::exit_status(lp::app::ExitCode::unexpected);
    }
}
