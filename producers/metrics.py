"""Intake counters per channel, exposed at ``/metrics``."""

from prometheus_client import Counter

ACCEPTED = Counter("aduan_intake_accepted_total", "Complaints acknowledged by Kafka", ["channel"])
REJECTED = Counter("aduan_intake_rejected_total", "Requests refused with a 4xx", ["channel", "reason"])
DEAD_LETTERED = Counter("aduan_intake_dead_lettered_total", "Parseable but invalid input sent to the dead-letter topic", ["channel"])
UNAVAILABLE = Counter("aduan_intake_broker_unavailable_total", "Requests answered 503 because Kafka did not acknowledge", ["channel"])
