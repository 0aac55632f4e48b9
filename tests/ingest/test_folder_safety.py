"""Reading a folder of reports never leaves it, never stops on a strange entry, and says
what it left out and why: links out of the folder, broken and looping links, folders it
cannot read, folders nested deeper than any recursion limit, NUL bytes anywhere in a text."""

from __future__ import annotations

import json
import os
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner

from graph.settings import load_settings
from ingest.readers.folder import read_reports
from ingest.run import _extract_batch, safe_name
from milcoop.cli import main

REPORT = "Kazakhstan and Kyrgyzstan hold drills\n\nKazakhstan and Kyrgyzstan held drills.\n"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    reports = tmp_path / "reports"
    reports.mkdir()
    (reports / "good.txt").write_text(REPORT, encoding="utf-8")
    return reports


def reasons(reading) -> dict[str, str]:
    return {Path(skipped.file).name: skipped.reason for skipped in reading.skipped}


def test_a_link_out_of_the_folder_is_not_read(folder: Path, tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("Secret report\n\nThe password is swordfish.\n", encoding="utf-8")
    (folder / "leak.txt").symlink_to(secret)
    reading = read_reports(folder)
    assert [report.id for report in reading.reports] == ["good"]
    assert "outside the reports folder" in reasons(reading)["leak.txt"]
    assert not any("swordfish" in report.text for report in reading.reports)


def test_follow_links_reads_an_outside_report_and_names_a_folder_loop(folder: Path,
                                                                       tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "far.txt").write_text(REPORT.replace("Kyrgyzstan", "Tajikistan"),
                                     encoding="utf-8")
    (folder / "far").symlink_to(outside)
    (folder / "up").symlink_to(folder)
    reading = read_reports(folder, follow_links=True)
    assert sorted(report.id for report in reading.reports) == ["far", "good"]
    assert "loops back" in reasons(reading)["up"]
    assert sorted(report.id for report in read_reports(folder).reports) == ["good"]


def test_the_ingest_command_follows_links_only_when_asked(folder: Path, tmp_path: Path) -> None:
    outside = tmp_path / "far.txt"
    outside.write_text(REPORT, encoding="utf-8")
    (folder / "far.txt").symlink_to(outside)
    runner = CliRunner()
    plain = runner.invoke(main, ["ingest", str(folder), "--out", str(tmp_path / "a")])
    assert plain.exit_code == 0, plain.output
    assert "far.txt: link not followed: it leads outside the reports folder" in plain.output
    assert not (tmp_path / "a" / "far.yaml").exists()
    followed = runner.invoke(main, ["ingest", str(folder), "--follow-links", "--out",
                                    str(tmp_path / "b")])
    assert followed.exit_code == 0, followed.output
    assert (tmp_path / "b" / "far.yaml").is_file()


def test_broken_and_looping_links_are_named_not_fatal(folder: Path) -> None:
    (folder / "gone.txt").symlink_to(folder / "nowhere.txt")
    (folder / "loop.txt").symlink_to(folder / "loop.txt")
    reading = read_reports(folder)
    assert [report.id for report in reading.reports] == ["good"]
    assert "broken link" in reasons(reading)["gone.txt"]
    assert "loops" in reasons(reading)["loop.txt"]


def test_a_link_to_a_report_inside_the_folder_is_read(folder: Path) -> None:
    (folder / "again.txt").symlink_to(folder / "good.txt")
    assert sorted(report.id for report in read_reports(folder).reports) == ["again", "good"]


def test_a_folder_nested_a_thousand_deep_is_walked(folder: Path) -> None:
    deep = folder
    for _ in range(1000):
        deep = deep / "d"
        deep.mkdir()
    (deep / "deep.txt").write_text(REPORT, encoding="utf-8")
    try:
        assert sorted(report.id for report in read_reports(folder).reports) == ["deep", "good"]
    finally:
        (deep / "deep.txt").unlink()
        while deep != folder:
            deep.rmdir()
            deep = deep.parent


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads any folder")
def test_an_unreadable_folder_is_named(folder: Path) -> None:
    locked = folder / "locked"
    locked.mkdir()
    locked.chmod(0)
    try:
        reading = read_reports(folder)
    finally:
        locked.chmod(0o755)
    assert "folder not read" in reasons(reading)["locked"]


def test_a_nul_byte_after_the_first_kilobytes_marks_a_binary_file(folder: Path) -> None:
    (folder / "late.txt").write_bytes(REPORT.encode() + b"x" * 10_000 + b"\x00tail")
    assert "binary" in reasons(read_reports(folder))["late.txt"]


BOMB = "".join(f"{chr(97 + n)}: &{chr(97 + n)} [" + ", ".join([f"*{chr(96 + n)}"] * 9 if n
               else ["lol"] * 9) + "]\n" for n in range(9))
"""Nine levels of nine aliases each: under a kilobyte that expands to 9**9 strings."""


def test_a_front_matter_alias_bomb_is_refused_at_once(folder: Path) -> None:
    (folder / "bomb.md").write_text(f"---\n{BOMB}---\n\nTitle\n\nText.\n", encoding="utf-8")
    reading = read_reports(folder)
    assert [report.id for report in reading.reports] == ["good"]
    assert "aliases" in reasons(reading)["bomb.md"]


def test_json_nested_beyond_any_limit_is_refused(folder: Path) -> None:
    (folder / "deep.json").write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    (folder / "deep.jsonl").write_text("[" * 100_000 + "]" * 100_000 + "\n", encoding="utf-8")
    found = reasons(read_reports(folder))
    assert "nested too deeply" in found["deep.json"]
    assert "nested too deeply" in found["deep.jsonl:1"]


def test_strange_and_long_report_ids_make_safe_distinct_file_names() -> None:
    undecodable = os.fsdecode(b"caf\xe9")
    names = {safe_name(undecodable), safe_name("caf_"), safe_name("x" * 300),
             safe_name("x" * 301)}
    assert len(names) == 4
    assert all(len(name.encode()) < 255 and name.isascii() for name in names)


def test_an_undecodable_file_name_is_read_and_named_with_its_bytes_escaped(
        folder: Path) -> None:
    (folder / os.fsdecode(b"caf\xe9.txt")).write_text(REPORT, encoding="utf-8")
    reading = read_reports(folder)
    assert sorted(report.id for report in reading.reports) == ["caf\\xe9", "good"]
    assert all(report.file.isprintable() for report in reading.reports)


def test_an_ingest_that_reads_nothing_fails_and_writes_nothing(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "photo.png").write_bytes(b"\x89PNG\r\n")
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["ingest", str(empty), "--out", str(out),
                                       "--decisions", "/dev/null"])
    assert result.exit_code == 1
    assert result.output.startswith("error:") and "no readable report" in result.output
    assert "photo.png: unsupported file type" in result.output
    assert not out.exists()


def test_proposals_of_an_earlier_run_that_this_one_does_not_make_are_removed(
        folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    (folder / "other.txt").write_text(REPORT.replace("Bishkek", "Almaty"), encoding="utf-8")
    first = CliRunner().invoke(main, ["ingest", str(folder), "--out", str(out),
                                      "--decisions", os.devnull])
    assert first.exit_code == 0, first.output
    assert (out / "other.yaml").exists()
    (out / "notes.yaml").write_text("mine: true\n", encoding="utf-8")
    (folder / "other.txt").unlink()
    second = CliRunner().invoke(main, ["ingest", str(folder), "--out", str(out),
                                       "--decisions", os.devnull])
    assert second.exit_code == 0, second.output
    assert "1 stale removed" in second.output
    assert sorted(path.name for path in out.glob("*.yaml")) == ["good.yaml", "notes.yaml"]


def test_a_second_ingest_into_the_same_folder_is_refused_while_one_runs(
        folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / ".milcoop-ingest.lock").write_text("12345\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["ingest", str(folder), "--out", str(out),
                                       "--decisions", os.devnull])
    assert result.exit_code == 1
    assert "another milcoop ingest is writing here" in result.output
    assert sorted(path.name for path in out.iterdir()) == [".milcoop-ingest.lock"]


def test_a_report_past_its_time_budget_is_skipped_and_named(folder: Path) -> None:
    long = "Kazakhstan and Kyrgyzstan held drills near Almaty. " * 4000
    _extract_batch([(REPORT, "warm-up", None)])
    found = _extract_batch([(REPORT, "short", None), (long, "long", None)], seconds=0.3)
    assert found[0].article == "short" and "KAZ" in found[0].entities
    assert found[1] == ("extraction took longer than 0.3 s (MILCOOP_REPORT_SECONDS): "
                        "skipped")


def test_a_report_the_extractor_fails_on_is_skipped_and_named_the_rest_goes_on(
        monkeypatch: pytest.MonkeyPatch) -> None:
    import ingest.extract.extractor as extractor
    real = extractor.extract

    def fragile(text: str, article: str, *args: object, **options: object) -> object:
        if article == "broken":
            raise KeyError("lost-event")
        return real(text, article, *args, **options)

    monkeypatch.setattr(extractor, "extract", fragile)
    found = _extract_batch([(REPORT, "broken", None), (REPORT, "fine", None)])
    assert found[0] == ("extraction failed (KeyError: 'lost-event'): skipped; a milcoop bug, "
                        "please report it with this report")
    assert found[1].article == "fine" and "KAZ" in found[1].entities


def test_an_ingest_whose_every_report_runs_out_of_time_fails_naming_them(
        folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("milcoop.commands.ingest.SETTINGS", replace(
        load_settings(), report_seconds=1e-6))
    result = CliRunner().invoke(main, ["ingest", str(folder), "--out", str(tmp_path / "o")])
    assert result.exit_code == 1
    assert "no report could be extracted" in result.output
    assert "good.txt: extraction took longer than" in result.output
    assert not (tmp_path / "o").exists()


def test_the_report_budget_comes_from_the_environment() -> None:
    assert load_settings({"MILCOOP_REPORT_SECONDS": "2.5"}).report_seconds == 2.5
    assert load_settings({"MILCOOP_REPORT_SECONDS": "soon"}).report_seconds == 60.0
    assert load_settings({}).report_seconds == 60.0


def test_a_report_longer_than_a_reader_passes_on_is_named_not_parsed(folder: Path) -> None:
    (folder / "huge.txt").write_text("Run-on\n\n" + "word " * 250_000, encoding="utf-8")
    records = [{"id": "fine", "text": REPORT}, {"id": "vast", "text": "word " * 250_000}]
    (folder / "feed.jsonl").write_text("\n".join(json.dumps(r) for r in records),
                                       encoding="utf-8")
    reading = read_reports(folder)
    assert sorted(report.id for report in reading.reports) == ["fine", "good"]
    named = {skipped.file.rsplit("/", 1)[-1]: skipped.reason for skipped in reading.skipped}
    assert named["huge.txt"] == ("1,250,008 characters, more than the 1,000,000 a report "
                                 "may hold: split it")
    assert named["feed.jsonl (vast)"].startswith("1,250,000 characters")
    result = CliRunner().invoke(main, ["extract", str(folder / "huge.txt")])
    assert result.exit_code == 1 and "split it" in result.output
