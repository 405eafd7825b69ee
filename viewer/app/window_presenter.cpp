#include "app/window_presenter.hpp"

#include <GL/glx.h>
#include <GL/glxext.h>
#include <GLFW/glfw3.h>

#include <cstdlib>
#include <string_view>

namespace lp::viewer {
namespace {

bool has_extension(const char* list, std::string_view name) {
    if (!list) return false;
    const std::string_view all(list);
    for (std::size_t at = all.find(name); at != std::string_view::npos; at = all.find(name, at + 1)) {
        const std::size_t end = at + name.size();
        if ((at == 0 || all[at - 1] == ' ') && (end == all.size() || all[end] == ' ')) return true;
    }
    return false;
}

} // namespace

WindowPresenter::WindowPresenter(GLFWwindow* window) : window_(window) {
    // A driver or compositor that shows the copied rectangles wrongly can be told to swap
    // whole frames, as every other OpenGL program does (slower under llvmpipe, never wrong).
    if (const char* swap = std::getenv("LOCALITY_VIEWER_SWAP_BUFFERS"); swap && *swap && std::string_view(swap) != "0") return;
    // Only a GLX context current on an X11 window can be presented this way (GLFW on
    // Wayland goes through EGL: no current GLX drawable).
    Display* display = glXGetCurrentDisplay();
    if (!display || !glXGetCurrentDrawable()) return;
    if (!has_extension(glXQueryExtensionsString(display, DefaultScreen(display)), "GLX_MESA_copy_sub_buffer")) return;
    copy_sub_buffer_ = glXGetProcAddressARB(reinterpret_cast<const GLubyte*>("glXCopySubBufferMESA"));
}

void WindowPresenter::begin_frame(int width, int height) {
    if (width == width_ && height == height_) return;
    width_ = width;
    height_ = height;
    if (!copy_sub_buffer_) return;
    glfwSwapBuffers(window_);
    kept_ = false;
}

void WindowPresenter::present() {
    int width = 0, height = 0;
    glfwGetFramebufferSize(window_, &width, &height);
    present(0, 0, width, height);
}

void WindowPresenter::present(int x, int y, int width, int height) {
    if (!copy_sub_buffer_) {
        glfwSwapBuffers(window_);
        return;
    }
    // Flushes the context and copies the rectangle to the window; the back buffer is left
    // as it was, which is the point.
    const auto copy = reinterpret_cast<PFNGLXCOPYSUBBUFFERMESAPROC>(copy_sub_buffer_);
    if (width > 0 && height > 0) copy(glXGetCurrentDisplay(), glXGetCurrentDrawable(), x, y, width, height);
    kept_ = true;
}

} // namespace lp::viewer
