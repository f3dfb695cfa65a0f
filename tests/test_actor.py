"""Actor: the government, body, company or place whose target or figure it is (issue 6, deliverable 7).

Each row is a short text written for this table in the genre (plans, ministry releases, roundups), the
number its record holds, and the actor the record must carry. Names are invented or generic.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import plancli
from plancli.patterns import PatternError, load_pattern_set
from plancli.statements.actor import ActorWords

#: never an actor: fragments, openers, titles, bare kinds of body
FRAGMENTS = {"An", "A", "The", "There", "That", "We", "It", "Budget", "Minister", "Ministry", "Scheme", "Plan",
             "Fund", "Readers", "Consumers"}

#: case -> (text, the record's text contains, expected actor)
ACTOR_ROWS: dict[str, tuple[str, str, str | None]] = {
    "subject-with-plan-verb": (
        "Binhai District will open 30 new clinics by 2026. Officials in Binhai said work starts soon.",
        "30", "Binhai District"),
    "subject-with-statement-verb": (
        "Kerala announces a scheme to train 5,000 nurses in four years.", "5,000", "Kerala"),
    "subject-with-plan-verb-alone": (
        "Vesta plans to have 50,000 electric buses on the road by 2030.", "50,000", "Vesta"),
    "subject-mid-sentence": (
        "Local media reported that Tanzania plans to raise power capacity to 8,000MW by 2030.",
        "8,000MW", "Tanzania"),
    "subject-with-agent-noun": (
        "Uttar Pradesh government has approved a policy to set up 12 food parks by 2027.",
        "12 food parks", "Uttar Pradesh"),
    "acronym-after-the": (
        "The UAE aims to reach 14 GW of clean energy capacity by 2030.", "14 GW", "UAE"),
    "acronym-that-spells-a-word": (
        "The ACT is about to tender for another 300MW of wind power.", "300MW", "ACT"),
    "source-according-to": (
        "Contribution rates will rise to 9.5 percent next year, according to the Ministry of Health and Welfare "
        "on Monday.", "9.5 percent", "Ministry of Health and Welfare"),
    "source-issued-by": (
        "Under the plan issued by the Provincial Energy Bureau, 2 million smart meters will be installed by 2027.",
        "2 million", "Provincial Energy Bureau"),
    "possessive": (
        "Qingdao's GDP will reach 1.5 trillion yuan by 2025.", "1.5 trillion", "Qingdao"),
    "possessive-owns-the-document": (
        "Ruvania's National Water Plan aims to cut water losses by 20% by 2030.", "20%", "Ruvania"),
    "subject-after-the-figure": (
        "An estimated 300 jobs will be created at the port, the Harbor Authority said.", "300", "Harbor Authority"),
    "apposition": (
        "Last week, the builder, Orvano Construction, announced that it will build 500 homes.",
        "500", "Orvano Construction"),
    "opening-name-with-partner": (
        "The Coastal Development Bank (CDB) and the Delta Power Pool have signed a grant of $4.5 million.",
        "$4.5 million", "Coastal Development Bank"),
    "minister-speaks-for-the-ministry": (
        "The Minister for Energy and Water said 2 GW of solar capacity will be added by 2030.",
        "2 GW", "Ministry for Energy and Water"),
    "title-of-a-place": (
        "The Governor of Lakeland said 40 new schools will open by 2028.", "40", "Lakeland"),
    "carried-from-an-earlier-sentence": (
        "Morvia has pledged to double its solar capacity. The country will install 5,000 MW by 2030.",
        "5,000 MW", "Morvia"),
    "carried-to-a-paragraph-that-refers-back": (
        "Rwanda has launched two power projects.\n\nIt expects to produce 100 megawatts within three years.",
        "100 megawatts", "Rwanda"),
    "landform-is-no-owner": (
        "Vardia will restore 40 wetlands by 2028. The Silver River flows 300 kilometres through Vardia.",
        "300 kilometres", "Vardia"),
    "document-acronym-is-no-owner": (
        "Norland will meet its 2030 target (NDC) early, officials in Norland said. The NDC target of 45% was "
        "set in 2021.",
        "45%", "Norland"),
    "roundup-story-starts-fresh": (
        "Haryana approves a new electric vehicle policy.\nSource: State Times\n\n"
        "Punjab announces a plan to install 3,000 solar pumps in two years.", "3,000", "Punjab"),
    "roundup-story-with-its-own-subject": (
        "Assam releases its tea policy. Meanwhile, Gujarat presents a budget with an outlay of $2.5 billion.",
        "$2.5 billion", "Gujarat"),
    "dateline-place": (
        "City sets new tree goal\n\nGREENFIELD, March 3 (Metro News) -- Mayor Anna Lee said 10,000 trees will be "
        "planted by 2027. The plan covers 12 parks in Greenfield, and Greenfield residents can join.",
        "10,000", "Greenfield"),
    "news-outlet-is-no-owner": (
        "A reporter from the Harbin Evening Daily said the fund manager reported 240 products.",
        "240", None),
    "person-is-no-owner": (
        "Tom Baker said the province will invest $2 billion in transit.", "$2 billion", None),
}


@pytest.mark.parametrize("case", sorted(ACTOR_ROWS))
def test_actor(extractor, case: str) -> None:
    text, number, expected = ACTOR_ROWS[case]
    records = [r for r in extractor.extract(text) if number in r.text]
    assert records, f"{case}: no record holds {number!r}"
    assert records[0].actor == expected, f"{case}: {records[0].actor!r} != {expected!r} in {records[0].sentence!r}"


def test_no_record_carries_a_fragment(extractor) -> None:
    text = ("Budget 2025 allocates Rs 500 crore to rural roads. There will be 40 new bus routes. "
            "An estimated 2,000 workers will be hired. Minister Rao said 15 bridges will be repaired. "
            "Readers will note that 30% of the funds go to the hills. Consumers pay 5% more.")
    actors = {r.actor for r in extractor.extract(text)}
    assert not actors & FRAGMENTS, actors


def test_demonym_and_units_are_no_owners(extractor) -> None:
    text = ("Norland cut its emissions by 10% last year. American emissions fell by 14% in the decade. "
            "The GW of new capacity reached 37GW.")
    actors = {r.actor for r in extractor.extract(text)}
    assert not actors & {"American", "GW"}, actors


def test_every_actor_is_a_substring_or_a_ministry(extractor) -> None:
    """An actor is copied from the text, except a minister's ministry ("Minister for X" -> "Ministry for X")."""
    for text, _, _ in ACTOR_ROWS.values():
        for record in extractor.extract(text):
            if record.actor is not None:
                assert record.actor in text or record.actor.startswith("Ministry "), (record.actor, text)


def _user_actor_words(tmp_path: Path, entries: dict[str, object]) -> Path:
    folder = tmp_path / "mine"
    (folder / "lexicon").mkdir(parents=True)
    (folder / "lexicon" / "actor_words.json").write_text(
        json.dumps({"name": "actor_words", "description": "Mine.", "entries": entries}, indent=1), encoding="utf-8")
    return folder


def test_user_words_extend_the_lexicon(tmp_path: Path) -> None:
    folder = _user_actor_words(tmp_path, {"media": ["bulletin"]})
    words = ActorWords.load(load_pattern_set((folder,)))
    assert "bulletin" in words.media and "daily" in words.media


@pytest.mark.parametrize("entries, message", [
    ({"titles": "minister"}, "entry 'titles' must be a list of non-empty words"),
    ({"title_bodies": ["minister"]}, "title_bodies item 'minister' must read 'title:body'"),
])
def test_bad_lexicon_names_file_and_line(tmp_path: Path, entries: dict[str, object], message: str) -> None:
    folder = _user_actor_words(tmp_path, entries)
    with pytest.raises(PatternError) as error:
        ActorWords.load(load_pattern_set((folder,)))
    assert f"{folder / 'lexicon' / 'actor_words.json'}:5: " in str(error.value)  # the line of the entry
    assert message in str(error.value)


def test_public_api_records_carry_actor() -> None:
    records = plancli.extract("Binhai District will open 30 new clinics by 2026.")
    assert records and records[0].actor == "Binhai District"


def test_a_carried_subject_is_looked_up_once_per_sentence() -> None:
    """Thousands of sentences without a subject ("Build 20 100-billion-yuan enterprises.") each carry the last
    subject before them: the walk back is shared, not repeated per sentence (it was quadratic)."""
    from plancli.statements.actor import Actors

    subjects = {0: "Binhai District", 5: None}
    fresh = {3}  # sentence 3 opens a new paragraph of its own
    looked: list[int] = []

    class Counted(Actors):
        def _subject(self, index: int) -> str | None:
            looked.append(index)
            return subjects.get(index)

        def _starts_afresh(self, index: int) -> bool:
            return index in fresh

    n = 2000
    actors = Counted(lambda: None, list(range(n)), list(range(1, n + 1)), None, n, None)  # type: ignore[arg-type]
    carried = [actors.carried(i) for i in range(n)]
    assert carried[:4] == [None, "Binhai District", "Binhai District", None]
    assert carried[4:] == [None] * (n - 4)
    assert len(looked) < 2 * n
    subjects[1500] = "Vesta"
    later = Counted(lambda: None, list(range(n)), list(range(1, n + 1)), None, n, None)  # type: ignore[arg-type]
    assert [later.carried(i) for i in (1999, 1501, 1500, 1200)] == ["Vesta", "Vesta", None, None]
