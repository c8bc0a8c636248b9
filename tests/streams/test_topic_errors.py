"""benchmarks/topic_errors.py: every outsider's set is scored left out, routing_b only as figures, eval/ never."""

from __future__ import annotations

import sys

import pytest

from benchmarks import topic_errors
from streams import training
from streams.classify import DATA_DIR


def test_every_outsider_set_is_scored_left_out_by_default():
    outsiders = {path.parent.name for path in training.OUTSIDER_TOPIC_SETS}
    folders = {path.name for path in (DATA_DIR / "tuning").glob("independent_*") if (path / "complaints.jsonl").exists()}
    assert "independent_l" in outsiders  # its labels train the classifier (issue #14, topic round of 2026-12-03)
    assert outsiders <= folders and folders <= set(topic_errors.LEFT_OUT)


def test_routing_b_is_scored_for_its_figures_only(monkeypatch, tmp_path, capsys):
    """routing_b is the held-out check of the team's tuning: its errors are never printed or written."""
    out = tmp_path / "errors.json"
    monkeypatch.setattr(topic_errors, "shipped_probabilities", _all_wrong(topic_errors.shipped_probabilities))
    monkeypatch.setattr(sys, "argv", ["topic_errors.py", "--json", str(out), "routing_b"])
    topic_errors.main()
    printed = capsys.readouterr().out
    assert "routing_b" in printed and "[routing_b:" not in printed
    import json
    written = json.loads(out.read_text(encoding="utf-8"))
    assert written["errors"] == [] and written["summary"][0]["accuracy"] < 1


@pytest.mark.parametrize("name", ["eval/independent_c", "../eval/independent_c", "independent_zz"])
def test_frozen_and_unknown_sets_are_refused(monkeypatch, name):
    monkeypatch.setattr(sys, "argv", ["topic_errors.py", name])
    with pytest.raises(SystemExit):
        topic_errors.main()


def _all_wrong(scored):
    """The shipped model's probabilities with the columns rolled by one: every answer another topic."""
    def wrapped(name, classifier):
        records, classes, probabilities = scored(name, classifier)
        return records, classes[1:] + classes[:1], probabilities
    return wrapped
