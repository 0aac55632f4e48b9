"""The bad-input folder: every kind of bad file a user's folder may hold, beside one good
report. One ingest reads it, names every bad file with its reason, proposes the good report,
and never hangs (each shape that once took minutes is here)."""

from __future__ import annotations

import os
import time
from pathlib import Path

from click.testing import CliRunner

from milcoop.cli import main

GOOD = "Kazakhstan and Kyrgyzstan hold drills\n\nKazakhstan and Kyrgyzstan held drills.\n"
BOMB = "---\na: &a [x, x]\nb: &b [*a, *a]\nc: &c [*b, *b]\n---\nTitle\n\nText.\n"


def bad_folder(tmp_path: Path) -> Path:
    """A folder holding one good report and one file of each bad kind."""
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02binary")
    (folder / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (folder / "latin.txt").write_bytes(b"Caf\xe9 drills\n\nThe caf\xe9 hosted drills.\n")
    (folder / "late-nul.txt").write_bytes(GOOD.encode() * 200 + b"\x00tail")
    (folder / "broken.json").write_text('{"id": "x", "text": ', encoding="utf-8")
    (folder / "feed.jsonl").write_text('{"id": "ok-record", "text": "Oman and Qatar met."}\n'
                                       "{not json}\n", encoding="utf-8")
    (folder / "front.md").write_text("---\ntitle: [unclosed\n---\nText.\n", encoding="utf-8")
    (folder / "bomb.md").write_text(BOMB, encoding="utf-8")
    (folder / "hostile.html").write_text(
        "<html><body><script>alert(1)</script><article><p>Kenya and Tanzania held naval "
        "drills off Mombasa on Monday, the ministry said.</p></article></body></html>",
        encoding="utf-8")
    (folder / "runon.txt").write_text("Run-on\n\n" + "drills " * 450_000, encoding="utf-8")
    (folder / "quotes.txt").write_text("Quotes\n\n" + '"' * 200_000 + "\n", encoding="utf-8")
    (folder / "nested.json").write_text("[" * 100_000, encoding="utf-8")
    outside = tmp_path / "secret.txt"
    outside.write_text("Secret\n\nThe password is swordfish.\n", encoding="utf-8")
    (folder / "leak.txt").symlink_to(outside)
    (folder / os.fsdecode(b"caf\xe9.txt")).write_text(GOOD.replace("Kyrgyzstan", "Tajikistan"),
                                                      encoding="utf-8")
    return folder


def test_the_bad_folder_ingests_at_once_naming_every_bad_file(tmp_path: Path) -> None:
    folder = bad_folder(tmp_path)
    started = time.perf_counter()
    result = CliRunner().invoke(main, ["ingest", str(folder), "--out", str(tmp_path / "out")])
    took = time.perf_counter() - started
    assert result.exit_code == 0, result.output
    skipped = {line.split("skipped ", 1)[1].split(":", 1)[0].rsplit("/", 1)[-1]
               for line in result.output.splitlines() if line.startswith("  skipped ")}
    assert {"empty.txt", "binary.txt", "image.txt", "latin.txt", "late-nul.txt",
            "broken.json", "front.md", "bomb.md", "runon.txt", "nested.json",
            "leak.txt"} <= skipped
    assert any(name.startswith("feed.jsonl") for name in skipped)
    proposed = {path.stem for path in (tmp_path / "out").glob("*.yaml")}
    assert {"good", "ok-record", "hostile", "quotes"} <= proposed
    assert any(name.startswith("caf") for name in proposed)
    assert "swordfish" not in "".join(
        path.read_text(encoding="utf-8") for path in (tmp_path / "out").rglob("*.*"))
    assert took < 60, f"{took:.0f} s"
