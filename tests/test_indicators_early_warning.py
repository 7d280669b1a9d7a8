"""Early warning on year-to-date TK (PP 94/2021) and the threshold counts."""

from __future__ import annotations

import pytest
from facts_builder import FactsBuilder

from upt_dashboard.indicators.early_warning import LADDER, early_warning, tk_threshold_counts
from upt_dashboard.indicators.errors import IndicatorError
from upt_dashboard.months import Month

NIP = "198001012005011001"


def _facts():
    b = FactsBuilder().unit("PSTW-A").unit("RSBL-B", "RSBL")
    b.report("PSTW-A", "2025-12", pegawai=[dict(nip=NIP, nama="Budi", status="PNS", tk=9)])
    b.report(
        "PSTW-A",
        "2026-01",
        pegawai=[
            dict(nip=NIP, nama="Budi", status="PNS", tk=6),
            dict(nip=None, nama="Siti  Aminah", status="Non ASN", tk=1),
            dict(nip="198001012005011003", nama="Joko", status="PNS", tk=0),
        ],
    )
    b.report(
        "PSTW-A",
        "2026-02",
        pegawai=[
            dict(nip=NIP, nama="Budi", status="PNS", tk=4),
            dict(nip=None, nama="siti aminah", status="Non ASN", tk=1),  # same person by name
            dict(nip="198001012005011003", nama="Joko", status="PNS", tk=1),
        ],
    )
    b.report("RSBL-B", "2026-02", pegawai=[dict(nip="198001012005011009", nama="Ani", tk=21)])
    return b.build()


FACTS = _facts()


def test_ladder_is_the_full_pp94_scale():
    assert [t.days for t in LADDER] == [3, 4, 7, 11, 14, 17, 21, 25, 28]


def test_year_to_date_list_with_reached_and_next_threshold():
    rows = early_warning(FACTS, units=["PSTW-A"], as_of=Month(2026, 2)).to_dicts()
    budi, siti = rows  # Joko (1 day) is not listed; December 2025 does not count
    assert (budi["nip"], budi["tk_ytd"]) == (NIP, 10)
    assert (budi["ambang_tercapai"], budi["ambang_berikutnya"], budi["sisa_hari"]) == (7, 11, 1)
    assert budi["sanksi_tercapai"] == (
        "hukuman disiplin ringan: pernyataan tidak puas secara tertulis (7 hari TK)"
    )
    assert "pemotongan tunjangan kinerja 25% selama 6 bulan" in budi["sanksi_berikutnya"]
    assert (siti["nama"], siti["tk_ytd"]) == ("siti aminah", 2)
    assert (siti["ambang_tercapai"], siti["ambang_berikutnya"], siti["sisa_hari"]) == (None, 3, 1)


def test_as_of_limits_the_months():
    rows = early_warning(FACTS, units=["PSTW-A"], as_of=Month(2026, 1))
    assert rows["tk_ytd"].to_list() == [6]


def test_beyond_the_last_threshold():
    rows = early_warning(FACTS, units=["RSBL-B"], as_of=Month(2026, 2)).to_dicts()
    assert (rows[0]["ambang_tercapai"], rows[0]["ambang_berikutnya"]) == (21, 25)


def test_unit_scope_is_required():
    with pytest.raises(IndicatorError, match="data pribadi"):
        early_warning(FACTS, units=[], as_of=Month(2026, 2))
    with pytest.raises(TypeError):
        early_warning(FACTS, as_of=Month(2026, 2))  # type: ignore[call-arg]


def test_threshold_counts_have_no_names():
    counts = tk_threshold_counts(FACTS, as_of=Month(2026, 2))
    assert counts.columns == ["unit_code", "threshold", "employees"]
    a = dict(counts.filter(unit_code="PSTW-A").select("threshold", "employees").iter_rows())
    assert a == {3: 1, 11: 0, 21: 0, 28: 0}  # Budi at 10
    province = tk_threshold_counts(FACTS, as_of=Month(2026, 2), level="province")
    assert dict(province.select("threshold", "employees").iter_rows()) == {
        3: 2,
        11: 1,
        21: 1,
        28: 0,
    }
