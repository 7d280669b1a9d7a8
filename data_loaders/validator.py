"""Checks that need more than one cell: rules, uniqueness, registry, period.

Runs on the typed sheets of :func:`data_loaders.reader.read_workbook`.
Cell-level checks (number, date, choice, required) already happened there;
rows whose cells failed them are skipped by the rules that use those cells,
so one mistake gives one finding.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING

import polars as pl

from data_loaders.cells import OUT_OF_RANGE
from data_loaders.findings import Finding, error, finding, warning
from data_loaders.reader import SheetData
from data_loaders.schema import (
    ASSUMED_VERSION,
    FORMAT_VERSIONS,
    IDENTITAS,
    KEHADIRAN_PEGAWAI,
    PENERIMA_MANFAAT,
    SHEETS,
    Rule,
    Severity,
    header_key,
)
from data_loaders.texts import text
from upt_dashboard.months import Month

if TYPE_CHECKING:
    from data_loaders.report import ValidationContext

# Rule ids of this module (the schema's Rule names are used as they are).
UNKNOWN_UNIT = "kode_upt_tidak_dikenal"
UNIT_NAME_DIFFERS = "nama_upt_berbeda"
FUTURE_PERIOD = "periode_masa_depan"
VERSION_ASSUMED = "versi_format_diasumsikan"
VERSION_UNSUPPORTED = "versi_format_tidak_didukung"
PM_START_DIFFERS = "pm_awal_berbeda_bulan_lalu"
DUPLICATE = "nilai_ganda"


@dataclass(frozen=True)
class Check:
    """A check of this module beyond the schema's Rules, described for the docs."""

    sheet: str
    rule: str
    severity: Severity
    description: str  # Bahasa Indonesia


CHECKS: tuple[Check, ...] = (
    Check(
        IDENTITAS.name,
        UNKNOWN_UNIT,
        Severity.ERROR,
        "Kode UPT harus ada di daftar UPT Dinas Sosial (huruf besar/kecil tidak dibedakan).",
    ),
    Check(
        IDENTITAS.name,
        UNIT_NAME_DIFFERS,
        Severity.WARNING,
        "Nama UPT berbeda dengan nama terdaftar; laporan dicatat dengan nama terdaftar.",
    ),
    Check(IDENTITAS.name, OUT_OF_RANGE, Severity.ERROR, "Tahun paling lambat tahun berjalan."),
    Check(
        IDENTITAS.name,
        FUTURE_PERIOD,
        Severity.ERROR,
        "Periode (Tahun, Bulan) tidak boleh di masa depan; bulan berjalan boleh.",
    ),
    Check(
        IDENTITAS.name,
        VERSION_ASSUMED,
        Severity.WARNING,
        f"Versi Format kosong atau tidak ada: dianggap {ASSUMED_VERSION}.",
    ),
    Check(
        IDENTITAS.name,
        VERSION_UNSUPPORTED,
        Severity.ERROR,
        f"Versi Format selain {' atau '.join(FORMAT_VERSIONS)} tidak dapat dibaca. Kolom "
        "versi 2 (Menit Terlambat, Menit Pulang Cepat) boleh ada di berkas versi 1 dan "
        "dibaca sama.",
    ),
    Check(
        PENERIMA_MANFAAT.name,
        PM_START_DIFFERS,
        Severity.WARNING,
        "PM Awal Bulan berbeda dengan PM Akhir Bulan laporan bulan sebelumnya yang "
        "tersimpan untuk UPT yang sama.",
    ),
)

_HELPER_COLUMNS = ("_period_start", "_period_end", "_today")
# "2", or the number 2 typed (or saved by a spreadsheet) as 2.0 / 2,0.
_VERSION = re.compile(r"\s*(\d+)(?:[.,]0+)?\s*")


def validate(sheets: dict[str, SheetData], context: ValidationContext) -> list[Finding]:
    """All cross-cell findings of one workbook.

    In: the sheets read (keyed by Sheet.name; absent ones are skipped) and
    the context (registry, today, previous month's PM). Out: findings.
    Normalises Identitas in place: Kode UPT to the registry's spelling and
    Versi Format to ``"1"`` or ``"2"`` (missing: ``"1"``).
    """
    findings: list[Finding] = []
    identitas = sheets.get(IDENTITAS.name)
    unit, period = None, None
    if identitas is not None:
        findings += _check_version(identitas)
        unit, unit_findings = _check_unit(identitas, context.units)
        findings += unit_findings
        period, period_findings = _check_period(identitas, context.today)
        findings += period_findings
    pm = sheets.get(PENERIMA_MANFAAT.name)
    if pm is not None and unit is not None and period is not None:
        findings += _check_previous_pm(pm, unit, period, context)
    rule_findings = check_rules(sheets, period, context.today)
    for sheet in SHEETS:
        if (data := sheets.get(sheet.name)) is not None:
            findings += rule_findings.get(sheet.name, [])
            findings += check_unique(data)
    return findings


# --- Identitas --------------------------------------------------------------------------


def _check_unit(identitas: SheetData, units: dict[str, str]) -> tuple[str | None, list[Finding]]:
    """The registered unit code (normalised into the frame) and registry findings."""
    code = identitas.value("kode_upt")
    if code is None:
        return None, []
    registered = {header_key(c): c for c in units}.get(header_key(code))
    if registered is None:
        close = difflib.get_close_matches(code.upper(), units, n=3, cutoff=0.6)
        hint = (
            text("kode_upt.mungkin", codes=", ".join(close))
            if close
            else text("kode_upt.contoh", codes=", ".join(sorted(units)[:3]))
        )
        return None, [
            error(
                IDENTITAS.name,
                identitas.cell("kode_upt"),
                text(UNKNOWN_UNIT, code=code, hint=hint),
                UNKNOWN_UNIT,
                found=code,
                expected=text("harap.terdaftar"),
            )
        ]
    _set_value(identitas, "kode_upt", registered)
    name = identitas.value("nama_upt")
    if name is not None and header_key(name) != header_key(units[registered]):
        return registered, [
            warning(
                IDENTITAS.name,
                identitas.cell("nama_upt"),
                text(UNIT_NAME_DIFFERS, name=name, code=registered, registered=units[registered]),
                UNIT_NAME_DIFFERS,
                found=name,
                expected=text("harap.pilihan", choices=units[registered]),
            )
        ]
    return registered, []


def _check_period(identitas: SheetData, today: date) -> tuple[Month | None, list[Finding]]:
    """The reported period, or None when unusable, and period findings.

    A period in the future is reported once and then treated as unknown, so
    the dates checked against it do not each report the same mistake again.
    """
    year, month = identitas.value("tahun"), identitas.value("bulan")
    if year is None or month is None:
        return None, []
    period = Month(year, month)
    if year > today.year:
        return None, [
            error(
                IDENTITAS.name,
                identitas.cell("tahun"),
                text(
                    "tahun_di_luar_rentang",
                    found=year,
                    low=IDENTITAS.field("tahun").min,
                    high=today.year,
                ),
                OUT_OF_RANGE,
                found=str(year),
                expected=text("harap.rentang", low=IDENTITAS.field("tahun").min, high=today.year),
            )
        ]
    if (year, month) > (today.year, today.month):
        return None, [
            error(
                IDENTITAS.name,
                identitas.cell("bulan"),
                text(
                    FUTURE_PERIOD,
                    period=period.label(),
                    period_en=period.label("en"),
                    today=_display(today),
                ),
                FUTURE_PERIOD,
                found=period.label(),
                expected=text("harap.nilai", relation="≤", value=Month.of(today).label()),
            )
        ]
    return period, []


def _check_version(identitas: SheetData) -> list[Finding]:
    version = identitas.value("versi_format")
    if version is None:  # label absent or value empty
        _set_value(identitas, "versi_format", ASSUMED_VERSION)
        return [
            warning(
                IDENTITAS.name,
                identitas.cell("versi_format"),
                text(VERSION_ASSUMED, version=ASSUMED_VERSION),
                VERSION_ASSUMED,
            )
        ]
    match = _VERSION.fullmatch(version)
    number = str(int(match.group(1))) if match else None
    if number not in FORMAT_VERSIONS:
        return [
            error(
                IDENTITAS.name,
                identitas.cell("versi_format"),
                text(VERSION_UNSUPPORTED, found=version, version="/".join(FORMAT_VERSIONS)),
                VERSION_UNSUPPORTED,
                found=version,
                expected=text("harap.versi", version="/".join(FORMAT_VERSIONS)),
            )
        ]
    _set_value(identitas, "versi_format", number)
    return []


def _set_value(data: SheetData, name: str, value: str) -> None:
    """Replace a text value of a key-value sheet (one row), without a polars query."""
    frame = data.frame.clone()
    frame.replace_column(frame.get_column_index(name), pl.Series(name, [value], pl.String))
    data.frame = frame


# --- Penerima Manfaat -------------------------------------------------------------------


def _check_previous_pm(
    pm: SheetData, unit: str, period: Month, context: ValidationContext
) -> list[Finding]:
    start = pm.value("pm_awal_bulan")
    if start is None:
        return []
    before = period.previous()
    previous_end = context.previous_pm_akhir(unit, before)
    return previous_pm_findings(start, pm.cell("pm_awal_bulan"), period, previous_end)


def previous_pm_findings(
    start: int, cell: str, period: Month, previous_end: int | None
) -> list[Finding]:
    """Warning when PM Awal Bulan differs from last month's stored PM Akhir Bulan."""
    if previous_end is None or previous_end == start:
        return []
    before = period.previous()
    return [
        warning(
            PENERIMA_MANFAAT.name,
            cell,
            text(
                PM_START_DIFFERS,
                found=start,
                expected=previous_end,
                before=before.label(),
                before_en=before.label("en"),
            ),
            PM_START_DIFFERS,
            found=str(start),
            expected=text(
                "harap.nilai_label",
                relation="=",
                value=previous_end,
                label=f"PM Akhir Bulan {before.label()}",
            ),
        )
    ]


# --- schema rules and uniqueness ---------------------------------------------------------


def check_rules(
    sheets: dict[str, SheetData], period: Month | None, today: date
) -> dict[str, list[Finding]]:
    """Findings of the schema Rules of every sheet, by sheet name.

    A rule is skipped on a row where one of its fields was unusable, and
    where it evaluates to null (a missing value or an unknown period). All
    sheets go to polars in one call: each query costs far more in thread
    hand-offs and planning than evaluating a report's few rows.
    """
    helpers = _helper_columns(period, today)
    frames = {
        name: data.frame.hstack([h.new_from_index(0, data.frame.height) for h in helpers])
        for name, data in sheets.items()
        if data.sheet.rules and data.frame.height
    }
    results = pl.collect_all(
        [
            frame.lazy().select(_rule_columns(sheets[name].sheet.rules))
            for name, frame in frames.items()
        ],
        optimizations=pl.QueryOptFlags.none(),  # one select per sheet: nothing to optimise
        engine="in-memory",  # starting the streaming engine costs more than a few rows
    )
    findings: dict[str, list[Finding]] = {}
    for (name, frame), result in zip(frames.items(), results):
        data = sheets[name]
        findings[name] = []
        for rule in data.sheet.rules:
            passed = result[rule.name].to_list()
            failing = [i for i, ok in enumerate(passed) if ok is False]
            findings[name] += [
                _rule_finding(data, frame, result, rule, i)
                for i in _usable_rows(data, rule, failing)
            ]
    return findings


def _rule_columns(rules: tuple[Rule, ...]) -> list[pl.Expr]:
    """Each rule's verdict, and the values it found and expected where it declares them."""
    columns = []
    for rule in rules:
        columns.append(rule.check.alias(rule.name))
        if rule.found is not None:
            columns.append(rule.found.alias(f"{rule.name}__found"))
        if rule.expected is not None:
            columns.append(rule.expected.alias(f"{rule.name}__expected"))
    return columns


def _helper_columns(period: Month | None, today: date) -> list[pl.Series]:
    """The helper columns rules may use, one value each (null while the period is unknown)."""
    values = (period.first_day if period else None, period.last_day if period else None, today)
    return [pl.Series(name, [value], pl.Date) for name, value in zip(_HELPER_COLUMNS, values)]


def _usable_rows(data: SheetData, rule: Rule, rows: list[int]) -> list[int]:
    involved = _RULE_FIELDS[data.sheet.name, rule.name]
    return [i for i in rows if not any(i in data.bad.get(n, ()) for n in involved)]


# Fields each rule reads, worked out once: meta.root_names() is slow.
_RULE_FIELDS = {
    (sheet.name, rule.name): [n for n in rule.check.meta.root_names() if n not in _HELPER_COLUMNS]
    for sheet in SHEETS
    for rule in sheet.rules
}


def _rule_finding(
    data: SheetData, frame: pl.DataFrame, result: pl.DataFrame, rule: Rule, i: int
) -> Finding:
    row = frame.row(i, named=True)
    found = result[f"{rule.name}__found"][i] if rule.found is not None else row[rule.field]
    values = {k: _display(v) for k, v in row.items()}
    values["_found"] = _display(found)
    expected = None
    if rule.expected is not None:
        values["_expected"] = _display(result[f"{rule.name}__expected"][i])
        expected = (
            text(
                "harap.nilai_label",
                relation=rule.relation,
                value=values["_expected"],
                label=rule.expected_label,
            )
            if rule.expected_label
            else text("harap.nilai", relation=rule.relation, value=values["_expected"])
        )
    return finding(
        rule.severity,
        data.sheet.name,
        data.cell(rule.field, i),
        text(f"rule.{rule.name}", **values),
        rule.name,
        found=values["_found"],
        expected=expected,
    )


def name_rows(findings: list[Finding], sheets: dict[str, SheetData]) -> list[Finding]:
    """The findings with the employee's name as ``subject`` on staff rows.

    A clerk fixing "Kehadiran Pegawai!D12" looks for a person, not a row
    number. Rows whose name could not be read keep no subject.
    """
    staff = sheets.get(KEHADIRAN_PEGAWAI.name)
    if staff is None or "_row" not in staff.frame.columns or staff.frame.is_empty():
        return findings
    names = dict(zip(staff.frame["_row"].to_list(), staff.frame["nama"].to_list()))
    named = []
    for f in findings:
        row = _CELL_ROW.fullmatch(f.cell) if f.sheet == KEHADIRAN_PEGAWAI.name else None
        name = names.get(int(row[1])) if row else None
        named.append(replace(f, subject=name) if name else f)
    return named


_CELL_ROW = re.compile(r"[A-Z]+(\d+)")


def _display(value: object) -> str:
    if value is None:
        return "kosong"
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    return str(value)


def check_unique(data: SheetData) -> list[Finding]:
    """Errors for repeated non-empty values of the sheet's unique fields.

    Text is compared case-insensitively with inner spaces collapsed, so
    ``ADU-01`` and ``adu-01`` are the same complaint.
    """
    findings = []
    for name in data.sheet.unique:
        label = data.sheet.field(name).label
        first: dict[str, int] = {}
        for i, value in enumerate(data.frame[name].to_list()):
            if value is None:
                continue
            key = header_key(value)
            if key not in first:
                first[key] = i
                continue
            findings.append(
                error(
                    data.sheet.name,
                    data.cell(name, i),
                    text(DUPLICATE, label=label, found=value, first=data.cell(name, first[key])),
                    DUPLICATE,
                    found=str(value),
                    expected=text("harap.satu_kali"),
                )
            )
    return findings
