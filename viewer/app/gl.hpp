#pragma once
// OpenGL for the map renderer. Mesa's libGL exports every entry point up to the
// version it implements, so with GL_GLEXT_PROTOTYPES (set by CMake) buffer objects and
// glMultiDrawArrays link directly, no loader needed. ImGui's backend uses its own loader.
#include <GL/gl.h>
#include <GL/glext.h>
