"""Runs packaging/conan/conanfile.py's methods against a stand-in for Conan 2's API.

Conan cannot be installed here, so this checks what the recipe itself decides: the version it reads
from version.hpp, the files it exports and packages (which must exist in the checkout), that it
requires C++20, and that its package id ignores settings.
Usage: check_conanfile.py <checkout root> <version CMake parsed from version.hpp>
"""
import importlib.util
import os
import sys
import types

root = os.path.abspath(sys.argv[1])
calls = []


class ConanFile:  # the attributes Conan 2 sets before calling a recipe's methods
    version = None


def copy(conanfile, pattern, src, dst):
    calls.append(("copy", pattern, os.path.normpath(src), os.path.normpath(dst)))


def check_min_cppstd(conanfile, cppstd):
    calls.append(("check_min_cppstd", str(cppstd)))


def basic_layout(conanfile, src_folder="."):
    calls.append(("basic_layout", src_folder))


stubs = {
    "conan": {"ConanFile": ConanFile},
    "conan.tools": {},
    "conan.tools.build": {"check_min_cppstd": check_min_cppstd},
    "conan.tools.files": {"copy": copy},
    "conan.tools.layout": {"basic_layout": basic_layout},
}
for name, attrs in stubs.items():
    module = types.ModuleType(name)
    module.__dict__.update(attrs)
    sys.modules[name] = module

recipe_path = os.path.join(root, "packaging", "conan", "conanfile.py")
spec = importlib.util.spec_from_file_location("runwise_conanfile", recipe_path)
recipe = importlib.util.module_from_spec(spec)
spec.loader.exec_module(recipe)

failures = []


def expect(what, ok):
    print(("ok:   " if ok else "FAIL: ") + what)
    if not ok:
        failures.append(what)


expected_version = sys.argv[2]
pkg = recipe.RunwiseConan()
pkg.recipe_folder = os.path.dirname(recipe_path)
pkg.export_sources_folder = "/exported"
pkg.source_folder = "/source"
pkg.package_folder = "/package"

pkg.set_version()
expect(f"set_version() reads {expected_version} from version.hpp (got {pkg.version})", pkg.version == expected_version)
expect("name runwise, package_type header-library, no_copy_source",
       pkg.name == "runwise" and pkg.package_type == "header-library" and pkg.no_copy_source is True)

pkg.export_sources()
exported = [c for c in calls if c[0] == "copy"]
include_dir = os.path.join(root, "include")
expect("export_sources() copies include/**.hpp from the checkout",
       ("copy", "*.hpp", include_dir, "/exported/include") in exported and os.path.isdir(include_dir))
expect("export_sources() copies LICENSE from the checkout",
       ("copy", "LICENSE", root, "/exported") in exported and os.path.isfile(os.path.join(root, "LICENSE")))

calls.clear()
pkg.validate()
expect("validate() requires C++20", calls == [("check_min_cppstd", "20")])


class Info:
    cleared = False

    def clear(self):
        self.cleared = True


pkg.info = Info()
pkg.package_id()
expect("package_id() clears settings and options (one package for every configuration)", pkg.info.cleared)

calls.clear()
pkg.package()
expect("package() puts the headers in include/ and LICENSE in licenses/",
       ("copy", "*.hpp", "/source/include", "/package/include") in calls
       and ("copy", "LICENSE", "/source", "/package/licenses") in calls)


class CppInfo:
    def __init__(self):
        self.properties = {}

    def set_property(self, key, value):
        self.properties[key] = value


pkg.cpp_info = CppInfo()
pkg.package_info()
props = pkg.cpp_info.properties
expect("package_info(): find_package(runwise), target runwise::runwise, no lib or bin directories",
       props.get("cmake_file_name") == "runwise" and props.get("cmake_target_name") == "runwise::runwise"
       and pkg.cpp_info.libdirs == [] and pkg.cpp_info.bindirs == [])

sys.exit(1 if failures else 0)
