"""Realistic complaint traffic through the real channel endpoints (and IMAP for mail).

Scenarios come from ``aduan/data/simulator.json`` (authored, see its provenance): one issue
at one place is written in several styles — a formal letter, SMS slang, a social post,
Javanese, English — so the stream sees paraphrases across channels. A share of messages
are exact resends (same provider id: the pipeline must not create a second complaint).
"""

from __future__ import annotations

import hashlib
import json
import random
import threading
import time
from collections import Counter, deque
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from importlib import resources
from typing import Callable, Iterator
from urllib.parse import urlsplit

from aduan.provider_apis import ACCOUNT_SID, JPEG, MP4, OGG, WEBP, ProviderApis, running_provider_apis
from aduan.provider_client import ProviderClient, Sent, append_mail, complaint_mail

RESEND_SHARE = 0.05
PARAPHRASE_SHARE = 0.10
# Messages that are not complaint texts, in the shares a desk sees them (a guess from how people use
# WhatsApp and SMS: pins and button taps are common, opt-outs rare).
OTHER_KINDS = (("social.whatsapp_pin", 0.04), ("social.whatsapp_button", 0.03), ("social.whatsapp_username", 0.03),
               ("sms.twilio_opt_out", 0.01))
# Media without a word (a guess again: on WhatsApp a photo of the pothole is the most common of them, then
# voice notes; video and stickers are rarer, MMS nearly gone). Sent only with a provider media stand-in
# (aduan.provider_apis) the API fetches from: ``aduan up`` points the local API at the one ``aduan simulate`` runs.
MEDIA_KINDS = (("social.whatsapp_photo", 0.06), ("social.whatsapp_voice", 0.03), ("social.whatsapp_video", 0.01),
               ("social.whatsapp_sticker", 0.01), ("sms.twilio_mms", 0.01))
# kind → (WhatsApp message type, declared type, bytes); every simulated photo is the same few bytes (the blob
# store keeps one copy: a demo running for a day does not fill the disk).
MEDIA = {"photo": ("image", "image/jpeg", JPEG), "voice": ("audio", "audio/ogg; codecs=opus", OGG),
         "video": ("video", "video/mp4", MP4), "sticker": ("sticker", "image/webp", WEBP)}
# Places to drop a pin on: (lat, lon) of city centres, written by hand.
PINS = ((-6.9147, 107.6098), (-7.2575, 112.7521), (-6.2088, 106.8456), (-7.7956, 110.3695), (3.5952, 98.6722),
        (-5.1477, 119.4327), (-0.0263, 109.3425), (-8.6705, 115.2126), (1.4748, 124.8421), (-2.9909, 104.7566))


@dataclass(frozen=True)
class MailTarget:
    host: str
    port: int
    user: str
    password: str


@dataclass
class Summary:
    sent: Counter = field(default_factory=Counter)
    status: Counter = field(default_factory=Counter)
    resends: int = 0
    errors: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        total = sum(self.sent.values())
        lines = [f"sent {total}: " + ", ".join(f"{k}={v}" for k, v in sorted(self.sent.items())),
                 "answers: " + ", ".join(f"{k}={v}" for k, v in sorted(self.status.items())),
                 f"deliberate resends: {self.resends}"]
        return lines + [f"error: {e}" for e in self.errors[:5]]


def load_scenarios() -> dict:
    return json.loads(resources.files("aduan").joinpath("data", "simulator.json").read_text(encoding="utf-8"))


class ScenarioWriter:
    """One issue at one place (the facts), written in the styles its scenario offers."""

    def __init__(self, rng: random.Random) -> None:
        self.random = rng
        self.data = load_scenarios()

    def facts(self) -> dict:
        r = self.random
        kec, kab = r.choice(self.data["places"])
        return {"kec": kec, "kab": kab, "landmark": r.choice(self.data["landmarks"]), "n": r.randint(2, 60),
                "d": r.randint(2, 14), "rt": f"{r.randint(1, 12):02d}", "amount": f"{r.choice([50, 150, 250, 500])}.000",
                "scenario": r.choice(self.data["scenarios"]), "name": r.choice(self.data["names"])}

    def write(self, facts: dict) -> tuple[str, str]:
        """(style, text) in a style picked at random among the scenario's."""
        scenario = facts["scenario"]
        style = self.random.choice([s for s in ("formal", "sms", "social", "jv", "en") if s in scenario])
        return style, scenario[style].format(**facts)


class TrafficGenerator:
    """Yields callables that each send one message; deterministic for a given seed."""

    def __init__(self, client: ProviderClient, mail: MailTarget | None, seed: int = 1708,
                 media: ProviderApis | None = None) -> None:
        self.client = client
        self.mail = mail
        self.media = media  # the provider media stand-in the API fetches from; None: no media is sent
        self.kinds = OTHER_KINDS + (MEDIA_KINDS if media is not None else ())
        self.random = random.Random(seed)
        self.writer = ScenarioWriter(self.random)
        self.recent: deque[tuple[Callable[[], Sent], dict]] = deque(maxlen=50)

    def next(self) -> tuple[str, Callable[[], Sent]]:
        r = self.random
        draw, threshold = r.random(), 0.0
        for kind, share in self.kinds:
            threshold += share
            if draw < threshold:
                return kind, self._other(kind)
        if self.recent and r.random() < RESEND_SHARE:
            send, _ = r.choice(self.recent)
            return "resend", send
        if self.recent and r.random() < PARAPHRASE_SHARE:
            _, facts = r.choice(self.recent)  # the same issue at the same place, in another style and channel
        else:
            facts = self.writer.facts()
        kind, send = self._message(facts)
        self.recent.append((send, facts))
        return kind, send

    def _message(self, facts: dict) -> tuple[str, Callable[[], Sent]]:
        r, c = self.random, self.client
        style, text = self.writer.write(facts)
        phone = f"+62812{r.randint(10_000_000, 99_999_999)}"
        handle = facts["name"].lower().replace(" ", "_")
        # Pin provider ids now, so a later resend of this callable is a true redelivery.
        pinned = f"{r.getrandbits(64):016x}"
        created = int(time.time())
        choices: list[tuple[str, Callable[[], Sent]]] = [
            ("web", lambda: c.web(text, key=f"sim-{pinned}", reporter={"name": facts["name"], "phone": phone})),
            ("sms.twilio", lambda: c.twilio(phone, text, sid=f"SM{pinned}{pinned}")),
            ("sms.kannel", lambda: c.kannel(phone.lstrip("+"), text, message_id=pinned)),
            ("sms.gammu", lambda: c.gammu("0" + phone[3:], text, ids=str(int(pinned, 16) % 10**9))),
            ("social.facebook", lambda: c.facebook_comment(facts["name"], text, comment_id=f"8812_{int(pinned, 16)}",
                                                           author_id=str(int(pinned, 16) % 10**16), created_time=created)),
            ("social.whatsapp", lambda: c.whatsapp(phone, facts["name"], text, wamid=f"wamid.{pinned.upper()}")),
            ("social.x", lambda: c.tweet(handle, text[:250], tweet_id=str(1790231000000000000 + int(pinned, 16) % 10**15))),
            # Unicode SMS through the shipped Kannel post-url (UCS-2: an emoji and a line break, as phones send them)
            ("sms.kannel_ucs2", lambda: c.kannel_smsbox(phone.lstrip("+"), f"{text[:120]}\nTolong segera 🙏",
                                                        message_id=f"u{pinned}")),
            ("social.x_activity", lambda: c.x_activity_post(handle, text[:250],
                                                            post_id=str(1790235000000000000 + int(pinned, 16) % 10**15))),
        ]
        if self.mail is not None:
            choices.append(("email", lambda: self._mail(facts, text, pinned)))
        weights = {"formal": {"web": 3, "email": 4}, "sms": {"sms": 5}, "social": {"social": 5}}.get(style, {})
        kinds = [k for k, _ in choices]
        picked = r.choices(range(len(choices)),
                           weights=[1 + weights.get(k.split(".")[0], 0) for k in kinds])[0]
        return choices[picked]

    def _other(self, kind: str) -> Callable[[], Sent]:
        """A pin, a button tap, a username user's complaint, an opt-out or media without text: recorded, not
        dead-lettered."""
        r, c = self.random, self.client
        phone = f"+62813{r.randint(10_000_000, 99_999_999)}"
        name = r.choice(self.writer.data["names"])
        wamid = f"wamid.{r.getrandbits(64):016X}"
        if kind == "social.whatsapp_pin":
            lat, lon = r.choice(PINS)
            pin = {"latitude": round(lat + r.uniform(-0.01, 0.01), 5), "longitude": round(lon + r.uniform(-0.01, 0.01), 5)}
            return lambda: c.whatsapp_message(phone, name, {"type": "location", "location": pin}, wamid)
        if kind == "social.whatsapp_button":
            answer = r.choice((("closure:yes", "Ya, sudah selesai"), ("closure:no", "Belum")))
            return lambda: c.whatsapp_message(phone, name, {"type": "interactive", "interactive": {
                "type": "button_reply", "button_reply": {"id": answer[0], "title": answer[1]}}}, wamid)
        if kind == "social.whatsapp_username":
            _, text = self.writer.write(self.writer.facts())
            bsuid = f"ID.{r.randint(10**15, 10**16 - 1)}"
            return lambda: c.whatsapp_message(None, name, {"type": "text", "text": {"body": text}}, wamid,
                                              bsuid=bsuid, username=name.lower().replace(" ", "."))
        if kind.startswith("social.whatsapp_"):  # a photo, voice note, video or sticker without caption
            message_type, declared, data = MEDIA[kind.removeprefix("social.whatsapp_")]
            media_id = str(r.randint(10**15, 10**16 - 1))
            self.media.whatsapp_media(media_id, declared.split(";")[0], data)
            body = {"mime_type": declared, "sha256": hashlib.sha256(data).hexdigest(), "id": media_id,
                    **({"voice": True} if message_type == "audio" else {})}
            return lambda: c.whatsapp_message(phone, name, {"type": message_type, message_type: body}, wamid)
        if kind == "sms.twilio_mms":
            sid, media_sid = f"MM{r.getrandbits(128):032x}", f"ME{r.getrandbits(128):032x}"
            url = self.media.twilio_media_url(sid, media_sid, "image/jpeg", JPEG)
            return lambda: c.twilio(phone, "", sid=sid, media=[(url, "image/jpeg")], account_sid=self.media.account_sid)
        sid, keyword = f"SM{r.getrandbits(128):032x}", r.choice(("STOP", "BERHENTI"))
        return lambda: c.twilio(phone, keyword, sid=sid)

    def _mail(self, facts: dict, text: str, pinned: str) -> Sent:
        sender = f"{facts['name']} <{facts['name'].lower().replace(' ', '.')}@mail.example.id>"
        message_id, raw = complaint_mail(sender, f"Pengaduan: {facts['scenario']['topic'].replace('_', ' ')}", text,
                                         message_id=f"<sim-{pinned}@mail.example.id>")
        append_mail(self.mail.host, self.mail.port, self.mail.user, self.mail.password, raw)
        return Sent("email", message_id, 250, "appended")


@contextmanager
def media_stand_in(settings) -> Iterator[ProviderApis | None]:
    """The provider media stand-in, where the API was told to fetch media from it (``aduan up`` does: a
    loopback Graph URL with a throwaway token, see ``aduan.stack.channel_secrets``); None elsewhere (a real
    provider, or no media fetching): the simulator then sends no media."""
    graph = urlsplit(settings.meta_graph_url)
    token = settings.meta_access_token.get_secret_value()
    if graph.hostname != "127.0.0.1" or not token or not graph.port:
        yield None
        return
    try:
        running = running_provider_apis(graph.port, token=token, auth_token=settings.twilio_auth_token.get_secret_value(),
                                        account_sid=settings.twilio_account_sid or ACCOUNT_SID)
        apis = running.__enter__()
    except OSError:  # another simulator serves it already: its media ids are its own
        yield None
        return
    try:
        yield apis
    finally:
        running.__exit__(None, None, None)


def simulate(generator: TrafficGenerator, rate: float, duration_s: float,
             on_sent: Callable[[], None] = lambda: None, workers: int = 16) -> Summary:
    """Send ``rate`` messages per second for ``duration_s`` seconds, paced, from a thread pool."""
    summary, lock = Summary(), threading.Lock()
    total = max(1, int(rate * duration_s))

    def send(kind: str, call: Callable[[], Sent]) -> None:
        try:
            result = call()
            with lock:
                summary.sent[result.channel] += 1
                summary.status[str(result.status_code)] += 1
                summary.resends += kind == "resend"
        except Exception as exc:  # the simulator reports, it does not stop on one failure
            with lock:
                summary.errors.append(f"{kind}: {exc!r}"[:200])
                summary.status["error"] += 1
        finally:
            on_sent()

    started = time.monotonic()
    with ThreadPoolExecutor(max_workers=workers) as pool:
        for i in range(total):
            delay = started + i / rate - time.monotonic()
            if delay > 0:
                time.sleep(delay)
            kind, call = generator.next()
            pool.submit(send, kind, call)
    return summary


def dead_letters_since(connections, since_ms: int, settle_s: float = 10.0) -> Counter:
    """Dead letters written since ``since_ms`` (epoch ms), by stage: what the simulated traffic cost.

    Waits until the count stops growing for a few seconds (the stream stage and the indexer letter
    what intake accepted a little later), at most ``settle_s``."""
    from kafka import TopicPartition

    from schemas.events import DeadLetter
    from schemas.topics import DEADLETTER

    consumer = connections.reader("aduan-simulate")
    stages: Counter = Counter()
    try:
        partitions = [TopicPartition(DEADLETTER.name, p) for p in consumer.partitions_for_topic(DEADLETTER.name) or ()]
        consumer.assign(partitions)
        starts = consumer.offsets_for_times({tp: since_ms for tp in partitions})
        for tp in partitions:
            start = starts.get(tp)
            consumer.seek(tp, start.offset) if start is not None else consumer.seek_to_end(tp)
        deadline, quiet_since = time.monotonic() + settle_s, time.monotonic()
        while time.monotonic() < deadline and time.monotonic() - quiet_since < 3:
            batch = consumer.poll(timeout_ms=500)
            if batch:
                quiet_since = time.monotonic()
            for records in batch.values():
                for record in records:
                    try:
                        stages[DeadLetter.model_validate_json(record.value).stage] += 1
                    except ValueError:
                        stages["unreadable"] += 1
    finally:
        consumer.close()
    return stages
