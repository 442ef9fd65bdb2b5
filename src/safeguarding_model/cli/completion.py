"""``safeguarding-model completion SHELL``: the script that completes commands,
options, choices and file names in bash, zsh or tcsh."""

from __future__ import annotations

import argparse

from ..errors import UsageError
from ._common import write

SHELLS = ("bash", "zsh", "tcsh")


def add_parser(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "completion",
        help="print the shell completion script for bash, zsh or tcsh",
        description="Print a script that completes safeguarding-model's commands, options "
        "and their choices, and file names, in bash, zsh or tcsh. Load it in the shell "
        "(bash: eval it, or save it in ~/.local/share/bash-completion/completions/; zsh: "
        "save it as _safeguarding-model in a folder of $fpath).",
    )
    parser.add_argument("shell", metavar="SHELL", choices=SHELLS, help="bash, zsh or tcsh")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    try:
        import shtab
    except ImportError:  # declared as a dependency: only a broken install lacks it
        raise UsageError("shell completion needs the shtab package: pip install shtab") from None

    from . import build_parser

    parser = build_parser()
    parser.prog = "safeguarding-model"
    write(shtab.complete(parser, shell=args.shell), None)
    return 0
