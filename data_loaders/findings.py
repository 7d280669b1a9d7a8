"""Findings: what validation says about an uploaded workbook.

User data never raises: loaders return findings instead. Each finding names
its place in spreadsheet terms so an operator can go straight to the cell.
"""

from __future__ import annotations

from dataclasses import dataclass

from openpyxl.utils import get_column_letter

from data_loaders.schema import Severity


@dataclass(frozen=True)
class Finding:
    severity: Severity
    sheet: str  # sheet name as the contract spells it; "" for the file itself
    cell: str  # "F12", a column "F", or "" when the whole sheet/file is meant
    message: str  # Bahasa Indonesia: what is wrong and what to do
    rule: str = ""  # machine-readable rule id, for tests and statistics

    @property
    def is_error(self) -> bool:
        return self.severity == Severity.ERROR

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
        }


def error(sheet: str, cell: str, message: str, rule: str) -> Finding:
    return Finding(Severity.ERROR, sheet, cell, message, rule)


def warning(sheet: str, cell: str, message: str, rule: str) -> Finding:
    return Finding(Severity.WARNING, sheet, cell, message, rule)


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
            kept.append(
                Finding(
                    sample.severity,
                    sample.sheet,
                    "",
                    f"…dan {rest} temuan serupa lainnya (seperti: {sample.message})",
                    rule,
                )
            )
    return kept
