"""Global options (``--home``) are accepted before the command and after it, for every command."""

from __future__ import annotations

import argparse
import contextlib
import io
import json

import pytest

from reader.cli import build_parser, main
from tests.helpers.records import RECORDS, write_jsonl


def _commands(parser: argparse.ArgumentParser, prefix=()):
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield (*prefix, name), sub
                yield from _commands(sub, (*prefix, name))


def test_every_command_accepts_home_after_it():
    commands = list(_commands(build_parser()))
    assert len(commands) > 20  # parse, index, search, show, bookmark add ... export
    lacking = [
        " ".join(names)
        for names, sub in commands
        if not any("--home" in action.option_strings for action in sub._actions)
    ]
    assert lacking == []


@pytest.mark.parametrize(
    "argv",
    [
        ["search", "上饶", "--home", "D"],
        ["--home", "D", "search", "上饶"],
        ["bookmark", "add", "ID", "--home", "D"],
        ["collection", "list", "--home", "D"],
        ["index", "--home", "D", "--rebuild"],
        ["--home", "other", "tag", "add", "ID", "user:x", "--home", "D"],  # the later one wins
    ],
)
def test_home_is_read_wherever_it_is_typed(argv):
    assert build_parser().parse_args(argv).home == "D"


def test_without_home_it_stays_unset():
    assert build_parser().parse_args(["search", "上饶"]).home is None


def _run(argv):
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        code = main(argv)
    return code, out.getvalue()


def test_index_and_search_with_home_after_the_command(tmp_path):
    archive = tmp_path / "archive"
    for record in RECORDS:
        write_jsonl(archive / f"{record['id']}.jsonl", [record])
    home = tmp_path / "home"
    code, _ = _run(["index", str(archive), "--home", str(home)])
    assert code == 0
    code, out = _run(["search", "上饶", "--json", "--home", str(home)])
    assert code == 0
    after = json.loads(out)
    code, out = _run(["--home", str(home), "search", "上饶", "--json"])
    assert code == 0
    assert after["total"] == json.loads(out)["total"] > 0
