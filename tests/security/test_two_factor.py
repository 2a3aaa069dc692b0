"""Two factors for staff: TOTP enrolment, login with and without the code, backup codes, reset, session expiry."""

import datetime
import re

import pytest
import time_machine
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from tests.admin_helpers import changelist_url

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery"


@pytest.fixture(autouse=True)
def required():
    with override_settings(REQUIRE_STAFF_2FA=True):
        yield


def current_code(device):
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift):06d}"


def log_in(client, username):
    response = client.post("/admin/login/?next=/admin/", {"username": username, "password": PASSWORD})
    assert response.status_code == 302, "password refused"
    return response


def enrolled_user(django_user_model, username="chief", superuser=True):
    user = django_user_model.objects.create_user(
        username, f"{username}@example.org", PASSWORD, is_staff=True, is_superuser=superuser
    )
    device = TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    static = StaticDevice.objects.create(user=user, name="backup", confirmed=True)
    static.token_set.create(token="backup01")
    return user, device


def test_a_superuser_without_a_device_must_enrol_before_any_admin_page(client, django_user_model):
    django_user_model.objects.create_superuser("chief", "chief@example.org", PASSWORD)
    log_in(client, "chief")

    response = client.get("/admin/")

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/two-factor/setup/")


def test_a_publisher_must_enrol_too(client, publisher):
    publisher.set_password(PASSWORD)
    publisher.save()
    log_in(client, "publisher")

    assert client.get(changelist_url())["Location"].startswith("/admin/two-factor/setup/")


def test_an_editor_may_work_without_a_second_factor(client, editor):
    editor.set_password(PASSWORD)
    editor.save()
    log_in(client, "editor")

    assert client.get(changelist_url()).status_code == 200


@override_settings(REQUIRE_STAFF_2FA=False)
def test_with_the_requirement_off_a_superuser_works_without_one(client, django_user_model):
    django_user_model.objects.create_superuser("chief", "chief@example.org", PASSWORD)
    log_in(client, "chief")

    assert client.get("/admin/").status_code == 200


def test_enrolment_with_the_app_code_opens_the_admin_and_shows_backup_codes_once(client, django_user_model):
    user = django_user_model.objects.create_superuser("chief", "chief@example.org", PASSWORD)
    log_in(client, "chief")
    page = client.get("/admin/two-factor/setup/?next=/admin/").content.decode()
    assert "data:image/svg+xml" in page  # the QR code, as an image the CSP allows
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    assert device.config_url.split("secret=")[1].split("&")[0] in page

    wrong = client.post("/admin/two-factor/setup/", {"code": "000000", "next": "/admin/"})
    assert wrong.status_code == 200 and "هذا الرمز غير صالح" in wrong.content.decode()
    # A failed code holds the device back for a second (django-otp's throttling), then the app's code works.
    with time_machine.travel(timezone.now() + datetime.timedelta(seconds=3)):
        done = client.post("/admin/two-factor/setup/", {"code": current_code(device), "next": "/admin/"})

    codes = re.findall(r"<li><code>([a-z2-7]{8})</code></li>", done.content.decode())
    assert len(codes) == 10
    assert TOTPDevice.objects.get(pk=device.pk).confirmed
    assert sorted(StaticDevice.objects.get(user=user).token_set.values_list("token", flat=True)) == sorted(codes)
    assert client.get("/admin/").status_code == 200


def test_login_without_the_second_factor_reaches_no_admin_page(client, django_user_model):
    enrolled_user(django_user_model)
    log_in(client, "chief")

    for url in ("/admin/", changelist_url(), "/admin/two-factor/setup/"):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith("/admin/two-factor/verify/"), url


def test_login_with_the_app_code_opens_the_admin(client, django_user_model):
    _user, device = enrolled_user(django_user_model)
    log_in(client, "chief")

    response = client.post("/admin/two-factor/verify/", {"code": current_code(device), "next": changelist_url()})

    assert response.status_code == 302 and response["Location"] == changelist_url()
    assert client.get(changelist_url()).status_code == 200


def test_a_wrong_code_is_refused(client, django_user_model):
    enrolled_user(django_user_model)
    log_in(client, "chief")

    response = client.post("/admin/two-factor/verify/", {"code": "123456"})

    assert response.status_code == 200 and "هذا الرمز غير صالح" in response.content.decode()
    assert client.get("/admin/").status_code == 302


def test_an_app_code_works_once(client, django_user_model):
    _user, device = enrolled_user(django_user_model)
    code = current_code(device)
    log_in(client, "chief")
    client.post("/admin/two-factor/verify/", {"code": code})
    client.post("/admin/logout/")

    log_in(client, "chief")
    client.post("/admin/two-factor/verify/", {"code": code})

    assert client.get("/admin/").status_code == 302


def test_a_backup_code_signs_in_once(client, django_user_model):
    enrolled_user(django_user_model)
    log_in(client, "chief")
    assert client.post("/admin/two-factor/verify/", {"code": "BACKUP01"}).status_code == 302
    assert client.get("/admin/").status_code == 200
    client.post("/admin/logout/")

    log_in(client, "chief")
    assert client.post("/admin/two-factor/verify/", {"code": "backup01"}).status_code == 200
    assert client.get("/admin/").status_code == 302


def test_the_reset_command_removes_a_lost_device_and_asks_for_a_new_one(client, django_user_model, capsys):
    user, _device = enrolled_user(django_user_model)

    call_command("reset_two_factor", "chief")

    assert not TOTPDevice.objects.filter(user=user).exists() and not StaticDevice.objects.filter(user=user).exists()
    assert "chief" in capsys.readouterr().out
    log_in(client, "chief")
    assert client.get("/admin/")["Location"].startswith("/admin/two-factor/setup/")


def test_a_reset_during_a_session_sends_to_enrolment_rather_than_verification(client, django_user_model):
    enrolled_user(django_user_model)
    log_in(client, "chief")
    call_command("reset_two_factor", "chief")

    response = client.get("/admin/two-factor/verify/", follow=True)

    assert response.redirect_chain[-1][0].startswith("/admin/two-factor/setup/")


def test_the_reset_command_names_an_unknown_user():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="nobody"):
        call_command("reset_two_factor", "nobody")


@override_settings(STAFF_SESSION_IDLE_SECONDS=10 * 60 * 60)
def test_a_staff_session_ends_after_a_working_day_without_a_request(client, editor):
    editor.set_password(PASSWORD)
    editor.save()
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        log_in(client, "editor")
    with time_machine.travel(start + datetime.timedelta(hours=9), tick=False):
        assert client.get(changelist_url()).status_code == 200
    with time_machine.travel(start + datetime.timedelta(hours=18), tick=False):
        assert client.get(changelist_url()).status_code == 200  # nine hours after the last request
    with time_machine.travel(start + datetime.timedelta(hours=29), tick=False):
        response = client.get(changelist_url())

    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")
