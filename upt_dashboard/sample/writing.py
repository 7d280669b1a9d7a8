"""Turning simulated reports into files: workbooks with the clock taken out, uploads.csv,
the sample README.

Every workbook is the real template (``write_template`` + ``fill_template``), so
samples and template cannot drift apart; :func:`stable_bytes` pins the timestamps
openpyxl would take from the clock, so the same report always gives the same bytes.
:func:`read_uploads` reads ``uploads.csv`` back (tests, tools).
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from datetime import datetime
from pathlib import Path

from openpyxl import Workbook

from data_loaders.schema import KEHADIRAN_PEGAWAI, PENERIMA_MANFAAT, PENGADUAN, SURVEI_KEPUASAN
from data_loaders.template import fill_template, workbook_bytes, write_template
from upt_dashboard.months import Month
from upt_dashboard.sample.registry import Unit
from upt_dashboard.sample.simulation import MonthReport, UnitHistory
from upt_dashboard.sample.stories import MONTHS, N_MONTHS, PLANTED, STORIES, Planted

_MINUTES = ("menit_terlambat", "menit_pulang_cepat")
# Stamped into docProps/core.xml and every zip entry so runs are byte-identical.
FIXED_TIMESTAMP = datetime(2026, 11, 1, 0, 0, 0)


def build_workbook(unit: Unit, period: Month, data: dict) -> Workbook:
    """The real template for the unit-month, filled with ``data``.

    Format version 2 where the attendance rows carry minutes of lateness or
    early departure, else version 1: most units still send version 1.
    """
    rows = data.get(KEHADIRAN_PEGAWAI.name, [])
    minutes = any(r.get(k) is not None for r in rows for k in _MINUTES)
    wb = write_template(unit.code, unit.name, period, "2" if minutes else "1")
    fill_template(wb, data)
    return wb


def stable_bytes(wb: Workbook) -> bytes:
    """``workbook_bytes`` with the clock taken out: openpyxl stamps the save
    time into docProps/core.xml (``modified``, even if set beforehand) and
    every zip entry, so both are rewritten to ``FIXED_TIMESTAMP``."""
    wb.properties.created = FIXED_TIMESTAMP
    wb.properties.modified = FIXED_TIMESTAMP
    raw = workbook_bytes(wb)
    stamp = FIXED_TIMESTAMP.strftime("%Y-%m-%dT%H:%M:%SZ")
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(raw)) as src,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst,
    ):
        for info in src.infolist():
            content = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = re.sub(
                    rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*",
                    rb"\g<1>" + stamp.encode(),
                    content,
                )
            entry = zipfile.ZipInfo(info.filename, date_time=FIXED_TIMESTAMP.timetuple()[:6])
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o600 << 16
            dst.writestr(entry, content)
    return out.getvalue()


def report_bytes(report: MonthReport) -> bytes:
    """The bytes of one monthly report's workbook, the same on every run."""
    return stable_bytes(build_workbook(report.unit, report.period, report.data))


def write_uploads(path: Path, reports: list[MonthReport]) -> None:
    """``uploads.csv``: one row per submitted file (file, uploaded_at in UTC, uploaded_by),
    sorted by upload time then file name, so the rows do not depend on the order the
    units were simulated."""
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(["file", "uploaded_at", "uploaded_by"])
        for r in sorted(reports, key=lambda r: (r.uploaded_at, r.filename)):
            writer.writerow([r.filename, r.uploaded_at.isoformat(), r.uploaded_by])


STORIES_COLUMNS = ("unit", "months", "indicator", "story")


def write_stories(path: Path, planted: tuple[Planted, ...] = PLANTED) -> None:
    """``stories.csv``: the planted problems, one row per unit and indicator
    (``months`` as ``YYYY-MM`` joined by ``;``), for tests and tools to check
    that the dashboard shows each one."""
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f, lineterminator="\n")
        writer.writerow(STORIES_COLUMNS)
        for p in planted:
            writer.writerow([p.unit, ";".join(str(m) for m in p.months), p.indicator, p.story])


def read_stories(path: Path) -> list[Planted]:
    """``stories.csv`` back as :class:`~upt_dashboard.sample.stories.Planted` rows."""
    with Path(path).open(newline="", encoding="utf-8") as f:
        return [
            Planted(
                r["unit"],
                tuple(Month.parse(m) for m in r["months"].split(";")),
                r["indicator"],
                r["story"],
            )
            for r in csv.DictReader(f)
        ]


def read_uploads(path: Path) -> dict[str, tuple[datetime, str]]:
    """``uploads.csv`` as file name -> (uploaded_at in UTC, uploaded_by)."""
    with Path(path).open(newline="", encoding="utf-8") as f:
        return {
            r["file"]: (datetime.fromisoformat(r["uploaded_at"]), r["uploaded_by"])
            for r in csv.DictReader(f)
        }


def write_readme(path: Path, histories: list[UnitHistory]) -> None:
    """``sample_data/README.md``: what the set holds, the stories, and one summary row per
    unit of ``histories`` (the units of this run)."""
    lines = [
        "# Data contoh (sample data)",
        "",
        "Dibuat oleh `python cli.py sample` (`upt_dashboard/sample/`): deterministik — "
        "menjalankan ulang menghasilkan berkas yang sama persis byte demi byte. Jangan "
        "disunting dengan tangan; ubah generatornya.",
        "",
        f"- Periode: {MONTHS[0]} … {MONTHS[-1]} "
        f"({N_MONTHS} bulan), satu berkas `<KODE>_<YYYY-MM>.xlsx` per UPT per bulan, diisi "
        "ke templat resmi (`data_loaders/template.py`).",
        "- `uploads.csv`: kapan tiap berkas diunggah (UTC) dan oleh siapa; importer memakainya "
        "untuk ketepatan waktu laporan (batas: tanggal 10 bulan berikutnya).",
        "- `stories.csv`: masalah yang sengaja ditanam (UPT, bulan, indikator, cerita); "
        "dasbor harus menandai atau mendaftar setiap baris sebagai perlu perhatian (ada "
        "tesnya).",
        "- `with_errors/`: satu berkas per jenis kesalahan, semuanya harus ditolak.",
        "- `with_warnings/`: satu berkas per jenis peringatan, diterima dengan peringatan.",
        "",
        "## Cerita dalam data",
        "",
    ]
    for title, text in STORIES:
        lines += [f"- **{title}.** {text}"]
    lines += [
        "",
        "## Ringkasan per UPT",
        "",
        "| UPT | Daya tampung | PM akhir (awal → akhir rentang) "
        "| Bulan di atas daya tampung | Pegawai (awal → akhir) | Berkas "
        "| Responden survei (rata-rata) | IKM (bulan pertama → terakhir) | Pengaduan |",
        "|---|---:|---|---:|---|---:|---:|---|---:|",
    ]
    for h in histories:
        months = h.months
        akhir = [m.data[PENERIMA_MANFAAT.name]["pm_akhir_bulan"] for m in months]
        over = sum(a > h.unit.capacity for a in akhir)
        staff = [len(m.data[KEHADIRAN_PEGAWAI.name]) for m in months]
        files = sum(m.submitted for m in months)
        survey = sum(len(m.data[SURVEI_KEPUASAN.name]) for m in months) / len(months)
        ikm = [survey_ikm(m.data[SURVEI_KEPUASAN.name]) for m in (months[0], months[-1])]
        complaints = len({r["nomor"] for m in months for r in m.data[PENGADUAN.name]})
        start = months[0].data[PENERIMA_MANFAAT.name]["pm_awal_bulan"]
        lines.append(
            f"| {h.unit.code} | {h.unit.capacity} | {start} → {akhir[-1]} "
            f"(min {min(akhir)}, maks {max(akhir)}) | {over} | "
            f"{staff[0]} → {staff[-1]} | {files} | {survey:.0f} | "
            f"{ikm[0]:.2f} → {ikm[-1]:.2f} | {complaints} |"
        )
    lines += [
        "",
        "## Cara membuat ulang",
        "",
        "```",
        "python cli.py sample            # ke sample_data/",
        "python cli.py sample --out DIR  # ke folder lain",
        "```",
        "",
    ]
    path.write_text("\n".join(lines), encoding="utf-8")


def survey_ikm(rows: list[dict]) -> float:
    """IKM of one survey sheet (PermenPAN-RB 14/2017), for the README only."""
    return sum(sum(r[f"u{k}"] for r in rows) / len(rows) for k in range(1, 10)) / 9 * 25
