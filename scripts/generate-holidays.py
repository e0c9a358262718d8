#!/usr/bin/env python3
"""Regenerate assets/calendar/cn-holidays.json from the npm package `chinese-days`.

The package is maintained and updated when the State Council publishes the next
year's holiday arrangement. Run:  python3 scripts/generate-holidays.py [VERSION]
It fetches the package with `npm pack` (the npm registry is the only network
source used) and writes the days we need, with the source and version recorded.
"""
import json
import pathlib
import subprocess
import sys
import tarfile
import tempfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = ROOT / "assets" / "calendar" / "cn-holidays.json"


def main() -> None:
    version = sys.argv[1] if len(sys.argv) > 1 else "1.5.7"
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["npm", "pack", f"chinese-days@{version}"], cwd=tmp, check=True,
                       stdout=subprocess.DEVNULL)
        tgz = next(pathlib.Path(tmp).glob("chinese-days-*.tgz"))
        with tarfile.open(tgz) as tar:
            data = json.load(tar.extractfile("package/dist/chinese-days.json"))

    def days(kind: str) -> list:
        out = []
        for date, label in sorted(data[kind].items()):
            en, zh, _ = label.split(",")
            out.append({"date": date, "name_zh": zh, "name_en": en})
        return out

    holidays, workdays = days("holidays"), days("workdays")
    years = sorted({int(d["date"][:4]) for d in holidays})
    doc = {
        "source": "npm package chinese-days (dist/chinese-days.json)",
        "source_version": version,
        "licence": "MIT, Copyright (c) 2024 Yawei sun",
        "generated_by": "scripts/generate-holidays.py",
        "years": years,
        "holidays": holidays,
        "workdays": workdays,
    }
    OUT.write_text(json.dumps(doc, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {OUT} ({len(holidays)} holidays, {len(workdays)} make-up days, {years[0]}-{years[-1]})")


if __name__ == "__main__":
    main()
