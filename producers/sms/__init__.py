"""SMS channel: Twilio's messaging webhook and the self-hosted Indonesian gateways (Kannel, Gammu).

``POST /v1/sms/twilio``     ``twilio.py``: form POST signed with ``X-Twilio-Signature``; answered with
                            TwiML that texts the citizen the tracking number.
``GET|POST /v1/sms/kannel`` ``kannel.py``: Kannel ``sms-service`` callback (``get-url`` or ``post-url``);
                            the body of the answer is what Kannel texts back. Long SMS that arrive as
                            parts are joined through ``parts.py``.
``POST /v1/sms/gammu``      ``gammu.py``: a ``RunOnReceive`` forwarder posting Gammu SMSD's environment
                            as JSON or form.

What the three share (text rules, replies, the gateway secret, dead letters) is ``common.py``.

Answers: success only after Kafka acknowledged; 503 + ``Retry-After`` when it did not;
4xx for unauthenticated or unparseable requests (nothing kept); 200 for a parseable message
that cannot be a complaint (empty text, sender is not a phone number), which is sent to the
dead-letter topic so the gateway does not retry it forever.

Idempotency: Twilio's ``MessageSid``, Kannel's ``%I`` message id and Gammu's backend ids are the
provider message ids; without an id the sender, time, text and UDH are hashed. A redelivery
therefore maps to the same complaint id.
"""

from fastapi import APIRouter

from producers.sms import gammu, kannel, twilio

router = APIRouter()
router.include_router(twilio.router)
router.include_router(kannel.router)
router.include_router(gammu.router)
