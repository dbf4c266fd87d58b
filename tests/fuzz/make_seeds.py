#!/usr/bin/env python3
"""Build a seed corpus for the fuzz targets (tests/fuzz/README.md).

    python3 tests/fuzz/make_seeds.py OUT_DIR

Copies every golden script (tests/scripts/**/*.py), the talk's samples and the
regression corpus into OUT_DIR, one file each, named after its path so that
re-running refreshes the same files. Inputs longer than --max-len bytes (the
fuzz command's -max_len) are left out: libFuzzer would cut them anyway.
"""
import argparse
import pathlib

ROOT = pathlib.Path(__file__).resolve().parents[2]
SOURCES = [
    (ROOT / "tests" / "scripts", "*.py"),
    (ROOT / "samples", "*.py"),
    (ROOT / "tests" / "fuzz" / "regressions", "*"),
]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", type=pathlib.Path)
    parser.add_argument("--max-len", type=int, default=4096)
    args = parser.parse_args()
    args.out_dir.mkdir(parents=True, exist_ok=True)
    copied = skipped = 0
    for folder, pattern in SOURCES:
        for path in sorted(folder.rglob(pattern)):
            if not path.is_file() or path.name == "README.md":
                continue
            data = path.read_bytes()
            if len(data) > args.max_len:
                skipped += 1
                continue
            name = str(path.relative_to(ROOT)).replace("/", "__")
            (args.out_dir / name).write_bytes(data)
            copied += 1
    print(f"{copied} seeds in {args.out_dir} ({skipped} longer than {args.max_len} bytes left out)")


if __name__ == "__main__":
    main()
