"""The first start: the sample data imported behind a progress bar, once per process.

The import runs in a thread of its own (the CLI's parallel importer, one
reader process per core), not in a visitor's script run: a reload, a click
or a second visitor does not interrupt it, and every session arriving
meanwhile watches the same bar — below the sign-in form, which is usable at
once (the demo sign-ins appear with the first stored report). A start
stopped midway is finished by the next one (``intake.bulk.sample_data_wanted``).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field

import streamlit as st
from sqlalchemy import Engine

from upt_dashboard import settings
from upt_dashboard.intake.bulk import iter_sample_data, sample_data_wanted, sample_files
from upt_dashboard.storage.errors import describe
from upt_dashboard.views.i18n import t

POLL_SECONDS = 0.25
log = logging.getLogger(__name__)


@dataclass
class SampleLoad:
    """Progress of this process's sample import, shared by every session."""

    done: int = 0
    total: int = 0
    finished: threading.Event = field(default_factory=threading.Event)
    failure: str | None = None
    retried: bool = False  # a failed load is let go once: every session shares it

    def run(self, engine: Engine) -> None:
        try:
            started = time.perf_counter()
            self.total = len(sample_files())
            for self.done, _ in enumerate(iter_sample_data(engine), start=1):
                pass
            seconds = time.perf_counter() - started
            log.warning("Data contoh dimuat: %d laporan dalam %.1f s.", self.done, seconds)
        except Exception as exc:  # shown to the visitor; a reload tries again
            self.fail(exc)
        finally:
            self.finished.set()

    def fail(self, exc: Exception) -> None:
        # Visitors read the plain reason storage gives, never a driver's message (the log
        # keeps the whole exception).
        self.failure = describe(exc) or type(exc).__name__
        log.error("Data contoh tidak termuat", exc_info=exc)


@st.cache_resource(show_spinner=False)
def _started(_engine: Engine) -> SampleLoad:
    """This process's sample load: a thread when the database wants the sample data,
    else nothing to wait for (no progress bar flashes on a database in use)."""
    load = SampleLoad()
    try:
        wanted = sample_data_wanted(_engine)
    except Exception as exc:  # the database said no: the page says so, a reload asks again
        load.fail(exc)
        wanted = False
    if wanted:
        threading.Thread(target=load.run, args=(_engine,), name="sample-data", daemon=True).start()
    else:
        load.finished.set()
    return load


def begin(engine: Engine) -> SampleLoad:
    """This process's sample load, started when the database wants it (not waited for)."""
    if not settings.flag("DASHBOARD_LOAD_SAMPLE_DATA"):
        return NOTHING_TO_LOAD
    return _started(engine)


NOTHING_TO_LOAD = SampleLoad()
NOTHING_TO_LOAD.finished.set()


def wait(load: SampleLoad, each_poll: Callable[[], None] | None = None) -> None:
    """Wait, with a progress bar, until ``load`` is done; say a failure (a reload tries again).

    ``each_poll`` runs at every update of the bar: the sign-in page shows the
    demo sign-ins there as soon as the first sample report is stored.
    """
    if not load.finished.is_set():
        bar = st.progress(0.0, text=t("app.sample_loading"))
        while not load.finished.wait(POLL_SECONDS):
            if load.total:
                bar.progress(
                    load.done / load.total,
                    text=t("app.sample_progress", done=load.done, total=load.total),
                )
            if each_poll is not None:
                each_poll()
        bar.empty()
    if load.failure:
        st.warning(t("app.sample_failed", reason=load.failure), icon=":material/warning:")
        if not load.retried:  # the next run (a reload) tries again; never twice at once
            load.retried = True
            _started.clear()
