# One INTERFACE target that every Signoff target links: language level, Qt's strictness
# macros and warnings, so no target can quietly build with weaker settings.
add_library(signoff_common INTERFACE)
target_compile_features(signoff_common INTERFACE cxx_std_20)
target_compile_definitions(signoff_common INTERFACE
  QT_NO_CAST_FROM_ASCII
  QT_NO_CAST_TO_ASCII
  QT_NO_CAST_FROM_BYTEARRAY
  QT_NO_CONTEXTLESS_CONNECT
  QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
  QT_NO_URL_CAST_FROM_STRING
  QT_USE_QSTRINGBUILDER
  QT_DISABLE_DEPRECATED_UP_TO=0x060400
  SIGNOFF_VERSION="${PROJECT_VERSION}")
target_compile_options(signoff_common INTERFACE -Wall -Wextra -pedantic)
if(SIGNOFF_WERROR)
  target_compile_options(signoff_common INTERFACE -Werror)
endif()
set(CMAKE_CXX_EXTENSIONS OFF)

# signoff_add_test(NAME SOURCES... [LIBS ...] [LABELS ...] [ENV ...] [TIMEOUT s])
# One Qt Test executable registered with CTest; widget tests get the offscreen platform.
function(signoff_add_test name)
  cmake_parse_arguments(T "" "TIMEOUT" "SOURCES;LIBS;LABELS;ENV" ${ARGN})
  add_executable(${name} ${T_SOURCES} ${T_UNPARSED_ARGUMENTS})
  target_link_libraries(${name} PRIVATE signoff_common Qt6::Test ${T_LIBS})
  target_include_directories(${name} PRIVATE ${PROJECT_SOURCE_DIR}/tests/common)
  add_test(NAME ${name} COMMAND ${name})
  if(NOT T_TIMEOUT)
    set(T_TIMEOUT 120)
  endif()
  set_tests_properties(${name} PROPERTIES TIMEOUT ${T_TIMEOUT} LABELS "${T_LABELS}"
    ENVIRONMENT "QT_QPA_PLATFORM=offscreen;LC_ALL=C.UTF-8;LANG=C.UTF-8;LANGUAGE=en;SIGNOFF_SOURCE_DIR=${PROJECT_SOURCE_DIR};SIGNOFF_BINARY_DIR=${PROJECT_BINARY_DIR};${T_ENV}")
endfunction()
