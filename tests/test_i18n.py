"""The interface language is per thread of execution (per Streamlit session run)."""

import re
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


def test_english_says_one_unit_and_one_report_where_the_count_is_one():
    from upt_dashboard.exports.text import verification
    from upt_dashboard.views.i18n import t_count
    from upt_dashboard.views.messages import MESSAGES

    singulars = [k for k in MESSAGES if k.endswith("_one")]
    for key in singulars:  # Bahasa Indonesia does not mark the plural
        assert MESSAGES[key]["id"] == MESSAGES[key.removesuffix("_one")]["id"], key
    for key in singulars:
        one = t_count(key.removesuffix("_one"), 1, lang="en", n=1, types="PSTW", days=10, age=7)
        assert not re.search(r"\b1 (units|reports|employees|complaints)\b", one), one
    assert t_count("scope.selection", 1, lang="en", n=1) == "Selection (1 unit)"
    assert t_count("review.queue", 2, lang="en", n=2) == "Queue (2 reports)"
    assert verification(False, 1, lang="en") == "1 report not verified yet"
    assert verification(False, 1, lang="id") == "1 laporan belum diverifikasi"
