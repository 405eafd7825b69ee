#pragma once
// The controls the layout must keep within reach (issue 23: at 1000 x 700 "Merge into
// active" was drawn past the panel's edge, where nothing scrolls to it; at 1600 x 1000 the
// Lock column needed a sideways scroll). Each notes, after it is drawn, whether ImGui
// could show it - not clipped away by its window or table - and scripts check the notes
// (expect-control-visible), so a layout that hides one fails the screenshot test.
#include <optional>
#include <string>

namespace lp::viewer {

// Call straight after the control's ImGui item.
void note_control(const std::string& name);
// What the last frame that drew it noted; nullopt when it was never drawn.
std::optional<bool> control_seen(const std::string& name);

} // namespace lp::viewer
