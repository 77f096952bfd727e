# Test fixture: a fresh `cmake --install` of this build into a temporary prefix, checked file by file.
# Installs into <WORK_DIR>/staging, then moves the tree to <WORK_DIR>/prefix, where the consumer tests
# find it: a package that still works after the move is relocatable, as vcpkg and Conan need.
#
#   cmake -DBUILD_DIR=... -DSOURCE_DIR=... -DWORK_DIR=... -DCONFIG=... -DINCLUDEDIR=include
#         -DCMAKEDIR=share/cmake/runwise -DPKGCONFIGDIR=share/pkgconfig [-DCOMPILED_LIBRARY=lib/librunwise_compiled.a]
#         -P install_tree.cmake
foreach(var BUILD_DIR SOURCE_DIR WORK_DIR INCLUDEDIR CMAKEDIR PKGCONFIGDIR)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "pass -D${var}=...")
  endif()
endforeach()
set(staging "${WORK_DIR}/staging")
set(prefix "${WORK_DIR}/prefix")
file(REMOVE_RECURSE "${staging}" "${prefix}")

execute_process(COMMAND "${CMAKE_COMMAND}" --install "${BUILD_DIR}" --prefix "${staging}" --config "${CONFIG}"
                RESULT_VARIABLE result OUTPUT_VARIABLE output ERROR_VARIABLE output)
if(NOT result EQUAL 0)
  message(FATAL_ERROR "cmake --install failed (${result}):\n${output}")
endif()
file(RENAME "${staging}" "${prefix}")

# Exactly the headers and the package files: no tests, examples, benchmarks or CLI.
file(GLOB_RECURSE headers RELATIVE "${SOURCE_DIR}/include" "${SOURCE_DIR}/include/runwise/*.hpp")
set(expected "${CMAKEDIR}/runwiseConfig.cmake" "${CMAKEDIR}/runwiseConfigVersion.cmake"
             "${CMAKEDIR}/runwiseTargets.cmake" "${PKGCONFIGDIR}/runwise.pc")
foreach(header IN LISTS headers)
  list(APPEND expected "${INCLUDEDIR}/${header}")
endforeach()
# With RUNWISE_COMPILED: the static library and the per-configuration part of the exported targets.
if(COMPILED_LIBRARY)
  string(TOLOWER "${CONFIG}" config)
  if(NOT config)
    set(config noconfig)
  endif()
  list(APPEND expected "${COMPILED_LIBRARY}" "${CMAKEDIR}/runwiseTargets-${config}.cmake")
endif()
file(GLOB_RECURSE installed RELATIVE "${prefix}" "${prefix}/*")
set(missing ${expected})
list(REMOVE_ITEM missing ${installed})
set(unexpected ${installed})
list(REMOVE_ITEM unexpected ${expected})
if(missing OR unexpected)
  list(JOIN missing "\n  " missing)
  list(JOIN unexpected "\n  " unexpected)
  message(FATAL_ERROR "install tree differs from the expected package\nmissing:\n  ${missing}\nunexpected:\n  ${unexpected}")
endif()

# Nothing installed may name the source, build or staging directory: the tree must not depend on them.
foreach(file IN LISTS installed)
  file(READ "${prefix}/${file}" text)
  foreach(dir "${SOURCE_DIR}" "${BUILD_DIR}" "${staging}")
    string(FIND "${text}" "${dir}" at)
    if(NOT at EQUAL -1)
      message(FATAL_ERROR "${file} names ${dir}: the installed package is not relocatable")
    endif()
  endforeach()
endforeach()
list(LENGTH installed count)
message(STATUS "installed ${count} files into ${prefix}, as expected")
