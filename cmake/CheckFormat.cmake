# Fails when any C++ file in the tree differs from what .clang-format asks for.
file(GLOB_RECURSE files RELATIVE ${SOURCE_DIR}
  ${SOURCE_DIR}/models/*.cpp ${SOURCE_DIR}/models/*.h
  ${SOURCE_DIR}/views/*.cpp ${SOURCE_DIR}/views/*.h
  ${SOURCE_DIR}/app/*.cpp ${SOURCE_DIR}/app/*.h
  ${SOURCE_DIR}/tests/*.cpp ${SOURCE_DIR}/tests/*.h
  ${SOURCE_DIR}/bench/*.cpp ${SOURCE_DIR}/bench/*.h
  ${SOURCE_DIR}/fuzz/*.cpp)
list(FILTER files EXCLUDE REGEX "node_modules/")
set(bad "")
foreach(f IN LISTS files)
  execute_process(COMMAND ${CLANG_FORMAT} --dry-run --Werror ${f} WORKING_DIRECTORY ${SOURCE_DIR}
                  RESULT_VARIABLE rc OUTPUT_QUIET ERROR_QUIET)
  if(NOT rc EQUAL 0)
    list(APPEND bad ${f})
  endif()
endforeach()
if(bad)
  string(REPLACE ";" "\n  " msg "${bad}")
  message(FATAL_ERROR "clang-format differs for:\n  ${msg}\nRun: scripts/format")
endif()
list(LENGTH files n)
message(STATUS "clang-format: ${n} files clean")
