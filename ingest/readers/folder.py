"""Reading a file or a folder of reports in any supported format, counting what is skipped.

Formats by extension: .txt (title on the first line), .md/.markdown (YAML front matter),
.html/.htm (main text by trafilatura), .json/.jsonl (records). The metadata CSV beside plain
files (articles.csv or metadata.csv) fills in or overrides their title, date and source. In
every format site boilerplate is blanked to spaces, keeping the text's length and offsets.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from ingest.readers.html import read_html
from ingest.readers.jsonl import read_json, read_jsonl
from ingest.readers.md import read_markdown
from ingest.readers.metadata import NAMES, metadata_path, read_metadata
from ingest.readers.report import LONGEST_TEXT, Reading, Report, Skipped, UnreadableReport
from ingest.readers.text import read_text

__all__ = ["READERS", "Reading", "Skipped", "files_of", "read_file", "read_one", "read_reports"]


def _single(reader: Callable[[Path], Report]) -> Callable[[Path], Reading]:
    """A reader of one-report files as a reader of Readings."""
    return lambda path: Reading([reader(path)])


READERS: dict[str, Callable[[Path], Reading]] = {
    ".txt": _single(read_text), ".md": _single(read_markdown),
    ".markdown": _single(read_markdown), ".html": _single(read_html),
    ".htm": _single(read_html), ".json": read_json, ".jsonl": read_jsonl,
}
"""The reader of each supported extension (lower case)."""


def read_one(path: Path) -> Reading:
    """The reports of one file and its skipped records (reports longer than
    ``LONGEST_TEXT`` among them); UnreadableReport if none can be read."""
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        kinds = ", ".join(sorted(READERS))
        raise UnreadableReport(
            f"{path}: unsupported file type {path.suffix or '(no extension)'!r} "
            f"(reads {kinds})")
    reading = reader(path)
    long = [report for report in reading.reports if len(report.text) > LONGEST_TEXT]
    if not long:
        return reading
    skipped = [Skipped(f"{path}" if len(reading.reports) == 1 else f"{path} ({report.id})",
                       f"{len(report.text):,} characters, more than the {LONGEST_TEXT:,} a "
                       "report may hold: split it") for report in long]
    kept = [report for report in reading.reports if len(report.text) <= LONGEST_TEXT]
    if not kept:
        raise UnreadableReport(f"{path}: {skipped[0].reason}" if len(skipped) == 1 else
                               f"{path}: every report is too long ({skipped[0].reason})")
    return Reading(kept, [*reading.skipped, *skipped])


def read_file(path: Path) -> list[Report]:
    """The reports in one file, by its extension; UnreadableReport if it cannot be read."""
    return read_one(path).reports


def read_single(path: Path) -> Report:
    """The one report a file holds; UnreadableReport if it holds none or several."""
    reports = read_file(path)
    if len(reports) != 1:
        raise UnreadableReport(f"{path}: holds {len(reports)} reports, not one "
                               "(milcoop ingest reads them all)")
    return reports[0]


def files_of(folder: Path, follow_links: bool = False) -> tuple[list[Path], list[Skipped]]:
    """The candidate report files under a folder (recursive, sorted; no hidden files or
    metadata), and what was left out with the reason: a link leading out of the folder
    (unless ``follow_links``), a broken or looping link, a folder that cannot be read.
    Walked without recursion, so no depth of folders can stop it; with ``follow_links``, a
    linked folder already walked is named as a loop, not walked again."""
    root = folder.resolve()
    found: list[Path] = []
    skipped: list[Skipped] = []
    walked = {root}
    stack = [folder]
    while stack:
        current = stack.pop()
        try:
            entries = sorted(os.scandir(current), key=lambda entry: entry.name)
        except OSError as error:
            skipped.append(Skipped(_shown(current), f"folder not read ({error.strerror})"))
            continue
        for entry in entries:
            path = Path(entry.path)
            if entry.name.startswith(".") or entry.name.lower() in NAMES:
                continue
            problem = _link_problem(path, root, follow_links) if entry.is_symlink() else None
            if problem:
                skipped.append(Skipped(_shown(path), problem))
            elif entry.is_dir():
                real = path.resolve()
                if real in walked:
                    skipped.append(Skipped(_shown(path), "link not followed (it loops back "
                                                         "to a folder already read)"))
                else:
                    walked.add(real)
                    stack.append(path)
            elif entry.is_file():
                found.append(path)
    return sorted(found), skipped


def _link_problem(path: Path, root: Path, follow_links: bool = False) -> str | None:
    """Why a symbolic link is not followed, if it is not: it leads nowhere or round in a
    loop, or (unless ``follow_links``) outside the reports folder or to a folder (links to
    files inside the folder are read)."""
    try:
        target = path.resolve(strict=True)
    except FileNotFoundError:
        return "broken link (it leads nowhere)"
    except (OSError, RuntimeError):
        return "link not followed (it loops)"
    if follow_links:
        return None
    if not target.is_relative_to(root):
        return "link not followed: it leads outside the reports folder (--follow-links)"
    if target.is_dir():
        return "link to a folder not followed (read the folder itself, or --follow-links)"
    return None


def _named_in_text(report: Report) -> Report:
    """A report whose id or file name holds bytes no encoding decodes (an undecodable file
    name) renamed with those bytes escaped (``caf\\xe9``), so it can be written anywhere."""
    shown = replace(report, id=_shown(Path(report.id)), file=_shown(Path(report.file)))
    return report if (shown.id, shown.file) == (report.id, report.file) else shown


def _shown(path: Path) -> str:
    """A path as text that any terminal and any file can hold (undecodable bytes escaped)."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def read_reports(path: Path, follow_links: bool = False) -> Reading:
    """Every report in a file or folder; unreadable files and bad records skipped with a reason.

    Reports come in file order (then record order); a report whose id was already read is
    skipped, so ids stay unique. Links out of the folder are read only with ``follow_links``.
    """
    if not path.exists():
        raise UnreadableReport(f"{path}: no such file or folder")
    files, left_out = files_of(path, follow_links) if path.is_dir() else ([path], [])
    reading = Reading(skipped=[*left_out, *_metadata_problems(files)])
    seen: dict[str, str] = {}
    for item in files:
        try:
            found = read_one(item)
        except UnreadableReport as error:
            reading.skipped.append(Skipped(str(item), _reason(error, item)))
            continue
        reading.skipped.extend(found.skipped)
        for report in map(_named_in_text, found.reports):
            if report.id in seen:
                reading.skipped.append(Skipped(
                    str(item), f"duplicate report id {report.id!r} (first in {seen[report.id]})"))
                continue
            seen[report.id] = str(item)
            reading.reports.append(report)
    return reading


def _metadata_problems(files: list[Path]) -> list[Skipped]:
    """The metadata CSVs beside ``files`` that cannot be read (their files are read without)."""
    problems = []
    for folder in sorted({item.parent for item in files}):
        try:
            read_metadata(folder)
        except UnreadableReport as error:
            table = metadata_path(folder) or folder
            problems.append(Skipped(str(table), f"metadata ignored: {_reason(error, table)}"))
    return problems


def _reason(error: UnreadableReport, path: Path) -> str:
    """The message of an error without the file name it starts with."""
    return str(error).removeprefix(f"{path}: ")
