"""Are the extracted records the same before and after a change? For refactors that must not move
a single field: extracts the corpora with the code at a git revision (a temporary worktree) and
with the working tree, then compares the records byte for byte, article by article.

    python scripts/records_diff.py                    # HEAD against the working tree
    python scripts/records_diff.py --ref ad51d11      # an older revision against the working tree
    python scripts/records_diff.py --inputs ../shared/corpus/seeds
    python scripts/records_diff.py --ignore rule      # a field added on purpose: the rest must not move

Prints one line per differing article with the first differing field, and exits 1 when any
record differs (0 when all are byte-identical). Both sides run with this venv's packages.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared" / "corpus"
DEFAULT_INPUTS = [SHARED / "dev" / "articles.jsonl", SHARED / "seeds", SHARED / "world" / "articles.jsonl"]


def extract(source: Path, inputs: list[Path]) -> dict[str, str]:
    """id -> the record's JSON line, extracted by the communique package found in `source`."""
    env = dict(os.environ, PYTHONPATH=str(source))
    out = subprocess.run([sys.executable, "-m", "communique", "extract", *map(str, inputs)],
                         cwd=source, env=env, capture_output=True, text=True, check=True).stdout
    records = {}
    for line in out.splitlines():
        if line.strip():
            records[json.loads(line)["id"]] = line
    return records


def first_difference(a: object, b: object, path: str = "") -> str:
    """The path of the first field where two decoded records differ."""
    if isinstance(a, dict) and isinstance(b, dict):
        for key in list(dict.fromkeys([*a, *b])):
            if a.get(key) != b.get(key):
                return first_difference(a.get(key), b.get(key), f"{path}.{key}")
    if isinstance(a, list) and isinstance(b, list):
        for i, (x, y) in enumerate(zip(a, b, strict=False)):
            if x != y:
                return first_difference(x, y, f"{path}[{i}]")
        if len(a) != len(b):
            return f"{path}: {len(a)} items before, {len(b)} after"
    return f"{path}: {json.dumps(a)[:80]} -> {json.dumps(b)[:80]}"


def without(value: object, keys: set[str]) -> object:
    """The decoded record with every field named in `keys` dropped, at any depth."""
    if isinstance(value, dict):
        return {k: without(v, keys) for k, v in value.items() if k not in keys}
    if isinstance(value, list):
        return [without(v, keys) for v in value]
    return value


def compare(before: dict[str, str], after: dict[str, str], ignore: set[str] = frozenset()) -> list[str]:
    if ignore:
        before = {k: json.dumps(without(json.loads(v), ignore)) for k, v in before.items()}
        after = {k: json.dumps(without(json.loads(v), ignore)) for k, v in after.items()}
    problems = []
    for aid in sorted(set(before) | set(after)):
        if aid not in after:
            problems.append(f"{aid}: only before")
        elif aid not in before:
            problems.append(f"{aid}: only after")
        elif before[aid] != after[aid]:
            problems.append(f"{aid}: {first_difference(json.loads(before[aid]), json.loads(after[aid]))}")
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--ref", default="HEAD", help="git revision to compare against (default HEAD)")
    parser.add_argument("--inputs", nargs="*", type=Path, default=DEFAULT_INPUTS)
    parser.add_argument("--ignore", action="append", default=[], metavar="FIELD",
                        help="leave this field out of the comparison, at any depth (repeatable)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tree = Path(tmp) / "ref"
        subprocess.run(["git", "-C", str(REPO), "worktree", "add", "--detach", "--quiet", str(tree), args.ref], check=True)
        try:
            before = extract(tree, args.inputs)
        finally:
            subprocess.run(["git", "-C", str(REPO), "worktree", "remove", "--force", str(tree)], check=True)
    after = extract(REPO, args.inputs)
    problems = compare(before, after, set(args.ignore))
    for line in problems:
        print(line)
    print(f"{len(before)} records at {args.ref}, {len(after)} in the working tree: "
          f"{('identical but for ' + ', '.join(args.ignore)) if args.ignore and not problems else 'byte-identical' if not problems else f'{len(problems)} differ'}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
