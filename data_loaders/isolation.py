"""Reading workbooks in warm, fenced-off worker processes.

The parser (calamine, through fastexcel) is native code: on a hostile file
it can allocate gigabytes and abort the whole process (signal 6, no Python
exception). So uploads are read and validated in worker processes started
with a memory limit (``RLIMIT_DATA``) and given a time limit per file. A
worker that dies or overruns is killed and replaced, and its file is
refused with a clear message; the app or CLI process never runs the parser.

Workers are started once and reused (about half a second to start, a
millisecond or two per file to hand over bytes and the report). They end
with their parent: end-of-file on their request pipe when the parent exits,
and a watch on the parent's pidfd while they are busy.
"""

from __future__ import annotations

import atexit
import os
import signal
import subprocess
import sys
import threading
from dataclasses import dataclass
from multiprocessing.connection import Connection

from data_loaders.findings import error
from data_loaders.limits import ReadLimits
from data_loaders.report import Report, ValidationContext, refused_report
from upt_dashboard import paths, settings
from upt_dashboard.months import Month

CRASHED = "berkas_gagal_dibaca"
TIMED_OUT = "berkas_terlalu_lama"


def unknown_previous(unit: str, month: Month) -> None:
    """Workers cannot see the database: the caller adds the continuity check after."""
    return None


@dataclass(frozen=True)
class Job:
    """One file for a worker: its bytes, name, context (picklable) and limits."""

    data: bytes
    filename: str
    context: ValidationContext
    limits: ReadLimits


class _WorkerLost(Exception):
    """The worker died or overran its time; ``rule`` says which."""

    def __init__(self, rule: str) -> None:
        super().__init__(rule)
        self.rule = rule


class _Worker:
    """One worker process and the two pipes to it."""

    def __init__(self, memory_mb: int) -> None:
        request_r, request_w = os.pipe()
        result_r, result_w = os.pipe()
        env = settings.environment_for_child(
            # one polars thread per worker: the workers already fill the cores
            POLARS_MAX_THREADS="1",
            PYTHONPATH=os.pathsep.join(filter(None, [str(paths.ROOT), settings.pythonpath()])),
        )
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "data_loaders.reader_worker",
                str(request_r),
                str(result_w),
                str(os.getpid()),
                str(memory_mb),
            ],
            pass_fds=(request_r, result_w),
            stdin=subprocess.DEVNULL,
            env=env,
        )
        os.close(request_r)
        os.close(result_w)
        self.requests = Connection(request_w, readable=False)
        self.results = Connection(result_r, writable=False)

    def run(self, job: Job, timeout: float) -> Report:
        try:
            self.requests.send(job)
            if not self.results.poll(timeout):
                raise _WorkerLost(TIMED_OUT)
            outcome = self.results.recv()
        except (EOFError, OSError) as exc:
            raise _WorkerLost(CRASHED) from exc
        if isinstance(outcome, BaseException):
            raise _WorkerLost(CRASHED) from outcome
        return outcome

    def stop(self) -> None:
        """Kill the process (it may be mid-parse) and close the pipes."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
        self.process.wait()
        self.requests.close()
        self.results.close()


class ReaderPool:
    """Up to ``size`` warm workers; thread-safe (the app reads uploads from many sessions)."""

    def __init__(self, size: int, memory_mb: int, timeout_s: float) -> None:
        self.size, self.memory_mb, self.timeout_s = max(1, size), memory_mb, timeout_s
        self._idle: list[_Worker] = []
        self._started = 0
        self._closed = False
        self._lock = threading.Condition()

    def read(self, job: Job) -> Report:
        """The worker's Report for ``job``, or a Report refusing the file if the worker failed.

        Blocks while every worker is busy. Never raises on user data.
        """
        worker = self._acquire()
        try:
            report = worker.run(job, self.timeout_s)
        except _WorkerLost as lost:
            worker.stop()
            self._release(None)
            return refused_report(job.data, self._refusal(lost.rule, job))
        self._release(worker)
        return report

    def close(self) -> None:
        """Stop every idle worker now; busy ones are stopped when they finish."""
        with self._lock:
            self._closed = True
            idle, self._idle = self._idle, []
            self._lock.notify_all()
        for worker in idle:
            worker.stop()

    def _acquire(self) -> _Worker:
        with self._lock:
            while True:
                if self._closed:
                    raise RuntimeError("the reader pool is closed")
                # An idle worker may have been killed from outside (the OOM killer).
                while self._idle and self._idle[-1].process.poll() is not None:
                    self._idle.pop().stop()
                    self._started -= 1
                if self._idle:
                    return self._idle.pop()
                if self._started < self.size:
                    break
                self._lock.wait()
            self._started += 1
        try:
            return _Worker(self.memory_mb)
        except BaseException:
            self._release(None)
            raise

    def _release(self, worker: _Worker | None) -> None:
        with self._lock:
            if worker is not None and not self._closed:
                self._idle.append(worker)
            else:
                self._started -= 1
            self._lock.notify()
        if worker is not None and self._closed:
            worker.stop()

    def _refusal(self, rule: str, job: Job):
        if rule == TIMED_OUT:
            message = (
                f"Berkas terlalu lama diperiksa (lebih dari {self.timeout_s:g} detik) dan "
                "ditolak. Pastikan berkas hanya berisi lembar-lembar templat resmi tanpa "
                "baris atau kolom kosong yang berlebihan, lalu unggah lagi."
            )
        else:
            message = (
                "Berkas terlalu besar atau terlalu rumit untuk dibaca dengan aman "
                f"(batas memori pembaca {self.memory_mb} MB) dan ditolak. Salin isi laporan ke "
                "templat resmi yang baru, simpan, lalu unggah lagi."
            )
        return error("", "", message, rule)


_shared: ReaderPool | None = None
_shared_lock = threading.Lock()


def shared_pool() -> ReaderPool:
    """This process's pool, sized and limited by the settings (a change starts a new one)."""
    global _shared
    wanted = (
        int(settings.number("DASHBOARD_READER_WORKERS")),
        int(settings.number("DASHBOARD_READER_MEMORY_MB")),
        settings.number("DASHBOARD_READER_TIMEOUT_S"),
    )
    with _shared_lock:
        if _shared is None or (_shared.size, _shared.memory_mb, _shared.timeout_s) != wanted:
            if _shared is not None:
                _shared.close()
            _shared = ReaderPool(*wanted)
        return _shared


def read_isolated(
    data: bytes, filename: str, context: ValidationContext, limits: ReadLimits | None = None
) -> Report:
    """``load_report`` in a worker of the shared pool (see the module docstring).

    ``context.previous_pm_akhir`` must be picklable (a module-level
    function such as :func:`unknown_previous`).
    """
    return shared_pool().read(Job(data, filename, context, limits or ReadLimits.from_settings()))


@atexit.register
def _close_shared() -> None:
    if _shared is not None:
        _shared.close()
