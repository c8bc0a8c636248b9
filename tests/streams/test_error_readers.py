"""The error readers refuse the sets whose errors are never read: routing_b (the held-out check) and the frozen
eval/ sets, whatever is asked."""

from __future__ import annotations

import pytest

from benchmarks.dedup_losses import main as dedup_losses


@pytest.mark.parametrize("name", ["routing_b", "../eval/independent_j", "independent_zz"])
def test_dedup_losses_refuses_a_set_whose_errors_are_never_read(name, capsys):
    with pytest.raises(SystemExit):
        dedup_losses([name])
    assert "never are" in capsys.readouterr().err


def test_dedup_losses_help_is_help(capsys):
    with pytest.raises(SystemExit) as exit_:
        dedup_losses(["--help"])
    assert exit_.value.code == 0 and "tuning sets" in capsys.readouterr().out
