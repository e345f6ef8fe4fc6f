"""`kg ner [INPUT] [--out FILE] [--text SENTENCE]`: the recogniser on its own.

Reads JSON lines {"text": ...} (stdin, or INPUT) and writes one JSON line per
input line, in order: {"mentions": [{"start", "end", "type", "subtype", "text"}]},
`end` exclusive, offsets in characters. Blank lines are skipped.
"""
from __future__ import annotations

import json
import sys


class NerInputError(Exception):
    pass


def register(sub) -> None:
    p = sub.add_parser("ner", help="tag persons, titles, institutions and regions in JSON lines",
                       description="Read JSON lines {\"text\": ...} and write one JSON line of typed mentions per "
                                   "input line (person, title, institution with subtype government/company/other, "
                                   "region), offsets in characters, end exclusive.")
    p.add_argument("input", nargs="?", default="-", help="JSON-lines file (default: standard input)")
    p.add_argument("--out", default=None, help="write to this file (atomically) instead of standard output")
    p.add_argument("--text", default=None, help="tag this one sentence instead of reading JSON lines")
    p.add_argument("--province", metavar="NAME", default=None,
                   help="the home province, a name or a GB/T 2260 code (湖南, 430000): whose counties' short forms "
                        "are places (default: the province most of the input's places belong to)")
    p.set_defaults(func=run)


def run(args) -> int:
    from ..lexicon.lexicon import infer_province, load_lexicon, province_code
    from ..ner import recognise
    try:
        province = None if args.province is None else province_code(args.province)
        texts = [args.text] if args.text is not None else list(_read_texts(args.input))
    except (NerInputError, ValueError) as exc:
        from ..terminal import line
        print(f"kg ner: {line(exc)}", file=sys.stderr)
        return 1
    lexicon = load_lexicon(infer_province(texts) if province is None else province)
    if args.out is None:
        write = sys.stdout.write
        if sys.stdout.isatty():      # the JSON keeps DEL and C1 controls raw: shown as escapes there
            from ..terminal import visible
            write = lambda text: sys.stdout.write(visible(text))  # noqa: E731
        for text in texts:
            write(_line(recognise(text, lexicon)))
        sys.stdout.flush()
    else:
        from ..export.atomic import write_text  # only --out needs it
        try:
            write_text(args.out, "".join(_line(recognise(text, lexicon)) for text in texts))
        except OSError as exc:
            from ..terminal import line
            print(line(f"kg ner: {args.out}: cannot write ({exc.strerror or exc})"), file=sys.stderr)
            return 1
    return 0


def _line(mentions: list[dict]) -> str:
    return json.dumps({"mentions": mentions}, ensure_ascii=False) + "\n"


def _read_texts(path: str):
    name = "<stdin>" if path == "-" else path
    try:
        if path == "-":
            data = sys.stdin.buffer.read()
        else:
            with open(path, "rb") as fh:
                data = fh.read()
    except OSError as exc:
        raise NerInputError(f"{name}: cannot read ({exc.strerror or exc})") from None
    try:
        lines = data.decode("utf-8-sig").splitlines()
    except UnicodeDecodeError as exc:
        raise NerInputError(f"{name}: not UTF-8 (byte {exc.start})") from None
    texts = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise NerInputError(f"{name}:{number}: not a JSON line ({exc.msg})") from None
        if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
            raise NerInputError(f'{name}:{number}: expected a JSON object with a "text" string')
        texts.append(obj["text"])
    return texts
