"""The two palettes: stable type colours, distinct traffic lights (ui/palette.py)."""

from upt_dashboard.indicators.status import STATUSES
from upt_dashboard.views.palette import (
    STATUS_BADGES,
    STATUS_COLOURS,
    STATUS_ICONS,
    STATUS_TINTS,
    UNIT_TYPE_PALETTE,
    status_colour,
    unit_type_colours,
)


def test_type_colour_does_not_depend_on_what_is_shown():
    every = unit_type_colours(["RSBL", "PSTW", "PRS", "PSAA"])
    assert unit_type_colours(["PSAA", "RSBL", "PSTW", "PRS"]) == every
    assert len(set(every.values())) == 4


def test_type_and_status_palettes_share_no_colour():
    assert not set(UNIT_TYPE_PALETTE) & set(STATUS_COLOURS.values())


def test_every_status_has_colour_tint_badge_and_icon():
    for status in (*STATUSES, None):
        for table in (STATUS_COLOURS, STATUS_TINTS, STATUS_BADGES, STATUS_ICONS):
            assert table[status]
    assert status_colour("unknown") == STATUS_COLOURS[None]
