"""The public entry: uploaded workbook bytes -> :class:`Report`.

``load_report`` reads (:mod:`data_loaders.reader`) and validates
(:mod:`data_loaders.validator`) one monthly report. It never raises on user
data; everything the user must fix is in ``Report.findings``.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

import polars as pl

from data_loaders.findings import Finding, cap_per_rule, has_errors
from data_loaders.limits import ReadLimits
from data_loaders.reader import empty_frame, read_workbook
from data_loaders.schema import IDENTITAS, PENERIMA_MANFAAT, SHEETS, Layout
from data_loaders.validator import name_rows, previous_pm_findings, validate
from upt_dashboard.months import Month


@dataclass
class ValidationContext:
    """What validation needs to know beyond the file itself."""

    units: dict[str, str]  # known unit code -> registered name
    today: date
    # (unit, the *previous* month) -> its stored PM Akhir Bulan, or None
    previous_pm_akhir: Callable[[str, Month], int | None]


@dataclass
class Report:
    """One uploaded workbook, read and validated."""

    unit_code: str | None
    period: Month | None  # from Tahun and Bulan, when both could be read
    frames: dict[str, pl.DataFrame]  # keyed by Sheet.name
    findings: list[Finding]
    sha256: str
    # Where each value of the key-value sheets was read: (sheet, field) -> "B3".
    value_cells: dict[tuple[str, str], str] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        """True when there is no error finding (warnings do not block)."""
        return not has_errors(self.findings)


def load_report(
    data: bytes,
    filename: str,
    context: ValidationContext,
    *,
    max_bytes: int | None = None,
    max_uncompressed: int | None = None,
    limits: ReadLimits | None = None,
) -> Report:
    """Read and validate one uploaded monthly report.

    In: the file's bytes, its name as uploaded (only ``.xlsx``/``.xlsm`` are
    accepted), the validation context and the limits (None: the settings,
    with ``max_bytes``/``max_uncompressed`` overriding them). Out: a Report
    with one frame per contract sheet (empty when unreadable), the findings
    sorted by sheet and cell (at most ``findings_per_rule`` of each rule plus
    a line counting the rest), the SHA-256 of the bytes and the unit and
    period from Identitas when they could be read.
    """
    limits = limits or ReadLimits.from_settings(max_bytes, max_uncompressed)
    workbook = read_workbook(data, filename, limits=limits)
    findings = name_rows(workbook.findings + validate(workbook.sheets, context), workbook.sheets)
    frames = {
        s.name: workbook.sheets[s.name].frame if s.name in workbook.sheets else empty_frame(s)
        for s in SHEETS
    }
    identitas = workbook.sheets.get(IDENTITAS.name)
    unit, period = None, None
    if identitas is not None:
        unit = identitas.value("kode_upt")
        year, month = identitas.value("tahun"), identitas.value("bulan")
        period = Month(year, month) if year is not None and month is not None else None
    value_cells = {
        (s.name, name): workbook.sheets[s.name].cell(name)
        for s in SHEETS
        if s.layout is Layout.KEY_VALUE and s.name in workbook.sheets
        for name in workbook.sheets[s.name].columns
    }
    return Report(
        unit_code=unit,
        period=period,
        frames=frames,
        findings=cap_per_rule(sorted(findings, key=_place), limits.findings_per_rule),
        sha256=hashlib.sha256(data).hexdigest(),
        value_cells=value_cells,
    )


def refused_report(data: bytes, finding: Finding) -> Report:
    """A Report refusing the whole file with one finding (nothing read)."""
    return Report(
        unit_code=None,
        period=None,
        frames={s.name: empty_frame(s) for s in SHEETS},
        findings=[finding],
        sha256=hashlib.sha256(data).hexdigest(),
    )


def add_previous_pm_check(report: Report, previous_end: int | None) -> None:
    """Add the PM Awal Bulan continuity warning to a report validated without it.

    For bulk imports, whose workers cannot see the months stored while they
    run: ``previous_end`` is last month's stored PM Akhir Bulan, or None.
    """
    pm = report.frames[PENERIMA_MANFAAT.name]
    if not report.ok or report.period is None or pm.is_empty() or pm["pm_awal_bulan"][0] is None:
        return
    cell = report.value_cells.get((PENERIMA_MANFAAT.name, "pm_awal_bulan"), "")
    added = previous_pm_findings(pm["pm_awal_bulan"][0], cell, report.period, previous_end)
    report.findings[:] = sorted(report.findings + added, key=_place)


_SHEET_ORDER = {s.name: i for i, s in enumerate(SHEETS)}
_CELL = re.compile(r"([A-Z]*)(\d*)")


def _place(f: Finding) -> tuple:
    """Sort key: file first, then contract sheet order, row, column."""
    letters, digits = _CELL.fullmatch(f.cell).groups() if _CELL.fullmatch(f.cell) else ("", "")
    return (
        f.sheet != "",
        _SHEET_ORDER.get(f.sheet, len(SHEETS)),
        int(digits or 0),
        len(letters),
        letters,
    )
