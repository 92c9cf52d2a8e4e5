"""The ``kzcorpus`` console script: a thin dispatcher over per-job command modules."""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

from kzcorpus.errors import KzCorpusError
from kzcorpus.paths import ENV_VAR

# Each module defines ``register(subparsers)``; it adds its parser and sets ``func``.
COMMAND_MODULES = (
    "kzcorpus.commands.validate",
    "kzcorpus.commands.stats",
    "kzcorpus.commands.schema",
    "kzcorpus.commands.add",
    "kzcorpus.commands.build",
    "kzcorpus.commands.refresh",
    "kzcorpus.commands.readme",
    "kzcorpus.commands.restore",
    "kzcorpus.commands.quality",
    "kzcorpus.commands.show",
    "kzcorpus.commands.evaluate",
    "kzcorpus.commands.baseline",
    "kzcorpus.commands.gold",
    "kzcorpus.commands.stance",
    "kzcorpus.commands.export",
    "kzcorpus.commands.models",
)


def build_parser() -> argparse.ArgumentParser:
    from kzcorpus import __version__

    parser = argparse.ArgumentParser(
        prog="kzcorpus", description="Build, validate and inspect the kzcorpus data and its Stanza models."
    )
    parser.add_argument("--version", action="version", version=f"kzcorpus {__version__}")
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(subparsers)
    return parser


EXIT_INTERRUPTED = 130  # the shell's code for a process ended by SIGINT


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; errors of ours, a closed pipe and Ctrl-C end with one line, not a traceback."""
    args = build_parser().parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except KzCorpusError as exc:
        print(f"kzcorpus {args.command}: error: {exc}", file=sys.stderr)
        if os.environ.get(ENV_VAR):
            print(
                f"kzcorpus {args.command}: note: the data root comes from {ENV_VAR}={os.environ[ENV_VAR]}",
                file=sys.stderr,
            )
        return 1
    except BrokenPipeError:
        # the reader went away (``kzcorpus stats --json | head -1``): not an error of ours;
        # point stdout at devnull so the interpreter's final flush does not raise again
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        print(f"kzcorpus {args.command}: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
