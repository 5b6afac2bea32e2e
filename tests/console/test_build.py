"""The command-line build's plumbing: everything but the display goes to the log, and the last line tells the truth."""

import os
import subprocess
import sys
from pathlib import Path

from pipelines.console.build import latest_release, outcome, output_to_log


def test_stdout_and_stderr_of_the_process_and_its_children_go_to_the_log(tmp_path: Path, capfd) -> None:
    log = tmp_path / "logs" / "build.log"
    with output_to_log(log) as terminal:
        os.write(1, b"a step printed this\n")  # file descriptors, as a print does outside pytest's capture
        os.write(2, b"a library warned\n")
        subprocess.run([sys.executable, "-c", "import sys; print('a child printed'); sys.stderr.write('a child traceback')"],
                       check=True)
        terminal.write("  read       5 documents\n")
    result = capfd.readouterr()
    assert result.out == "  read       5 documents\n" and result.err == ""
    text = log.read_text()
    for line in ("a step printed this", "a library warned", "a child printed", "a child traceback"):
        assert line in text
    os.write(1, b"back on the terminal\n")
    assert capfd.readouterr().out == "back on the terminal\n"


def test_an_unwritable_log_leaves_the_output_alone(tmp_path: Path, capfd) -> None:
    (tmp_path / "file").write_text("")
    with output_to_log(tmp_path / "file" / "logs" / "build.log") as terminal:
        terminal.write("still here\n")
    assert capfd.readouterr().out == "still here\n"


def test_the_outcome_line_follows_what_latest_points_at(tmp_path: Path) -> None:
    releases = tmp_path / "releases"
    assert latest_release(tmp_path) is None
    (releases / "1.0.0").mkdir(parents=True)
    (releases / "latest").symlink_to("1.0.0")
    assert latest_release(tmp_path) == "1.0.0"
    assert outcome("1.0.0", "1.0.0").startswith("Nothing was published")
    assert outcome(None, "1.0.0") == "Release 1.0.0 was published and the warehouse holds the same data."
