"""The two colour palettes of the dashboard, used by every chart, table and export.

Unit types take Paul Tol's *muted* qualitative scheme and traffic lights
the Okabe–Ito hues: both were designed to stay distinguishable with the
common colour-vision deficiencies, and the two sets share no hue, so a
type colour is never mistaken for a status. Status is never shown by
colour alone: every place that colours by status also writes its label.
"""

from __future__ import annotations

from collections.abc import Iterable

from upt_dashboard.indicators.status import HIJAU, KUNING, MERAH

# Paul Tol, "muted" (https://personal.sron.nl/~pault/), greens and reds last
# so the first types never resemble a traffic light.
UNIT_TYPE_PALETTE: tuple[str, ...] = (
    "#332288",
    "#88CCEE",
    "#DDCC77",
    "#AA4499",
    "#44AA99",
    "#999933",
    "#882255",
    "#117733",
    "#CC6677",
)
PROVINCE_COLOUR = "#222222"
# A narrowed scope's own total (a type, a selection) beside the dark province line.
SCOPE_COLOUR = "#332288"
TARGET_COLOUR = "#222222"
NEUTRAL_COLOUR = "#7F7F7F"

# Okabe & Ito (2008): bluish green, orange, vermillion; grey for "no status".
STATUS_COLOURS: dict[str | None, str] = {
    HIJAU: "#009E73",
    KUNING: "#E69F00",
    MERAH: "#D55E00",
    None: "#BBBBBB",
}
# Light tints of the same hues for cell backgrounds and band shading, dark
# enough text stays readable on them.
STATUS_TINTS: dict[str | None, str] = {
    HIJAU: "#BFE6DA",
    KUNING: "#F8E0B0",
    MERAH: "#F4C7A8",
    None: "#EEEEEE",
}
# The nearest named colours Streamlit offers for badges (st.metric labels).
STATUS_BADGES: dict[str | None, str] = {
    HIJAU: "green",
    KUNING: "orange",
    MERAH: "red",
    None: "gray",
}
STATUS_ICONS: dict[str | None, str] = {
    HIJAU: ":material/check_circle:",
    KUNING: ":material/warning:",
    MERAH: ":material/error:",
    None: ":material/remove:",
}
STATUSES: tuple[str, ...] = (HIJAU, KUNING, MERAH)


def unit_type_colours(types: Iterable[str]) -> dict[str, str]:
    """Type code -> colour, assigned in sorted code order so every page agrees.

    Pass all registered types (not only those on screen): the colour of a
    type must not change when a filter hides another type.
    """
    codes = sorted(set(types))
    return {code: UNIT_TYPE_PALETTE[i % len(UNIT_TYPE_PALETTE)] for i, code in enumerate(codes)}


def status_colour(status: str | None) -> str:
    """The traffic-light colour of a status (grey for none or unknown)."""
    return STATUS_COLOURS.get(status, STATUS_COLOURS[None])


# Report states drawn with the traffic-light palette; "not yet due" is grey.
REPORT_STATE_COLOURS: dict[str, str] = {
    "on_time": STATUS_COLOURS["hijau"],
    "late": STATUS_COLOURS["kuning"],
    "missing": STATUS_COLOURS["merah"],
    "not_due": STATUS_COLOURS[None],
}
REPORT_STATE_SYMBOLS: dict[str, str] = {
    "on_time": "square",
    "late": "diamond",
    "missing": "x",
    "not_due": "square-open",
}
