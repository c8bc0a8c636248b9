"""The notifier: lifecycle events → one message each to the reporter, on the kernel's consumer runtime.

Reads ``complaints.routed`` (the acknowledgement of a first routing), ``complaints.status`` (verified,
re-routed, dispatched, followed up with the closure question, closed, reopened) and
``complaints.answers`` (the citizen's YA/BELUM, which it turns into a ``StatusEvent`` by "pelapor").

Exactly one message per event, as far as a provider lets anyone promise it:

1. the notification id is derived from the causing event and the template (``plan.py``);
2. the ledger (``complaints.notifications`` read whole at start, then followed) says whether it was sent,
   failed or skipped: then nothing is sent again, whatever was redelivered or restarted;
3. otherwise a ``pending`` record is acknowledged by the broker **before** the send, the message is sent
   (retried with backoff and jitter, within the provider's rate), and ``sent`` (or ``failed``, with a
   dead letter) is acknowledged before the record's offset is committed.

What remains is the crash window between the provider accepting a message and the broker acknowledging
``sent`` (a ``kill -9``, a broker that stops answering): the notifier finds ``pending`` without an outcome
and, before sending again, asks what the provider offers (``_settle``): Twilio's Messages list and X's DM
events (the message to that citizen with that text since the pending record: ``sent`` with its id, nothing
sent), WhatsApp
Cloud's status webhook (its ``biz_opaque_callback_data`` is the notification reference: the record is read
again until a receipt settles it or ``ADUAN_NOTIFY_RECEIPT_WAIT_S`` past the pending record have gone by).
Kannel, Gammu and Messenger are not asked (``providers.py`` says what they could be asked), so there a
kill in the window still costs one duplicate (one message per provider is in flight at any time, sends
being sequential); an e-mail resend carries the same ``Message-ID``, which mail stores deduplicate.
"""

from __future__ import annotations

import logging
import random
import threading
import time
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Callable

import httpx
from kafka.consumer.fetcher import ConsumerRecord
from pydantic import ValidationError

from aduan.core import deadletters
from aduan.core.backoff import Backoff
from aduan.core.connections import BrokerUnavailable, Publisher
from aduan.core.ratelimit import TokenBuckets
from aduan.core.runtime import BatchResult, ConsumerRuntime, SinkUnavailable
from aduan.core.settings import Settings
from consumers.cases.lifecycle import TransitionRefused, check_transition
from consumers.notify import links, plan, templates
from consumers.notify.ledger import Ledger
from consumers.notify.providers import RECEIPTS, WINDOW_S, Message, Permanent, Retryable, Sender
from consumers.redaction import CITIZEN_ACTOR
from schemas.ids import notification_reference as reference
from schemas.events import CitizenAnswer, NotificationRecord, RoutedComplaint, StatusEvent, utcnow
from schemas.topics import ANSWERS, NOTIFICATIONS, ROUTED, STATUS

log = logging.getLogger(__name__)

STAGE = "consumers.notify"
SOURCES = (ROUTED, STATUS, ANSWERS)
MAX_POLL_INTERVAL_MS = 600_000
YES = frozenset({"YA", "Y", "YES", "SUDAH", "SELESAI"})
NO = frozenset({"BELUM", "TIDAK", "NO", "BLM"})
CONTEXT_FIELDS = ("complaint_id", "tracking_number", "channel", "channel_meta", "reporter", "subject",
                  "provider_message_id", "unit_code", "unit_name", "received_at", "privacy", "status", "history")

Lookup = Callable[[str], dict[str, Any] | None]  # complaint id → its document (ES), None when unknown
OpenQuestion = Callable[[dict[str, str]], str | None]  # reporter contacts → complaint id of their open question


@dataclass
class Case:
    """What the notifier knows of a complaint: its context and its open closure question."""

    context: dict[str, Any]
    status: str = "diterima"
    question_event: str | None = None  # the ditindaklanjuti event of the open question
    question_at: datetime | None = None


def parse_answer(payload: str) -> tuple[str | None, str | None]:
    """("YA"|"BELUM"|None, the complaint id a button payload names)."""
    verb, _, complaint = payload.strip().partition(":")
    word = verb.strip().upper().rstrip(".!")
    kind = "YA" if word in YES else "BELUM" if word in NO else None
    return kind, complaint.strip() or None


def answer_event_id(answer_id: str) -> str:
    return str(uuid.uuid5(plan.NAMESPACE, f"answer:{answer_id}"))


class NotifierSink:
    stage = STAGE

    def __init__(self, settings: Settings, publisher: Publisher, senders: dict[str, Sender], ledger: Ledger,
                 lookup: Lookup | None = None, *, open_question: OpenQuestion | None = None, rng: random.Random | None = None,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.settings = settings
        self.publisher = publisher
        self.senders = senders
        self.ledger = ledger
        self.lookup = lookup
        self.open_question = open_question
        self.rng = rng or random.Random()
        self.backoff = Backoff(initial_s=settings.notify_retry_initial_s, max_s=settings.notify_retry_max_s,
                               jitter=0.5)
        rate = max(settings.notify_rate_per_second, 0.001)
        self.buckets = TokenBuckets(int(rate * 60), clock=clock)
        self.cases: dict[str, Case] = {}
        self.questions: dict[str, str] = {}  # contact key → complaint id of the latest question sent to it
        self.last_inbound: dict[str, datetime] = {}  # contact key → the citizen's last message
        self.sent = 0

    # -- the runtime's interface

    def write(self, records: list[ConsumerRecord], stop: threading.Event) -> BatchResult:
        try:
            self.ledger.catch_up()
        except Exception as exc:  # the broker: the same batch again later
            raise SinkUnavailable(f"ledger not readable: {exc!r}") from exc
        result = BatchResult()
        # Routings first: they teach the notifier the complaints of this poll's status events.
        order = sorted(range(len(records)), key=lambda i: records[i].topic != ROUTED.name)
        for position, index in enumerate(order):
            record = records[index]
            if stop.is_set():
                result.pending.update(order[position:])
                break
            try:
                outcome = self._one(record, stop)
            except BrokerUnavailable as exc:
                raise SinkUnavailable(str(exc)) from exc
            except ValidationError as exc:
                result.letters[index] = [deadletters.for_record(
                    STAGE, record, deadletters.reason(f"invalid {record.topic} record", exc))]
                continue
            if outcome is False:
                result.pending.add(index)
            elif outcome is not True:
                result.letters[index] = [outcome]
        return result

    def close(self) -> None:
        self.ledger.close()

    # -- one record

    def _one(self, record: ConsumerRecord, stop: threading.Event) -> bool | Any:
        if record.value is None:
            return True
        if record.topic == ROUTED.name:
            routed = RoutedComplaint.model_validate_json(record.value)
            context = routed.model_dump(mode="json", include=set(CONTEXT_FIELDS))
            case = self.cases.setdefault(routed.complaint_id, Case(context))
            case.context = {**context, **{k: v for k, v in case.context.items() if k in ("status", "history")}}
            self._inbound(context, routed.received_at)
            planned = plan.for_routed(routed.model_dump(mode="json"))
            return self._notify(planned, record, stop) if planned else True
        if record.topic == STATUS.name:
            event = StatusEvent.model_validate_json(record.value)
            case = self._case(event.complaint_id)
            if case is None:
                return False  # its routing is not indexed yet: read again
            self._track(case, event)
            planned = plan.for_status(event.model_dump(mode="json"))
            return self._notify(planned, record, stop) if planned else True
        if record.topic == ANSWERS.name:
            return self._answer(CitizenAnswer.model_validate_json(record.value))
        return True

    def _case(self, complaint_id: str) -> Case | None:
        case = self.cases.get(complaint_id)
        if case is not None:
            return case
        doc = self.lookup(complaint_id) if self.lookup else None
        if doc is None or "channel" not in doc:
            return None
        case = Case({k: doc.get(k) for k in CONTEXT_FIELDS}, status=doc.get("status", "diterima"))
        for entry in doc.get("history") or ():
            if entry["status"] == "ditindaklanjuti":
                case.question_event, case.question_at = entry["event_id"], datetime.fromisoformat(entry["at"])
        if case.status != "ditindaklanjuti":
            case.question_event = None
        self.cases[complaint_id] = case
        return case

    def _track(self, case: Case, event: StatusEvent) -> None:
        # Status events of one complaint arrive in order (one partition, the producers' order).
        case.status = event.status
        if event.status == "ditindaklanjuti":
            case.question_event, case.question_at = event.event_id, event.at
        elif event.status != "ditunda":
            case.question_event = None

    def _inbound(self, context: dict[str, Any], at: datetime) -> None:
        where = plan.destination(context, self.settings.notify_web_sms_provider)
        if where is not None:
            self.last_inbound[where.contact_key] = max(at, self.last_inbound.get(where.contact_key, at))

    # -- a message

    def _notify(self, planned: plan.Planned, record: ConsumerRecord, stop: threading.Event) -> bool | Any:
        if self.ledger.done(planned.notification_id):
            return True
        case = self._case(planned.complaint_id)
        if case is None:
            return False
        context = case.context
        where = plan.destination(context, self.settings.notify_web_sms_provider)
        provider = where.provider if where else "none"
        base = dict(notification_id=planned.notification_id, complaint_id=planned.complaint_id,
                    channel=context["channel"], provider=provider, template=planned.template)
        if where is None or provider not in self.senders:
            self._record(NotificationRecord(**base, result="failed", error="no reply channel for this complaint",
                                            at=utcnow()))
            return True
        if self.ledger.opted_out.get(where.contact_key) and planned.template not in plan.SENT_DESPITE_OPT_OUT:
            self._record(NotificationRecord(**base, result="skipped_opted_out", at=utcnow()))
            return True
        message = self._message(planned, case, where)
        previous = self.ledger.records.get(planned.notification_id)
        attempts = previous.attempts if previous else 0
        if previous is None:
            self._record(NotificationRecord(**base, result="pending", at=utcnow()))
        else:
            settled = self._settle(planned, previous, message, base)
            if settled is not None:
                return settled
        while True:
            attempts += 1
            self._wait_for_rate(provider, stop)
            try:
                provider_id = self.senders[provider].send(message)
            except Permanent as exc:
                return self._failed(base, attempts, str(exc), record)
            except Retryable as exc:
                if attempts >= self.settings.notify_max_attempts:
                    return self._failed(base, attempts, f"{exc} after {attempts} attempts", record)
                delay = max(self.backoff.delay(attempts, self.rng), exc.retry_after_s)
                log.info("notification %s via %s: %s; retry in %.2fs", planned.notification_id, provider, exc, delay)
                if stop.wait(delay):
                    # Stopped between attempts: the record stays pending and is read again after the restart.
                    self._record(NotificationRecord(**base, result="pending", attempts=attempts, error=str(exc)[:1000],
                                                    at=utcnow()))
                    return False
                continue
            self.sent += 1
            return self._sent(planned, base, provider_id, attempts, where)

    def _sent(self, planned: plan.Planned, base: dict[str, Any], provider_id: str, attempts: int,
              where: plan.Destination) -> bool:
        self._record(NotificationRecord(**base, result="sent", provider_message_id=provider_id[:300] or None,
                                        attempts=attempts, at=utcnow()))
        if planned.template == "followed_up":
            self.questions[where.contact_key] = planned.complaint_id
        return True

    def _settle(self, planned: plan.Planned, previous: NotificationRecord, message: Message,
                base: dict[str, Any]) -> bool | None:
        """A ``pending`` record without an outcome: the send it announced may have been accepted before the
        notifier stopped (or before the broker stopped acknowledging). True: the provider has it (recorded
        ``sent``, nothing sent); False: read the event again later (the provider cannot say yet, or its
        receipt may still come); None: it was not accepted, send."""
        provider = base["provider"]
        find = getattr(self.senders[provider], "find", None)  # providers.Finder, where the provider lists what it sent
        if find is not None:
            try:
                found = find(message, previous.at, self.ledger.by_provider_id)
            except Retryable as exc:
                log.warning("notification %s: %s cannot say whether it has the message (%s); asking again later",
                            planned.notification_id, provider, exc)
                return False
            except Permanent as exc:  # the lookup is refused (credentials without read access): send again
                log.warning("notification %s: %s lookup refused (%s): sending again", planned.notification_id,
                            provider, exc)
                return None
            if found:
                log.info("notification %s was accepted by %s before the restart (%s): not sent again",
                         planned.notification_id, provider, found)
                return self._sent(planned, base, found, previous.attempts + 1, message.destination)
            return None
        if provider in RECEIPTS and utcnow() < previous.at + timedelta(seconds=self.settings.notify_receipt_wait_s):
            return False  # the ledger is read before every batch: a receipt that arrives settles it (done())
        log.warning("notification %s was pending when the notifier stopped and %s cannot tell whether it has it: "
                    "sending again", planned.notification_id, provider)
        return None

    def _message(self, planned: plan.Planned, case: Case, where: plan.Destination) -> Message:
        context = case.context
        tracking = context["tracking_number"]
        unit = context.get("unit_name") if planned.unit_code in (None, context.get("unit_code")) else planned.unit_code
        answer_link = ""
        if planned.template == "followed_up":
            answer_link = links.answer_link(self.settings, tracking, planned.complaint_id, planned.cause)
        rendered = templates.render(planned.template, sms=where.sms, tracking=tracking,
                                    link=links.status_link(self.settings, tracking), unit=unit or "",
                                    note=planned.note, answer_link=answer_link)
        last = self.last_inbound.get(where.contact_key)
        if last is None and context.get("received_at"):
            last = datetime.fromisoformat(context["received_at"])
        in_window = last is not None and utcnow() - last < timedelta(seconds=WINDOW_S)
        return Message(notification_id=planned.notification_id,
                       reference=reference(planned.notification_id, planned.complaint_id, planned.template),
                       destination=where, subject=rendered.subject, text=rendered.text,
                       question=planned.template == "followed_up", complaint_id=planned.complaint_id,
                       in_window=in_window)

    def _wait_for_rate(self, provider: str, stop: threading.Event) -> None:
        while (wait := self.buckets.take(provider)) > 0:
            if stop.wait(wait):
                return

    def _failed(self, base: dict[str, Any], attempts: int, error: str, record: ConsumerRecord):
        self._record(NotificationRecord(**base, result="failed", attempts=attempts, error=error[:1000], at=utcnow()))
        return deadletters.for_record(STAGE, record, f"notification {base['notification_id']} via {base['provider']} "
                                                     f"({base['template']}) failed: {error}")

    def _record(self, record: NotificationRecord) -> None:
        self.publisher.publish(NOTIFICATIONS, record.notification_id, record)
        self.ledger.apply(record)

    # -- the citizen's answer

    def _answer(self, answer: CitizenAnswer) -> bool:
        kind, named = parse_answer(answer.payload)
        if kind is None:
            log.info("answer %s is neither YA nor BELUM: ignored", answer.answer_id)
            return True
        complaint_id = (named or answer.complaint_id
                        or self.ledger.by_provider_id.get(answer.context_message_id or "")
                        or self.questions.get(answer.contact_key)
                        or (self.open_question(answer.reporter.contacts()) if self.open_question else None))
        if complaint_id is None:
            log.info("answer %s matches no open question", answer.answer_id)
            return True
        case = self._case(complaint_id)
        if case is None:
            return False
        if case.status != "ditindaklanjuti" or case.question_event is None:
            return True  # answered already (a second tap, the link used twice) or nothing was asked
        if answer.kind == "status_page" and answer.context_message_id != case.question_event:
            return True  # a link of an older question
        if answer.kind != "status_page" and not self._same_reporter(case, answer):
            log.warning("answer %s for %s does not come from its reporter: ignored", answer.answer_id, complaint_id)
            return True
        status = "selesai" if kind == "YA" else "terdisposisi"
        try:
            check_transition(case.status, status, "citizen")
        except TransitionRefused:
            return True
        at = max(answer.received_at, (case.question_at or answer.received_at) + timedelta(milliseconds=1))
        reason = None if kind == "YA" else (answer.text or "Pelapor menjawab BELUM.")[:2000]
        event = StatusEvent(event_id=answer_event_id(answer.answer_id), complaint_id=complaint_id, status=status,
                            actor=CITIZEN_ACTOR, actor_role="citizen", reason=reason, at=at)
        self.publisher.publish(STATUS, complaint_id, event)
        self._track(case, event)
        return True

    def _same_reporter(self, case: Case, answer: CitizenAnswer) -> bool:
        where = plan.destination(case.context, self.settings.notify_web_sms_provider)
        if where is None:
            return False
        if where.contact_key == answer.contact_key:
            return True
        mine = set((case.context.get("reporter") or {}).values())
        return bool(mine & set(answer.reporter.contacts().values()))


def elasticsearch_lookup(es: Any, alias: str) -> Lookup:
    """The complaint's document, for events whose routing this process did not read (after a restart)."""

    def lookup(complaint_id: str) -> dict[str, Any] | None:
        found = es.options(ignore_status=404).get(index=alias, id=complaint_id, source_includes=list(CONTEXT_FIELDS))
        return found["_source"] if found.get("found") else None

    return lookup


def elasticsearch_open_question(es: Any, alias: str) -> OpenQuestion:
    """After a restart the contact → question map is empty: the newest followed-up complaint of the contact."""

    def find(contacts: dict[str, str]) -> str | None:
        terms = [{"term": {f"reporter.{kind}": value}} for kind, value in contacts.items() if kind != "bsuid"]
        if not terms:
            return None
        hits = es.search(index=alias, size=1, sort=[{"status_updated_at": "desc"}], source_includes=["complaint_id"],
                         query={"bool": {"filter": [{"term": {"status": "ditindaklanjuti"}}],
                                         "should": terms, "minimum_should_match": 1}})["hits"]["hits"]
        return hits[0]["_source"]["complaint_id"] if hits else None

    return find


def notifier(consumer, settings: Settings, publisher: Publisher, deadletter_publisher: Publisher,
             senders: dict[str, Sender], ledger: Ledger, lookup: Lookup | None = None, **options) -> ConsumerRuntime:
    sink = NotifierSink(settings, publisher, senders, ledger, lookup, **options)
    return ConsumerRuntime(consumer, sink, deadletter_publisher, max_records=200, poll_timeout_ms=200)


def http_client(settings: Settings) -> httpx.Client:
    return httpx.Client(timeout=httpx.Timeout(settings.notify_timeout_s), follow_redirects=False,
                        headers={"User-Agent": "aduan-notifier/0.1"})
