"""Progress is drawn on a terminal, after a delay, and nowhere else: not in a pipe, a
file or a notebook's captured stream, and never on standard output."""

from __future__ import annotations

import io
import os
import pty
import select
import subprocess
import sys
import tempfile
import time

import pytest

import safeguarding_model as sm
from safeguarding_model import progress


class Terminal(io.StringIO):
    """A stream that says it is a terminal, and keeps what is drawn on it."""

    def isatty(self) -> bool:
        return True


def test_nothing_is_drawn_unless_asked() -> None:
    items = [1, 2, 3]
    assert progress.steps(items, "checking") is items
    with progress.count("reading", total=3) as tally:
        tally.advance()
        tally.expect()
    with progress.stage("making"):
        pass


def test_nothing_is_drawn_where_the_stream_is_not_a_terminal() -> None:
    stream = io.StringIO()
    with progress.shown(stream, delay=0) as drawn:
        assert not drawn
        assert list(progress.steps(range(3), "checking")) == [0, 1, 2]
        with progress.stage("making"):
            time.sleep(0.05)
    assert stream.getvalue() == ""


def test_steps_and_counts_are_drawn_on_a_terminal_and_cleared() -> None:
    stream = Terminal()
    with progress.shown(stream, delay=0) as drawn:
        assert drawn
        assert list(progress.steps(range(4), "checking", unit="partnerships")) == [0, 1, 2, 3]
        with progress.count("reading the data", total=1, unit="files") as tally:
            tally.advance()
            tally.expect()  # a file that includes another
            tally.advance()
    text = stream.getvalue()
    assert "checking" in text and "/4" in text and "partnerships" in text
    assert "reading the data" in text and "/2" in text  # the total grew by the one expected
    assert text.endswith("\r")  # cleared: the bars do not stay on the screen


def test_a_stage_is_drawn_only_when_it_outlasts_the_delay() -> None:
    quick, slow = Terminal(), Terminal()
    with progress.shown(quick, delay=5), progress.stage("making the turtle export"):
        pass
    with progress.shown(slow, delay=0), progress.stage("making the turtle export"):
        time.sleep(0.2)
    assert quick.getvalue() == ""
    assert "making the turtle export…" in slow.getvalue()
    assert slow.getvalue().endswith("\r")


def test_the_checks_count_partnerships() -> None:
    dataset = sm.load("hips")
    stream = Terminal()
    with progress.shown(stream, delay=0):
        report = sm.check(dataset, "2024-10-01")
    assert f"/{len(report.checks)}" in stream.getvalue()
    assert "checking" in stream.getvalue()


def _command(*arguments: str, terminal: bool) -> tuple[bytes, bytes, int]:
    """Run the command line with standard output in a file (not a terminal), and
    standard error in a pseudo-terminal (``terminal``) or a pipe; what each received
    and the status."""
    command = [sys.executable, "-m", "safeguarding_model", *arguments]
    environment = {**os.environ, "SAFEGUARDING_MODEL_PROGRESS_DELAY": "0", "COLUMNS": "100"}
    if not terminal:
        done = subprocess.run(command, capture_output=True, env=environment, check=False)
        return done.stdout, done.stderr, done.returncode
    leader, follower = pty.openpty()
    # standard output to a file: the command never waits on a reader of it
    with tempfile.TemporaryFile() as output:
        try:
            process = subprocess.Popen(command, stdout=output, stderr=follower, env=environment)
            os.close(follower)
            follower = -1
            seen = bytearray()
            while True:  # read the terminal as the command writes, or it may block
                ready, _, _ = select.select([leader], [], [], 30)
                if not ready:
                    break
                try:
                    chunk = os.read(leader, 4096)
                except OSError:  # the command has ended and the terminal is closed
                    break
                if not chunk:
                    break
                seen += chunk
            process.wait(timeout=60)
            output.seek(0)
            return output.read(), bytes(seen), process.returncode
        finally:
            os.close(leader)
            if follower != -1:
                os.close(follower)


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="no pseudo-terminals here")
def test_the_command_line_draws_on_a_terminal_and_stays_quiet_in_a_pipe() -> None:
    on_terminal = _command("check", "hips", "--on", "2024-10-01", terminal=True)
    in_pipe = _command("check", "hips", "--on", "2024-10-01", terminal=False)
    assert on_terminal[2] == in_pipe[2]  # 1 where a must is not met, either way
    assert on_terminal[0] == in_pipe[0]  # standard output is the same either way
    assert b"checking" in on_terminal[1] and b"partnerships" in on_terminal[1]
    assert b"checking" not in in_pipe[1]


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="no pseudo-terminals here")
def test_an_export_names_what_it_is_making_on_a_terminal() -> None:
    stdout, terminal, status = _command(
        "export", "isle-of-wight-2024", "--to", "json", terminal=True
    )
    assert status == 0 and stdout.startswith(b"{")
    assert "making the json export…".encode() in terminal
