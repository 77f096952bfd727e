"""Conan 2 recipe for runwise, a header-only C++20 library.

    conan create packaging/conan -s compiler.cppstd=20

The recipe sits two directories below the checkout root; it exports the headers and the licence from
there, and reads the version from include/runwise/core/version.hpp, where CMake reads it too.
"""
import os
import re

from conan import ConanFile
from conan.tools.build import check_min_cppstd
from conan.tools.files import copy
from conan.tools.layout import basic_layout

required_conan_version = ">=2.0"


def read_version(root):
    """'major.minor.patch' from <root>/include/runwise/core/version.hpp."""
    text = load_text(os.path.join(root, "include", "runwise", "core", "version.hpp"))
    parts = []
    for part in ("MAJOR", "MINOR", "PATCH"):
        match = re.search(rf"^#define RUNWISE_VERSION_{part} (\d+)\s*$", text, re.MULTILINE)
        if not match:
            raise ValueError(f"version.hpp defines no RUNWISE_VERSION_{part}")
        parts.append(match.group(1))
    return ".".join(parts)


def load_text(path):
    with open(path, encoding="utf-8") as f:
        return f.read()


class RunwiseConan(ConanFile):
    name = "runwise"
    description = "Serverless or containers: a header-only C++20 evaluator that prices both on the same traffic"
    license = "MIT"
    homepage = "https://github.com/runwise/runwise"
    url = "https://github.com/runwise/runwise"
    topics = ("serverless", "containers", "cloud-cost", "aws-lambda", "aws-fargate", "header-only")
    package_type = "header-library"
    # Settings only so that validate() sees the consumer's compiler.cppstd; package_id() drops them.
    settings = "os", "arch", "compiler", "build_type"
    no_copy_source = True

    @property
    def _checkout_root(self):
        return os.path.join(self.recipe_folder, "..", "..")

    def set_version(self):
        self.version = self.version or read_version(self._checkout_root)

    def export_sources(self):
        root = self._checkout_root
        copy(self, "*.hpp", os.path.join(root, "include"), os.path.join(self.export_sources_folder, "include"))
        copy(self, "LICENSE", root, self.export_sources_folder)

    def layout(self):
        basic_layout(self)

    def package_id(self):
        self.info.clear()

    def validate(self):
        check_min_cppstd(self, 20)

    def package(self):
        copy(self, "LICENSE", self.source_folder, os.path.join(self.package_folder, "licenses"))
        copy(self, "*.hpp", os.path.join(self.source_folder, "include"), os.path.join(self.package_folder, "include"))

    def package_info(self):
        # find_package(runwise) + runwise::runwise, as with runwise's own CMake package;
        # pkg-config name runwise, as its runwise.pc.
        self.cpp_info.set_property("cmake_file_name", "runwise")
        self.cpp_info.set_property("cmake_target_name", "runwise::runwise")
        self.cpp_info.set_property("pkg_config_name", "runwise")
        self.cpp_info.bindirs = []
        self.cpp_info.libdirs = []
