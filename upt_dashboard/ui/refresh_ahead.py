"""Remake what the pages asked for as soon as new reports are stored, before the next view.

Every cached request of the pages is keyed by the data version, so after an
upload the next view would remake them all: about twice a warm view at
national scale, paid by whichever leader looks first. Instead one thread per
app process looks for a new version every second (``DASHBOARD_REFRESH_AHEAD_S``;
at once when this process stored the report or the verdict) and makes again,
at that version, the requests asked for in the last half hour: the held facts
are refreshed, the sums patched and the totals remade in the background, and
the leader's view finds them made. Streamlit's cache lets one computation of
a value run at a time, so a view that comes during the remaking waits for
it, not twice.

A request takes part by being a function of the data version first
(``version, *rest``) wrapped in :func:`replayed` (above ``st.cache_data``, so
the noting happens on every call, hit or miss); only the calls are kept
(their arguments), never results.

What is remade is bounded: the newest calls only (``HELD_CALLS``, about two
pages' worth), and only data still held here — a request whose scope's facts
were given up is skipped (``NotHeld``), not read back in. They are remade
in the order they were asked, so the caches' least-recently-used order is
the same after the remaking as before it: what was looked at last is still
given up last. A remaking runs to its end even if a newer version lands
meanwhile: the facts it refreshed are the base the next one patches. Views
come first: between two requests the remaking waits while a page is being
drawn in this process (a view makes what it needs itself; two at once on two
cores would slow both), so on a busy deadline day it uses the gaps between
views. A process no one has looked at in the last half hour does not ask the
database for the version at all.
"""

from __future__ import annotations

import atexit
import contextlib
import functools
import logging
import threading
import time
from collections import OrderedDict, deque
from collections.abc import Callable
from dataclasses import dataclass, field

log = logging.getLogger(__name__)

RECENT_SECONDS = 30 * 60  # a request not asked for in this long is not remade
HELD_CALLS = 64  # Ringkasan asks about 30, a unit's profile about 15
SHORTEST_LOOK_SECONDS = 0.1
LONGEST_WAIT_FOR_VIEWS_SECONDS = 5.0  # a run stuck for longer does not stop the remaking
SCRIPT_THREAD = "ScriptRunner.scriptThread"  # the thread Streamlit draws one page run in

_local = threading.local()  # .remaking: this thread is remaking requests


class NotHeld(Exception):
    """Raised by a request being remade whose data this process no longer holds: it is
    made again only when a view asks for it."""


def remaking() -> bool:
    """True in the watcher's thread while it remakes requests."""
    return getattr(_local, "remaking", False)


@dataclass
class _Calls:
    """The requests asked for lately: (function, arguments after the version) → last asked."""

    asked: OrderedDict = field(default_factory=OrderedDict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def note(self, call: tuple) -> None:
        with self.lock:
            self.asked.pop(call, None)
            self.asked[call] = time.monotonic()  # most recent last
            while len(self.asked) > HELD_CALLS:
                self.asked.popitem(last=False)

    def since(self, moment: float) -> list[tuple]:
        """The calls asked for after ``moment``, in the order they were last asked."""
        with self.lock:
            return [call for call, asked in self.asked.items() if asked >= moment]

    def clear(self) -> None:
        with self.lock:
            self.asked.clear()


_calls = _Calls()


def replayed(function: Callable) -> Callable:
    """``function(version, *rest, **named)``, its calls noted so a newer version remakes them.

    Arguments that cannot be kept as a key (unhashable) are not noted: that
    request is simply made at the next view, as before.
    """

    @functools.wraps(function)
    def asked(version, *rest, **named):
        if not remaking():  # a request a remade one makes is not asked for by anyone
            call = (function, rest, tuple(sorted(named.items())))
            with contextlib.suppress(TypeError):  # an unhashable argument: not remade ahead
                _calls.note(call)
        return function(version, *rest, **named)

    return asked


def pages_drawing() -> bool:
    """True while a page run is under way in this process (Streamlit draws each in a
    thread of its own, which ends with the run)."""
    return any(thread.name == SCRIPT_THREAD for thread in threading.enumerate())


def remake(
    version,
    stopped: Callable[[], bool] = lambda: False,
    busy: Callable[[], bool] = lambda: False,
) -> int:
    """Make every request asked for lately again at ``version``; how many were made.

    A request that fails is left to the next view, which reports it; one whose
    data is no longer held is skipped. Between requests, ``stopped`` ends the
    remaking (a watcher replaced: its database gone) and ``busy`` holds it back
    (a page being drawn), for at most ``LONGEST_WAIT_FOR_VIEWS_SECONDS`` each time.
    """
    made = 0
    _local.remaking = True
    try:
        for function, rest, named in _calls.since(time.monotonic() - RECENT_SECONDS):
            held_back = time.monotonic()
            while busy() and time.monotonic() - held_back < LONGEST_WAIT_FOR_VIEWS_SECONDS:
                time.sleep(0.02)
            if stopped():
                break
            try:
                function(version, *rest, **dict(named))
                made += 1
            except NotHeld:
                continue
            except Exception:
                log.warning("remaking %s ahead failed", function.__name__, exc_info=True)
    finally:
        _local.remaking = False
    return made


class Watcher:
    """The thread that looks for a new data version and remakes the requests at it."""

    def __init__(self, read_version: Callable[[], object], every_seconds: float):
        self._read_version = read_version
        self._every = every_seconds
        self._wake = threading.Event()
        self._stopped = threading.Event()
        self.remade: deque = deque(maxlen=16)  # the versions remade at, newest last
        self._thread = threading.Thread(target=self._run, name="refresh-ahead", daemon=True)

    def start(self) -> Watcher:
        self._thread.start()
        return self

    def poke(self) -> None:
        """Look now: this process has just stored a report or a verdict."""
        self._wake.set()

    def stop(self, wait: float = 0) -> None:
        """Stop after the request under way; ``wait``: seconds to wait for that."""
        self._stopped.set()
        self._wake.set()
        if wait and self._thread.is_alive() and self._thread is not threading.current_thread():
            self._thread.join(wait)

    def _run(self) -> None:
        seen = self._version()
        while not self._stopped.is_set():
            self._wake.wait(self._every)
            self._wake.clear()
            if self._stopped.is_set():
                return
            if not _calls.since(time.monotonic() - RECENT_SECONDS):
                continue  # no one has looked lately: the database is not asked either
            version = self._version()
            if version is None or version == seen:
                continue
            started = time.perf_counter()
            made = remake(version, self._stopped.is_set, pages_drawing)
            log.info(
                "remade %d requests at %s in %.2f s", made, version, time.perf_counter() - started
            )
            seen = version
            self.remade.append(version)
            self._wake.set()  # look again at once: a report may have landed meanwhile

    def _version(self):
        try:
            return self._read_version()
        except Exception:  # the database is away: look again next time
            log.debug("data version not read", exc_info=True)
            return None


_watcher: Watcher | None = None
_watcher_lock = threading.Lock()


def watch(read_version: Callable[[], object], every_seconds: float) -> Watcher | None:
    """Start this process's watcher (replacing one started before); None when switched off.

    The one replaced is not waited for: it may be inside a request that waits for
    the caller (a new engine being made).
    """
    global _watcher
    with _watcher_lock:
        if _watcher is not None:
            _watcher.stop()
        _watcher = None
        if every_seconds > 0:
            every = max(every_seconds, SHORTEST_LOOK_SECONDS)
            _watcher = Watcher(read_version, every).start()
        return _watcher


def stop(wait: float = 10) -> None:
    """Stop this process's watcher and wait for it (tests; the interpreter's exit)."""
    global _watcher
    with _watcher_lock:
        current, _watcher = _watcher, None
    if current is not None:
        current.stop(wait)


atexit.register(stop, 2)  # not inside a polars call while the interpreter winds down


def watcher() -> Watcher | None:
    """This process's watcher, if one runs."""
    return _watcher


def poke() -> None:
    """Tell the watcher new data was just stored here, so it remakes now, not in a while."""
    if (current := _watcher) is not None:
        current.poke()
