"""Which indicators lead: the composites and the headline indicators.

A decision of the domain (what leadership follows every month), not of
the screen: the overview, the profile, the exports and the meeting pack
all read it from here.
"""

from __future__ import annotations

from upt_dashboard.indicators.catalogue import INDICATORS, Method
from upt_dashboard.indicators.config import Config

COMPOSITES: tuple[str, ...] = ("indeks_orientasi_pelayanan", "indeks_disiplin")
# The headline indicators leadership asked to see every month, besides the composites.
# Reintegration is the key outcome of the rehabilitation units (domain brief).
KEY_INDICATORS: tuple[str, ...] = (
    "ikm",
    "kebutuhan_dasar",
    "reintegrasi",
    "keterisian",
    "penyelesaian_pengaduan",
    "kehadiran",
    "tanpa_keterangan",
    "ketepatan_laporan",
    "kelengkapan_laporan",
)


def scorecard_indicators(config: Config) -> list[str]:
    """Composites first, then every indicator with traffic-light bands, in catalogue order."""
    banded = [
        i.id
        for i in INDICATORS
        if i.method is not Method.COMPOSITE and config.band(i.id).green is not None
    ]
    return [*COMPOSITES, *banded]
