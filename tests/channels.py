"""Channel credentials for tests: the app and the provider client agree on them."""

from pydantic import SecretStr

from aduan.provider_client import AGENCY_PAGE_ID, AGENCY_WHATSAPP_ID, AGENCY_X_ID, Credentials
from aduan.core.settings import Settings

CREDENTIALS = Credentials(twilio_auth_token="twilio-test-token", sms_gateway_secret="gateway-test-secret",
                          meta_app_secret="meta-test-secret", x_consumer_secret="x-test-secret")


def with_channel_credentials(settings: Settings) -> Settings:
    return settings.model_copy(update={
        "twilio_auth_token": SecretStr(CREDENTIALS.twilio_auth_token),
        "sms_gateway_secret": SecretStr(CREDENTIALS.sms_gateway_secret),
        "meta_app_secret": SecretStr(CREDENTIALS.meta_app_secret),
        "meta_verify_token": SecretStr("meta-verify-test"),
        "meta_page_ids": f"{AGENCY_PAGE_ID},{AGENCY_WHATSAPP_ID}",
        "x_consumer_secret": SecretStr(CREDENTIALS.x_consumer_secret),
        "x_account_ids": AGENCY_X_ID,
    })
