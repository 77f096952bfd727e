# Overlay port for runwise, a header-only library: vcpkg install runwise --overlay-ports=<checkout>/packaging/vcpkg/ports
#
# It builds the checkout it lives in (four directories up), so it needs no release archive. For the
# vcpkg registry, replace the SOURCE_PATH line with
#   vcpkg_from_github(OUT_SOURCE_PATH SOURCE_PATH REPO runwise/runwise REF "v${VERSION}" SHA512 <archive hash> HEAD_REF main)
# vcpkg keys its binary cache on the port files, not on this source: after changing the checkout
# without bumping the version, reinstall with --editable or remove the package first.
get_filename_component(SOURCE_PATH "${CMAKE_CURRENT_LIST_DIR}/../../../.." ABSOLUTE)

# Headers only: one (release) configuration is enough.
set(VCPKG_BUILD_TYPE release)

vcpkg_cmake_configure(
    SOURCE_PATH "${SOURCE_PATH}"
    OPTIONS
        -DRUNWISE_INSTALL=ON
        -DRUNWISE_BUILD_TESTS=OFF
        -DRUNWISE_BUILD_EXAMPLES=OFF
        -DRUNWISE_BUILD_BENCHMARKS=OFF
)
vcpkg_cmake_install()

# runwise installs its config files under share/cmake/runwise; vcpkg wants them in share/runwise.
vcpkg_cmake_config_fixup(PACKAGE_NAME runwise CONFIG_PATH share/cmake/runwise)
vcpkg_fixup_pkgconfig()

file(INSTALL "${CMAKE_CURRENT_LIST_DIR}/usage" DESTINATION "${CURRENT_PACKAGES_DIR}/share/${PORT}")
vcpkg_install_copyright(FILE_LIST "${SOURCE_PATH}/LICENSE")
