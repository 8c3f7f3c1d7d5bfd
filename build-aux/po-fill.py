#!/usr/bin/env python3
"""Fills translations into a PO file from a JSON object {msgid: msgstr}.

Usage: po-fill.py FILE.po TRANSLATIONS.json

For maintainers catching a catalog up after msgmerge: each listed message
gets its msgstr (a list for plural forms) and loses its fuzzy flag. Only
single-line msgids written on one line (msgmerge --no-wrap) are handled.
"""

import json
import re
import sys


def po_escape(text):
    return text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t")


def main():
    path, mapping_path = sys.argv[1], sys.argv[2]
    mapping = json.load(open(mapping_path, encoding="utf-8"))
    entries = open(path, encoding="utf-8").read().split("\n\n")
    filled = set()
    out = []
    for entry in entries:
        m = re.search(r'^msgid "(.*)"$', entry, re.M)
        key = m and json.loads('"' + m.group(1) + '"')
        if key and key in mapping:
            value = mapping[key]
            lines = [l for l in entry.split("\n")
                     if not l.startswith("msgstr") and not l.startswith('"') and not l.startswith("#~")]
            # Drop the fuzzy flag (and the previous msgid msgmerge keeps with it).
            lines = [re.sub(r"^#, fuzzy, ", "#, ", l) for l in lines if l != "#, fuzzy" and not l.startswith("#| ")]
            if isinstance(value, list):
                lines += [f'msgstr[{i}] "{po_escape(v)}"' for i, v in enumerate(value)]
            else:
                lines.append(f'msgstr "{po_escape(value)}"')
            entry = "\n".join(lines)
            filled.add(key)
        out.append(entry)
    open(path, "w", encoding="utf-8").write("\n\n".join(out))
    missing = set(mapping) - filled
    if missing:
        sys.exit(f"{path}: not found: {sorted(missing)}")


if __name__ == "__main__":
    main()
