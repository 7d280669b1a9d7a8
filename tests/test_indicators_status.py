"""Traffic-light status from the configured bands."""

from __future__ import annotations

import polars as pl
import pytest

from upt_dashboard.indicators.catalogue import BY_ID
from upt_dashboard.indicators.config import DEFAULT_PATH, load_config
from upt_dashboard.indicators.status import status_expr

CONFIG = load_config(DEFAULT_PATH)


def _status(indicator_id, value, level="unit", grain="month"):
    ind = BY_ID[indicator_id]
    expr = status_expr(ind, CONFIG.band(indicator_id), pl.col("v"), level=level, grain=grain)
    return pl.DataFrame({"v": [value]}, schema={"v": pl.Float64}).select(expr).item()


@pytest.mark.parametrize(
    "indicator_id, value, expected",
    [
        # higher is better: green ≥ 0.97, yellow ≥ 0.93
        ("kehadiran", 0.995, "hijau"),
        ("kehadiran", 0.99450, "hijau"),  # shown as 99,5% (half up)
        ("kehadiran", 0.99449, "kuning"),
        ("kehadiran", 0.99, "kuning"),
        ("kehadiran", 0.98, "merah"),
        # lower is better: green ≤ 0.5%, yellow ≤ 1%
        ("tanpa_keterangan", 0.005, "hijau"),
        ("tanpa_keterangan", 0.008, "kuning"),
        ("tanpa_keterangan", 0.02, "merah"),
        # range: green 85–100%, yellow 70–105%
        ("keterisian", 0.9, "hijau"),
        ("keterisian", 0.8, "kuning"),
        ("keterisian", 1.03, "kuning"),
        ("keterisian", 1.06, "merah"),
        ("keterisian", 0.5, "merah"),
        # days, lower is better: green ≤ 5, yellow ≤ 10
        ("waktu_penyelesaian_pengaduan", 5, "hijau"),
        ("waktu_penyelesaian_pengaduan", 11, "merah"),
        # IKM follows its grade: A and B good, C a warning, D attention
        ("ikm", 88.31, "hijau"),
        ("ikm", 80.0, "hijau"),  # B Baik: good, not a warning
        ("ikm", 76.605, "hijau"),  # shown 76,61: B
        ("ikm", 76.6049, "kuning"),  # shown 76,60: C
        ("ikm", 70.0, "kuning"),
        ("ikm", 65.0, "kuning"),
        ("ikm", 64.99, "merah"),  # D
        ("rasio_pm_pegawai", 3.0, None),  # neutral
        ("kehadiran", None, None),
    ],
)
def test_status(indicator_id, value, expected):
    assert _status(indicator_id, value) == expected


def test_count_bands_only_per_unit_per_month():
    assert _status("insiden_medsos", 0) == "hijau"
    assert _status("insiden_medsos", 2) == "merah"
    assert _status("insiden_medsos", 0, level="province") is None
    assert _status("insiden_medsos", 0, grain="year") is None
