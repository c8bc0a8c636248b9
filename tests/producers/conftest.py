import pytest

from tests.producers.fakes import FakeIntake


@pytest.fixture
def intake() -> FakeIntake:
    return FakeIntake()
