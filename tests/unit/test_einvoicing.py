"""Electronic invoicing: the shipped facts carry their sources and dates, and each category of
business gets its own dates (expected values written from domain notes §9, not from the file)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from chorus_wizard.einvoicing import RulesError, advice_for, category_of, read_rules, rules
from chorus_wizard.resources import resource_path


def test_every_fact_names_a_source_checked_on_a_date() -> None:
    shipped = rules()
    assert shipped.sources
    for source in shipped.sources.values():
        assert source.title
        assert source.how in {"read", "notes"}
        assert date(2025, 1, 1) <= source.checked <= date.today()
    assert shipped.receive_date() == date(2026, 9, 1)


@pytest.mark.parametrize(
    ("category", "issue", "name"),
    [
        ("PME", (date(2027, 9, 1),), "PME"),
        ("ETI", (date(2026, 9, 1),), "ETI"),
        ("GE", (date(2026, 9, 1),), "GE"),
        ("", (date(2026, 9, 1), date(2027, 9, 1)), "inconnue"),
    ],
)
def test_each_category_gets_its_issue_dates(
    category: str, issue: tuple[date, ...], name: str
) -> None:
    advice = advice_for(category, "fr")
    assert advice.issue_dates == issue
    assert advice.category_name.startswith(name)
    assert advice.obligations[0].startswith("Recevoir\u00a0: depuis le 1ᵉʳ septembre 2026")
    joined = " ".join(advice.obligations)
    if category == "PME":
        assert "à partir du 1ᵉʳ septembre 2027" in joined
        assert "décret" not in joined
    elif category:
        assert "depuis le 1ᵉʳ septembre 2026" in advice.obligations[1]
        assert "2027" not in joined
    else:  # both dates and the rule that decides
        assert "1ᵉʳ septembre 2026" in advice.obligations[1]
        assert "1ᵉʳ septembre 2027" in advice.obligations[1]
        assert "décret n° 2008-1354" in advice.obligations[2]
        assert "moins de 250 personnes" in advice.obligations[2]
    assert advice.stays_on_chorus_pro == (
        "les factures de travaux (marchés de travaux)",
        "les frais de justice",
        "les demandes de remboursement",
    )
    assert "pas d'API publique" in advice.annuaire
    assert advice.annuaire_url.startswith("https://portail.chorus-pro.gouv.fr")


def test_english_texts_are_english() -> None:
    advice = advice_for("PME", "en")
    assert advice.obligations[1].startswith("Issue: ")
    assert "1 September 2027" in advice.obligations[1]
    assert advice.stays_on_chorus_pro[1] == "court costs (frais de justice)"
    assert any("legal representative" in step for step in advice.checklist)
    # an unknown language falls back to French
    assert advice_for("PME", "de").obligations == advice_for("PME", "fr").obligations


@pytest.mark.parametrize(
    ("raw", "category"),
    [("PME", "PME"), ("eti", "ETI"), (" GE ", "GE"), (None, ""), ("", ""), ("TPE", ""), (3, "")],
)
def test_directory_values_become_a_category(raw: object, category: str) -> None:
    assert category_of(raw) == category


def test_a_fact_without_its_source_is_refused(tmp_path: Path) -> None:
    text = resource_path("einvoicing.toml").read_text(encoding="utf-8")
    broken = tmp_path / "einvoicing.toml"
    broken.write_text(
        text.replace('issue = "2027-09-01"\nsource = "aife-reforme"', 'issue = "2027-09-01"'),
        encoding="utf-8",
    )
    with pytest.raises(RulesError, match=r"categories\.PME"):
        read_rules(broken)
    broken.write_text(text.replace('checked = "2026-12-07"', 'checked = "hier"', 1), "utf-8")
    with pytest.raises(RulesError):
        read_rules(broken)
