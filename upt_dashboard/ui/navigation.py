"""The pages, and which of them a signed-in account's role may open.

One list of every page (id = file name in ``pages/`` without ``.py``);
``config/roles.toml`` names the ids each role may open, so the navigation
shows those only, and :func:`page_allowed` guards the page itself too.
"""

from __future__ import annotations

from pathlib import Path

import streamlit as st

from upt_dashboard import access, paths
from upt_dashboard.access import Viewer
from upt_dashboard.views.i18n import t

# page id -> (title message key, icon), in navigation order
PAGES: dict[str, tuple[str, str]] = {
    "ringkasan": ("nav.overview", ":material/dashboard:"),
    "tren": ("nav.trend", ":material/show_chart:"),
    "perbandingan_upt": ("nav.compare", ":material/leaderboard:"),
    "profil_upt": ("nav.profile", ":material/home_work:"),
    "kelengkapan_laporan": ("nav.completeness", ":material/event_available:"),
    "kualitas_data": ("nav.quality", ":material/rule:"),
    "unggah_laporan": ("nav.upload", ":material/upload_file:"),
    "riwayat_unggahan": ("nav.history", ":material/history:"),
    "verifikasi": ("nav.review", ":material/fact_check:"),
    "ekspor": ("nav.export", ":material/ios_share:"),
    "definisi_indikator": ("nav.definitions", ":material/menu_book:"),
    "kelola_akun": ("nav.accounts", ":material/manage_accounts:"),
    "log_audit": ("nav.audit", ":material/policy:"),
}


def page_id(page_file: str) -> str:
    return Path(page_file).stem


def pages_for(viewer: Viewer) -> list[st.Page]:
    """The st.Page of every page ``viewer``'s role may open; the first is the default."""
    allowed = [pid for pid in PAGES if access.may_open(viewer, pid)]
    return [
        st.Page(
            str(paths.PAGES_DIR / f"{pid}.py"),
            title=t(PAGES[pid][0]),
            icon=PAGES[pid][1],
            default=number == 0,
        )
        for number, pid in enumerate(allowed)
    ]


def page_allowed(viewer: Viewer | None, page_file: str) -> bool:
    return access.may_open(viewer, page_id(page_file))


def hold(default: str = "ringkasan") -> None:
    """Register every page, hidden, without running one: for the sign-in page.

    A run that stops at the sign-in form still calls ``st.navigation``, so
    the visitor's URL (``/tren?lang=en``) is kept for after signing in and
    the process never falls back to listing ``pages/`` by itself.
    """
    st.navigation(
        [
            st.Page(
                str(paths.PAGES_DIR / f"{pid}.py"), title=t(PAGES[pid][0]), default=pid == default
            )
            for pid in PAGES
        ],
        position="hidden",
    )
