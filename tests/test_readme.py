"""The README is the newcomer's contract: its commands and tables must match the code."""

from pathlib import Path

from aduan.core.settings import Settings
from schemas.topics import ALL_TOPICS

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text()


def test_every_setting_is_documented():
    missing = [f"ADUAN_{name.upper()}" for name in Settings.model_fields if f"`ADUAN_{name.upper()}`" not in README]
    assert not missing


def test_every_topic_is_documented():
    for spec in ALL_TOPICS:
        assert spec.name.rsplit(".", 1)[0] in README
        assert spec.value_model.__name__ in README


def test_ci_runs_the_readme_test_command():
    assert "./scripts/test.sh" in README and "./scripts/up.sh" in README
    assert "scripts/test.sh" in (ROOT / ".ci" / "run").read_text()
