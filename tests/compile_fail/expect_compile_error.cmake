# Configures and builds tests/compile_fail/project for one case and passes only if the build fails
# with EXPECT (runwise's static_assert message) on a compiler error line.
#   cmake -DCASE_SOURCE=... -DRUNWISE_INCLUDE_DIR=... -DBINARY_DIR=... -DGENERATOR=... -DMAKE_PROGRAM=...
#         -DCXX_COMPILER=... -DCXX_FLAGS=... "-DEXPECT=runwise: ..." -P expect_compile_error.cmake
file(REMOVE_RECURSE "${BINARY_DIR}")
execute_process(
  COMMAND "${CMAKE_COMMAND}" -S "${CMAKE_CURRENT_LIST_DIR}/project" -B "${BINARY_DIR}" -G "${GENERATOR}"
          "-DCMAKE_MAKE_PROGRAM=${MAKE_PROGRAM}" "-DCMAKE_CXX_COMPILER=${CXX_COMPILER}" "-DCMAKE_CXX_FLAGS=${CXX_FLAGS}"
          "-DCASE_SOURCE=${CASE_SOURCE}" "-DRUNWISE_INCLUDE_DIR=${RUNWISE_INCLUDE_DIR}"
  RESULT_VARIABLE result OUTPUT_VARIABLE output ERROR_VARIABLE output)
if(NOT result EQUAL 0)
  message(FATAL_ERROR "configuring the compile-fail project failed:\n${output}")
endif()

execute_process(COMMAND "${CMAKE_COMMAND}" --build "${BINARY_DIR}"
                RESULT_VARIABLE result OUTPUT_VARIABLE output ERROR_VARIABLE output)
if(result EQUAL 0)
  message(FATAL_ERROR "${CASE_SOURCE} compiled, but it must not:\n${output}")
endif()
# The message must be on a diagnostic line (gcc: "error: static assertion failed: runwise: ...",
# clang: "error: static_assert failed due to requirement '...' \"runwise: ...\"", MSVC: "error C2338"),
# not merely in an echoed source line.
string(REGEX REPLACE "([][.*+?^$(){}|\\\\])" "\\\\\\1" expect_regex "${EXPECT}")
string(REGEX MATCH "[^\n]*error[^\n]*${expect_regex}[^\n]*" diagnostic "${output}")
if(NOT diagnostic)
  message(FATAL_ERROR "${CASE_SOURCE} failed to compile, but without the error \"${EXPECT}\":\n${output}")
endif()
message(STATUS "${CASE_SOURCE} fails to compile, as it must:\n${diagnostic}")
