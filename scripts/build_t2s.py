#!/usr/bin/env python3
"""Build ``kg/data/t2s.tsv``, the traditional -> simplified character fold (development time only).

Source: ``opencc/dictionary/TSCharacters.txt`` and ``STCharacters.txt`` from the
PyPI package ``opencc-python-reimplemented`` 0.1.7 (Apache-2.0; OpenCC's
dictionaries, also Apache-2.0). Nothing imports OpenCC at run time.

The fold must be safe on simplified text, so it keeps only characters that are
*never* simplified themselves. A traditional character is dropped when

* it lists itself among its simplified forms (乾 -> 干 乾, 於 -> 于 於, 瞭 -> 瞭 了):
  it is also a simplified character in its own right, or
* it is a key of STCharacters (麽 -> 麼): simplified text uses it.

The rest map to their first simplified form (餘 -> 余, 發 -> 发), plus the
exceptions in EXTRA. One character in, one character out, so offsets into the
original text stay 1:1.

Usage::

    pip download --no-deps -d /tmp/occ opencc-python-reimplemented==0.1.7
    python scripts/build_t2s.py /tmp/occ/opencc_python_reimplemented-0.1.7-py2.py3-none-any.whl
"""
from __future__ import annotations

import argparse
import zipfile
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "kg" / "data" / "t2s.tsv"
# 於 is ubiquitous in traditional text (位於, 關於) and in simplified text only a rare surname.
EXTRA = {"於": "于"}


def read_table(wheel: zipfile.ZipFile, name: str) -> dict[str, list[str]]:
    table = {}
    for line in wheel.read(f"opencc/dictionary/{name}").decode("utf-8-sig").splitlines():
        if line.strip():
            key, values = line.split("\t")
            table[key] = values.split(" ")
    return table


def fold_table(ts: dict[str, list[str]], st: dict[str, list[str]]) -> dict[str, str]:
    table = {t: forms[0] for t, forms in ts.items()
             if len(t) == 1 and len(forms[0]) == 1 and t not in forms and t not in st}
    return table | EXTRA


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("wheel", type=Path, help="opencc_python_reimplemented-0.1.7 wheel")
    args = ap.parse_args(argv)
    with zipfile.ZipFile(args.wheel) as wheel:
        table = fold_table(read_table(wheel, "TSCharacters.txt"), read_table(wheel, "STCharacters.txt"))
    with open(OUT, "w", encoding="utf-8", newline="\n") as fh:
        fh.write("traditional\tsimplified\n")
        for t in sorted(table):
            fh.write(f"{t}\t{table[t]}\n")
    print(f"{OUT.name}: {len(table)} characters")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
