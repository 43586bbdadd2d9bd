"""The contact form: the message goes by e-mail to the person, with limits; nothing stored."""

import pytest
from django.core import mail

from connectors.tests.factories import ConnectorFactory

pytestmark = pytest.mark.django_db

GOOD = {
    "name": "Jan Buur",
    "email": "jan@example.org",
    "message": "Kunt u ons helpen met het plein?",
}


@pytest.fixture
def connector():
    return ConnectorFactory(name="Sanne Verbinder", slug="sanne")


URL = "/wijkschakelaars/sanne/contact/"


def test_a_message_reaches_the_person_with_the_sender_to_reply_to(client, connector):
    response = client.post(URL, GOOD)
    assert response.status_code == 302 and response["Location"] == f"{URL}verzonden/"
    assert len(mail.outbox) == 1
    sent = mail.outbox[0]
    assert sent.to == [connector.email]
    assert sent.reply_to == ["Jan Buur <jan@example.org>"]
    assert "Kunt u ons helpen met het plein?" in sent.body
    confirmation = client.get(response["Location"]).content.decode()
    assert "Uw bericht is verstuurd" in confirmation
    assert connector.email not in confirmation


def test_invalid_input_is_said_and_nothing_is_sent(client, connector):
    response = client.post(URL, {"name": "", "email": "geen-adres", "message": "kort"})
    html = response.content.decode()
    assert response.status_code == 400
    assert "Het bericht is niet verstuurd" in html
    assert "Schrijf ten minste 10 tekens." in html
    assert mail.outbox == []


def reply_to_addresses(sent) -> list[str]:
    """The Reply-To addresses as a mail program reads them from the message sent."""
    from email import message_from_bytes, policy

    parsed = message_from_bytes(sent.message().as_bytes(), policy=policy.default)
    return [address.addr_spec for address in parsed["Reply-To"].addresses]


@pytest.mark.parametrize(
    "name",
    [
        '"Baas" <baas@evil.example>,',
        "Evil <baas@evil.example>, Jan",
        "baas@evil.example; Jan",
    ],
)
def test_the_name_cannot_add_a_reply_to_address(client, connector, name):
    response = client.post(URL, {**GOOD, "name": name})

    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert reply_to_addresses(mail.outbox[0]) == ["jan@example.org"]


@pytest.mark.parametrize("name", ["Jan\nBcc: baas@evil.example", "Jan\rBuur", "Jan\tBuur"])
def test_a_name_on_more_than_one_line_is_refused_and_costs_nothing(client, connector, name):
    for _ in range(3):
        response = client.post(URL, {**GOOD, "name": name})
        assert response.status_code == 400
        assert "Schrijf uw naam op één regel" in response.content.decode()
    assert mail.outbox == []
    # The refused attempts did not count towards the limit: three messages still go.
    for _ in range(3):
        assert client.post(URL, GOOD).status_code == 302
    assert len(mail.outbox) == 3


def test_too_many_messages_from_one_sender(client, connector):
    for _ in range(3):
        assert client.post(URL, GOOD).status_code == 302
    response = client.post(URL, GOOD)
    assert response.status_code == 429
    assert "Probeer het later opnieuw" in response.content.decode()
    assert len(mail.outbox) == 3


def test_too_many_messages_for_one_person(client, connector):
    for n in range(10):
        sender = {**GOOD, "email": f"buur{n}@example.org"}
        assert client.post(URL, sender, REMOTE_ADDR=f"10.0.0.{n}").status_code == 302
    response = client.post(URL, {**GOOD, "email": "nog1@example.org"}, REMOTE_ADDR="10.0.1.1")
    assert response.status_code == 429
    assert len(mail.outbox) == 10


def test_the_honeypot_sends_nothing(client, connector):
    response = client.post(URL, {**GOOD, "website": "http://spam.example"})
    assert response.status_code == 302  # a bot is told nothing
    assert mail.outbox == []


def test_a_person_not_open_for_questions(client):
    ConnectorFactory(slug="gesloten", open_for_questions=False)
    url = "/wijkschakelaars/gesloten/contact/"
    html = client.get(url).content.decode()
    assert "neemt op dit moment geen vragen aan" in html
    assert 'class="contact-form"' not in html
    assert "neemt op dit moment geen vragen aan" in client.post(url, GOOD).content.decode()
    assert mail.outbox == []


def test_a_hidden_profile_is_404_and_sends_nothing(client):
    ConnectorFactory(slug="verborgen", consent=False)
    assert client.get("/wijkschakelaars/verborgen/contact/").status_code == 404
    assert client.post("/wijkschakelaars/verborgen/contact/", GOOD).status_code == 404
    assert mail.outbox == []


# --- the limits hold across processes, and count the right address ---------------------------


def test_the_counters_are_kept_in_the_database_not_in_process_memory(client, connector):
    from django.conf import settings
    from django.db import connection

    assert client.post(URL, GOOD).status_code == 302

    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COUNT(*) FROM {settings.RATELIMIT_CACHE_TABLE}")  # noqa: S608
        (rows,) = cursor.fetchone()
    assert rows == 3  # per e-mail address, per network address, per person


def database_url_of_the_test_database() -> str:
    from django.db import connection

    db = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{db['NAME']}"
    credentials = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    return f"postgres://{credentials}@{db['HOST']}:{db['PORT']}/{db['NAME']}"


SEND_FROM_ANOTHER_PROCESS = f"""
from django.test import Client
print(Client().post({URL!r}, {GOOD!r}).status_code)
"""


# serialized_rollback, as the browser tests: the flush after it then leaves the seeded rows for
# the next such test to restore, instead of seeding them anew.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_another_process_shares_the_limit(client, connector):
    """As two gunicorn workers do: the second process sees what the first counted."""
    from django.core.cache import caches
    from django.db import connection

    from kennisplatform.tests.test_settings import manage

    if connection.vendor == "sqlite" and connection.is_in_memory_db():
        pytest.skip("another process cannot open an in-memory test database (runs on PostgreSQL)")
    caches["ratelimit"].clear()
    try:
        assert client.post(URL, GOOD).status_code == 302
        assert client.post(URL, GOOD).status_code == 302
        other = manage(
            "shell",
            "-c",
            SEND_FROM_ANOTHER_PROCESS,
            DEBUG="1",
            DATABASE_URL=database_url_of_the_test_database(),
        )
        assert other.returncode == 0, other.stderr
        assert other.stdout.strip().splitlines()[-1] == "302"  # the third message
        assert client.post(URL, GOOD).status_code == 429  # the fourth, here
    finally:
        caches["ratelimit"].clear()


def test_a_forged_forwarded_for_does_not_escape_the_limit(client, connector):
    """Without trusted proxies (the default) X-Forwarded-For is the visitor's own say-so."""
    for n in range(3):
        sender = {**GOOD, "email": f"buur{n}@example.org"}
        response = client.post(URL, sender, HTTP_X_FORWARDED_FOR=f"198.51.100.{n}")
        assert response.status_code == 302
    response = client.post(
        URL, {**GOOD, "email": "buur9@example.org"}, HTTP_X_FORWARDED_FOR="198.51.100.9"
    )
    assert response.status_code == 429


def test_behind_a_trusted_proxy_the_limit_counts_the_forwarded_address(client, connector, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    proxy = {"REMOTE_ADDR": "10.0.0.1"}
    # Four visitors behind the one proxy: each is a sender of their own.
    for n in range(4):
        response = client.post(
            URL,
            {**GOOD, "email": f"buur{n}@example.org"},
            HTTP_X_FORWARDED_FOR=f"203.0.113.{n}",
            **proxy,
        )
        assert response.status_code == 302
    # One visitor who adds addresses of their own in front is still the same sender.
    for n in range(2):
        response = client.post(
            URL,
            {**GOOD, "email": f"ander{n}@example.org"},
            HTTP_X_FORWARDED_FOR=f"192.0.2.{n}, 203.0.113.0",
            **proxy,
        )
        assert response.status_code == 302
    response = client.post(
        URL,
        {**GOOD, "email": "ander9@example.org"},
        HTTP_X_FORWARDED_FOR="192.0.2.9, 203.0.113.0",
        **proxy,
    )
    assert response.status_code == 429
