#include "dialogs/file_picker.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <GLFW/glfw3.h>

#include <algorithm>
#include <cctype>
#include <filesystem>

namespace lp::viewer {

namespace fs = std::filesystem;

bool has_extension(const std::string& path, const std::vector<std::string>& extensions) {
    if (extensions.empty()) return true;
    std::string name = fs::path(path).filename().string();
    std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return std::any_of(extensions.begin(), extensions.end(), [&](const std::string& ext) {
        return name.size() > ext.size() && name.compare(name.size() - ext.size(), ext.size(), ext) == 0;
    });
}

bool FilePicker::ui(const char* label, std::string& path, const std::vector<std::string>& extensions,
                    const std::vector<std::string>& recent) {
    ImGui::PushID(label);
    bool taken = false;
    if (focus_) {
        ImGui::SetKeyboardFocusHere();
        focus_ = false;
    }
    ImGui::SetNextItemWidth(-140);
    if (ImGui::InputText(label, &path, ImGuiInputTextFlags_EnterReturnsTrue) && !path.empty()) taken = true;

    // Recent files of this kind that still exist: one click takes one.
    std::vector<std::string> present;
    for (const std::string& r : recent) {
        std::error_code ec;
        if (fs::exists(r, ec)) present.push_back(r);
    }
    if (!present.empty()) {
        ImGui::SetNextItemWidth(-140);
        if (ImGui::BeginCombo("recent", "recent files...")) {
            for (const std::string& r : present) {
                if (ImGui::Selectable(r.c_str())) {
                    path = r;
                    browse_dir_ = fs::path(r).parent_path().string();
                }
            }
            ImGui::EndCombo();
        }
    }

    // The listing: folders first, then the files the dialog takes.
    std::vector<fs::directory_entry> dirs, files;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(browse_dir_.empty() ? "." : browse_dir_, ec)) {
        std::error_code type_ec;
        if (entry.is_directory(type_ec)) dirs.push_back(entry);
        else if (show_all_ || has_extension(entry.path().string(), extensions)) files.push_back(entry);
    }
    std::sort(dirs.begin(), dirs.end());
    std::sort(files.begin(), files.end());
    const int rows = 1 + static_cast<int>(dirs.size() + files.size()); // "../" first
    ImGui::TextDisabled("in %s", fs::absolute(browse_dir_, ec).lexically_normal().string().c_str());
    if (!extensions.empty()) {
        ImGui::SameLine();
        std::string shown;
        for (const std::string& ext : extensions) shown += (shown.empty() ? "" : " ") + ext;
        ImGui::Checkbox(("all files (not only " + shown + ")").c_str(), &show_all_);
    }

    const auto enter = [&](int row) {
        // Returns true when the row is a file (taken into the field).
        if (row <= 0) {
            browse_dir_ = fs::absolute(browse_dir_, ec).lexically_normal().parent_path().string();
        } else if (row <= static_cast<int>(dirs.size())) {
            browse_dir_ = dirs[static_cast<std::size_t>(row - 1)].path().string();
        } else {
            path = files[static_cast<std::size_t>(row - 1) - dirs.size()].path().string();
            return true;
        }
        selected_ = -1;
        return false;
    };

    ImGui::BeginChild("listing", ImVec2(0, ImGui::GetTextLineHeightWithSpacing() * 14), true);
    // Keys work while the dialog has focus, unless a text field other than ours is typed in.
    if (ImGui::IsWindowFocused(ImGuiFocusedFlags_RootAndChildWindows)) {
        if (ImGui::IsKeyPressed(GLFW_KEY_DOWN)) selected_ = std::min(selected_ + 1, rows - 1);
        if (ImGui::IsKeyPressed(GLFW_KEY_UP)) selected_ = std::max(selected_ - 1, 0);
        if (ImGui::IsKeyPressed(GLFW_KEY_ENTER) && selected_ >= 0 && selected_ < rows && !ImGui::GetIO().WantTextInput) {
            taken = enter(selected_) || taken;
        }
        if (ImGui::IsKeyPressed(GLFW_KEY_BACKSPACE) && !ImGui::GetIO().WantTextInput) enter(0);
    }
    for (int row = 0; row < rows; ++row) {
        const std::string name = row == 0 ? "../"
                                 : row <= static_cast<int>(dirs.size())
                                     ? dirs[static_cast<std::size_t>(row - 1)].path().filename().string() + "/"
                                     : files[static_cast<std::size_t>(row - 1) - dirs.size()].path().filename().string();
        const bool is_selected = row == selected_ ||
                                 (row > static_cast<int>(dirs.size()) && files[static_cast<std::size_t>(row - 1) - dirs.size()].path().string() == path);
        if (ImGui::Selectable(name.c_str(), is_selected, ImGuiSelectableFlags_AllowDoubleClick)) {
            selected_ = row;
            const bool file = enter(row);
            if (file && ImGui::IsMouseDoubleClicked(0)) taken = true;
        }
        if (row == selected_ && (ImGui::IsKeyPressed(GLFW_KEY_DOWN) || ImGui::IsKeyPressed(GLFW_KEY_UP))) ImGui::SetScrollHereY();
    }
    if (rows == 1 + static_cast<int>(dirs.size()) && !show_all_) ImGui::TextDisabled("(no matching files here)");
    ImGui::EndChild();
    ImGui::PopID();
    return taken;
}

} // namespace lp::viewer
