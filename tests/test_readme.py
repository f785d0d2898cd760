"""The README is true: its record example is what `extract` gives for the bundled example, every
command and option it shows exists (read from the CLI's own --help), every command the CLI has is
shown, and the Quick start's demo step builds a store with events."""
from __future__ import annotations

import json
import re
import shlex

import pytest
from support import REPO, cli

README = (REPO / "README.md").read_text(encoding="utf-8")


def _record_example() -> dict:
    section = README[README.index("### The record"):]
    block = section[section.index("```json\n") + 8:]
    return json.loads(block[:block.index("```")])


def _matches(shown: object, actual: object, path: str = "") -> list[str]:
    """Where the README's value differs from the record's. A string with ' ... ' stands for any text
    with those ends; objects must have the same keys; lists the same length."""
    if isinstance(shown, dict):
        if not isinstance(actual, dict) or set(shown) != set(actual):
            return [f"{path}: keys {sorted(shown) if isinstance(shown, dict) else shown} vs "
                    f"{sorted(actual) if isinstance(actual, dict) else actual}"]
        return [m for k in shown for m in _matches(shown[k], actual[k], f"{path}.{k}")]
    if isinstance(shown, list):
        if not isinstance(actual, list) or len(shown) != len(actual):
            return [f"{path}: {len(shown)} items shown, {len(actual) if isinstance(actual, list) else actual} in the record"]
        return [m for i, (a, b) in enumerate(zip(shown, actual, strict=True)) for m in _matches(a, b, f"{path}[{i}]")]
    if isinstance(shown, str) and "..." in shown and isinstance(actual, str):
        pattern = ".*".join(re.escape(part.strip()) for part in shown.split("..."))
        return [] if re.fullmatch(pattern, actual, re.DOTALL) else [f"{path}: {shown!r} does not fit {actual[:60]!r}"]
    return [] if shown == actual else [f"{path}: README {shown!r}, record {actual!r}"]


def test_the_matcher_can_fail():
    assert _matches({"a": "x ... z"}, {"a": "x y z"}) == []
    assert _matches({"a": "x ... z"}, {"a": "y"}) and _matches({"a": 1}, {"a": 1, "b": 2}) and _matches([1], [1, 2])


def test_the_record_example_is_what_extract_gives_for_the_bundled_example():
    shown = _record_example()
    r = cli("extract", "examples/vn-ph-defence-talks.txt")
    assert r.returncode == 0, r.stderr.decode()
    actual = json.loads(r.stdout)
    assert _matches(shown, actual) == []


def _shown_commands() -> list[list[str]]:
    """Every `communique ...` command line in the README's code blocks and inline code."""
    lines = []
    for block in re.findall(r"```bash\n(.*?)```", README, re.DOTALL):
        lines += block.splitlines()
    lines += re.findall(r"`(\.venv/bin/communique [^`]*)`", README)
    out = []
    for line in lines:
        line = line.split("  #")[0].split("|")[-1].strip()
        m = re.match(r"(?:\.venv/bin/)?communique\s+(.*)", line)
        if m:
            out.append(shlex.split(m.group(1).replace("…", "")))
    return out


def _help(*args: str) -> str:
    r = cli(*args, "--help")
    assert r.returncode == 0, r.stderr.decode()
    return r.stdout.decode()


def _commands() -> set[str]:
    text = _help()
    return set(re.findall(r"^  ([a-z]+)\s", text[text.index("Commands:"):], re.MULTILINE))


@pytest.mark.slow
def test_every_command_and_option_the_readme_shows_exists():
    commands = _commands()
    shown = _shown_commands()
    assert len(shown) >= 15
    helps: dict[str, str] = {}
    for words in shown:
        assert words[0] in commands, f"README shows `communique {' '.join(words)}`: no such command"
        text = helps.setdefault(words[0], _help(words[0]))
        for option in (w.split("=")[0] for w in words[1:] if w.startswith("--")):
            assert re.search(rf"(?<![\w-]){re.escape(option)}\b", text), \
                f"README shows `{option}` for `communique {words[0]}`; its --help has no such option"


def test_every_command_the_cli_has_is_in_the_readme():
    shown = {words[0] for words in _shown_commands()}
    assert _commands() - shown == set()


def test_every_setting_is_documented_with_its_variable():
    from dataclasses import fields

    from communique.settings import Settings
    missing = [f.name for f in fields(Settings) if f"COMMUNIQUE_{f.name.upper()}" not in README]
    assert missing == []


@pytest.mark.slow
def test_the_quick_start_demo_builds_a_store_with_events(tmp_path):
    """`./dev demo` is setup (the venv this test runs in) and then this command."""
    demo = (REPO / "dev").read_text(encoding="utf-8")
    assert '"$VENV/bin/communique" ingest examples --db communique.db' in demo
    db = tmp_path / "communique.db"
    r = cli("ingest", "examples", "--db", str(db))
    assert r.returncode == 0, r.stderr.decode()
    events = json.loads(cli("events", "--db", str(db), "--json").stdout)
    assert len(events) >= 3 and all(e["id"].startswith("ev-") for e in events)
