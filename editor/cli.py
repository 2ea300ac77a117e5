"""The headless command line: ``python main.py SUBCOMMAND …``.

Each area of the program contributes its subcommands from a module in
``editor/commands/`` with a ``register(subparsers)`` function; a subcommand's handler
takes the parsed arguments and returns the exit status. Exit status: 0 success,
1 input refused (with a message naming the problem), 2 usage error.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from editor.errors import GazetteError

COMMAND_MODULES = (
    "editor.commands.store_cmds",
    "editor.commands.build_cmd",
    "editor.commands.import_cmds",
    "editor.commands.check_cmd",
)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # usage errors exit with 2, as argparse does
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    """The parser with every available subcommand registered."""
    parser = _Parser(prog="main.py", description="Gazette editor command line")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one subcommand and return its exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "handler", None):
        parser.print_help(sys.stderr)
        return 2
    try:
        return int(args.handler(args) or 0)
    except GazetteError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # output piped into a program that stopped reading (| head)
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
