# The consumer program, shared by the projects under tests/package/: each finds runwise its own way,
# then includes this with `runwise_target` naming the target to link and `runwise_version` the
# version its package manager reports (the program checks that the headers say the same).
if(NOT runwise_version MATCHES "^[0-9]+\\.[0-9]+\\.[0-9]+$")
  message(FATAL_ERROR "runwise_version is '${runwise_version}', not a version")
endif()
add_executable(consumer "${CMAKE_CURRENT_LIST_DIR}/consumer.cpp")
target_link_libraries(consumer PRIVATE ${runwise_target})
target_compile_features(consumer PRIVATE cxx_std_20)
target_compile_definitions(consumer PRIVATE "RUNWISE_EXPECTED_VERSION=\"${runwise_version}\"")
# A consumer with strict warnings must not be bothered by runwise's headers.
if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
  target_compile_options(consumer PRIVATE -Wall -Wextra -Wpedantic -Werror)
endif()
