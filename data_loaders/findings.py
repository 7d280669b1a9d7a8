"""Findings: what validation says about an uploaded workbook.

User data never raises: loaders return findings instead. Each finding names
its place in spreadsheet terms so an operator can go straight to the cell.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from openpyxl.utils import get_column_letter

from data_loaders.schema import Severity
from data_loaders.texts import Text, text

_CELL_REF = re.compile(r"[A-Z]{1,3}[1-9][0-9]*")


@dataclass(frozen=True)
class Finding:
    """One problem of a workbook.

    ``message`` is the Indonesian sentence; ``text`` (when set) renders it in
    either language. ``found`` is the value as the file has it and
    ``expected`` what it should be (e.g. found ``21``, expected ``= 22 (Hari
    Kerja)``); ``subject`` names the row for a person (an employee's name).
    """

    severity: Severity
    sheet: str  # sheet name as the contract spells it; "" for the file itself
    cell: str  # "F12", a column "F", or "" when the whole sheet/file is meant
    message: str  # Bahasa Indonesia: what is wrong and what to do
    rule: str = ""  # machine-readable rule id, for tests and statistics
    text: Text | None = None
    found: str = ""
    expected: Text | None = None
    subject: str = ""

    @property
    def is_error(self) -> bool:
        return self.severity == Severity.ERROR

    @property
    def has_cell(self) -> bool:
        """Whether the finding points at one cell (``F12``), not a column, sheet or file."""
        return bool(self.sheet) and bool(_CELL_REF.fullmatch(self.cell))

    def message_in(self, lang: str) -> str:
        """The message in ``lang`` (Indonesian when no text is attached)."""
        return self.text.render(lang) if self.text is not None and lang != "id" else self.message

    def expected_in(self, lang: str) -> str:
        return self.expected.render(lang) if self.expected is not None else ""

    @property
    def location(self) -> str:
        """``Kehadiran Pegawai!F12`` style place, or the sheet, or ``(berkas)``."""
        if not self.sheet:
            return "(berkas)"
        return f"{self.sheet}!{self.cell}" if self.cell else self.sheet

    def as_dict(self) -> dict[str, str]:
        return {
            "severity": self.severity.value,
            "sheet": self.sheet,
            "cell": self.cell,
            "location": self.location,
            "message": self.message,
            "rule": self.rule,
            **({"text": self.text.as_dict()} if self.text is not None else {}),
        }


def finding(
    severity: Severity, sheet: str, cell: str, message: Text | str, rule: str, **extra
) -> Finding:
    """A finding whose message is a :class:`Text` (rendered in Indonesian) or a plain string."""
    if isinstance(message, Text):
        return Finding(severity, sheet, cell, message.render("id"), rule, text=message, **extra)
    return Finding(severity, sheet, cell, message, rule, **extra)


def error(sheet: str, cell: str, message: Text | str, rule: str, **extra) -> Finding:
    return finding(Severity.ERROR, sheet, cell, message, rule, **extra)


def warning(sheet: str, cell: str, message: Text | str, rule: str, **extra) -> Finding:
    return finding(Severity.WARNING, sheet, cell, message, rule, **extra)


def cell_ref(column_index: int, row: int | None = None) -> str:
    """Spreadsheet reference from a 0-based column index and a 1-based row."""
    letter = get_column_letter(column_index + 1)
    return f"{letter}{row}" if row is not None else letter


def has_errors(findings: list[Finding]) -> bool:
    return any(f.is_error for f in findings)


def cap_per_rule(findings: list[Finding], limit: int) -> list[Finding]:
    """The first ``limit`` findings of each rule, in order, and one line per rule counting the rest.

    A file with a million bad rows must not become a million findings
    (memory, the page, the stored warnings): the operator needs the first
    few of each kind and how many more there are.
    """
    kept: list[Finding] = []
    seen: dict[str, int] = {}
    first: dict[str, Finding] = {}
    for f in findings:
        seen[f.rule] = seen.get(f.rule, 0) + 1
        first.setdefault(f.rule, f)
        if seen[f.rule] <= limit:
            kept.append(f)
    for rule, count in seen.items():
        if count > limit:
            sample = first[rule]
            rest = f"{count - limit:,}".replace(",", ".")
            like = sample.text if sample.text is not None else sample.message
            kept.append(
                finding(
                    sample.severity,
                    sample.sheet,
                    "",
                    text("temuan_serupa", rest=rest, sample=like),
                    rule,
                )
            )
    return kept
