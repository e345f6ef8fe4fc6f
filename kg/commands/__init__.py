"""Subcommands of `kg`. Each module defines `register(subparsers)`, which adds its
parser and sets `func` (args -> exit code) as the parser's default."""

# Module names under kg.commands, in the order `kg --help` lists them.
COMMANDS = ["build", "query", "validate", "load", "ner"]
