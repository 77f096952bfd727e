# The version lives in include/runwise/core/version.hpp; every packaging manifest must carry the same one
# (CMake parses the header itself; the Conan recipe too, see check_conanfile.py).
#   cmake -DSOURCE_DIR=<checkout> -P check_versions.cmake
file(STRINGS "${SOURCE_DIR}/include/runwise/core/version.hpp" lines REGEX "^#define RUNWISE_VERSION_(MAJOR|MINOR|PATCH) ")
set(parts "")
foreach(part MAJOR MINOR PATCH)
  if(NOT lines MATCHES "#define RUNWISE_VERSION_${part} ([0-9]+)")
    message(FATAL_ERROR "version.hpp has no RUNWISE_VERSION_${part}")
  endif()
  list(APPEND parts ${CMAKE_MATCH_1})
endforeach()
list(JOIN parts "." version)

set(failures "")
# string(JSON) also fails on a manifest that is not valid JSON.
foreach(manifest vcpkg.json packaging/vcpkg/ports/runwise/vcpkg.json)
  file(READ "${SOURCE_DIR}/${manifest}" json)
  string(JSON name GET "${json}" name)
  string(JSON manifest_version GET "${json}" version)
  if(NOT name STREQUAL "runwise" OR NOT manifest_version STREQUAL version)
    list(APPEND failures "${manifest}: ${name} ${manifest_version}")
  endif()
endforeach()

# The root manifest's features pull what the CMake options need, under vcpkg's port names.
file(READ "${SOURCE_DIR}/vcpkg.json" json)
foreach(feature_ports "tests:doctest" "benchmarks:benchmark" "cli:nlohmann-json;cli11")
  string(REPLACE ":" ";" feature_ports "${feature_ports}")
  list(POP_FRONT feature_ports feature)
  string(JSON deps ERROR_VARIABLE error GET "${json}" features ${feature} dependencies)
  foreach(port IN LISTS feature_ports)
    if(error OR NOT deps MATCHES "\"${port}\"")
      list(APPEND failures "vcpkg.json: feature ${feature} does not depend on ${port}")
    endif()
  endforeach()
endforeach()

# The changelog has an entry for the version being built.
file(READ "${SOURCE_DIR}/CHANGELOG.md" changelog)
string(REPLACE "." "\\." version_regex "${version}")
if(NOT changelog MATCHES "\n## \\[${version_regex}\\] - [0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]")
  list(APPEND failures "CHANGELOG.md: no '## [${version}] - YYYY-MM-DD' entry")
endif()

if(failures)
  list(JOIN failures "\n  " failures)
  message(FATAL_ERROR "version.hpp says ${version}, but:\n  ${failures}")
endif()
message(STATUS "vcpkg manifests, port and CHANGELOG.md agree with version.hpp: ${version}")
