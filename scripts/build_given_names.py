#!/usr/bin/env python3
"""Build ``kg/data/given_names.tsv`` (development time only).

How much likelier a character is in a Chinese given name than in ordinary
text, from two MIT-licensed sources:

* ``ngender`` 0.1.1 (MIT, (c) 2015 Jingchao Hu): ``ngender/charfreq.csv``,
  ``char,male,female`` — how often each character stands in the given names
  of a large list of real people (9,442 characters, 32 million occurrences).
* ``jieba`` 0.42.1 (MIT): ``jieba/dict.txt`` (``word freq tag``) — how often
  each character stands in ordinary words, each word counted with its
  frequency; words tagged as names (nr, nrfg, nrt) are left out.

For each character c, with n(c) its count in given names (male + female) and
t(c) its frequency in ordinary words, N and T their totals:

    ratio(c) = log10( ((n(c) + 1) / N) / ((t(c) + 1) / T) )

鹏 3.5, 伟 2.3, 明 1.0 (common in names, rarer in text); 的 -2.2, 说 -3.0,
场 -1.8 (common in text, rare in names). Rows: every character with n(c) >= 5,
and any rarer one (also one of ordinary words only) whose ratio is below the run-time default for an unlisted
character (kg.lexicon.names.UNLISTED_RATIO), so that the default never rates a
character higher than its data would. One decimal.

    pip download --no-deps --no-binary :all: -d /tmp/ngender ngender==0.1.1
    tar -xzf /tmp/ngender/ngender-0.1.1.tar.gz -C /tmp/ngender
    pip install jieba==0.42.1
    python scripts/build_given_names.py /tmp/ngender/ngender-0.1.1/ngender/charfreq.csv

Deterministic: sorted by character, one header line.
"""
from __future__ import annotations

import argparse
import collections
import csv
import importlib.util
import math
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "kg" / "data" / "given_names.tsv"
MIN_COUNT = 20
NAME_TAGS = {"nr", "nrfg", "nrt"}


def unlisted_ratio() -> float:
    sys.path.insert(0, str(REPO))
    from kg.lexicon.names import UNLISTED_RATIO
    return UNLISTED_RATIO


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("charfreq", type=Path, help="ngender-0.1.1/ngender/charfreq.csv")
    args = ap.parse_args()
    spec = importlib.util.find_spec("jieba")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("pip install jieba==0.42.1 first")
    jieba_dict = Path(list(spec.submodule_search_locations)[0]) / "dict.txt"

    names: dict[str, int] = {}
    with open(args.charfreq, encoding="utf-8", newline="") as fh:
        rows = csv.reader(fh)
        if next(rows) != ["char", "male", "female"]:
            raise SystemExit(f"{args.charfreq}: not ngender's charfreq.csv")
        for char, male, female in rows:
            names[char] = int(male) + int(female)
    text: collections.Counter[str] = collections.Counter()
    for line in jieba_dict.read_text(encoding="utf-8").splitlines():
        word, freq, tag = line.split(" ")
        if tag not in NAME_TAGS:
            for ch in word:
                text[ch] += int(freq)
    n_total, t_total = sum(names.values()), sum(text.values())
    floor = unlisted_ratio()
    out = []
    han = {ch for ch in text if "\u4e00" <= ch <= "\u9fff"}
    for char in sorted(names.keys() | han):
        ratio = round(math.log10(((names.get(char, 0) + 1) / n_total) / ((text[char] + 1) / t_total)), 1) + 0.0
        if names.get(char, 0) >= MIN_COUNT or ratio < floor:
            out.append(f"{char}\t{ratio:.1f}\n")
    OUT.write_text("char\tratio\n" + "".join(out), encoding="utf-8", newline="\n")
    print(f"wrote {OUT.relative_to(REPO)}: {len(out)} characters "
          f"(from {len(names)} in given names, {n_total} occurrences; {t_total} in ordinary words)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
