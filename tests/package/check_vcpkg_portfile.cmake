# Runs packaging/vcpkg/ports/runwise/portfile.cmake with stand-ins for the vcpkg helpers it calls.
# vcpkg cannot be installed here; this checks what the port itself decides: that its SOURCE_PATH is
# this checkout, that runwise configures and installs with the port's options, and that the paths it
# hands to vcpkg_cmake_config_fixup, vcpkg_fixup_pkgconfig and vcpkg_install_copyright exist.
#   cmake -DWORK_DIR=... -DGENERATOR=... -DMAKE_PROGRAM=... -DCXX_COMPILER=... -P check_vcpkg_portfile.cmake
file(REAL_PATH "${CMAKE_CURRENT_LIST_DIR}/../.." SOURCE_DIR)
set(PORT runwise)
set(CURRENT_PACKAGES_DIR "${WORK_DIR}/packages")
file(REMOVE_RECURSE "${WORK_DIR}")

function(run)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE result OUTPUT_VARIABLE output ERROR_VARIABLE output)
  if(NOT result EQUAL 0)
    message(FATAL_ERROR "${ARGN}\nfailed:\n${output}")
  endif()
endfunction()

function(vcpkg_cmake_configure)
  cmake_parse_arguments(PARSE_ARGV 0 arg "" "SOURCE_PATH" "OPTIONS")
  file(REAL_PATH "${arg_SOURCE_PATH}" source)
  if(NOT source STREQUAL SOURCE_DIR)
    message(FATAL_ERROR "the port builds ${source}, not this checkout (${SOURCE_DIR})")
  endif()
  if(NOT VCPKG_BUILD_TYPE STREQUAL "release")
    message(FATAL_ERROR "a header-only port builds the release configuration only")
  endif()
  run("${CMAKE_COMMAND}" -S "${source}" -B "${WORK_DIR}/build" -G "${GENERATOR}" "-DCMAKE_MAKE_PROGRAM=${MAKE_PROGRAM}"
      "-DCMAKE_CXX_COMPILER=${CXX_COMPILER}" -DCMAKE_BUILD_TYPE=Release ${arg_OPTIONS})
endfunction()

function(vcpkg_cmake_install)
  run("${CMAKE_COMMAND}" --build "${WORK_DIR}/build")
  run("${CMAKE_COMMAND}" --install "${WORK_DIR}/build" --prefix "${CURRENT_PACKAGES_DIR}")
endfunction()

function(vcpkg_cmake_config_fixup)
  cmake_parse_arguments(PARSE_ARGV 0 arg "" "PACKAGE_NAME;CONFIG_PATH" "")
  if(NOT EXISTS "${CURRENT_PACKAGES_DIR}/${arg_CONFIG_PATH}/${arg_PACKAGE_NAME}Config.cmake")
    message(FATAL_ERROR "no ${arg_PACKAGE_NAME}Config.cmake in ${arg_CONFIG_PATH}")
  endif()
endfunction()

function(vcpkg_fixup_pkgconfig)
  file(GLOB_RECURSE pc_files "${CURRENT_PACKAGES_DIR}/*.pc")
  if(NOT pc_files)
    message(FATAL_ERROR "vcpkg_fixup_pkgconfig() but no .pc file installed")
  endif()
endfunction()

function(vcpkg_install_copyright)
  cmake_parse_arguments(PARSE_ARGV 0 arg "" "" "FILE_LIST")
  foreach(file IN LISTS arg_FILE_LIST)
    if(NOT EXISTS "${file}")
      message(FATAL_ERROR "no licence file ${file}")
    endif()
  endforeach()
endfunction()

include("${SOURCE_DIR}/packaging/vcpkg/ports/runwise/portfile.cmake")

# The port built nothing but the library: only headers and package files are installed.
file(GLOB_RECURSE installed RELATIVE "${CURRENT_PACKAGES_DIR}" "${CURRENT_PACKAGES_DIR}/*")
list(FILTER installed EXCLUDE REGEX "^include/runwise/.*\\.hpp$")
list(SORT installed)
set(expected share/cmake/runwise/runwiseConfig.cmake share/cmake/runwise/runwiseConfigVersion.cmake
             share/cmake/runwise/runwiseTargets.cmake share/pkgconfig/runwise.pc share/runwise/usage)
if(NOT installed STREQUAL expected)
  message(FATAL_ERROR "the port installed\n  ${installed}\nexpected headers and\n  ${expected}")
endif()
if(EXISTS "${WORK_DIR}/build/bin/runwise" OR EXISTS "${WORK_DIR}/build/tests")
  message(FATAL_ERROR "the port built runwise's CLI or tests")
endif()
message(STATUS "the vcpkg port builds this checkout with its options and installs headers, package files and usage")
