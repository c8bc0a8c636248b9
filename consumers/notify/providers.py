"""One send per provider, with the provider's documented request shape and authentication.

* Twilio Messages API: ``POST {api}/2010-04-01/Accounts/{AccountSid}/Messages.json``, form ``To``,
  ``From`` (or ``MessagingServiceSid``), ``Body``, ``StatusCallback``; HTTP Basic ``AccountSid:AuthToken``;
  answers ``201`` with the message ``sid``. The status callback URL carries the notification's reference
  (``?ref=``), so the receipt folds into the right record (Twilio signs the whole URL). ``find``: the
  Messages list resource, ``GET …/Messages.json?To=&From=&PageSize=`` (newest first: ``messages[]`` with
  ``sid``, ``to``, ``from``, ``body``, ``direction``, ``date_created`` in RFC 2822), tells a restarted
  notifier whether a message it has no ``sent`` record of was accepted.
* Kannel smsbox ``GET /cgi-bin/sendsms?username=&password=&to=&text=&charset=UTF-8&coding=…&dlr-mask=``;
  answers ``202 0: Accepted for delivery`` (Kannel 1.4 user guide, "SMS Push (send-sms) CGI Variables").
* Gammu SMSD: ``gammu-smsd-inject TEXT <number> -len <n> -text <message>`` (gammu-smsd-inject(1)), which
  queues the message in the SMSD outbox and prints ``Written message with ID …``.
* WhatsApp Cloud API: ``POST {graph}/{phone-number-id}/messages``, ``Authorization: Bearer``, JSON
  ``messaging_product: whatsapp``; free-form ``text`` (or ``interactive`` buttons) inside the 24-hour
  service window, an approved ``template`` outside it; ``biz_opaque_callback_data`` carries the reference,
  which Meta returns in the ``statuses`` webhook; answers ``messages[0].id`` (a wamid). There is no API to
  list sent messages: a restarted notifier waits for that receipt instead (``RECEIPTS``).
* Messenger Send API: ``POST {graph}/me/messages``, ``Authorization: Bearer <page token>``, JSON
  ``recipient`` (``id`` or ``comment_id`` for a private reply), ``messaging_type`` ``RESPONSE`` inside the
  window else ``MESSAGE_TAG`` with ``tag``; ``quick_replies`` for the closure question; answers ``message_id``.
* X API v2: ``POST {api}/2/dm_conversations/with/{participant_id}/messages``, ``Authorization: Bearer``
  (OAuth 2.0 user token with ``dm.write``), JSON ``{"text": …}``; answers ``data.dm_event_id``.
* SMTP: a reply with ``In-Reply-To``/``References`` to the citizen's message, the agency's ``From``, the
  tracking number in the subject, and a deterministic ``Message-ID`` (``<notification id@domain>``): a
  resend after a crash is the same message to every mail store that deduplicates by ``Message-ID``.

After a crash between the provider's answer and the ``sent`` record, a sender with ``find`` is asked
before the message is sent again: Twilio (above) and X (``GET /2/dm_conversations/with/{participant_id}/
dm_events?dm_event.fields=id,text,sender_id,created_at``, newest first, ``data[]``; the citizen's own
messages have their ``sender_id``). Not yet asked: Kannel (a ``dlr-url`` could carry the reference) and
Messenger (the Page's Conversations API); Gammu's outbox cannot be; an SMTP resend is the same ``Message-ID``.

A send raises ``Retryable`` (connection errors, timeouts, 408, 429, 5xx, with ``Retry-After`` honoured)
or ``Permanent`` (4xx, a missing credential); otherwise it returns the provider's message id.
"""

from __future__ import annotations

import shlex
import smtplib
import subprocess
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from email.message import EmailMessage
from email.utils import formataddr, format_datetime, parsedate_to_datetime
from typing import Any, Callable, Container, Iterable, Protocol

import httpx

from aduan.core.settings import Settings
from consumers.notify.plan import Destination
from schemas.events import utcnow

WINDOW_S = 24 * 3600  # WhatsApp's customer service window; Messenger's standard messaging window
# Providers whose receipts echo the notification reference, so a receipt proves a message was accepted.
RECEIPTS = frozenset({"whatsapp"})
# Twilio's date_created has whole seconds and Twilio's clock is not ours: how much earlier than the pending
# record a message it lists may be dated and still be the one that record announced.
CLOCK_SKEW = timedelta(seconds=30)


class Retryable(Exception):
    def __init__(self, message: str, retry_after_s: float = 0.0) -> None:
        super().__init__(message)
        self.retry_after_s = retry_after_s


class Permanent(Exception):
    pass


@dataclass(frozen=True)
class Message:
    notification_id: str
    reference: str  # notification id, complaint id and template: echoed by the provider's receipts
    destination: Destination
    subject: str
    text: str
    question: bool = False  # the closure question: buttons / quick replies where the channel has them
    complaint_id: str = ""
    in_window: bool = True  # the citizen wrote within the last 24 hours
    extra: dict[str, Any] = field(default_factory=dict)


class Sender(Protocol):
    def send(self, message: Message) -> str: ...


class Finder(Protocol):
    def find(self, message: Message, since: datetime, known: Container[str]) -> str | None:
        """The provider id of ``message`` if the provider accepted it at or after ``since`` (and it is none of
        the ``known`` ids, which other notifications' records hold), None when it did not; ``Retryable``
        when the provider cannot say now."""


def _check(response: httpx.Response) -> httpx.Response:
    if response.status_code in (408, 429) or response.status_code >= 500:
        retry_after = response.headers.get("retry-after", "")
        raise Retryable(f"HTTP {response.status_code}", float(retry_after) if retry_after.isdigit() else 0.0)
    if response.status_code >= 400:
        raise Permanent(f"HTTP {response.status_code}: {response.text[:200]}")
    return response


def _post(client: httpx.Client, url: str, **kwargs: Any) -> httpx.Response:
    return _call(client.post, url, **kwargs)


def _get(client: httpx.Client, url: str, **kwargs: Any) -> httpx.Response:
    return _call(client.get, url, **kwargs)


def _call(method: Callable[..., httpx.Response], url: str, **kwargs: Any) -> httpx.Response:
    try:
        return _check(method(url, **kwargs))
    except httpx.TransportError as exc:
        raise Retryable(f"{type(exc).__name__}: {exc}"[:300]) from exc


def _json(response: httpx.Response) -> dict[str, Any]:
    try:
        body = response.json()
    except ValueError as exc:
        raise Permanent(f"provider answered {response.status_code} without JSON") from exc
    return body if isinstance(body, dict) else {}


def _need(value: str, name: str) -> str:
    if not value:
        raise Permanent(f"{name} is not set")
    return value


def _accepted(message: Message, since: datetime, known: Container[str],
              listed: Iterable[tuple[Any, Any, Any, Callable[[str], datetime]]]) -> str | None:
    """``find`` over what a provider lists as sent to the citizen, (id, text, time, time parser) each: the
    first with the message's very text, dated no earlier than the pending record (less the clock skew), and
    not already another notification's id."""
    for provider_id, text, when, parse in listed:
        try:
            at = parse(str(when or ""))
        except (TypeError, ValueError):
            continue
        if provider_id and text == message.text and at >= since - CLOCK_SKEW and str(provider_id) not in known:
            return str(provider_id)
    return None


def yes_payload(complaint_id: str) -> str:
    return f"YA:{complaint_id}"


def no_payload(complaint_id: str) -> str:
    return f"BELUM:{complaint_id}"


class Twilio:
    def __init__(self, settings: Settings, client: httpx.Client, status_callback: str) -> None:
        self.settings, self.client, self.status_callback = settings, client, status_callback

    def send(self, message: Message) -> str:
        s = self.settings
        sid = _need(s.twilio_account_sid, "ADUAN_TWILIO_ACCOUNT_SID")
        token = _need(s.twilio_auth_token.get_secret_value(), "ADUAN_TWILIO_AUTH_TOKEN")
        to, sender, from_ = self._addresses(message)
        _need(sender, "ADUAN_TWILIO_WHATSAPP_FROM" if message.destination.medium == "whatsapp" else "ADUAN_TWILIO_FROM")
        form = {"To": to, "Body": message.text}
        if from_:
            form["From"] = from_
        else:
            form["MessagingServiceSid"] = sender
        if self.status_callback:
            form["StatusCallback"] = str(httpx.URL(self.status_callback, params={"ref": message.reference}))
        response = _post(self.client, self._messages_url(sid), data=form, auth=(sid, token))
        return str(_json(response).get("sid") or "")

    def _addresses(self, message: Message) -> tuple[str, str, str | None]:
        """``To``, the configured sender, and ``From`` (None when the sender is a Messaging Service, which
        picks the number itself), with WhatsApp's ``whatsapp:`` prefix where the medium is WhatsApp."""
        s = self.settings
        whatsapp = message.destination.medium == "whatsapp"
        sender = s.twilio_whatsapp_from if whatsapp else s.twilio_from
        prefix = "whatsapp:" if whatsapp else ""
        return (f"{prefix}{message.destination.address}", sender,
                None if sender.startswith("MG") else f"{prefix}{sender}")

    def _messages_url(self, sid: str) -> str:
        return f"{self.settings.twilio_api_url.rstrip('/')}/2010-04-01/Accounts/{sid}/Messages.json"

    def find(self, message: Message, since: datetime, known: Container[str]) -> str | None:
        s = self.settings
        sid, token = s.twilio_account_sid, s.twilio_auth_token.get_secret_value()
        to, sender, from_ = self._addresses(message)
        # No DateSent filter: a message still queued has no date_sent yet, and it is the one looked for.
        # Newest first, so one page of the citizen's messages reaches back past any crash window.
        params = {"To": to, "PageSize": "50"}
        if sender and from_:
            params["From"] = from_
        response = _get(self.client, self._messages_url(sid), params=params, auth=(sid, token))
        return _accepted(message, since, known, (
            (listed.get("sid"), listed.get("body"), listed.get("date_created"), parsedate_to_datetime)
            for listed in _json(response).get("messages") or []
            if listed.get("to") == to and str(listed.get("direction", "outbound-api")).startswith("outbound")))


class Kannel:
    def __init__(self, settings: Settings, client: httpx.Client) -> None:
        self.settings, self.client = settings, client

    def send(self, message: Message) -> str:
        s = self.settings
        url = _need(s.kannel_sendsms_url, "ADUAN_KANNEL_SENDSMS_URL")
        gsm = message.destination.sms
        params = {"username": _need(s.kannel_username, "ADUAN_KANNEL_USERNAME"),
                  "password": s.kannel_password.get_secret_value(), "to": message.destination.address,
                  "text": message.text, "charset": "UTF-8", "coding": "0" if gsm else "2"}
        if s.kannel_from:
            params["from"] = s.kannel_from
        response = _get(self.client, url, params=params)
        # "0: Accepted for delivery" / "3: Queued for later delivery": Kannel gives no message id.
        return response.text.strip()[:100]


class Gammu:
    def __init__(self, settings: Settings, timeout_s: float) -> None:
        self.command = shlex.split(settings.gammu_inject_command)
        self.timeout_s = timeout_s

    def send(self, message: Message) -> str:
        argv = [*self.command, "TEXT", message.destination.address, "-len", str(len(message.text)),
                "-text", message.text]
        if not message.destination.sms:
            argv.append("-unicode")
        try:
            done = subprocess.run(argv, capture_output=True, text=True, timeout=self.timeout_s)
        except FileNotFoundError as exc:
            raise Permanent(f"{self.command[0]} not found") from exc
        except subprocess.TimeoutExpired as exc:
            raise Retryable("gammu-smsd-inject timed out") from exc
        if done.returncode != 0:
            raise Retryable(f"gammu-smsd-inject exited {done.returncode}: {done.stderr.strip()[:200]}")
        # "Written message with ID /var/spool/gammu/outbox/OUT…": the outbox id.
        for line in done.stdout.splitlines():
            if "ID" in line:
                return line.rsplit(" ", 1)[-1][:300]
        return ""


class WhatsApp:
    def __init__(self, settings: Settings, client: httpx.Client) -> None:
        self.settings, self.client = settings, client

    def body(self, message: Message) -> dict[str, Any]:
        s = self.settings
        body: dict[str, Any] = {"messaging_product": "whatsapp", "recipient_type": "individual",
                                "to": message.destination.address, "biz_opaque_callback_data": message.reference}
        if not message.in_window:
            name = s.whatsapp_template_question if message.question else s.whatsapp_template_update
            components: list[dict[str, Any]] = [
                {"type": "body", "parameters": [{"type": "text", "text": message.text[:1024]}]}]
            if message.question:
                components += [{"type": "button", "sub_type": "quick_reply", "index": str(i),
                                "parameters": [{"type": "payload", "payload": payload}]}
                               for i, payload in enumerate((yes_payload(message.complaint_id),
                                                            no_payload(message.complaint_id)))]
            body.update(type="template", template={"name": name, "language": {"code": s.whatsapp_template_language},
                                                   "components": components})
        elif message.question:
            body.update(type="interactive", interactive={
                "type": "button", "body": {"text": message.text[:1024]},
                "action": {"buttons": [
                    {"type": "reply", "reply": {"id": yes_payload(message.complaint_id), "title": "YA, selesai"}},
                    {"type": "reply", "reply": {"id": no_payload(message.complaint_id), "title": "BELUM"}}]}})
        else:
            body.update(type="text", text={"body": message.text, "preview_url": False})
        return body

    def send(self, message: Message) -> str:
        s = self.settings
        number_id = s.whatsapp_phone_number_id or message.destination.thread.get("phone_number_id") or ""
        token = _need(s.whatsapp_access_token.get_secret_value(), "ADUAN_WHATSAPP_ACCESS_TOKEN")
        response = _post(self.client, f"{s.meta_graph_url.rstrip('/')}/{_need(number_id, 'ADUAN_WHATSAPP_PHONE_NUMBER_ID')}/messages",
                         json=self.body(message), headers={"Authorization": f"Bearer {token}"})
        messages = _json(response).get("messages") or [{}]
        return str(messages[0].get("id") or "")


class Messenger:
    def __init__(self, settings: Settings, client: httpx.Client) -> None:
        self.settings, self.client = settings, client

    def body(self, message: Message) -> dict[str, Any]:
        address = message.destination.address
        recipient = {"comment_id": address.split(":", 1)[1]} if address.startswith("comment:") else {"id": address}
        content: dict[str, Any] = {"text": message.text[:2000]}
        if message.question:
            content["quick_replies"] = [
                {"content_type": "text", "title": "YA", "payload": yes_payload(message.complaint_id)},
                {"content_type": "text", "title": "BELUM", "payload": no_payload(message.complaint_id)}]
        body: dict[str, Any] = {"recipient": recipient, "message": content}
        if message.in_window:
            body["messaging_type"] = "RESPONSE"
        else:
            body.update(messaging_type="MESSAGE_TAG", tag=self.settings.messenger_message_tag)
        return body

    def send(self, message: Message) -> str:
        s = self.settings
        token = _need(s.messenger_page_access_token.get_secret_value(), "ADUAN_MESSENGER_PAGE_ACCESS_TOKEN")
        response = _post(self.client, f"{s.meta_graph_url.rstrip('/')}/me/messages", json=self.body(message),
                         headers={"Authorization": f"Bearer {token}"})
        return str(_json(response).get("message_id") or "")


class XDirect:
    def __init__(self, settings: Settings, client: httpx.Client) -> None:
        self.settings, self.client = settings, client

    def send(self, message: Message) -> str:
        s = self.settings
        token = _need(s.x_user_access_token.get_secret_value(), "ADUAN_X_USER_ACCESS_TOKEN")
        response = _post(self.client,
                         f"{s.x_api_url.rstrip('/')}/2/dm_conversations/with/{message.destination.address}/messages",
                         json={"text": message.text[:10000]}, headers={"Authorization": f"Bearer {token}"})
        return str((_json(response).get("data") or {}).get("dm_event_id") or "")

    def find(self, message: Message, since: datetime, known: Container[str]) -> str | None:
        s = self.settings
        token = _need(s.x_user_access_token.get_secret_value(), "ADUAN_X_USER_ACCESS_TOKEN")
        participant = message.destination.address
        # Newest first; the user token needs dm.read besides dm.write.
        response = _get(self.client, f"{s.x_api_url.rstrip('/')}/2/dm_conversations/with/{participant}/dm_events",
                        params={"dm_event.fields": "id,text,sender_id,created_at", "event_types": "MessageCreate",
                                "max_results": "50"}, headers={"Authorization": f"Bearer {token}"})
        return _accepted(message, since, known, (
            (event.get("id"), event.get("text"), event.get("created_at"), datetime.fromisoformat)
            for event in _json(response).get("data") or [] if str(event.get("sender_id")) != participant))


def mail_message_id(notification_id: str, from_address: str) -> str:
    return f"<{notification_id}@{from_address.rpartition('@')[2] or 'aduan.invalid'}>"


class Smtp:
    def __init__(self, settings: Settings, timeout_s: float) -> None:
        self.settings, self.timeout_s = settings, timeout_s

    def build(self, message: Message) -> EmailMessage:
        s = self.settings
        sender = _need(s.notify_from_address, "ADUAN_NOTIFY_FROM_ADDRESS")
        mail = EmailMessage()
        mail["From"] = formataddr((s.notify_from_name, sender))
        mail["To"] = message.destination.address
        thread = message.destination.thread
        original = thread.get("subject")
        # The tracking number is in our subject; a reply keeps the citizen's subject after "Re:" when there was one.
        mail["Subject"] = f"Re: {original} {message.subject}"[:300] if original else message.subject
        mail["Date"] = format_datetime(utcnow())
        mail["Message-ID"] = mail_message_id(message.notification_id, sender)
        if thread.get("message_id"):
            parent = f"<{thread['message_id']}>"
            mail["In-Reply-To"] = parent
            mail["References"] = " ".join([*(f"<{r}>" for r in thread.get("references") or []), parent][-10:])
        mail["Auto-Submitted"] = "auto-replied"  # RFC 3834: autoresponders do not answer it
        mail["X-Aduan-Ref"] = message.reference
        mail.set_content(message.text)
        return mail

    def send(self, message: Message) -> str:
        s = self.settings
        host = _need(s.smtp_host, "ADUAN_SMTP_HOST")
        mail = self.build(message)
        try:
            with smtplib.SMTP(host, s.smtp_port, timeout=self.timeout_s) as smtp:
                if s.smtp_starttls:
                    smtp.starttls()
                if s.smtp_user:
                    smtp.login(s.smtp_user, s.smtp_password.get_secret_value())
                smtp.send_message(mail)
        except smtplib.SMTPRecipientsRefused as exc:
            raise Permanent(f"recipient refused: {list(exc.recipients.values())[:1]}") from exc
        except smtplib.SMTPResponseException as exc:
            if 500 <= exc.smtp_code < 600:
                raise Permanent(f"SMTP {exc.smtp_code}") from exc
            raise Retryable(f"SMTP {exc.smtp_code}") from exc
        except (smtplib.SMTPException, OSError) as exc:
            raise Retryable(f"{type(exc).__name__}: {exc}"[:300]) from exc
        return mail["Message-ID"].strip("<>")


def senders(settings: Settings, client: httpx.Client, status_callback: str = "") -> dict[str, Sender]:
    timeout = settings.notify_timeout_s
    return {"twilio": Twilio(settings, client, status_callback), "kannel": Kannel(settings, client),
            "gammu": Gammu(settings, timeout), "whatsapp": WhatsApp(settings, client),
            "messenger": Messenger(settings, client), "x": XDirect(settings, client), "smtp": Smtp(settings, timeout)}
