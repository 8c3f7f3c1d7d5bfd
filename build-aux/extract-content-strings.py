#!/usr/bin/env python3
"""Extracts every text of a content pack into a gettext template.

Usage: extract-content-strings.py PACK.json OUTPUT.pot

Each text becomes one message whose context (msgctxt) is its JSON path, as
Accord's loader writes paths (`topics[3].title`, `topics[0].body[2].items[1]`):
translators see every string once, with where it comes from, and the loader
looks each text up with the same path. Ids and URLs are not extracted.

The output is deterministic (no dates), so a test can tell when the template
is out of date with the pack.
"""

import json
import re
import sys

# Members whose string value is text for people to read.
TEXT_MEMBERS = {"title", "description", "summary", "name", "text", "group", "publisher"}
# Members whose value is an array of such texts.
TEXT_ARRAYS = {"items", "common"}

PLAIN_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_-]*$")
BLANKS = " \t\n\r\f\v"


def append_member(path, name):
    if PLAIN_NAME.match(name):
        return f"{path}.{name}" if path else name
    return path + "[" + json.dumps(name, ensure_ascii=False) + "]"


def walk(node, path, out):
    if isinstance(node, dict):
        for name, value in node.items():
            child = append_member(path, name)
            if name in TEXT_MEMBERS and isinstance(value, str):
                out.append((child, value))
            elif name in TEXT_ARRAYS and isinstance(value, list):
                for i, item in enumerate(value):
                    if isinstance(item, str):
                        out.append((f"{child}[{i}]", item))
            else:
                walk(value, child, out)
    elif isinstance(node, list):
        for i, item in enumerate(node):
            walk(item, f"{path}[{i}]", out)


def po_string(text):
    text = text.replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t")
    lines = text.split("\n")
    if len(lines) == 1:
        return f'"{lines[0]}"'
    parts = [f'"{line}\\n"' for line in lines[:-1]] + ([f'"{lines[-1]}"'] if lines[-1] else [])
    return '""\n' + "\n".join(parts)


def main():
    pack_path, output = sys.argv[1], sys.argv[2]
    with open(pack_path, encoding="utf-8") as f:
        pack = json.load(f)

    messages = []
    walk(pack, "", messages)

    with open(output, "w", encoding="utf-8") as f:
        f.write("# Texts of Accord's built-in content pack, for translation.\n")
        f.write("# Generated from data/content/peace-and-security.json by\n")
        f.write("# build-aux/extract-content-strings.py: do not edit by hand.\n")
        f.write("# Each msgctxt is the text's place in the pack (its JSON path).\n")
        f.write('msgid ""\nmsgstr ""\n')
        f.write('"Project-Id-Version: accord-content\\n"\n')
        f.write('"MIME-Version: 1.0\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n')
        f.write('"Content-Transfer-Encoding: 8bit\\n"\n')
        for context, text in messages:
            # The loader trims outer white space before looking a text up.
            text = text.strip(BLANKS)
            f.write(f"\nmsgctxt {po_string(context)}\nmsgid {po_string(text)}\nmsgstr \"\"\n")


if __name__ == "__main__":
    main()
