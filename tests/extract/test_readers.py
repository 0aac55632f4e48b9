"""Reading plain-text reports and the metadata CSV beside them; unreadable files refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.readers.report import UnreadableReport
from ingest.readers.text import read_text


def test_text_report_with_metadata_beside_it(tmp_path: Path) -> None:
    (tmp_path / "r1.txt").write_text("\nGulf drills\nOman and Qatar held drills.\n", "utf-8")
    (tmp_path / "articles.csv").write_text(
        "file,title,publisher,author,published,url\nr1.txt,,Gulf News,,2025-02,\n", "utf-8")
    report = read_text(tmp_path / "r1.txt")
    assert (report.id, report.title, report.publisher, report.published) == \
        ("r1", "Gulf drills", "Gulf News", "2025-02")


@pytest.mark.parametrize(("data", "reason"), [
    (b"", "empty"), (b"\x00\x01PNG", "binary"), (b"caf\xe9 drills", "not UTF-8")])
def test_unreadable_files_are_refused_with_a_reason(tmp_path: Path, data: bytes,
                                                    reason: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    with pytest.raises(UnreadableReport, match=reason):
        read_text(path)
