from producers.ratelimit import TokenBuckets


class Clock:
    def __init__(self):
        self.now = 0.0

    def __call__(self):
        return self.now


def test_burst_then_refill():
    clock = Clock()
    buckets = TokenBuckets(rate_per_minute=3, clock=clock)
    assert [buckets.take("a") for _ in range(3)] == [0, 0, 0]
    wait = buckets.take("a")
    assert 19 < wait <= 20  # one token every 20 s
    clock.now = 20.0
    assert buckets.take("a") == 0
    assert buckets.take("b") == 0  # addresses are independent
