import re

from schemas.ids import complaint_id, tracking_number


def test_same_provider_message_same_id():
    assert complaint_id("sms", "SM123") == complaint_id("sms", "SM123")


def test_channel_is_part_of_the_id():
    assert complaint_id("sms", "123") != complaint_id("email", "123")


def test_tracking_number_is_short_readable_and_derived():
    cid = complaint_id("web", "abc")
    number = tracking_number(cid)
    assert re.fullmatch(r"ADU-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}", number)
    assert number == tracking_number(cid)
    assert number != tracking_number(complaint_id("web", "abd"))


def test_tracking_numbers_rarely_collide():
    numbers = {tracking_number(complaint_id("web", str(i))) for i in range(20_000)}
    assert len(numbers) == 20_000
