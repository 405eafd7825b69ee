#include "export/map_export.hpp"

#include "export/document_page.hpp"

#include <lp/core/error.hpp>
#include <lp/geometry/dissolve.hpp>
#include <lp/io/atomic_file.hpp>
#include <lp/report/svg_map.hpp>

#include <cmath>

namespace lp::viewer {

void export_map_svg(Session& session, const std::string& path) {
    if (!session.document.has_plan()) throw Error(ErrorKind::bad_setting, path + ": no plan to draw");
    const PlanState& state = session.document.state();
    const std::vector<MultiPolygon> shapes =
        dissolve_groups(session.data.dataset().zones.shapes, session.data.dataset().zones.boxes, state.assignment(), static_cast<int>(state.locality_count()));
    SvgMapOptions options;
    options.width = 1200;
    options.max_height = 1200;
    options.title = "Localities of " + session.document.plan_name();
    options.notes = attribution_lines(current_year(), !session.data.places_path().empty());
    write_file_atomically(path, svg_locality_map(shapes, session.document.current_plan(), options));
}

} // namespace lp::viewer
