/* Shows the one LeakSanitizer report Mesa's llvmpipe gives a GL program that cleans up after
 * itself: glfwTerminate closes the X display, Mesa's GLX dlcloses its DRI driver, and the
 * blocks the driver still pointed to from its own (now unmapped) data are reported as an
 * indirect leak "(<unknown module>)". With the driver preloaded it stays mapped and there is
 * no report, so it is not a leak of the program (docs/reliability.md, ASan + UBSan section).
 *
 *   gcc -g -O1 -fsanitize=address,undefined -fno-omit-frame-pointer \
 *       scripts/sanitizers/mesa_dlclose_probe.c -o /tmp/mesa_probe -lglfw -lGL
 *   xvfb-run -a /tmp/mesa_probe                      # LeakSanitizer: 112 bytes, 2 allocations
 *   ASAN_OPTIONS=verify_asan_link_order=0 LD_PRELOAD=/usr/lib/x86_64-linux-gnu/dri/swrast_dri.so \
 *       xvfb-run -a /tmp/mesa_probe                  # no report
 */
#define GL_GLEXT_PROTOTYPES 1
#include <GLFW/glfw3.h>
#include <GL/glext.h>
#include <stdio.h>
int main(void) {
    if (!glfwInit()) return 2;
    GLFWwindow* w = glfwCreateWindow(320, 200, "probe", NULL, NULL);
    if (!w) return 3;
    glfwMakeContextCurrent(w);
    const char* vs = "#version 130\nin vec2 p; void main(){ gl_Position = vec4(p,0,1); }";
    const char* fs = "#version 130\nout vec4 c; void main(){ c = vec4(1,0,0,1); }";
    GLuint v = glCreateShader(GL_VERTEX_SHADER), f = glCreateShader(GL_FRAGMENT_SHADER);
    glShaderSource(v, 1, &vs, NULL); glCompileShader(v);
    glShaderSource(f, 1, &fs, NULL); glCompileShader(f);
    GLuint prog = glCreateProgram(); glAttachShader(prog, v); glAttachShader(prog, f); glLinkProgram(prog);
    float tri[] = {-1,-1, 1,-1, 0,1};
    GLuint vbo; glGenBuffers(1, &vbo); glBindBuffer(GL_ARRAY_BUFFER, vbo);
    glBufferData(GL_ARRAY_BUFFER, sizeof tri, tri, GL_STATIC_DRAW);
    glUseProgram(prog); glEnableVertexAttribArray(0); glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 0, 0);
    for (int i = 0; i < 3; ++i) { glfwPollEvents(); glClear(GL_COLOR_BUFFER_BIT); glDrawArrays(GL_TRIANGLES, 0, 3); glfwSwapBuffers(w); }
    unsigned char px[4]; glReadPixels(160, 100, 1, 1, GL_RGBA, GL_UNSIGNED_BYTE, px);
    printf("renderer %s pixel %d %d %d\n", (const char*)glGetString(GL_RENDERER), px[0], px[1], px[2]);
    glDeleteBuffers(1, &vbo); glDeleteProgram(prog); glDeleteShader(v); glDeleteShader(f);
    glfwDestroyWindow(w);
    glfwTerminate();
    return 0;
}
