"""The data card opened in a real headless browser (Debian's Chromium): it parses, its plots and
accuracy table are in the rendered DOM, hostile text stays text, and a screenshot is taken.

The card is rendered from small inline tables, so this test needs no build. Chromium is a system
package, not a Python one: a missing browser is a failure that says how to install it, never a skip.
"""

import os
import struct
import subprocess
from pathlib import Path

import pytest

from pipelines.publish.datacard.card import render_datacard
from tests.publish.datacard.sample import ACCURACY, DATASET, HOSTILE, sample_tables

CHROMIUM = Path("/usr/bin/chromium")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--hide-scrollbars"]


def chromium() -> Path:
    if not (CHROMIUM.exists() and os.access(CHROMIUM, os.X_OK)):
        pytest.fail(f"{CHROMIUM} not found: the data card browser test needs Debian's chromium. "
                    f"Install it with `.ci/install-browser` (as root), then run the tests again.", pytrace=False)
    return CHROMIUM


def run_chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    profile = tmp_path / "chromium-profile"
    profile.mkdir(exist_ok=True)
    env = os.environ | {"HOME": str(tmp_path)}  # keep Chromium's caches out of the real home
    return subprocess.run([str(chromium()), *FLAGS, f"--user-data-dir={profile}", *args],
                          capture_output=True, text=True, timeout=180, env=env, check=False)


@pytest.fixture
def card_page(tmp_path: Path) -> Path:
    card = render_datacard(sample_tables(HOSTILE), DATASET, ACCURACY)
    site = tmp_path / "release"
    site.mkdir()
    for name, text in card.items():
        (site / name).write_text(text, encoding="utf-8")
    return site / "index.html"


def png_size(path: Path) -> tuple[int, int]:
    head = path.read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    return struct.unpack(">II", head[16:24])


def test_datacard_screenshot_in_chromium(tmp_path: Path, card_page: Path, capsys: pytest.CaptureFixture) -> None:
    png = tmp_path / "datacard.png"
    result = run_chromium(tmp_path, f"--screenshot={png}", "--window-size=1200,2000", card_page.as_uri())
    assert result.returncode == 0, result.stderr[-2000:]
    assert png.exists(), f"no screenshot written; chromium said:\n{result.stderr[-2000:]}"
    assert png_size(png) == (1200, 2000)
    assert png.stat().st_size > 10_000, f"screenshot is suspiciously small ({png.stat().st_size} bytes): blank page?"
    with capsys.disabled():
        print(f"\ndata card screenshot: {png} ({png.stat().st_size} bytes)\ndata card page: {card_page}")


def test_datacard_dom_has_plots_and_accuracy_in_chromium(tmp_path: Path, card_page: Path) -> None:
    result = run_chromium(tmp_path, "--dump-dom", card_page.as_uri())
    assert result.returncode == 0, result.stderr[-2000:]
    dom = result.stdout
    assert "<body>" in dom and "</html>" in dom, dom[:500]
    for plot in ("timeline", "quotes-per-speaker", "figure-groups"):
        assert f'<svg id="{plot}"' in dom, f"plot {plot} missing from the rendered DOM"
    assert dom.count('<g class="event">') == 3
    assert dom.count('<g class="speaker">') == 3
    assert '<table id="accuracy-' in dom and "speaker_accuracy 0.875" in dom
    assert '<table id="figure-conflicts">' in dom
    # Hostile text from the data stays text: the browser built no script element from it.
    assert "<script" not in dom.lower()
    assert "&lt;script&gt;" in dom
