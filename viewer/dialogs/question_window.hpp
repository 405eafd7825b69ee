#pragma once
// A centred modal question drawn each frame while `show` holds (the error window, the
// unsaved-changes and recovery questions): opened when it is not, closed when `show`
// turns false (answered elsewhere, e.g. by a script). Returns true when the caller draws
// the contents and then calls ImGui::EndPopup().
namespace lp::viewer {

bool begin_question(const char* title, bool show, float width);

} // namespace lp::viewer
