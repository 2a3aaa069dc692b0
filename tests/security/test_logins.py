"""Staff logins: locked out per account and per address after a few failures, unlocked by a superuser, logged."""

import logging

import pytest
from django.conf import settings
from django.core.management import call_command

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery"


@pytest.fixture
def chief(django_user_model):
    return django_user_model.objects.create_superuser("chief", "chief@example.org", PASSWORD)


def log_in(client, username, password, address="10.0.0.1"):
    return client.post(
        "/admin/login/?next=/admin/",
        {"username": username, "password": password},
        REMOTE_ADDR=address,
        HTTP_USER_AGENT="test-browser",
    )


def signed_in(client):
    return "_auth_user_id" in client.session


def test_a_right_password_signs_in(client, chief):
    response = log_in(client, "chief", PASSWORD)

    assert response.status_code == 302 and signed_in(client)


def test_an_account_is_locked_after_the_failure_limit_from_any_address(client, chief):
    for attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        assert log_in(client, "chief", "wrong", address=f"10.0.1.{attempt}").status_code == 200
    assert log_in(client, "chief", "wrong", address="10.0.1.9").status_code == 429  # the last failure locks

    response = log_in(client, "chief", PASSWORD, address="10.0.2.1")

    assert response.status_code == 429
    assert not signed_in(client)
    body = response.content.decode()
    assert "Too many failed logins" in body and "محاولات دخول فاشلة كثيرة" in body


def test_an_address_is_locked_after_the_failure_limit_whatever_the_account(client, chief):
    for attempt in range(settings.AXES_FAILURE_LIMIT):
        log_in(client, f"guess{attempt}", "wrong", address="10.0.3.3")

    assert log_in(client, "chief", PASSWORD, address="10.0.3.3").status_code == 429
    assert not signed_in(client)
    assert log_in(client, "chief", PASSWORD, address="10.0.3.4").status_code == 302


def test_fewer_failures_than_the_limit_do_not_lock(client, chief):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        log_in(client, "chief", "wrong")

    assert log_in(client, "chief", PASSWORD).status_code == 302


def test_a_superuser_unlocks_an_account_with_the_command(client, chief):
    for attempt in range(settings.AXES_FAILURE_LIMIT):
        log_in(client, "chief", "wrong", address=f"10.0.4.{attempt}")
    assert log_in(client, "chief", PASSWORD, address="10.0.5.1").status_code == 429

    call_command("axes_reset_username", "chief")

    assert log_in(client, "chief", PASSWORD, address="10.0.5.1").status_code == 302


def test_a_superuser_unlocks_an_account_in_the_admin(client, chief, django_user_model):
    from axes.models import AccessAttempt

    for attempt in range(settings.AXES_FAILURE_LIMIT):
        log_in(client, "chief", "wrong", address=f"10.0.6.{attempt}")
    other = django_user_model.objects.create_superuser("deputy", "deputy@example.org", PASSWORD)
    admin_client = type(client)()
    admin_client.force_login(other)

    listing = admin_client.get("/admin/axes/accessattempt/")
    assert listing.status_code == 200 and "chief" in listing.content.decode()
    admin_client.post(
        "/admin/axes/accessattempt/",
        {
            "action": "delete_selected",
            "_selected_action": list(AccessAttempt.objects.values_list("pk", flat=True)),
            "post": "yes",
        },
    )

    assert not AccessAttempt.objects.exists()
    assert log_in(client, "chief", PASSWORD, address="10.0.7.1").status_code == 302


def test_failed_and_successful_logins_are_logged_with_who_and_where_but_no_password(client, chief, caplog):
    with caplog.at_level(logging.INFO, logger="axes"):
        log_in(client, "chief", "wrong-secret", address="10.0.8.8")
        log_in(client, "chief", PASSWORD, address="10.0.8.9")

    messages = [record.getMessage() for record in caplog.records if record.name.startswith("axes")]
    failure = [m for m in messages if "login failure" in m.lower()]
    success = [m for m in messages if "successful login" in m.lower()]
    assert failure and "chief" in failure[0] and "10.0.8.8" in failure[0]
    assert success and "chief" in success[0] and "10.0.8.9" in success[0]
    assert not any("wrong-secret" in m or PASSWORD in m for m in messages)


def test_logout_ends_the_session(client, chief):
    log_in(client, "chief", PASSWORD)
    assert signed_in(client)

    client.post("/admin/logout/")

    assert not signed_in(client)
    assert client.get("/admin/").status_code == 302
