"""docs/kontrak-workbook.md is generated from the schema and kept up to date."""

from data_loaders.contract_doc import DOC_PATH, main, render
from data_loaders.schema import SHEETS
from data_loaders.validator import CHECKS


def test_document_is_up_to_date():
    assert main(["--check"]) == 0, "run: python -m data_loaders.contract_doc"
    assert DOC_PATH.read_text(encoding="utf-8") == render()


def test_every_sheet_field_choice_and_rule_is_documented():
    text = render()
    for sheet in SHEETS:
        assert f"## Lembar `{sheet.name}`" in text
        for f in sheet.fields:
            assert f"| {f.label} |" in text
            assert all(choice in text for choice in f.choices)
        for rule in sheet.rules:
            assert f"(`{rule.name}`)" in text
    for check in CHECKS:
        assert f"(`{check.rule}`): {check.description}" in text
