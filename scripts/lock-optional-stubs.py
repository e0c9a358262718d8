#!/usr/bin/env python3
"""Adds lock entries for optional platform packages the lock file lacks.

The package registry reachable here serves only some platforms' builds of packages
such as rollup (e.g. no darwin or win32 binaries of the newest versions), so
`npm install` leaves them out of ui/package-lock.json, and `npm ci` then refuses the
lock ("Missing: @rollup/rollup-darwin-arm64@ from lock file"). An entry that names
the package's os/cpu/libc is enough: `npm ci` skips packages of other platforms
without fetching them. Run after every `npm install` in ui/.
"""
import json
import sys
from pathlib import Path

LOCK = Path(__file__).resolve().parent.parent / "ui" / "package-lock.json"
OSES = {"win32", "darwin", "linux", "android", "freebsd", "openbsd", "openharmony", "netbsd", "sunos", "aix"}


def platform(name: str) -> dict:
    """`@rollup/rollup-linux-x64-musl` -> os linux, cpu x64, libc musl."""
    parts = name.split("/")[-1].split("-")
    for i, p in enumerate(parts):
        if p in OSES:
            out = {"os": [p]}
            if i + 1 < len(parts):
                out["cpu"] = [parts[i + 1]]
            rest = parts[i + 2:]
            if "musl" in rest or "musleabihf" in rest:
                out["libc"] = ["musl"]
            elif "gnu" in rest or "gnueabihf" in rest:
                out["libc"] = ["glibc"]
            return out
    return {}


def main() -> int:
    lock = json.loads(LOCK.read_text(encoding="utf-8"))
    packages = lock["packages"]
    added = []
    for meta in list(packages.values()):
        for dep, version in (meta.get("optionalDependencies") or {}).items():
            key = f"node_modules/{dep}"
            if key not in packages:
                packages[key] = {"version": version, "optional": True, **platform(dep)}
                added.append(dep)
    lock["packages"] = dict(sorted(packages.items(), key=lambda kv: (kv[0] != "", kv[0])))
    LOCK.write_text(json.dumps(lock, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"added {len(added)} optional platform entries to {LOCK.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
