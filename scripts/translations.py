"""Refresh the translation sources from the code and compile them.

1. ``pyside6-lupdate`` reads every ``tr()`` in ``app/ui`` into each
   ``app/ui/translations/promptdesk_<lang>.ts`` (new strings are added as unfinished, strings
   gone from the code are marked obsolete and dropped, existing translations are kept).
2. English plural forms are filled in from the source text: ``%n result(s)`` becomes
   "%n result" / "%n results" (Qt takes plural forms from a translation, even for English).
3. ``pyside6-lrelease`` compiles each source into the ``.qm`` file the app loads.

Run: ``.venv/bin/python scripts/translations.py`` after changing UI strings; ``--check`` only
says whether the committed files are up to date (the test suite runs it).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TRANSLATIONS = ROOT / "app" / "ui" / "translations"
TOOLS = Path(sys.executable).parent


def tool(name: str) -> str:
    found = TOOLS / name
    return str(found) if found.exists() else (shutil.which(name) or name)


def sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "app" / "ui").rglob("*.py"))


def english_plurals(singular_plural: str) -> tuple[str, str]:
    """``"%n token(s) (exact)"`` -> ``("%n token (exact)", "%n tokens (exact)")``; ``(es)``
    the same way (``match(es)``)."""
    one = re.sub(r"(\w)\((e?s)\)", r"\1", singular_plural)
    many = re.sub(r"(\w)\((e?s)\)", r"\1\2", singular_plural)
    return one, many


def fill_english(ts_file: Path) -> None:
    tree = ET.parse(ts_file)  # noqa: S314 -- our own file, written by lupdate
    for message in tree.iter("message"):
        if message.get("numerus") != "yes":
            continue
        source = message.findtext("source") or ""
        translation = message.find("translation")
        if translation is None:
            continue
        forms = english_plurals(source)
        for child in list(translation):
            translation.remove(child)
        for text in forms:
            ET.SubElement(translation, "numerusform").text = text
        translation.attrib.pop("type", None)
    tree.write(ts_file, encoding="utf-8", xml_declaration=True)


def run(command: list[str]) -> None:
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"{Path(command[0]).name} failed:\n{done.stdout}{done.stderr}")


def update(directory: Path) -> None:
    files = sorted(directory.glob("promptdesk_*.ts"))
    run(
        [tool("pyside6-lupdate"), *sources(), "-no-obsolete", "-locations", "none", "-ts"]
        + [str(f) for f in files]
    )
    english = directory / "promptdesk_en.ts"
    if english.exists():
        fill_english(english)
    for ts_file in files:
        run(
            [
                tool("pyside6-lrelease"),
                "-silent",
                str(ts_file),
                "-qm",
                str(ts_file.with_suffix(".qm")),
            ]
        )


def main() -> int:
    if "--check" not in sys.argv:
        update(TRANSLATIONS)
        return 0
    with tempfile.TemporaryDirectory() as name:
        copy = Path(name)
        for file in TRANSLATIONS.glob("promptdesk_*.*"):
            shutil.copy2(file, copy / file.name)
        update(copy)
        stale = [
            f.name
            for f in sorted(copy.glob("promptdesk_*.*"))
            if not (TRANSLATIONS / f.name).exists()
            or f.read_bytes() != (TRANSLATIONS / f.name).read_bytes()
        ]
    if stale:
        print("out of date: " + ", ".join(stale) + " (run scripts/translations.py)")
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
