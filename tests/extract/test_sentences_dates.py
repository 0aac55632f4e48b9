"""Sentences without site boilerplate; dates at the precision known, relative to the report."""

from __future__ import annotations

from ingest.extract.dates import find_dates, infer_published
from ingest.extract.sentences import LONGEST, split
from ingest.readers.text import title_of

PAGE = """Last update: May 2, 2025 10:00
Gulf Navies Drill Together
By Jane Roe
Oman and Qatar held naval drills. Lt. Gen. Al-Harthy watched.
A frigate at sea / Oman News Agency
READ: Gulf states sign a defence pact
Follow us on Twitter @gulfnews
"""


def test_boilerplate_lines_are_left_out_and_offsets_are_exact() -> None:
    sentences = split(PAGE)
    assert [s.text for s in sentences] == ["Gulf Navies Drill Together",
                                           "Oman and Qatar held naval drills.",
                                           "Lt. Gen. Al-Harthy watched."]
    assert all(PAGE[s.start:s.end] == s.text for s in sentences)
    assert sentences[0].heading and not sentences[1].heading


def test_dates_absolute_and_relative() -> None:
    text = "on 10 November 2020, on June 15, in October last year, last September, today"
    assert [d.value for d in find_dates(text, "2024-06-12")] == [
        "2020-11-10", "2024-06-15", "2023-10", "2023-09", "2024-06-12"]
    assert [d.value for d in find_dates("on June 15")] == []


def test_a_dateline_gives_the_report_date() -> None:
    assert infer_published("Title\nJune 12, 2024 at 3:46 pm\nText") == "2024-06-12"
    assert infer_published("No date here.") is None


def test_dates_in_any_case_and_across_lines() -> None:
    text = "LAST YEAR, in\n2019, on May 3, in MAY 2021 and NEXT YEAR"
    assert [(d.value, d.rule) for d in find_dates(text, "2024-06-12")] == [
        ("2023", "relative_year"), ("2019", "year"), ("2024-05-03", "month_day"),
        ("2025", "relative_year")]


def test_a_run_on_line_is_cut_into_sentences_no_longer_than_the_limit() -> None:
    line = " ".join(["Kazakhstan and Kyrgyzstan held drills near Bishkek"] * 2000)
    sentences = split(f"Title\n\n{line}\n")
    assert max(len(sentence.text) for sentence in sentences) <= LONGEST
    assert len(sentences) > len(line) // LONGEST
    assert all(f"Title\n\n{line}\n"[s.start:s.end] == s.text for s in sentences)


def test_a_run_on_first_line_makes_a_short_title() -> None:
    assert len(title_of("word " * 100_000)) <= 301
