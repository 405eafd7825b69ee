# Writes a man page from a program's own help (its hidden --man-page TEMPLATE option) and its
# gzip -9n copy for installing (Debian wants man pages compressed, without a timestamp).
# cmake -DPROGRAM=... -DTEMPLATE=...in -DOUT=.../name.1 -P write_man_page.cmake
execute_process(COMMAND ${PROGRAM} --man-page ${TEMPLATE} OUTPUT_FILE ${OUT}.new RESULT_VARIABLE status
                ERROR_VARIABLE errors)
if(NOT status EQUAL 0)
  file(REMOVE ${OUT}.new)
  message(FATAL_ERROR "${PROGRAM} --man-page ${TEMPLATE} failed (${status}): ${errors}")
endif()
file(RENAME ${OUT}.new ${OUT})
execute_process(COMMAND gzip -9n -c ${OUT} OUTPUT_FILE ${OUT}.gz RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "gzip ${OUT} failed (${status})")
endif()
