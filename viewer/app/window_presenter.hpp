#pragma once
// Puts a drawn frame on screen. Where GLX offers GLX_MESA_copy_sub_buffer (Mesa, and so
// llvmpipe), frames are presented by copying the back buffer (or only the part that
// changed) to the front, never swapping: the back buffer then keeps every pixel drawn,
// so a frame that changes only the map's rectangle draws just that rectangle, straight
// into the window, and copies just that to the screen. Under llvmpipe at 1600x1000 this
// replaces a copy of the whole frame from a texture (10-18 ms: the blit into the window
// takes a slow path) with nothing. Elsewhere frames are swapped and the back buffer's
// content is undefined afterwards (keeps_back_buffer() is false).
struct GLFWwindow;

namespace lp::viewer {

class WindowPresenter {
public:
    // The window's context must be current.
    explicit WindowPresenter(GLFWwindow* window);

    // True when the back buffer still holds the last frame presented (nothing since has
    // exposed the window or changed its size).
    bool keeps_back_buffer() const { return copy_sub_buffer_ != nullptr && kept_; }
    // The window was exposed or resized: the next frame is drawn and presented whole.
    void invalidate() { kept_ = false; }
    // Call before drawing a frame. When the window's size changed, Mesa's back buffer keeps
    // its old size until a swap (copying never revalidates the drawable), so a frame drawn
    // now would land offset in a buffer of the old size: swap once first (it shows the last
    // frame again, nothing new) and draw this frame whole.
    void begin_frame(int width, int height);

    // Shows the whole back buffer.
    void present();
    // Shows a rectangle of it (framebuffer pixels, GL's bottom-left origin); swaps the
    // whole buffer where sub-copies are not offered.
    void present(int x, int y, int width, int height);

private:
    GLFWwindow* window_;
    void (*copy_sub_buffer_)() = nullptr;  // glXCopySubBufferMESA, cast to its type where called
    bool kept_ = false;
    int width_ = -1, height_ = -1;  // the back buffer's size as last validated by a swap
}; // class WindowPresenter

} // namespace lp::viewer
