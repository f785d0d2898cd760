"""The kinds of engagement come from one table (communique/kinds.py): every surface offers exactly them."""
import pytest

from communique import kinds, lexicons
from communique.cli.read_cmds import KINDS as CLI_KINDS
from communique.errors import UsageError
from communique.web import charts


def test_every_trigger_rule_produces_a_defined_kind_and_every_kind_has_triggers():
    produced = {r["kind"] for r in lexicons.events()["rules"]}
    assert produced == set(kinds.NAMES)


def test_the_cli_and_the_charts_offer_exactly_the_defined_kinds():
    assert tuple(CLI_KINDS.choices) == kinds.NAMES
    assert tuple(charts.KIND_COLOURS) == kinds.NAMES


def test_the_api_describes_the_kinds_in_its_openapi(tmp_path):
    from communique import store
    from communique.web.app import create_app
    db = tmp_path / "s.db"
    store.connect(db).close()
    spec = create_app(db).openapi()
    params = spec["paths"]["/api/events"]["get"]["parameters"]
    (kind,) = [p for p in params if p["name"] == "kind"]
    assert kind["schema"].get("enum") == list(kinds.NAMES) or \
        any(s.get("enum") == list(kinds.NAMES) for s in kind["schema"].get("anyOf", []))


def test_an_unknown_kind_is_refused_with_the_choices():
    assert kinds.checked("visit") == "visit" and kinds.checked(None) is None
    with pytest.raises(UsageError, match="one of meeting, call, visit, multilateral"):
        kinds.checked("party")
