"""Findings of an uploaded workbook, shaped for reading (plain, no Streamlit).

A clerk fixes a file sheet by sheet, so findings are grouped by sheet in
the workbook's order (the file itself first), errors before warnings.
Each line names the cell, the employee on a staff row, the value found and
the value expected, then says what to do — in the interface language.
"""

from __future__ import annotations

from dataclasses import dataclass

import polars as pl

from data_loaders.findings import Finding
from upt_dashboard.views.i18n import language, t


@dataclass(frozen=True)
class Line:
    """One finding as the page shows it."""

    severity: str  # "error" | "warning"
    place: str  # "D12", a column "F", or "" for the sheet or file
    subject: str  # employee's name, or ""
    found: str
    expected: str
    message: str


@dataclass(frozen=True)
class SheetFindings:
    sheet: str  # the contract's sheet name; "" for the file as a whole
    title: str  # what to show as the group's heading
    errors: int
    warnings: int
    lines: list[Line]


def group_by_sheet(findings: list[Finding], lang: str | None = None) -> list[SheetFindings]:
    """Findings grouped by sheet in first-seen order (the report sorts them), errors first."""
    lang = lang or language()
    order: dict[str, list[Finding]] = {}
    for f in findings:
        order.setdefault(f.sheet, []).append(f)
    groups = []
    for sheet, items in order.items():
        items = sorted(items, key=lambda f: not f.is_error)  # stable: file order kept
        groups.append(
            SheetFindings(
                sheet=sheet,
                title=sheet or t("upload.whole_file"),
                errors=sum(f.is_error for f in items),
                warnings=sum(not f.is_error for f in items),
                lines=[_line(f, lang) for f in items],
            )
        )
    return groups


def _line(f: Finding, lang: str) -> Line:
    return Line(
        severity=f.severity.value,
        place=f.cell,
        subject=f.subject,
        found=f.found,
        expected=f.expected_in(lang),
        message=f.message_in(lang),
    )


def markdown(line: Line) -> str:
    """One finding as a short Markdown block that wraps on a phone.

    "**D12** · Budi Santoso — ditemukan 21, seharusnya = 22 (Hari Kerja)" then the message.
    """
    head = [f"**{_escape(line.place)}**"] if line.place else []
    if line.subject:
        head.append(_escape(line.subject))
    facts = []
    if line.found:
        facts.append(t("upload.found", value=_escape(line.found)))
    if line.expected:
        facts.append(t("upload.expected", value=_escape(line.expected)))
    first = " · ".join(head)
    if facts:
        first = f"{first} — {', '.join(facts)}" if first else ", ".join(facts)
    body = _escape(line.message)
    return f"{first}  \n{body}" if first else body


def findings_frame(findings: list[Finding], lang: str | None = None) -> pl.DataFrame:
    """Every finding as one row (for the CSV beside the list): sheet, cell, employee,
    found, expected, message, in the interface language."""
    lang = lang or language()
    keys = ("col.severity", "col.sheet", "col.cell", "col.employee", "col.found")
    keys += ("col.expected", "col.message")
    rows = [
        (
            t(f"severity.{f.severity.value}"),
            f.sheet or "—",
            f.cell or "—",
            f.subject,
            f.found,
            f.expected_in(lang),
            f.message_in(lang),
        )
        for f in sorted(findings, key=lambda f: not f.is_error)
    ]
    return pl.DataFrame(rows, schema={t(k): pl.String for k in keys}, orient="row")


def points_at_cells(findings: list[Finding]) -> bool:
    """Whether some error names a cell (else "fix the cells listed" would mislead)."""
    return any(f.is_error and f.has_cell for f in findings)


_MARKDOWN_SPECIAL = str.maketrans({c: f"\\{c}" for c in "\\`*_[]<>#|~$"})


def _escape(text: str) -> str:
    """Text from a workbook shown as Markdown literally (no bold, links or LaTeX by accident)."""
    return str(text).translate(_MARKDOWN_SPECIAL)
