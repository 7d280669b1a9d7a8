"""Export wording of a composite's coverage: always Indonesian, whatever the app language."""

from __future__ import annotations

from upt_dashboard.exports import text
from upt_dashboard.indicators.catalogue import BY_ID
from upt_dashboard.indicators.config import DEFAULT_PATH, load_config
from upt_dashboard.views.i18n import set_language

CONFIG = load_config(DEFAULT_PATH)


def test_composite_value_says_components_or_reason():
    set_language("en")  # the app in English; exports stay Indonesian
    index = BY_ID["indeks_orientasi_pelayanan"]
    assert text.row_value(index, {"value": 64.14, "n": 3, "reason": None}, CONFIG) == (
        "64,1 (3/5 komponen)"
    )
    assert text.row_value(index, {"value": None, "n": 0, "reason": "no_report"}, CONFIG) == (
        "— (tanpa laporan)"
    )
    assert text.coverage(
        index, {"value": None, "n": 2, "reason": "too_few_components"}, CONFIG
    ) == ("komponen kurang: 2/5")
    # Other indicators carry no coverage note.
    assert text.row_value(BY_ID["kehadiran"], {"value": 0.9945, "n": 40}, CONFIG) == "99,5%"
    set_language("id")
