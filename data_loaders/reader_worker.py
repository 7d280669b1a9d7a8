"""A workbook-reading worker process (started by :mod:`data_loaders.isolation`).

Run as ``python -m data_loaders.reader_worker REQUEST_FD RESULT_FD PARENT_PID MEMORY_MB``.
Limits its own memory before importing the parser, then answers one
``isolation.Job`` at a time with a ``Report`` (or the exception it raised)
until the request pipe closes. Exits at once if the parent process ends.
"""

from __future__ import annotations

import os
import resource
import select
import sys
import threading


def _limit_memory(megabytes: int) -> None:
    # RLIMIT_DATA, not RLIMIT_AS: polars' allocator reserves far more address
    # space than it uses; the data limit counts what is actually mapped.
    limit = megabytes * 1024 * 1024
    resource.setrlimit(resource.RLIMIT_DATA, (limit, limit))


def _exit_with_parent(parent_pid: int) -> None:
    """Exit as soon as the parent process ends, even in the middle of a parse."""
    try:
        pidfd = os.pidfd_open(parent_pid)
    except OSError:  # already gone
        os._exit(0)
    if os.getppid() != parent_pid:
        os._exit(0)

    def watch() -> None:
        select.select([pidfd], [], [])
        os._exit(0)

    threading.Thread(target=watch, daemon=True, name="parent-watch").start()


def main(argv: list[str]) -> None:
    request_fd, result_fd, parent_pid, memory_mb = (int(a) for a in argv)
    _exit_with_parent(parent_pid)
    _limit_memory(memory_mb)
    sys.stdout = sys.stderr  # the result pipe is the only channel back

    from multiprocessing.connection import Connection

    from data_loaders.report import load_report

    requests = Connection(request_fd, writable=False)
    results = Connection(result_fd, readable=False)
    while True:
        try:
            job = requests.recv()
        except (EOFError, OSError):
            return
        try:
            outcome = load_report(job.data, job.filename, job.context, limits=job.limits)
        except Exception as exc:  # a bug or MemoryError: the parent refuses the file
            outcome = RuntimeError(f"{type(exc).__name__}: {exc}")
        del job
        results.send(outcome)


if __name__ == "__main__":
    main(sys.argv[1:])
