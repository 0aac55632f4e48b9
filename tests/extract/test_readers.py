"""Reading reports from .txt, .md, .html, .json and .jsonl files and folders of them: every
format gives Report records, site boilerplate is blanked without moving any offset, and
unreadable files or bad records are skipped with the file (and line) and the reason."""

from __future__ import annotations

import json
import socket
from pathlib import Path

import pytest

from conftest import FACTS, SEEDS
from ingest.facts.files import facts_paths, read_facts_file
from ingest.readers.boilerplate import clean, is_boilerplate
from ingest.readers.folder import read_file, read_reports
from ingest.readers.metadata import read_metadata
from ingest.readers.report import Report, UnreadableReport
from ingest.readers.text import read_text

needs_seeds = pytest.mark.skipif(not (SEEDS / "articles.csv").is_file(),
                                 reason=f"seed corpus not found at {SEEDS}")

PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Kenya and Uganda begin border patrol drill | Lake News</title>
<meta property="og:title" content="Kenya and Uganda begin border patrol drill">
<meta property="og:site_name" content="Lake News">
<meta name="author" content="Amina Otieno">
<meta property="article:published_time" content="2025-05-06T08:00:00+03:00">
<link rel="canonical" href="https://lakenews.example/kenya-uganda-drill">
</head><body>
<nav><a href="/">Home</a> <a href="/region">Region</a> <a href="/sport">Sport</a></nav>
<div class="share">Share Facebook Twitter WhatsApp</div>
<article><h1>Kenya and Uganda begin border patrol drill</h1>
<p class="byline">By Amina Otieno</p>
<figure><img src="a.jpg"><figcaption>Troops at the camp (Photo: Lake News)</figcaption></figure>
<p>The armed forces of Kenya and Uganda opened a joint border patrol exercise near Busia on
Tuesday, the Kenya Defence Forces said in a statement issued in Nairobi.</p>
<p>About 600 soldiers from both countries take part in the ten-day drill, which rehearses
joint patrols, casualty evacuation and the exchange of intelligence along the border.</p>
<p>READ: Tanzania hosts regional peacekeeping course</p>
<p>Brigadier Daniel Kiprop, who leads the Kenyan contingent, said the drill would become an
annual event under the defence cooperation agreement signed by the two states.</p>
</article>
<aside><h3>Most read</h3><ul><li><a href="/x">Football results</a></li></ul></aside>
<footer><p>Subscribe to our newsletter for daily news.</p>
<p>© 2025 Lake News. All rights reserved.</p></footer>
</body></html>
"""


def write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, "utf-8")
    return path


def test_text_report_with_metadata_beside_it(tmp_path: Path) -> None:
    write(tmp_path, "r1.txt", "\nGulf drills\nOman and Qatar held drills.\n")
    write(tmp_path, "articles.csv",
          "file,title,publisher,author,published,url\nr1.txt,,Gulf News,,2025-02,\n")
    report = read_text(tmp_path / "r1.txt")
    assert (report.id, report.title, report.publisher, report.published) == \
        ("r1", "Gulf drills", "Gulf News", "2025-02")


def test_text_report_blanks_boilerplate_and_keeps_every_offset(tmp_path: Path) -> None:
    raw = ("Last update: May 9, 2025 11:20\n\nChad and Niger agree joint patrols\n\n"
           "By Idriss Mahamat May 8, 2025\n\nChad and Niger agreed on joint patrols.\n\n"
           "READ: Sahel states meet in Niamey\nFollow us on Telegram @sahelwire\n")
    (report,) = read_file(write(tmp_path, "sahel.txt", raw))
    assert len(report.text) == len(raw)
    assert " ".join(report.text.split()) == \
        "Chad and Niger agree joint patrols Chad and Niger agreed on joint patrols."
    start = raw.index("Chad and Niger agreed")
    assert report.text[start:start + 21] == "Chad and Niger agreed"
    assert (report.title, report.published, report.author) == \
        ("Chad and Niger agree joint patrols", "2025-05-08", "Idriss Mahamat")


@pytest.mark.parametrize("line", [
    "Last update: March 3, 2025 09:14", "Updated: 12:40 GMT", "By Jane Roe",
    "By Jane Roe and John Doe, Gulf Wire", "By Jane Roe March 3, 2025", "Author: Jane Roe",
    "Reporting by Jane Roe; Editing by John Doe", "READ: Qatar buys patrol boats",
    "Read also: Oman opens naval base", "Related: Kuwait and Bahrain sign accord",
    "Subscribe to our newsletter", "Follow us on Twitter @gulfwire",
    "You can also follow Gulf Wire on Facebook @gulfwire", "© 2025 Gulf Wire",
    "By subscribing you get full access to all news.", "Photo: Ministry of Defence",
    "(Photo: Reuters)", "[PHOTO]", "Image credit: Getty Images",
    "Troops on parade in Doha [Qatar Armed Forces/Press Service]",
    "The two ministers in Muscat, May 2, 2025 / Gulf Wire", "Share  Facebook  Twitter  Email",
    "Gulf Wire logo", "--", "Jane Roe is Gulf Wire's staff reporter, follow her on X @janeroe",
    "Photo caption: Ministers at the signing. Credit: Ministry of Defence",
    "Staff reporter | 3 March 2025", "The Gulf Wire — Monday 3 March 2025",
    "Follow Gulf Wire Defence Weekly on X. Subscribe for full access.",
    "More from Gulf Wire: Bahrain buys radars",
])
def test_site_boilerplate_lines_are_recognised(line: str) -> None:
    assert is_boilerplate(line)


@pytest.mark.parametrize("line", [
    "Oman and Qatar held naval drills in May 2025.",
    "By agreement with Oman, the Qatari navy will join the drill.",
    "By 2030 the two armies plan to hold ten joint exercises a year.",
    "By December, Kenya and Uganda had trained 600 soldiers together.",
    "States that subscribe to the code of conduct exchange notices of large exercises.",
    "Updated figures show the drill involved 3,000 troops.",
    "Photographs released by the ministry showed tanks crossing the river.",
    "Read the full statement, the ministry urged reporters, before drawing conclusions.",
    "Kenya and Uganda signed a defence cooperation agreement in Nairobi.",
    "Residents could follow the parade on social media, the ministry said.",
])
def test_reporting_lines_are_kept(line: str) -> None:
    assert not is_boilerplate(line)


def test_inline_photo_marker_is_blanked_but_the_title_kept() -> None:
    cleaned = clean("Baghdad, Amman discuss training [PHOTO]\nIraq and Jordan met.\n")
    assert cleaned.text == "Baghdad, Amman discuss training        \nIraq and Jordan met.\n"


def test_markdown_front_matter_gives_metadata_and_the_body_gives_text(tmp_path: Path) -> None:
    path = write(tmp_path, "pact.md", (
        "---\ntitle: Ghana and Togo sign border security pact\ndate: 2025-04-11\n"
        "source: Coast Daily\nauthor: [Kofi Mensah, Ama Owusu]\n"
        "url: https://coast.example/pact\n---\n"
        "# Ghana and Togo sign border security pact\n\nBy Kofi Mensah\n\n"
        "**Ghana** and [Togo](https://togo.example) signed a *border security* memorandum "
        "in Accra.\n\n![Ministers](m.jpg)\n\nRead more: West African navies train\n"))
    (report,) = read_file(path)
    assert (report.id, report.title, report.published, report.publisher, report.author,
            report.url) == ("pact", "Ghana and Togo sign border security pact", "2025-04-11",
                            "Coast Daily", "Kofi Mensah, Ama Owusu",
                            "https://coast.example/pact")
    assert " ".join(report.text.split()) == ("Ghana and Togo sign border security pact Ghana "
                                             "and Togo signed a border security memorandum in "
                                             "Accra.")


def test_markdown_without_front_matter_takes_the_title_from_its_heading(tmp_path: Path) -> None:
    (report,) = read_file(write(tmp_path, "note.md", "# Fiji hosts naval visit\n\nText.\n"))
    assert (report.title, report.published) == ("Fiji hosts naval visit", None)


def test_html_main_text_and_metadata_are_read_offline(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    def no_network(*args: object, **kwargs: object) -> None:
        raise AssertionError("the HTML reader tried to use the network")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    monkeypatch.setattr(socket, "create_connection", no_network)
    monkeypatch.setattr(socket, "getaddrinfo", no_network)
    (report,) = read_file(write(tmp_path, "drill.html", PAGE))
    assert (report.id, report.title, report.published, report.publisher, report.author,
            report.url) == ("drill", "Kenya and Uganda begin border patrol drill",
                            "2025-05-06", "Lake News", "Amina Otieno",
                            "https://lakenews.example/kenya-uganda-drill")
    assert report.text.startswith("Kenya and Uganda begin border patrol drill\n")
    assert "Busia" in report.text and "Brigadier Daniel Kiprop" in report.text
    for furniture in ("Home", "Share", "Most read", "Football", "Subscribe", "READ",
                      "Tanzania", "Photo", "rights reserved"):
        assert furniture not in report.text


def test_json_records_take_their_id_or_the_file_stem_and_place(tmp_path: Path) -> None:
    records = [
        {"id": "kz-001", "title": "Kazakh and Kyrgyz units train", "text": "Kazakhstan and "
         "Kyrgyzstan held a joint drill.", "date": "2025-06-02T10:00:00Z",
         "url": "https://steppe.example/1", "publisher": "Steppe Times", "author": "A. Nur"},
        {"title": "Tajik border talks", "body": "Tajikistan hosted border talks.",
         "published": "June 3, 2025", "source": {"name": "Pamir Post"}},
    ]
    reports = read_file(write(tmp_path, "asia.json", json.dumps(records)))
    assert [(r.id, r.title, r.published, r.publisher, r.file) for r in reports] == [
        ("kz-001", "Kazakh and Kyrgyz units train", "2025-06-02", "Steppe Times", "asia.json"),
        ("asia-2", "Tajik border talks", "2025-06-03", "Pamir Post", "asia.json")]
    (single,) = read_file(write(tmp_path, "one.json", json.dumps(records[1])))
    assert (single.id, single.text) == ("one-1", "Tajikistan hosted border talks.")


def test_bad_jsonl_records_are_skipped_with_file_and_line(tmp_path: Path) -> None:
    path = write(tmp_path, "feed.jsonl", "\n".join([
        json.dumps({"title": "Seoul and Canberra drill", "content": "South Korea and "
                    "Australia held a naval drill.", "date": "2025-07-01"}),
        "{not json",
        "",
        json.dumps({"title": "No text here", "url": "https://x.example"}),
        json.dumps(["a", "list"]),
        json.dumps({"id": "nz-9", "text": "New Zealand joined the drill."}),
    ]) + "\n")
    reading = read_reports(path)
    assert [(r.id, r.published) for r in reading.reports] == \
        [("feed-1", "2025-07-01"), ("nz-9", None)]
    assert [(s.file, s.reason.split(" (")[0]) for s in reading.skipped] == [
        (f"{path}:2", "not valid JSON"), (f"{path}:4", "no text"),
        (f"{path}:5", "not a JSON object but list")]


def test_a_folder_is_read_recursively_in_order_skipping_what_it_cannot_read(
        tmp_path: Path) -> None:
    write(tmp_path, "b.txt", "Title B\nSenegal and Mali met.\n")
    write(tmp_path, "a/z.md", "---\ntitle: Title Z\n---\nNigeria trains Benin officers.\n")
    write(tmp_path, "a/y.jsonl", json.dumps({"text": "Egypt and Sudan drill."}) + "\n")
    write(tmp_path, "articles.csv", "file,title,publisher,author,published,url\n"
          "b.txt,Senegal and Mali hold talks,Dakar Daily,,2025-01-05,\n")
    write(tmp_path, ".hidden.txt", "Hidden\nNot a report.\n")
    write(tmp_path, ".cache/c.txt", "Hidden\nNot a report.\n")
    write(tmp_path, "notes.docx", b"PK\x03\x04")
    write(tmp_path, "empty.txt", "  \n")
    write(tmp_path, "latin.txt", "Caf\xe9 talks\n".encode("latin-1"))
    write(tmp_path, "bad.md", "---\ntitle: [unclosed\n---\nText.\n")
    write(tmp_path, "c/b.txt", "Again\nA second report called b.\n")
    reading = read_reports(tmp_path)
    assert [(r.id, r.title) for r in reading.reports] == [
        ("y-1", None), ("z", "Title Z"), ("b", "Senegal and Mali hold talks")]
    assert reading.reports[2].published == "2025-01-05"
    assert [(Path(s.file).relative_to(tmp_path).as_posix(), s.reason.split(" (")[0])
            for s in reading.skipped] == [
        ("bad.md", "front matter is not valid YAML"),
        ("c/b.txt", "duplicate report id 'b'"),
        ("empty.txt", "empty file"),
        ("latin.txt", "not UTF-8 text"),
        ("notes.docx", "unsupported file type '.docx'")]
    assert str(reading.skipped[0]).startswith(str(tmp_path / "bad.md") + ": ")


def test_an_unreadable_metadata_csv_is_counted_and_its_reports_still_read(
        tmp_path: Path) -> None:
    write(tmp_path, "r.txt", "Malawi hosts drill\nMalawi and Zambia trained together.\n")
    write(tmp_path, "articles.csv", "name,title\nr.txt,Other title\n")
    reading = read_reports(tmp_path)
    assert [(r.id, r.title) for r in reading.reports] == [("r", "Malawi hosts drill")]
    assert [(Path(s.file).name, s.reason) for s in reading.skipped] == \
        [("articles.csv", "metadata ignored: metadata CSV without a 'file' column")]


@pytest.mark.parametrize(("data", "reason"), [
    (b"", "empty"), (b"\x00\x01PNG", "binary"), (b"caf\xe9 drills", "not UTF-8")])
def test_unreadable_files_are_refused_with_a_reason(tmp_path: Path, data: bytes,
                                                    reason: str) -> None:
    path = write(tmp_path, "bad.txt", data)
    with pytest.raises(UnreadableReport, match=reason):
        read_text(path)
    (skipped,) = read_reports(path).skipped
    assert skipped.file == str(path) and reason in skipped.reason


def test_a_missing_path_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(UnreadableReport, match="no such file or folder"):
        read_reports(tmp_path / "nowhere")


@needs_seeds
def test_the_seed_folder_gives_five_reports_with_their_csv_metadata() -> None:
    reading = read_reports(SEEDS)
    meta = read_metadata(SEEDS)
    assert reading.skipped == []
    assert [r.file for r in reading.reports] == sorted(meta)
    assert len(reading.reports) == 5
    for report in reading.reports:
        assert (report.title, report.published) == \
            (meta[report.file]["title"], meta[report.file]["published"])


@needs_seeds
def test_seed_texts_differ_from_their_files_only_by_blanked_boilerplate() -> None:
    blanked = 0
    for report in read_reports(SEEDS).reports:
        raw = (SEEDS / report.file).read_text("utf-8")
        assert len(report.text) == len(raw)
        changed = [i for i, (a, b) in enumerate(zip(raw, report.text, strict=True)) if a != b]
        assert all(report.text[i] == " " for i in changed)
        blanked += bool(changed)
    assert blanked >= 3


@needs_seeds
def test_no_curated_evidence_falls_in_blanked_boilerplate() -> None:
    checked = 0
    for path in facts_paths(FACTS):
        facts = read_facts_file(path)
        report: Report = read_file(SEEDS / facts.text_file)[0]
        raw = (SEEDS / facts.text_file).read_text("utf-8")
        for record in [*facts.entities, *facts.relations]:
            for start, end in record.data.get("evidence") or []:
                assert report.text[start:end] == raw[start:end], (path.name, start, end)
                checked += 1
    assert checked > 300
