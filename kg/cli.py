"""The `kg` command: subcommands live in kg.commands, one module each."""
from __future__ import annotations

import argparse
import importlib
import os
import sys

from . import __version__
from .commands import COMMANDS


def main(argv: list[str] | None = None) -> int:
    """Run `kg` on `argv`; run as the program (`argv` None: the console script, python -m kg.cli)."""
    as_program = argv is None
    ap = argparse.ArgumentParser(prog="kg", description="Chinese regional government news into a knowledge graph.")
    ap.add_argument("--version", action="version", version=f"kg {__version__}")
    sub = ap.add_subparsers(dest="command", required=True)
    argv = sys.argv[1:] if argv is None else argv
    # `kg ner …` needs only its own module; importing every command's dependencies costs start-up time.
    for name in [a for a in argv[:1] if a in COMMANDS] or COMMANDS:
        importlib.import_module(f".commands.{name}", __package__).register(sub)
    args = ap.parse_args(argv)
    try:
        status = args.func(args)
        if as_program and args.command == "ner":
            _exit_now(status)
        return status
    except KeyboardInterrupt:
        print("kg: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # `kg query … | head`: the reader left; say nothing more (and not at exit either)
        sys.stdout = open(os.devnull, "w")
        return 0


def _exit_now(code: int) -> None:
    """End the process without tearing the interpreter down (as mypy does): once `kg ner` has
    written its output nothing is left to clean up, and freeing the segmenter's dictionary
    object by object takes longer than tagging a thousand sentences."""
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except BrokenPipeError:
        pass          # the reader left (kg ner … | head): nothing more to say
    finally:
        os._exit(code)


if __name__ == "__main__":
    sys.exit(main())
