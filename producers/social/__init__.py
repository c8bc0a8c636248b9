"""Social channel: Meta webhooks (Facebook Page, Instagram, Messenger, WhatsApp Cloud API) and the X
Account Activity API.

``GET|POST /v1/social/meta``  ``meta.py``: ``hub.challenge`` handshake; ``X-Hub-Signature-256``.
``GET|POST /v1/social/x``     ``x.py``: CRC ``response_token``; ``x-twitter-webhooks-signature``.

What counts as a complaint: only what is addressed to an agency account (``ADUAN_META_PAGE_IDS``,
``ADUAN_X_ACCOUNT_IDS``; when empty, the account the webhook was delivered for, since
providers only deliver for accounts the agency subscribed). Each provider module lists what it
takes, what it ignores and how an edit keeps its complaint; what both share (the batch of one
delivery, the signature check, the answer that waits for Kafka) is ``common.py``.

Replay protection: neither Meta nor X signs a timestamp; the ids above make a replay harmless.
"""

from fastapi import APIRouter

from producers.social import meta, x

router = APIRouter()
router.include_router(meta.router)
router.include_router(x.router)
