"""What every browser test shares: Debian's Chromium (Playwright's own download does not work here), the
flags it runs with, the marks of the tier, and a browser launched once a module (skipped when it will not
start). Test modules import playwright themselves (``pytest.importorskip``) and pass its ``sync_api`` in."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = Path("/usr/bin/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
MARKS = [
    pytest.mark.skipif(not CHROMIUM.exists(), reason="/usr/bin/chromium is not installed"),
    pytest.mark.slow,
    pytest.mark.filterwarnings("ignore::DeprecationWarning"),
]


@contextmanager
def chromium(sync_api: Any) -> Iterator[Any]:
    """A headless Chromium for the test module; the module is skipped when it does not start."""
    with sync_api.sync_playwright() as p:
        try:
            b = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=ARGS)
        except sync_api.Error as exc:
            pytest.skip(f"chromium does not start: {exc}")
        yield b
        b.close()
