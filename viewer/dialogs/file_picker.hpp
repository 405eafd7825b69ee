#pragma once
// The path field and folder listing of the File dialogs: files filtered by extension
// (a checkbox shows all), recent files of the kind first, the field focused when the
// dialog opens, keyboard navigation (Up/Down choose, Enter opens a folder or takes a
// file, Backspace in the listing goes up a folder).
#include <string>
#include <vector>

namespace lp::viewer {

class FilePicker {
public:
    // extensions: lower case with the dot (".json"); empty shows every file. recent:
    // absolute paths, newest first. Returns true when the planner took a file (Enter in
    // the field, double-click, or Enter on a listed file); a single click fills the field.
    bool ui(const char* label, std::string& path, const std::vector<std::string>& extensions,
            const std::vector<std::string>& recent);
    // The next ui() focuses the path field (call when a dialog opens).
    void focus() { focus_ = true; }

private:
    std::string browse_dir_ = ".";
    int selected_ = -1;       // row of the listing chosen with the keyboard
    bool focus_ = true;
    bool show_all_ = false;
}; // class FilePicker

// True when the file's extension (lower-cased) is one of extensions, or extensions is empty.
bool has_extension(const std::string& path, const std::vector<std::string>& extensions);

} // namespace lp::viewer
