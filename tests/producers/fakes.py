"""An in-memory stand-in for Intake, for the pure HTTP-handling tests of the channel routers only
(status codes, signatures, replies); the broker itself is exercised in the integration tests."""

from aduan.core.connections import BrokerUnavailable


class FakeIntake:
    """Records what would have been published; ``fail`` simulates a broker that does not acknowledge."""

    def __init__(self, fail: bool = False) -> None:
        self.accepted: list = []
        self.dead: list = []
        self.fail = fail

    async def accept(self, complaint, raw=None):
        if self.fail:
            raise BrokerUnavailable("down")
        self.accepted.append((complaint, raw))
        return complaint

    async def dead_letter(self, channel, raw, reason, stage):
        if self.fail:
            raise BrokerUnavailable("down")
        self.dead.append((channel, raw, reason, stage))
