"""The stream stage as plain Python, step by step: normalise → locate → deduplicate → classify → route.

The faust worker (``streams.app``) and the offline mirrors (``aduan classify``, ``aduan dedup``)
run this same code, so what the CLI prints is what the stream emits. Every step has a name
(``STEPS``) and its time is counted under that name, so a benchmark can say where the time goes.
The steps run inside one agent on purpose: each Kafka hop between stages would cost a produce
and a consume per complaint (measured at ~0.4 ms of worker CPU against the local broker), more
than all five steps together.
"""

from __future__ import annotations

import time
import uuid
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any

from schemas.contact import contact_reporter_key
from schemas.contact import reporter_key as derive_reporter_key
from schemas.events import Complaint, ComplaintRevision, DuplicateReport, Routing, RoutedComplaint, utcnow
from streams.classify import TopicClassifier, TopicPrediction, example_text
from streams.dedup import Deduplicator, DedupResult
from streams.dedup.verify import confident_topic
from streams.language import detect_language
from streams.geocode import PlaceIndex
from streams.locate import Gazetteer, Region
from streams.normalise import normalise_text
from streams.route import Unit, route
from schemas.categories import load_categories

STEPS = ("normalise", "locate", "deduplicate", "classify", "route")


@dataclass
class Submission:
    """What the stage reads from a complaint, whether it came from Kafka or from a JSON line."""

    complaint_id: str
    text: str
    subject: str | None = None
    channel: str | None = None
    reporter_key: str | None = None
    received_at: datetime = field(default_factory=utcnow)
    location_text: str | None = None
    region_hint: str | None = None
    complaint: Complaint | None = None
    digest: str | None = None  # what was sent (Complaint.content_digest): one id, one content
    # The join window (streams.dedup.index): who sent it, salted, and whether it is media without text.
    sender: str | None = None
    media_only: bool = False
    pin: tuple[float, float] | None = None  # a shared location (lat, lon)

    @classmethod
    def of(cls, complaint: Complaint, salt: str) -> Submission:
        contact = complaint.reporter.primary_contact()
        location = complaint.location
        reporter_key = derive_reporter_key(contact, salt) if contact else None
        # The producer's per-sender key when the reporter has no contact; salted like one: the join state
        # is in a shared changelog, where no contact travels in clear.
        sender_key = complaint.channel_meta.get("sender_key")
        sender = reporter_key or (derive_reporter_key(str(sender_key), salt) if sender_key else None)
        return cls(complaint_id=complaint.complaint_id, text=complaint.text, subject=complaint.subject,
                   channel=complaint.channel, reporter_key=reporter_key,
                   received_at=complaint.received_at, location_text=location.text if location else None,
                   region_hint=location.region_code if location else None, complaint=complaint,
                   digest=complaint.content_digest(),
                   sender=f"{complaint.channel}:{sender}" if sender else None,
                   media_only=bool(complaint.channel_meta.get("media_only")),
                   pin=(location.lat, location.lon) if location and location.lat is not None
                   and location.lon is not None else None)

    @classmethod
    def from_record(cls, record: dict[str, Any], position: int, salt: str) -> Submission:
        """A JSON line of the offline mirrors; every field but the text may be absent or null."""
        return cls(complaint_id=str(record.get("id") or f"record-{position}"), text=str(record.get("text") or ""),
                   subject=record.get("subject") or None, channel=record.get("channel") or None,
                   reporter_key=contact_reporter_key(record.get("reporter"), salt, record.get("channel")),
                   received_at=_parse_time(record.get("received_at")))


@dataclass
class Result:
    submission: Submission
    normalised_text: str = ""
    language: str = "id"
    region: Region | None = None
    dedup: DedupResult | None = None
    prediction: TopicPrediction | None = None
    unit: Unit | None = None

    @property
    def is_conflict(self) -> bool:
        """The id was accepted before with other content: nothing is emitted, the stored complaint stands."""
        return bool(self.dedup and self.dedup.conflicts_with)

    @property
    def is_join(self) -> bool:
        """The same sender's message joined an earlier complaint (media and its caption): not a case."""
        return bool(self.dedup and self.dedup.joined_to)

    @property
    def is_exact_duplicate(self) -> bool:
        """Same reporter, same text, another message: not a new case. A replay of the *same*
        provider message is not one: its routing is emitted again (idempotent downstream)."""
        return bool(self.dedup and self.dedup.duplicate_of
                    and self.dedup.duplicate_of != self.submission.complaint_id)

    @property
    def region_code(self) -> str | None:
        return (self.region.kabkota_code or self.region.province_code) if self.region else None

    @property
    def region_name(self) -> str | None:
        return (self.region.kabkota_name or self.region.province_name) if self.region else None


class StepTimer:
    """Seconds and calls per named step: the cross-cutting measurement, kept out of the steps."""

    def __init__(self) -> None:
        self.seconds: Counter[str] = Counter()
        self.calls: Counter[str] = Counter()

    def __call__(self, step: str, items: int = 1):
        timer = self

        class _Span:
            def __enter__(self):
                self.started = time.perf_counter()

            def __exit__(self, *_exc):
                timer.seconds[step] += time.perf_counter() - self.started
                timer.calls[step] += items

        return _Span()

    def per_item_us(self) -> dict[str, float]:
        return {step: 1e6 * self.seconds[step] / self.calls[step] for step in STEPS if self.calls[step]}


class Pipeline:
    def __init__(self, salt: str, deduplicator: Deduplicator | None = None,
                 classifier: TopicClassifier | None = None, gazetteer: Gazetteer | None = None) -> None:
        self.salt = salt
        self.deduplicator = deduplicator or Deduplicator()
        self.classifier = classifier or TopicClassifier.load()
        self.gazetteer = gazetteer or Gazetteer.load()
        self.places = PlaceIndex.load()
        self.topic_labels = {code: topic["label"] for code, topic in load_categories().items()}
        self.timer = StepTimer()

    def run(self, submissions: Sequence[Submission], deduplicate: bool = True) -> list[Result]:
        """All steps over a micro-batch, in arrival order (deduplication depends on that order)."""
        results = [Result(s) for s in submissions]
        with self.timer("normalise", len(results)):
            for r in results:
                self.normalise(r)
        with self.timer("locate", len(results)):
            for r in results:
                self.locate(r)
        # Classified before deduplication: the pair verifier compares topics ("kabel FO menjuntai" and "kabel
        # PLN menjuntai" in one kelurahan are two issues). An exact duplicate's topic is computed and unused.
        with self.timer("classify", len(results)):
            self.classify(results)
        if deduplicate:
            with self.timer("deduplicate", len(results)):
                for r in results:
                    self.deduplicate(r)
                self.deduplicator.flush()  # one store write for the whole batch
        # A joined text is routed too: it joined a group that had only media (a text never joins a text), whose
        # complaint was routed from a placeholder; its routing rides on the revision and re-routes that complaint.
        to_route = [r for r in results if not (r.is_exact_duplicate or r.is_conflict)
                    and not (r.is_join and r.submission.media_only)]
        with self.timer("route", len(to_route)):
            for r in to_route:
                self.route(r)
        return results

    # --- the steps -----------------------------------------------------------------------------------

    def normalise(self, r: Result) -> None:
        s = r.submission
        r.normalised_text = normalise_text(_joined(s.subject, s.text))
        r.language = detect_language(s.text)

    def locate(self, r: Result) -> None:
        # The raw text, before slang expansion: "kab", "kec" and capitals are location cues.
        s = r.submission
        r.region = self.gazetteer.locate(_joined(s.location_text, s.subject, s.text), s.region_hint)
        if s.pin is not None and (r.region is None or r.region.level == "provinsi"):
            # The citizen's words first (they name the place of the issue); a pin where they name no
            # kab/kota, or only a province the pin lies in.
            match = self.places.resolve(*s.pin)
            pinned = self.gazetteer.by_code(match.code) if match else None
            if pinned is not None and (r.region is None or pinned.code.startswith(r.region.code)):
                r.region = pinned

    def deduplicate(self, r: Result) -> None:
        s = r.submission
        r.dedup = self.deduplicator.check(s.complaint_id, s.reporter_key, r.normalised_text, s.received_at,
                                          r.region.code if r.region else None,
                                          original_text=_joined(s.subject, s.text), digest=s.digest,
                                          topic=confident_topic(r.prediction.topic, r.prediction.confidence),
                                          sender=s.sender, media_only=s.media_only)

    def classify(self, results: list[Result]) -> None:
        texts = [example_text({"text": r.submission.text, "subject": r.submission.subject}) for r in results]
        for r, prediction in zip(results, self.classifier.predict_batch(texts) if texts else []):
            r.prediction = prediction

    def route(self, r: Result) -> None:
        r.unit = route(r.prediction.topic, r.region, r.submission.text)

    # --- what the stage emits ------------------------------------------------------------------------

    def routed(self, r: Result) -> RoutedComplaint:
        complaint, unit, prediction = r.submission.complaint, r.unit, r.prediction
        # The complaint was validated on the way in and the rest is computed here: constructing
        # without re-validating saves ~60 % of this step (same JSON, checked in the tests).
        return RoutedComplaint.model_construct(
            **{**complaint.__dict__, "language": r.language},
            reporter_key=r.submission.reporter_key, normalised_text=r.normalised_text,
            topic=prediction.topic, topic_label=self.topic_labels.get(prediction.topic),
            # A photo without words has nothing to classify: a person looks at it.
            confidence=round(prediction.confidence, 4), needs_triage=prediction.needs_triage or r.submission.media_only,
            region_code=r.region_code, region_name=r.region_name,
            instansi_code=unit.instansi_code, instansi_name=unit.instansi_name,
            unit_code=unit.unit_code, unit_name=unit.unit_name,
            duplicate_of=None, cluster_id=r.dedup.cluster_id if r.dedup else None, report_count=1,
            status="diterima", sla=None, routed_at=utcnow(),
        )

    def joined(self, r: Result) -> ComplaintRevision:
        """The joined message appended to the complaint it joined (content written once: an addition); a joined
        text carries its routing (see ``run``)."""
        complaint, unit, prediction = r.submission.complaint, r.unit, r.prediction
        routing = None if unit is None else Routing(
            topic=prediction.topic, topic_label=self.topic_labels.get(prediction.topic),
            confidence=round(prediction.confidence, 4), needs_triage=prediction.needs_triage,
            region_code=r.region_code, region_name=r.region_name, instansi_code=unit.instansi_code,
            instansi_name=unit.instansi_name, unit_code=unit.unit_code, unit_name=unit.unit_name)
        return ComplaintRevision(
            revision_id=str(uuid.uuid5(uuid.NAMESPACE_URL, f"aduan:joined:{complaint.complaint_id}")),
            complaint_id=r.dedup.joined_to, channel=complaint.channel, kind="joined",
            text=None if r.submission.media_only else complaint.text, attachments=complaint.attachments,
            source_complaint_id=complaint.complaint_id, routing=routing, provider=complaint.channel,
            at=complaint.received_at)

    @staticmethod
    def duplicate(r: Result) -> DuplicateReport:
        complaint = r.submission.complaint
        return DuplicateReport(complaint_id=complaint.complaint_id, duplicate_of=r.dedup.duplicate_of,
                               channel=complaint.channel, reason=r.dedup.reason, received_at=complaint.received_at)

    def classification_line(self, record: dict[str, Any], r: Result) -> dict[str, Any]:
        prediction, unit = r.prediction, r.unit
        return {**record, "topic": prediction.topic, "confidence": round(prediction.confidence, 4),
                "needs_triage": prediction.needs_triage, "region_code": r.region_code, "region_name": r.region_name,
                "unit_code": unit.unit_code, "unit_name": unit.unit_name, "language": r.language}


def classify_records(records: Iterable[dict[str, Any]], pipeline: Pipeline, batch: int = 256):
    """Offline mirror of the stream: each JSON record plus its classification and routing."""
    yield from _batched(records, pipeline, batch, deduplicate=False,
                        line=lambda record, r: pipeline.classification_line(record, r))


def dedup_records(records: Iterable[dict[str, Any]], pipeline: Pipeline, batch: int = 256):
    """Offline mirror of the stream's deduplication: each record plus ``duplicate_of`` and ``cluster_id``."""
    def line(record: dict[str, Any], r: Result) -> dict[str, Any]:
        return {**record, "duplicate_of": r.dedup.duplicate_of, "cluster_id": r.dedup.cluster_id}

    yield from _batched(records, pipeline, batch, deduplicate=True, line=line)


def _batched(records, pipeline: Pipeline, batch: int, deduplicate: bool, line):
    chunk: list[dict[str, Any]] = []
    position = 0

    def flush():
        submissions = [Submission.from_record(record, position - len(chunk) + i, pipeline.salt)
                       for i, record in enumerate(chunk)]
        for record, result in zip(chunk, pipeline.run(submissions, deduplicate=deduplicate)):
            yield line(record, result)
        chunk.clear()

    for record in records:
        chunk.append(record)
        position += 1
        if len(chunk) >= batch:
            yield from flush()
    if chunk:
        yield from flush()


def _joined(*parts: str | None) -> str:
    return "\n".join(part for part in parts if part)


def _parse_time(value: Any) -> datetime:
    if not value:
        return utcnow()
    moment = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)
