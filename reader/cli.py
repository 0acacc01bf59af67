"""Command line: ``reader [PATH]`` opens the app; subcommands script the same engine.

Each subcommand lives in ``reader.commands.<name>`` and is imported only when
used, so ``reader extract`` never imports Textual.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from reader.errors import ReaderError, UsageError

#: subcommand -> one-line help; module reader.commands.<name> has add_arguments() and run().
COMMANDS = {
    "extract": "print each article's analysis as JSON lines (CONTRACT.md)",
    "index": "build or refresh the library cache for a collection",
    "search": "search a collection, best matches first",
    "people": "list everyone in a collection with article counts",
    "quotes": "list quotes in a collection, optionally by one speaker",
    "show": "print one article as the reading pane renders it, as plain text",
    "export": "print one article cleaned (shown blocks only) as Markdown or plain text",
}


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        raise UsageError(f"{self.prog}: {message}")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="reader",
        description="A terminal reader for saved articles. Run 'reader [PATH]' to open the app "
        "(the bundled sample articles when PATH is left out), or one of the commands below.",
        epilog="commands: " + "; ".join(f"{k}: {v}" for k, v in COMMANDS.items()),
    )
    from reader import __version__

    parser.add_argument("--version", action="version", version=f"reader {__version__}")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        if args and args[0] in COMMANDS:
            name = args.pop(0)
            module = importlib.import_module(f"reader.commands.{name}")
            parser = _Parser(prog=f"reader {name}", description=COMMANDS[name])
            module.add_arguments(parser)
            parse = getattr(module, "parse", None)  # a command may read its own arguments
            ns = parse(parser, args) if parse else parser.parse_args(args)
            return int(module.run(ns))
        if args and args[0] in ("-h", "--help", "--version"):
            build_parser().parse_args(args)
            return 0
        module = importlib.import_module("reader.commands.app")
        parser = _Parser(prog="reader", description="open the reading app on a collection")
        module.add_arguments(parser)
        return int(module.run(parser.parse_args(args)))
    except UsageError as exc:
        print(exc, file=sys.stderr)
        return 2
    except ReaderError as exc:
        print(f"reader: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
