"""``python cli.py export``: real workbooks stored in a database, exported to each format."""

from __future__ import annotations

import io
import zipfile

import polars as pl
import pytest
from openpyxl import load_workbook
from pptx import Presentation

from data_loaders.template import workbook_bytes
from tests.workbooks import TODAY, build_workbook, valid_report_data
from upt_dashboard import cli
from upt_dashboard.access import CLI_OPERATOR
from upt_dashboard.exports import images
from upt_dashboard.intake.ingest import ingest_file
from upt_dashboard.months import Month
from upt_dashboard.storage.bootstrap import init_db

UNITS = ("PSTW-JBG", "RSBL-KDR")


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    """Two units × two months of valid reports in a fresh SQLite database."""
    from upt_dashboard.storage.db import get_engine

    url = f"sqlite:///{tmp_path_factory.mktemp('db') / 'export.db'}"
    engine = init_db(get_engine(url))
    for unit in UNITS:
        for month in (2, 3):
            data = workbook_bytes(
                build_workbook(valid_report_data(unit, 2026, month), unit, 2026, month)
            )
            result = ingest_file(engine, data, f"{unit}-{month}.xlsx", "tester", today=TODAY)
            assert result.status == "accepted", result.message
    engine.dispose()
    return url


def _export(db, *args) -> int:
    return cli.main(["export", "--from", "2026-02", "--to", "2026-03", "--db", db, *args])


def test_deck(db, tmp_path, capsys):
    out = tmp_path / "rapat.pptx"
    assert _export(db, "--format", "pptx", "-o", str(out)) == 0
    assert f"{out} ditulis" in capsys.readouterr().out
    prs = Presentation(str(out))
    assert len(prs.slides) > 5
    assert any(s.has_chart for slide in prs.slides for s in slide.shapes)


def test_workbook_for_one_unit_with_personal_data(db, tmp_path):
    out = tmp_path / "ringkasan.xlsx"
    assert (
        _export(
            db, "--format", "xlsx", "--unit", "PSTW-JBG", "--include-personal-data", "-o", str(out)
        )
        == 0
    )
    wb = load_workbook(out)
    assert "Data Pegawai" in wb.sheetnames
    codes = {wb["Data Pegawai"].cell(r, 1).value for r in range(6, 10)}
    assert codes == {"PSTW-JBG"}
    assert wb["Disiplin"].cell(6, 1).value == "PSTW-JBG"


def test_workbook_without_personal_data_by_default(db, tmp_path):
    out = tmp_path / "ringkasan.xlsx"
    assert _export(db, "--format", "xlsx", "-o", str(out)) == 0
    assert "Data Pegawai" not in load_workbook(out).sheetnames


@pytest.mark.browser
@pytest.mark.skipif(not images.images_available(), reason="no Chromium on this machine")
def test_images_to_a_folder_and_to_a_zip(db, tmp_path):
    folder = tmp_path / "grafik"
    assert _export(db, "--format", "svg", "--type", "PSTW", "-o", str(folder)) == 0
    names = sorted(p.name for p in folder.iterdir())
    assert names and all(n.endswith(".svg") for n in names)
    archive = tmp_path / "grafik.zip"
    assert _export(db, "--format", "png", "--type", "PSTW", "-o", str(archive)) == 0
    with zipfile.ZipFile(archive) as z:
        assert sorted(n.replace(".png", "") for n in z.namelist()) == [
            n.replace(".svg", "") for n in names
        ]
        first = z.read(z.namelist()[0])
        assert first[:8] == b"\x89PNG\r\n\x1a\n"


def test_images_without_chromium_say_so_and_write_nothing(db, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("BROWSER_PATH", "/tidak/ada")
    out = tmp_path / "grafik.zip"
    assert _export(db, "--format", "png", "-o", str(out)) == 2
    assert "Chromium tidak ditemukan" in capsys.readouterr().err
    assert not out.exists()


def test_unknown_unit_is_a_message_not_a_traceback(db, tmp_path, capsys):
    assert _export(db, "--format", "pptx", "--unit", "XXX", "-o", str(tmp_path / "x.pptx")) == 2
    assert "XXX" in capsys.readouterr().err


def test_bad_month_is_a_usage_error(db, capsys):
    with pytest.raises(SystemExit):
        cli.main(
            [
                "export",
                "--format",
                "pptx",
                "--from",
                "2026-13",
                "--to",
                "2026-03",
                "-o",
                "x.pptx",
                "--db",
                db,
            ]
        )
    assert "2026-13" in capsys.readouterr().err


def _month(db, *args) -> int:
    return cli.main(["export", "--db", db, *args])


def test_a_focus_month_gives_the_month_and_its_paragraph(db, tmp_path):
    out = tmp_path / "maret.xlsx"
    assert _month(db, "--format", "xlsx", "--month", "2026-03", "-o", str(out)) == 0
    summary = load_workbook(out)["Ringkasan"]
    assert summary["A1"].value == "Kualitas Layanan UPT — Maret 2026"
    # 13 units in the registry; the two reports were stored today, long after 10 April
    assert summary["A5"].value.startswith(
        "Maret 2026, Provinsi Jawa Timur: 0 dari 13 UPT mengirim laporan tepat waktu "
        "(tenggat 10 April 2026); 2 terlambat dan 11 belum masuk."
    )


def test_without_a_month_the_latest_month_past_its_deadline(db, tmp_path, capsys):
    from datetime import date

    from upt_dashboard.views.selection import reporting_month

    out = tmp_path / "default.xlsx"
    assert _month(db, "--format", "xlsx", "-o", str(out)) == 0
    expected = reporting_month(date.today(), 10)  # the shipped deadline: the 10th
    assert load_workbook(out)["Ringkasan"]["A1"].value == (
        f"Kualitas Layanan UPT — {expected.label()}"
    )


@pytest.mark.parametrize(
    "args, message",
    [
        (["--month", "2026-03", "--from", "2026-02", "--to", "2026-03"], "tidak keduanya"),
        (["--from", "2026-02"], "--from dan --to"),
    ],
)
def test_a_month_or_a_whole_range(db, tmp_path, capsys, args, message):
    out = tmp_path / "x.pptx"
    assert _month(db, "--format", "pptx", *args, "-o", str(out)) == 2
    assert message in capsys.readouterr().err
    assert not out.exists()


@pytest.mark.browser
@pytest.mark.skipif(not images.images_available(), reason="no Chromium on this machine")
def test_the_brief_and_the_whole_pack(db, tmp_path):
    from pypdf import PdfReader

    brief = tmp_path / "brief.pdf"
    assert _month(db, "--format", "pdf", "--month", "2026-03", "-o", str(brief)) == 0
    reader = PdfReader(brief)
    assert len(reader.pages) == 1 and "Maret 2026" in reader.pages[0].extract_text()
    pack = tmp_path / "paket.zip"
    assert _month(db, "--format", "pack", "--month", "2026-03", "-o", str(pack)) == 0
    with zipfile.ZipFile(pack) as z:
        assert sorted(z.namelist()) == [
            "kualitas-layanan_2026-03.pdf",
            "kualitas-layanan_2026-03.pptx",
            "kualitas-layanan_2026-03.xlsx",
        ]


def test_page_and_cli_share_file_names_and_bytes(db):
    """The page and the CLI share exports.build: same format, same file name."""
    from upt_dashboard.exports.build import export_bytes, file_name, pack_from_db
    from upt_dashboard.exports.pack import ExportScope
    from upt_dashboard.storage.db import get_engine

    pack = pack_from_db(
        init_db(get_engine(db)), ExportScope(Month(2026, 2), Month(2026, 3)), viewer=CLI_OPERATOR
    )
    assert file_name(pack, "pptx") == "kualitas-layanan_2026-02_2026-03.pptx"
    assert file_name(pack, "png") == "kualitas-layanan_2026-02_2026-03-png.zip"
    assert file_name(pack, "pack") == "kualitas-layanan_2026-02_2026-03-paket-rapat.zip"
    assert Presentation(io.BytesIO(export_bytes(pack, "pptx"))).slides


def test_the_pack_sees_reports_after_and_before_the_period(tmp_path):
    """A complaint still in process in March's report, which April's report shows
    resolved on 31 March (late news), counts as resolved by the end of March; and TK
    from January counts in the year-to-date thresholds."""
    from datetime import date

    from upt_dashboard.exports.build import pack_from_db
    from upt_dashboard.exports.pack import ExportScope
    from upt_dashboard.storage.db import get_engine

    engine = init_db(get_engine(f"sqlite:///{tmp_path / 'scope.db'}"))
    january = valid_report_data("PSTW-JBG", 2026, 1)
    january["Kehadiran Pegawai"][0].update(hadir=15, tk=3)  # YTD TK 3: the first threshold
    march = valid_report_data("PSTW-JBG", 2026, 3)  # ADU-202603-002 still in process
    april = valid_report_data("PSTW-JBG", 2026, 4)
    april["Pengaduan"].append(
        {**march["Pengaduan"][1], "status": "Selesai", "tanggal_selesai": date(2026, 3, 31)}
    )
    for month, data in ((1, january), (3, march), (4, april)):
        stored = ingest_file(
            engine,
            workbook_bytes(build_workbook(data, "PSTW-JBG", 2026, month)),
            f"{month}.xlsx",
            "tester",
            today=date(2026, 5, 20),
        )
        assert stored.status == "accepted", stored.findings

    pack = pack_from_db(
        engine,
        ExportScope(start=Month(2026, 3), end=Month(2026, 3), units=("PSTW-JBG",)),
        viewer=CLI_OPERATOR,
    )
    resolved = pack.row(pack.summary, "penyelesaian_pengaduan")
    # due 6, 9 and 10 March (received 1, 2, 3 March): all three done by 31 March
    assert (resolved["numerator"], resolved["denominator"]) == (3, 3)
    counts = pack.tk_counts.filter(pl.col("unit_code") == "PSTW-JBG")
    assert counts.filter(pl.col("threshold") == 3)["employees"].to_list() == [1]
