"""Build small ``Facts`` by hand for indicator tests.

    b = FactsBuilder().unit("PSTW-A", "PSTW").unit("RSBL-A", "RSBL")
    b.report("PSTW-A", "2026-03", pm={"pm_awal_bulan": 10, ...},
             pegawai=[{"hadir": 20, "hari_kerja": 21, "tk": 1}])
    facts = b.build()

Fields a test does not give are 0 (counts), a placeholder (text) or empty
(dates, and the columns format version 2 added). Key-value sheets
(Identitas, Penerima Manfaat, Integritas) always have their one row, as
every real report does. Several versions of one unit-month may be added;
the highest version is current and only its sheet rows reach the fact
frames, while the submissions frame keeps them all.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime

import polars as pl

from upt_dashboard import paths
from upt_dashboard.storage.facts import (
    SHEET_ATTRS,
    SUBMISSIONS_SCHEMA,
    UNIT_TYPES_SCHEMA,
    UNITS_SCHEMA,
    Facts,
    sheet_schema,
)

UNIT_TYPES_CSV = paths.UNIT_TYPES_CSV
_KEY_VALUE = {"identitas", "penerima_manfaat", "integritas"}


def month(text: str) -> date:
    """``"2026-03"`` → ``date(2026, 3, 1)``."""
    year, mon = text.split("-")
    return date(int(year), int(mon), 1)


def utc(text: str) -> datetime:
    """``"2026-04-10 16:59"`` (UTC) → aware datetime."""
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


@dataclass
class _Report:
    id: int
    unit_code: str
    period: date
    version: int
    uploaded_at: datetime
    sheets: dict[str, list[dict]] = field(default_factory=dict)


class FactsBuilder:
    def __init__(self) -> None:
        self._units: list[dict] = []
        self._reports: list[_Report] = []

    def unit(self, code: str, type: str = "PSTW", capacity: int = 100) -> FactsBuilder:
        self._units.append(
            {
                "code": code,
                "name": f"UPT {code}",
                "type": type,
                "city": "Kota",
                "capacity": capacity,
            }
        )
        return self

    def report(
        self,
        unit_code: str,
        period: str,
        *,
        version: int = 1,
        uploaded_at: datetime | str | None = None,
        pm: dict | None = None,
        layanan: list[dict] | None = None,
        pegawai: list[dict] | None = None,
        pengaduan: list[dict] | None = None,
        survei: list[dict] | None = None,
        pembinaan: list[dict] | None = None,
        integritas: dict | None = None,
    ) -> FactsBuilder:
        """Add one submission (version) of a unit-month with its sheet rows.

        ``uploaded_at`` default: the 5th of the following month, 02:00 UTC.
        """
        start = month(period)
        if uploaded_at is None:
            nxt = date(start.year + start.month // 12, start.month % 12 + 1, 5)
            uploaded_at = datetime(nxt.year, nxt.month, nxt.day, 2, tzinfo=UTC)
        elif isinstance(uploaded_at, str):
            uploaded_at = utc(uploaded_at)
        self._reports.append(
            _Report(
                id=len(self._reports) + 1,
                unit_code=unit_code,
                period=start,
                version=version,
                uploaded_at=uploaded_at,
                sheets={
                    "identitas": [
                        {
                            "kode_upt": unit_code,
                            "tahun": start.year,
                            "bulan": start.month,
                            "versi_format": "1",
                        }
                    ],
                    "penerima_manfaat": [pm or {}],
                    "layanan": layanan or [],
                    "kehadiran_pegawai": pegawai or [],
                    "pengaduan": pengaduan or [],
                    "survei_kepuasan": survei or [],
                    "pembinaan": pembinaan or [],
                    "integritas": [integritas or {}],
                },
            )
        )
        return self

    def build(self) -> Facts:
        latest: dict[tuple[str, date], int] = {}
        for r in self._reports:
            key = (r.unit_code, r.period)
            latest[key] = max(latest.get(key, 0), r.version)
        current = [r for r in self._reports if latest[(r.unit_code, r.period)] == r.version]
        submissions = pl.DataFrame(
            [
                {
                    "id": r.id,
                    "unit_code": r.unit_code,
                    "period": r.period,
                    "version": r.version,
                    "uploaded_at": r.uploaded_at,
                    "is_current": r in current,
                }
                for r in self._reports
            ],
            schema=SUBMISSIONS_SCHEMA,
        )
        sheets = {attr: _frame(attr, current) for attr in SHEET_ATTRS}
        return Facts.of(
            units=pl.DataFrame(self._units, schema=UNITS_SCHEMA),
            unit_types=pl.read_csv(UNIT_TYPES_CSV, schema=UNIT_TYPES_SCHEMA),
            submissions=submissions,
            **sheets,
        )


def _frame(attr: str, reports: list[_Report]) -> pl.DataFrame:
    schema = sheet_schema(SHEET_ATTRS[attr])
    # Columns a later format version added stay empty unless given (not measured).
    later = {f.name for f in SHEET_ATTRS[attr].fields if f.since != "1"}
    rows = []
    for r in reports:
        for given in r.sheets[attr]:
            row = {
                name: None if name in later else _default(dtype) for name, dtype in schema.items()
            }
            row.update(submission_id=r.id, unit_code=r.unit_code, period=r.period)
            row.update(given)
            rows.append(row)
    return pl.DataFrame(rows, schema=schema)


def _default(dtype: pl.DataType):
    if dtype == pl.Int64:
        return 0
    if dtype == pl.String:
        return "-"
    return None
