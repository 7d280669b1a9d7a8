"""The whole sample set on disk: :func:`generate`.

``generate()`` writes ``sample_data/<UNIT>_<YYYY-MM>.xlsx`` for the 24 months
2024-11 … 2026-10, ``sample_data/uploads.csv`` (when each file was uploaded,
by whom), ``sample_data/stories.csv`` (the planted problems),
``sample_data/with_errors/`` (one refused file per class of error finding),
``sample_data/with_warnings/`` (accepted files that show one warning each) and
a README in each folder. It only orchestrates: the
numbers come from ``simulation``, the bytes from ``writing``, the
demonstration files from ``refusals``.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from upt_dashboard.months import Month
from upt_dashboard.sample.refusals import (
    BASE_UNIT,
    ERROR_CASES,
    WARNING_CASES,
    base_report,
    build_case,
    write_cases_readme,
)
from upt_dashboard.sample.registry import read_units
from upt_dashboard.sample.simulation import MonthReport, simulate_unit
from upt_dashboard.sample.stories import MONTHS
from upt_dashboard.sample.writing import (
    report_bytes,
    write_readme,
    write_stories,
    write_uploads,
)


def generate(
    out_dir: Path = Path("sample_data"),
    *,
    units: Iterable[str] | None = None,
    months: Iterable[str] | None = None,
    demos: bool = True,
) -> list[Path]:
    """Write the sample workbooks and return the paths written.

    ``units`` (codes) and ``months`` (``YYYY-MM``) limit the monthly files to a
    subset; the bytes of each file are the same as in a full run. ``demos``
    writes ``with_errors/`` and ``with_warnings/``. ``uploads.csv`` and the
    README list the monthly files of this run. Raises ``ValueError`` for an
    unknown unit code or a month outside the range.
    """
    out_dir = Path(out_dir)
    registry = read_units()
    wanted_units = set(units) if units is not None else {u.code for u in registry}
    unknown = wanted_units - {u.code for u in registry}
    if unknown:
        raise ValueError(f"unknown unit codes: {sorted(unknown)}")
    wanted_months = {Month.parse(m) for m in months} if months is not None else set(MONTHS)
    if not wanted_months <= set(MONTHS):
        raise ValueError(f"months outside {MONTHS[0]}…{MONTHS[-1]}")
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    uploads: list[MonthReport] = []
    histories = [simulate_unit(u) for u in registry if u.code in wanted_units]
    for history in histories:
        for report in history.months:
            if report.submitted and report.period in wanted_months:
                path = out_dir / report.filename
                path.write_bytes(report_bytes(report))
                written.append(path)
                uploads.append(report)
    write_uploads(out_dir / "uploads.csv", uploads)
    write_readme(out_dir / "README.md", histories)
    write_stories(out_dir / "stories.csv")
    written += [out_dir / "uploads.csv", out_dir / "README.md", out_dir / "stories.csv"]
    if demos:
        base_unit = next(u for u in registry if u.code == BASE_UNIT)
        base = base_report(simulate_unit(base_unit))
        for folder, cases, title in (
            ("with_errors", ERROR_CASES, "ditolak"),
            ("with_warnings", WARNING_CASES, "diterima dengan peringatan"),
        ):
            target = out_dir / folder
            target.mkdir(exist_ok=True)
            for case in cases:
                (target / case.file).write_bytes(build_case(case, base))
                written.append(target / case.file)
            write_cases_readme(target / "README.md", cases, title, base)
            written.append(target / "README.md")
    return written
