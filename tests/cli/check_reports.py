#!/usr/bin/env python3
"""Checks runwise's Markdown and SVG reports with real parsers.

usage: check_reports.py markdown FILE OPTIONS...   table structure; one row per option, in order
       check_reports.py markdown_table FILE FIRST_HEADER ROWS...   the same for the table whose first
                                                 column is FIRST_HEADER (e.g. an application's "component")
       check_reports.py svg FILE PATHS CIRCLES TEXT...   XML parses; <svg> root; counts; texts present
       check_reports.py png FILE                 a screenshot that is not blank
"""
import re
import struct
import sys
import xml.dom.minidom
import zlib


def fail(message):
    print("FAIL: " + message)
    sys.exit(1)


def cells(line):
    return [c.strip() for c in re.split(r"(?<!\\)\|", line.strip())[1:-1]]


def check_markdown(path, options, first="option"):
    lines = open(path, encoding="utf-8").read().splitlines()
    header = next((i for i, l in enumerate(lines) if l.startswith("| %s |" % first)), None)
    if header is None:
        fail("no table starting with '| %s |'" % first)
    columns = len(cells(lines[header]))
    separator = cells(lines[header + 1])
    if len(separator) != columns or not all(re.fullmatch(r":?-{3,}:?", c) for c in separator):
        fail("row after the header is not a separator of %d columns: %r" % (columns, lines[header + 1]))
    rows = []
    for line in lines[header + 2:]:
        if not line.startswith("|"):
            break
        if len(cells(line)) != columns:
            fail("row has %d cells, header %d: %r" % (len(cells(line)), columns, line))
        rows.append(cells(line)[0])
    if rows != options:
        fail("option rows %r, expected %r" % (rows, options))
    print("markdown table: %d columns, rows %r" % (columns, rows))


def check_svg(path, paths, circles, texts):
    doc = xml.dom.minidom.parse(path)
    root = doc.documentElement
    if root.tagName != "svg" or root.getAttribute("xmlns") != "http://www.w3.org/2000/svg":
        fail("root element is not an SVG <svg>")
    found_paths = len(doc.getElementsByTagName("path"))
    found_circles = len(doc.getElementsByTagName("circle"))
    if found_paths != int(paths):
        fail("%d <path> elements, expected %s" % (found_paths, paths))
    if found_circles != int(circles):
        fail("%d <circle> elements, expected %s" % (found_circles, circles))
    all_text = " ".join(t.firstChild.data for t in doc.getElementsByTagName("text") if t.firstChild)
    for t in texts:
        if t not in all_text:
            fail("text %r not found in %r" % (t, all_text))
    print("svg: %d paths, %d circles, texts present" % (found_paths, found_circles))


def check_png(path):
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        fail("not a PNG")
    pos, idat, width, height = 8, b"", 0, 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height = struct.unpack(">II", body[:8])
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw = zlib.decompress(idat)
    # Filtered scanlines: a blank (one-colour) image compresses to a handful of distinct byte values;
    # a chart with lines, text and colours has many, and most rows differ from the first.
    distinct = len(set(raw))
    stride = len(raw) // height
    rows = {raw[i * stride + 1:(i + 1) * stride] for i in range(height)}
    print("png %dx%d: %d distinct byte values, %d distinct rows" % (width, height, distinct, len(rows)))
    if width < 300 or height < 200 or distinct < 32 or len(rows) < 50:
        fail("screenshot looks blank")


if __name__ == "__main__":
    what, path = sys.argv[1], sys.argv[2]
    if what == "markdown":
        check_markdown(path, sys.argv[3:])
    elif what == "markdown_table":
        check_markdown(path, sys.argv[4:], sys.argv[3])
    elif what == "svg":
        check_svg(path, sys.argv[3], sys.argv[4], sys.argv[5:])
    elif what == "png":
        check_png(path)
    else:
        fail("unknown check " + what)
