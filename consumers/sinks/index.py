"""The complaint index: a template, versioned indices and the alias everyone reads through.

Readers and the indexer only ever name the alias (``aduan-complaints``); a new mapping is
a new ``aduan-complaints-vN`` built beside the old one, then the alias is swapped.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from elasticsearch import Elasticsearch

TEMPLATE_VERSION = 6  # 5: notifications; 6: operators' corrections

_KEYWORD = {"type": "keyword"}
_DATE = {"type": "date"}
# Citizen text: Indonesian analysis for search, a keyword subfield for exact filters and sorting.
_TEXT = {"type": "text", "analyzer": "indonesian", "fields": {"keyword": {"type": "keyword", "ignore_above": 512}}}

_ATTACHMENTS = {"properties": {"filename": _KEYWORD, "content_type": _KEYWORD, "size_bytes": {"type": "long"},
                               "sha256": _KEYWORD, "kind": _KEYWORD, "status": _KEYWORD, "provider_media_id": _KEYWORD}}

MAPPING = {
    "dynamic": "strict",
    "properties": {
        "schema_version": {"type": "integer"},
        "complaint_id": _KEYWORD,
        "tracking_number": _KEYWORD,
        "channel": _KEYWORD,
        "provider_message_id": _KEYWORD,
        "received_at": _DATE,
        "reporter": {"properties": {"name": _KEYWORD, "email": _KEYWORD, "phone": _KEYWORD, "handle": _KEYWORD,
                                    "bsuid": _KEYWORD}},
        "reporter_key": _KEYWORD,
        "privacy": _KEYWORD,
        "subject": _TEXT,
        "text": _TEXT,
        "normalised_text": {"type": "text", "analyzer": "indonesian"},
        "language": _KEYWORD,
        "location": {"properties": {"text": _TEXT, "lat": {"type": "float"}, "lon": {"type": "float"},
                                    "region_code": _KEYWORD}},
        "attachments": _ATTACHMENTS,
        "in_reply_to": _KEYWORD,
        # Channel specifics vary per provider; kept in the source, not indexed.
        "channel_meta": {"type": "object", "enabled": False},
        "raw_ref": _KEYWORD,
        "topic": _KEYWORD,
        "topic_label": _KEYWORD,
        "confidence": {"type": "float"},
        "needs_triage": {"type": "boolean"},
        "region_code": _KEYWORD,
        "region_name": _KEYWORD,
        "instansi_code": _KEYWORD,
        "instansi_name": _KEYWORD,
        "unit_code": _KEYWORD,
        "unit_name": _KEYWORD,
        "duplicate_of": _KEYWORD,
        "cluster_id": _KEYWORD,
        "report_count": {"type": "integer"},
        "status": _KEYWORD,
        "sla": {"properties": {"stage": _KEYWORD, "started_at": _DATE, "due_at": _DATE, "breached": {"type": "boolean"},
                               "elapsed_working_days": {"type": "float"}, "paused": {"type": "boolean"},
                               "next_timer_at": _DATE}},
        "routed_at": _DATE,
        # Folded from the other topics (consumers.cases.document).
        "routed_unit_code": _KEYWORD,
        # The stage's routing as it came (a joined text can replace it on a media-only complaint): not searched.
        "routed_fields": {"type": "object", "enabled": False},
        "history": {"properties": {"event_id": _KEYWORD, "status": _KEYWORD, "actor": _KEYWORD,
                                   "actor_role": _KEYWORD, "reason": {"type": "text", "analyzer": "indonesian"},
                                   "reason_redacted": {"type": "text", "analyzer": "indonesian"},
                                   "unit_code": _KEYWORD, "at": _DATE}},
        # Write-once content (consumers.cases.document): what the first routing carried, and the
        # digests of later submissions under the same id that were refused.
        "content_digest": _KEYWORD,
        "content_conflicts": _KEYWORD,
        # What non-operators are searched, highlighted and served from (consumers.redaction).
        "redacted": {"properties": {"subject": _TEXT, "text": _TEXT,
                                    "normalised_text": {"type": "text", "analyzer": "indonesian"},
                                    "location_text": _TEXT, "attachment_filenames": _KEYWORD,
                                    "reporter_name": _KEYWORD, "provider_ref": _KEYWORD}},
        # What happened to the source message after intake (consumers.cases.document: ComplaintRevision).
        "source_history": {"properties": {
            "revision_id": _KEYWORD, "kind": _KEYWORD, "provider": _KEYWORD, "at": _DATE,
            "text": {"type": "text", "analyzer": "indonesian"}, "text_redacted": {"type": "text", "analyzer": "indonesian"},
            "source_complaint_id": _KEYWORD, "source_tracking_number": _KEYWORD, "attachments": _ATTACHMENTS,
            "attachment_filenames_redacted": _KEYWORD,
            "routing": {"type": "object", "enabled": False}}},
        # What the reporter was sent (consumers.cases.document: NotificationRecord); the provider's error
        # text is shown, not searched.
        "notifications": {"properties": {
            "notification_id": _KEYWORD, "channel": _KEYWORD, "provider": _KEYWORD, "template": _KEYWORD,
            "result": _KEYWORD, "provider_message_id": _KEYWORD, "attempts": {"type": "integer"},
            "error": {"type": "text", "index": False}, "at": _DATE}},
        # Operators' corrections of topic and cluster (consumers.cases.document: ComplaintCorrection), and
        # what the stream decided before them (the training label's counterpart).
        "corrections": {"properties": {
            "correction_id": _KEYWORD, "kind": _KEYWORD, "topic": _KEYWORD, "cluster_id": _KEYWORD,
            "actor": _KEYWORD, "actor_role": _KEYWORD, "reason": {"type": "text", "index": False},
            "reason_redacted": {"type": "text", "index": False}, "at": _DATE}},
        "routed_topic": _KEYWORD,
        "routed_cluster_id": _KEYWORD,
        "source_texts": {"type": "text", "analyzer": "indonesian"},
        "source_texts_redacted": {"type": "text", "analyzer": "indonesian"},
        "source_state": _KEYWORD,
        "joined_ids": _KEYWORD,
        "joined_tracking_numbers": _KEYWORD,
        "status_updated_at": _DATE,
        "duplicate_ids": _KEYWORD,
        "sla_signals": _KEYWORD,
        "indexed_at": _DATE,
        # Only in the local stack's cold tier: the hot tier holds a newer copy (aduan.core.tiered_search).
        "superseded_at": _DATE,
    },
}


def template_name(alias: str) -> str:
    return alias


def index_name(alias: str, version: int) -> str:
    return f"{alias}-v{version}"


def put_template(es: Elasticsearch, alias: str) -> None:
    es.indices.put_index_template(
        name=template_name(alias),
        index_patterns=[f"{alias}-v*"],
        template={"settings": {"number_of_shards": 1, "refresh_interval": "1s"}, "mappings": MAPPING},
        version=TEMPLATE_VERSION,
        meta={"managed_by": "aduan"},
    )


def ensure_index(es: Elasticsearch, alias: str) -> str:
    """Create template, first index and alias when missing; return the index the alias points at.

    An index made under an older mapping gets the properties added since (``put_mapping``: adding a
    field is allowed on a live index, changing one is not and needs ``migrate``), so an existing
    local stack keeps accepting the documents the indexer writes now."""
    put_template(es, alias)
    if es.indices.exists_alias(name=alias):
        name = next(iter(es.indices.get_alias(name=alias)))
    else:
        name = index_name(alias, 1)
        if not es.indices.exists(index=name):
            es.indices.create(index=name, aliases={alias: {"is_write_index": True}})
            return name
        es.indices.put_alias(index=name, name=alias, is_write_index=True)
    es.indices.put_mapping(index=name, properties=MAPPING["properties"])
    return name


def migrate(es: Elasticsearch, alias: str, page: int = 1000) -> tuple[str, str, int]:
    """Copy the alias's index into the next version (current template) and swap the alias.

    Readers keep the alias throughout. The indexer keeps writing through the alias too: a
    document written to the old index during the copy is caught by a second pass over the
    documents indexed since the copy began, after the swap (``indexed_at``).
    """
    put_template(es, alias)
    old = next(iter(es.indices.get_alias(name=alias)))
    version = int(old.rsplit("-v", 1)[1]) + 1
    new = index_name(alias, version)
    es.indices.create(index=new)
    # The indexer stamps indexed_at with its clock; a little slack covers a write in flight now.
    since = (datetime.now(timezone.utc) - timedelta(seconds=30)).isoformat()
    copied = _copy(es, old, new, None, page)
    es.indices.update_aliases(actions=[
        {"remove": {"index": old, "alias": alias}},
        {"add": {"index": new, "alias": alias, "is_write_index": True}},
    ])
    copied += _copy(es, old, new, {"range": {"indexed_at": {"gte": since}}}, page, only_missing_or_newer=True)
    return old, new, copied


def _copy(es: Elasticsearch, source: str, target: str, query: dict | None, page: int,
          only_missing_or_newer: bool = False) -> int:
    from elasticsearch import helpers

    copied, after = 0, None
    while True:
        hits = es.search(index=source, query=query or {"match_all": {}}, size=page,
                         sort=[{"complaint_id": "asc"}], search_after=after)["hits"]["hits"]
        if not hits:
            return copied
        if only_missing_or_newer:
            # After the swap the indexer writes to the new index: keep whichever copy is newer.
            present = {d["_id"]: d["_source"].get("indexed_at") or "" for d in
                       es.mget(index=target, ids=[h["_id"] for h in hits])["docs"] if d.get("found")}
            hits_to_copy = [h for h in hits if (h["_source"].get("indexed_at") or "") > present.get(h["_id"], "")]
        else:
            hits_to_copy = hits
        actions = [{"_op_type": "index", "_index": target, "_id": hit["_id"], "_source": hit["_source"]}
                   for hit in hits_to_copy]
        _, errors = helpers.bulk(es, actions, raise_on_error=False)
        if errors:
            raise RuntimeError(f"migration stopped: {errors[:3]}")
        copied += len(actions)
        after = hits[-1]["sort"]
