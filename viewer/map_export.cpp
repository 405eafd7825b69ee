#include "map_export.hpp"

#include "screenshot.hpp"

#include <lp/core/error.hpp>
#include <lp/geometry/dissolve.hpp>
#include <lp/io/atomic_file.hpp>
#include <lp/report/svg_map.hpp>

#include <cmath>

namespace lp::viewer {

void export_map_png(const std::string& path, const ScreenRect& map_rect, float pixel_scale, int framebuffer_height) {
    const auto px = [&](float v) { return static_cast<int>(std::lround(v * pixel_scale)); };
    write_screenshot_region(path, px(map_rect.x), px(map_rect.y), px(map_rect.w), px(map_rect.h), framebuffer_height);
}

void export_map_svg(Session& session, const std::string& path) {
    if (!session.has_plan()) throw Error(ErrorKind::bad_setting, path + ": no plan to draw");
    const PlanState& state = session.state();
    const std::vector<MultiPolygon> shapes =
        dissolve_groups(session.data().zones.shapes, session.data().zones.boxes, state.assignment(), static_cast<int>(state.locality_count()));
    SvgMapOptions options;
    options.width = 1200;
    options.max_height = 1200;
    options.title = "Localities of " + session.plan_name();
    write_file_atomically(path, svg_locality_map(shapes, session.current_plan(), options));
}

} // namespace lp::viewer
