"""Entry point: with no subcommand, open the desktop app; with one, run the headless CLI."""

from __future__ import annotations

import sys


def _wants_gui(argv: list[str]) -> bool:
    from editor.cli import build_parser

    sub = build_parser()._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    if argv and not argv[0].startswith("-"):
        return False  # a command, or a mistyped one: the CLI runs it or says it is unknown (status 2)
    return not any(a in sub or a in ("-h", "--help") for a in argv)


def main() -> int:
    argv = sys.argv[1:]
    if _wants_gui(argv):
        from editor.ui.app import run_app

        return run_app(argv)
    from editor.cli import main as cli_main

    return cli_main(argv)


if __name__ == "__main__":
    sys.exit(main())
