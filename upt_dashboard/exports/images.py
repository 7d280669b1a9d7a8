"""Chart images (PNG, SVG, PDF) rendered by kaleido 1.x with the system Chromium.

One browser is kept warm for the process (``kaleido.start_sync_server``):
the first image costs a browser start (about 2 s), the next ones about
0.1 s each. :func:`render` starts it on first use and leaves it running for
the app's download buttons; :func:`warm_browser` brackets a batch and stops
the browser afterwards if it started it.

Where Chromium is missing or cannot start, every function raises
:class:`~exports.errors.ExportError` with a message saying so; nothing else
in ``exports`` needs a browser, so the deck and the workbook still work.
"""

from __future__ import annotations

import io
import os
import shutil
import threading
import zipfile
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from typing import TypeVar

import kaleido
import plotly.graph_objects as go
from kaleido.errors import BrowserClosedError, BrowserFailedError, ChromeNotFoundError

from upt_dashboard import settings
from upt_dashboard.exports.errors import ExportError
from upt_dashboard.views.i18n import t

FORMATS: dict[str, str] = {"png": "image/png", "svg": "image/svg+xml", "pdf": "application/pdf"}
WIDTH, HEIGHT = 1100, 620  # layout pixels; a figure's own height wins
PNG_SCALE = 2  # sharp on projectors and in slides
BROWSER_NAMES = ("chromium", "chromium-browser", "google-chrome", "chrome")
# kaleido's sync server never answers when its browser died; these bound the wait.
FIRST_TIMEOUT_S = 60.0
TIMEOUT_S = 30.0
BROWSER_ERRORS = (BrowserClosedError, BrowserFailedError, ChromeNotFoundError)

_lock = threading.RLock()  # one caller at a time talks to the shared browser
_server = {"running": False}
T = TypeVar("T")


def browser_path() -> str:
    """The Chromium kaleido will drive: ``$BROWSER_PATH`` if set, else one on ``PATH``.

    Raises ``ExportError`` (``export.error.no_browser``) when there is none,
    so a missing browser is reported before kaleido is asked to start one.
    """
    configured = settings.get("BROWSER_PATH")
    if configured:
        if os.path.isfile(configured) and os.access(configured, os.X_OK):
            return configured
        raise ExportError("export.error.no_browser", path=configured)
    found = next((p for p in map(shutil.which, BROWSER_NAMES) if p), None)
    if found is None:
        raise ExportError("export.error.no_browser", path=", ".join(BROWSER_NAMES))
    return found


def images_available() -> bool:
    """True if a Chromium is installed (cheap: the browser is not started)."""
    try:
        browser_path()
    except ExportError:
        return False
    return True


def check_format(fmt: str) -> str:
    if fmt not in FORMATS:
        raise ExportError("export.error.format", format=fmt, choices=", ".join(FORMATS))
    return fmt


def render(
    fig: go.Figure, fmt: str, *, width: int | None = None, height: int | None = None
) -> bytes:
    """One figure as PNG, SVG or PDF bytes (starting the warm browser if needed)."""
    check_format(fmt)
    layout = fig.layout
    opts = {
        "format": fmt,
        "width": width or layout.width or WIDTH,
        "height": height or layout.height or HEIGHT,
        "scale": PNG_SCALE if fmt == "png" else 1,
    }
    with _lock:
        started = _start()
        return _bounded(
            lambda: kaleido.calc_fig_sync(fig.to_dict(), opts=opts),
            FIRST_TIMEOUT_S if started else TIMEOUT_S,
        )


@contextmanager
def warm_browser() -> Iterator[None]:
    """Keep one browser for the images made inside the block; stop it after if we started it."""
    with _lock:
        started = _start()
    try:
        yield
    finally:
        if started:
            with _lock:
                _stop()


@contextmanager
def warming() -> Iterator[None]:
    """Start the shared browser in the background while the block does other work.

    A meeting pack lays out its deck and workbook (no browser needed) while
    Chromium starts (about 2 s), so the PDF's charts find it warm. The
    browser is stopped afterwards if this block started it. A browser that
    cannot start is reported by the first :func:`render` inside the block.
    """
    started: dict[str, bool] = {}

    def start() -> None:
        with _lock:
            try:
                started["here"] = _start()
            except ExportError:
                started["here"] = False  # render() says why, where it is needed

    thread = threading.Thread(target=start, name="kaleido-warm-up", daemon=True)
    thread.start()
    try:
        yield
    finally:
        thread.join()
        if started.get("here"):
            with _lock:
                _stop()


def zip_figures(figures: Mapping[str, go.Figure], fmt: str) -> bytes:
    """``{name: figure}`` as a zip of ``name.fmt`` files, with one warm browser."""
    check_format(fmt)
    buffer = io.BytesIO()
    with warm_browser(), zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, fig in figures.items():
            archive.writestr(f"{name}.{fmt}", render(fig, fmt))
    return buffer.getvalue()


def _start() -> bool:
    """Start the shared browser unless it runs; True if this call started it."""
    browser_path()
    if _server["running"]:
        return False
    # mathjax=False: no formulas in these charts, and no fetch from a CDN offline.
    kaleido.start_sync_server(silence_warnings=True, mathjax=False)
    _server["running"] = True
    try:  # a tiny image proves the browser answers before real work waits on it
        _bounded(
            lambda: kaleido.calc_fig_sync(
                go.Figure().to_dict(), opts={"format": "svg", "width": 10, "height": 10}
            ),
            FIRST_TIMEOUT_S,
        )
    except ExportError:
        _stop()
        raise
    return True


def _stop() -> None:
    kaleido.stop_sync_server(silence_warnings=True)
    _server["running"] = False


def _bounded(call: Callable[[], T], timeout: float) -> T:
    """Run ``call`` in a helper thread and give up after ``timeout`` seconds.

    kaleido's sync server waits forever for an answer when its browser
    could not start or died; a bounded wait turns that into a message.
    """
    outcome: dict[str, object] = {}

    def run() -> None:
        try:
            outcome["value"] = call()
        except Exception as exc:
            outcome["error"] = exc

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(timeout)
    if worker.is_alive():
        raise ExportError(
            "export.error.browser_failed",
            path=browser_path(),
            reason=t("export.error.no_answer", lang="id", seconds=int(timeout)),
        )
    error = outcome.get("error")
    if isinstance(error, BROWSER_ERRORS):
        raise ExportError(
            "export.error.browser_failed",
            path=browser_path(),
            reason=f"{type(error).__name__}: {error}".splitlines()[0][:200],
        )
    if error is not None:
        raise error  # a bug in a figure, not the browser: let it surface
    return outcome["value"]  # type: ignore[return-value]
