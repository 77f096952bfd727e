# What `cmake --install` puts in a prefix, and the same package for the build tree. Included by the
# top-level CMakeLists.txt when RUNWISE_INSTALL is on (the default when runwise is the top-level
# project). Only the library goes in: headers, an INTERFACE target with no dependencies, its CMake
# config and version files, and a pkg-config file — and with RUNWISE_COMPILED the static library of
# the separately compiled mode, runwise::compiled. Tests, examples, benchmarks and the CLI stay out.
#
# The default package is architecture-independent (headers only), so its CMake and pkg-config files
# go under the data directory (share/), not lib/, and the version file skips the pointer-size check
# (which it keeps when the static library is in).
include(CMakePackageConfigHelpers)

set(RUNWISE_INSTALL_CMAKEDIR "${CMAKE_INSTALL_DATADIR}/cmake/runwise"
    CACHE STRING "Where runwiseConfig.cmake is installed, relative to the prefix")
set(RUNWISE_INSTALL_PKGCONFIGDIR "${CMAKE_INSTALL_DATADIR}/pkgconfig"
    CACHE STRING "Where runwise.pc is installed, relative to the prefix")

install(DIRECTORY "${PROJECT_SOURCE_DIR}/include/runwise"
        DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}"
        FILES_MATCHING PATTERN "*.hpp")
# With RUNWISE_COMPILED, the static library of the separately compiled mode goes in too (lib/), as
# runwise::compiled; the package is then no longer architecture-independent.
set(runwise_exported runwise_library)
if(TARGET runwise_compiled)
  list(APPEND runwise_exported runwise_compiled)
  set(runwise_arch_independent "")
else()
  set(runwise_arch_independent ARCH_INDEPENDENT)
endif()
install(TARGETS ${runwise_exported} EXPORT runwiseTargets)
install(EXPORT runwiseTargets NAMESPACE runwise:: DESTINATION "${RUNWISE_INSTALL_CMAKEDIR}")

configure_package_config_file("${PROJECT_SOURCE_DIR}/packaging/cmake/runwiseConfig.cmake.in"
  "${PROJECT_BINARY_DIR}/packaging/runwiseConfig.cmake"
  INSTALL_DESTINATION "${RUNWISE_INSTALL_CMAKEDIR}")
# SameMajorVersion: a consumer asking for 0.1 accepts any later 0.x, never 1.x.
write_basic_package_version_file("${PROJECT_BINARY_DIR}/runwiseConfigVersion.cmake"
  COMPATIBILITY SameMajorVersion
  ${runwise_arch_independent})
install(FILES "${PROJECT_BINARY_DIR}/packaging/runwiseConfig.cmake" "${PROJECT_BINARY_DIR}/runwiseConfigVersion.cmake"
        DESTINATION "${RUNWISE_INSTALL_CMAKEDIR}")

# Build-tree package: `-Drunwise_DIR=<this build dir>` finds the headers in the source tree,
# without installing (export(TARGETS) resolves the BUILD_INTERFACE include directory).
export(TARGETS ${runwise_exported} NAMESPACE runwise:: FILE "${PROJECT_BINARY_DIR}/runwiseTargets.cmake")
configure_package_config_file("${PROJECT_SOURCE_DIR}/packaging/cmake/runwiseConfig.cmake.in"
  "${PROJECT_BINARY_DIR}/runwiseConfig.cmake"
  INSTALL_DESTINATION "${PROJECT_BINARY_DIR}"
  INSTALL_PREFIX "${PROJECT_BINARY_DIR}")

# pkg-config: relative to the .pc file's own directory, so the prefix can be moved (vcpkg, Conan and
# package managers relocate install trees).
if(IS_ABSOLUTE "${RUNWISE_INSTALL_PKGCONFIGDIR}" OR IS_ABSOLUTE "${CMAKE_INSTALL_INCLUDEDIR}")
  set(runwise_pc_prefix "${CMAKE_INSTALL_PREFIX}")
else()
  file(RELATIVE_PATH _runwise_up "/prefix/${RUNWISE_INSTALL_PKGCONFIGDIR}" "/prefix")
  string(REGEX REPLACE "/$" "" _runwise_up "${_runwise_up}")
  set(runwise_pc_prefix "\${pcfiledir}/${_runwise_up}")
endif()
if(IS_ABSOLUTE "${CMAKE_INSTALL_INCLUDEDIR}")
  set(runwise_pc_includedir "${CMAKE_INSTALL_INCLUDEDIR}")
else()
  set(runwise_pc_includedir "\${prefix}/${CMAKE_INSTALL_INCLUDEDIR}")
endif()
configure_file("${PROJECT_SOURCE_DIR}/packaging/cmake/runwise.pc.in" "${PROJECT_BINARY_DIR}/packaging/runwise.pc" @ONLY)
install(FILES "${PROJECT_BINARY_DIR}/packaging/runwise.pc" DESTINATION "${RUNWISE_INSTALL_PKGCONFIGDIR}")
