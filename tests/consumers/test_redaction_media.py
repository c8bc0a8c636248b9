"""Provider ids that reach or name the sender stay with operators, now that attachments carry the
provider's media id (a Twilio media path holds the MessageSid) and WhatsApp ids embed the number."""

import base64
import json

from consumers.redaction import copies, view
from producers.social.meta import meta_batch
from producers.social.common import agency_ids
from tests.producers.test_channel_kinds import load


def test_non_operators_see_neither_the_wamid_nor_the_media_ids():
    [complaint, *_] = meta_batch(load("meta_whatsapp_kinds.json"), agency_ids("102290129340398")).complaints
    wamid = complaint.provider_message_id.removeprefix("whatsapp:")
    # The wamid is base64 around the sender's number: that is why it is a secret.
    assert "6281377700001" in base64.b64decode(wamid.removeprefix("wamid.") + "==").decode("latin-1")
    doc = complaint.model_dump(mode="json") | {
        "attachments": [{"filename": "whatsapp-image.jpg", "content_type": "image/jpeg", "size_bytes": 3,
                         "sha256": "a" * 64, "kind": "image", "status": "stored",
                         "provider_media_id": "/2010-04-01/Accounts/AC0/Messages/MM1/Media/ME2"}]}
    doc["redacted"] = copies(doc, "pseudonym-key")
    for clear in (False, True):  # the owning unit reads clear text, still not provider ids
        shown = json.dumps(view(doc, clear))
        assert wamid not in shown and "MM1" not in shown, clear
        assert json.loads(shown)["attachments"][0]["kind"] == "image"
    assert "MM1" in json.dumps(doc)  # what operators read keeps it
