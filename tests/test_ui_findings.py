"""Findings shaped for the upload page: grouped by sheet, errors first, in either language."""

from data_loaders.findings import error, warning
from data_loaders.texts import text
from upt_dashboard.views.findings import findings_frame, group_by_sheet, markdown, points_at_cells
from upt_dashboard.views.i18n import set_language

FINDINGS = [
    error("", "", text("berkas_kosong"), "berkas_kosong"),
    warning("Layanan", "C4", "Sesi *lebih*", "sesi", found="25"),
    error(
        "Layanan",
        "B5",
        text("nilai_wajib", label="Sesi Direncanakan"),
        "nilai_wajib",
        found="kosong",
        expected=text("harap.diisi"),
    ),
    error("Kehadiran Pegawai", "D4", "x", "jumlah", subject="Budi [Kepala]"),
]


def test_grouped_by_sheet_in_file_order_with_errors_first():
    groups = group_by_sheet(FINDINGS, "id")
    assert [g.title for g in groups] == ["Berkas", "Layanan", "Kehadiran Pegawai"]
    layanan = groups[1]
    assert (layanan.errors, layanan.warnings) == (1, 1)
    assert [line.place for line in layanan.lines] == ["B5", "C4"]


def test_a_line_names_cell_person_found_and_expected_and_escapes_markdown():
    groups = group_by_sheet(FINDINGS, "id")
    line = groups[1].lines[0]
    assert markdown(line) == (
        "**B5** — ditemukan kosong, seharusnya diisi  \nSesi Direncanakan wajib diisi."
    )
    assert markdown(groups[1].lines[1]).endswith("Sesi \\*lebih\\*")
    assert markdown(groups[2].lines[0]).startswith("**D4** · Budi \\[Kepala\\]")


def test_english_lines_and_frame():
    set_language("en")
    try:
        line = group_by_sheet(FINDINGS)[1].lines[0]
        assert line.message == "Sesi Direncanakan is required." and line.expected == "filled in"
        frame = findings_frame(FINDINGS)
        assert frame.columns == [
            "Severity", "Sheet", "Cell", "Employee", "Found", "Expected", "Message"
        ]  # fmt: skip
        assert frame["Message"][0] == "The file is empty (0 bytes). Upload the report file again."
    finally:
        set_language("id")


def test_fix_the_cells_only_when_an_error_names_a_cell():
    assert points_at_cells(FINDINGS)
    assert not points_at_cells([FINDINGS[0], FINDINGS[1]])  # a file error and a warning
