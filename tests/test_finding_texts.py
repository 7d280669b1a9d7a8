"""Every finding text exists in both languages, and a finding renders in either."""

import json
import string

from data_loaders.findings import error
from data_loaders.texts import TEXTS, Text, text

# English names the period in English: the Indonesian template has its own value.
LANGUAGE_VALUES = {"period_en", "before_en", "period", "before"}


def _fields(template: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(template) if f}


def test_every_text_in_both_languages_with_the_same_values():
    untranslated = [k for k, e in TEXTS.items() if not (e.get("id") and e.get("en"))]
    differing = [
        k
        for k, e in TEXTS.items()
        if _fields(e["id"]) - LANGUAGE_VALUES != _fields(e["en"]) - LANGUAGE_VALUES
    ]
    assert not untranslated and not differing, (untranslated, differing)


def test_a_text_nested_in_a_text_renders_in_the_same_language():
    message = text("kode_upt_tidak_dikenal", code="X", hint=text("kode_upt.mungkin", codes="A"))
    assert "Mungkin maksudnya: A." in message.render("id")
    assert "Did you mean: A?" in message.render("en")


def test_a_finding_keeps_its_text_through_json():
    finding = error("Layanan", "B4", text("nilai_wajib", label="Sesi Terlaksana"), "nilai_wajib")
    assert finding.message == "Sesi Terlaksana wajib diisi."
    again = Text.from_dict(json.loads(json.dumps(finding.as_dict()["text"])))
    assert again.render("en") == "Sesi Terlaksana is required."
    assert finding.has_cell and not error("Layanan", "B", "x", "r").has_cell
