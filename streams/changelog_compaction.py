"""Compaction of a single-writer faust table's changelog, for a broker that does not compact.

Kafka compacts a table's changelog (``cleanup.policy=compact``) and keeps only each key's newest
record; the local emulator keeps every record ever written and rewrites all of them to its snapshot
about once a second. The surge detector writes its changed entries after every micro-batch (2–3 records
a complaint at 20/s), so its changelog grew by ~2.9 KB of snapshot per complaint without end: at the
30-minute soak's 36,000 complaints, more than the whole index.

The process that is the table's only writer can compact it itself, with no race: in one step of the
event loop (no agent runs in between) it writes every live entry again, waits until the producer has
every one of them acknowledged, then deletes the records below the offset the changelog had before
the rewrite (DeleteRecords). Everything below that offset is superseded by a newer record of its key,
or belongs to a key that was deleted: a recovery from what is left rebuilds the same table.

The entries written again come from the writer's own state, never from the table: a GlobalTable reads its
own changelog back and applies each record to its local copy when it arrives, so a key written twice in
quick succession holds the older value until the newer record is read back. Rewriting the table's copy at
that moment made the older value the key's newest record, and a recovery lost the update (a surge alert
restarted without its first two members: `test_surge_process`, under load).

Only where ``ADUAN_CHANGELOG_COMPACTION_S`` is set (``aduan up`` sets it for its emulator); Apache
Kafka compacts by itself. DeleteRecords needs "delete" in the topic's cleanup policy (the emulator
checks it as Kafka does): the first compaction sets ``compact,delete`` with no time or size limit
(``aduan.core.connections.delete_records``).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable

from kafka import TopicPartition

from aduan.core.connections import Connections, delete_records

log = logging.getLogger(__name__)

# Compact once the changelog holds this many times the live entries: the rewrite costs one record per
# live entry, so a compaction writes at most half as many records as it deletes.
GROWTH = 2


async def compact(app, table, connections: Connections, live_entries: Callable[[], dict[str, bytes]]) -> int:
    """Compact ``table``'s one-partition changelog if it has grown; returns the records deleted.

    ``live_entries`` gives every live key's current value as the writer holds it (not the table's copy)."""
    tp = TopicPartition(table.changelog_topic.get_topic_name(), 0)
    loop = asyncio.get_running_loop()
    start, end = await loop.run_in_executor(None, _offsets, connections, tp)
    entries = live_entries()  # after the await: what the agents wrote meanwhile is in it
    live = len(entries)
    if not live or end - start <= GROWTH * live:
        return 0
    for key, value in entries.items():  # no await in this loop: no agent writes between the rewrites
        table[key] = value
    await app.producer.flush()  # every rewrite acknowledged before anything below them goes
    await loop.run_in_executor(None, _delete_below, connections, tp, end)
    log.info("changelog %s compacted: %d live entries written again, %d records deleted", tp.topic, live, end - start)
    return end - start


def _offsets(connections: Connections, tp: TopicPartition) -> tuple[int, int]:
    consumer = connections.reader("aduan-changelog-compaction")
    try:
        return consumer.beginning_offsets([tp])[tp], consumer.end_offsets([tp])[tp]
    finally:
        consumer.close()


def _delete_below(connections: Connections, tp: TopicPartition, offset: int) -> None:
    admin = connections.admin("aduan-changelog-compaction")
    try:
        delete_records(admin, {tp: offset})
    finally:
        admin.close()
