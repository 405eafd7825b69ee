#pragma once
// The zone mesh moved to render/ (lp/render/zone_mesh.hpp). This forward stays only while
// viewer/map_renderer.hpp, under another change at the same time, still names the old
// path; delete it once that include reads <lp/render/zone_mesh.hpp>.
#include <lp/render/zone_mesh.hpp>
