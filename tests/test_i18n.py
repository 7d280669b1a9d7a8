"""The interface language is per thread of execution (per Streamlit session run)."""

import threading

from upt_dashboard.months import Month
from upt_dashboard.views import format as fmt
from upt_dashboard.views.i18n import language, set_language, t


def test_two_sessions_in_different_languages_do_not_mix():
    seen = {}
    ready = threading.Barrier(2)

    def session(lang: str) -> None:
        set_language(lang)
        ready.wait()  # both have chosen before either reads
        seen[lang] = (t("upload.title"), fmt.percent(0.853), fmt.period_label(Month(2026, 3)))

    threads = [threading.Thread(target=session, args=(lang,)) for lang in ("id", "en")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert seen["id"] == ("Unggah Laporan Bulanan", "85,3%", "Maret 2026")
    assert seen["en"] == ("Upload Monthly Report", "85.3%", "March 2026")


def test_unknown_language_falls_back_to_indonesian():
    set_language("fr")
    assert language() == "id"
