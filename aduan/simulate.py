"""Realistic complaint traffic through the real channel endpoints (and IMAP for mail).

Scenarios come from ``aduan/data/simulator.json`` (authored, see its provenance): one issue
at one place is written in several styles — a formal letter, SMS slang, a social post,
Javanese, English — so the stream sees paraphrases across channels. A share of messages
are exact resends (same provider id: the pipeline must not create a second complaint).
"""

from __future__ import annotations

import json
import random
import threading
import time
from collections import Counter, deque
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from importlib import resources
from typing import Callable

from aduan.provider_client import ProviderClient, Sent, append_mail, complaint_mail

RESEND_SHARE = 0.05
PARAPHRASE_SHARE = 0.10


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

    def __init__(self, client: ProviderClient, mail: MailTarget | None, seed: int = 1708) -> None:
        self.client = client
        self.mail = mail
        self.random = random.Random(seed)
        self.writer = ScenarioWriter(self.random)
        self.recent: deque[tuple[Callable[[], Sent], dict]] = deque(maxlen=50)

    def next(self) -> tuple[str, Callable[[], Sent]]:
        r = self.random
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
        choices: list[tuple[str, Callable[[], Sent]]] = [
            ("web", lambda: c.web(text, key=f"sim-{pinned}", reporter={"name": facts["name"], "phone": phone})),
            ("sms.twilio", lambda: c.twilio(phone, text, sid=f"SM{pinned}{pinned}")),
            ("sms.kannel", lambda: c.kannel(phone.lstrip("+"), text, message_id=pinned)),
            ("sms.gammu", lambda: c.gammu("0" + phone[3:], text, ids=str(int(pinned, 16) % 10**9))),
            ("social.facebook", lambda: c.facebook_comment(facts["name"], text, comment_id=f"8812_{int(pinned, 16)}")),
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

    def _mail(self, facts: dict, text: str, pinned: str) -> Sent:
        sender = f"{facts['name']} <{facts['name'].lower().replace(' ', '.')}@mail.example.id>"
        message_id, raw = complaint_mail(sender, f"Pengaduan: {facts['scenario']['topic'].replace('_', ' ')}", text,
                                         message_id=f"<sim-{pinned}@mail.example.id>")
        append_mail(self.mail.host, self.mail.port, self.mail.user, self.mail.password, raw)
        return Sent("email", message_id, 250, "appended")


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
