"""An in-memory stand-in for Intake, for the pure HTTP-handling tests of the channel routers only
(status codes, signatures, replies); the broker itself is exercised in the integration tests."""

from aduan.core.connections import BrokerUnavailable
from producers.intake import Intake


class FakeIntake:
    """Records what would have been published; ``fail`` simulates a broker that does not acknowledge."""

    def __init__(self, fail: bool = False) -> None:
        self.accepted: list = []
        self.dead: list = []
        self.records: list = []
        self.fail = fail
        self.media = None  # a producers.media.MediaFetcher when a test gives one

    # The real composition of media fetching and its dead letters, over the fake publish.
    with_media = Intake.with_media
    media_dead_letters = Intake.media_dead_letters

    async def record(self, event, raw=None):
        if self.fail:
            raise BrokerUnavailable("down")
        self.records.append((event, raw))

    async def accept(self, complaint, raw=None):
        if self.fail:
            raise BrokerUnavailable("down")
        self.accepted.append((complaint, raw))
        return complaint

    async def dead_letter(self, channel, raw, reason, stage):
        if self.fail:
            raise BrokerUnavailable("down")
        self.dead.append((channel, raw, reason, stage))
