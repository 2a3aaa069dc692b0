"""Two factors for staff: a TOTP app (with single-use backup codes) after the password, through django-otp.

The password is checked by the admin's login (throttled by django-axes); a staff member with a confirmed device
is then asked for a code before any admin page opens. Publishers and superusers must enrol when
``REQUIRE_STAFF_2FA`` is on; any other staff member may. ``manage.py reset_two_factor USERNAME`` removes the
devices of someone who lost theirs, who then enrols again at the next login.
"""

import logging

import segno
from django import forms
from django.conf import settings
from django.contrib import admin
from django.contrib.admin.views.decorators import staff_member_required
from django.contrib.auth.signals import user_logged_in
from django.db import transaction
from django.dispatch import receiver
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django_otp import devices_for_user, user_has_device
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from observatory.security.clients import client_ip

logger = logging.getLogger("observatory.two_factor")

BACKUP_CODES = 10
TOTP_DEVICE_NAME = "Authenticator app"
BACKUP_DEVICE_NAME = "Backup codes"


def two_factor_required(user):
    """Publishers and superusers must use a second factor while ``REQUIRE_STAFF_2FA`` is on."""
    if not settings.REQUIRE_STAFF_2FA:
        return False
    return user.is_superuser or user.has_perm("statements.publish_statement")


def open_paths():
    """What a signed-in staff member may reach before the second factor: these pages and signing out."""
    return {reverse("two_factor_setup"), reverse("two_factor_verify"), reverse("admin:logout")}


# Whether the signed-in user had a confirmed device, noted in the session at login (and by enrolment), so that
# admin pages do not look the devices up on every request.
ENROLLED_SESSION_KEY = "two_factor_enrolled"


@receiver(user_logged_in, dispatch_uid="two_factor_note_enrolment")
def note_enrolment(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session") and user.is_staff:
        request.session[ENROLLED_SESSION_KEY] = user_has_device(user)


class StaffTwoFactorMiddleware:
    """In the admin, a staff member who has a device must have used it in this session; one who must have a
    device and has none is sent to enrol."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if (
            request.path_info.startswith("/admin/")
            and user.is_authenticated
            and user.is_staff
            and not user.is_verified()
            and request.path_info not in open_paths()
        ):
            enrolled = request.session.get(ENROLLED_SESSION_KEY)
            if enrolled is None:  # a session from before this was noted
                enrolled = request.session[ENROLLED_SESSION_KEY] = user_has_device(user)
            if enrolled:
                return redirect_with_next("two_factor_verify", request)
            if two_factor_required(user):
                return redirect_with_next("two_factor_setup", request)
        return self.get_response(request)


def redirect_with_next(name, request):
    return redirect(f"{reverse(name)}?next={request.get_full_path()}" if request.method == "GET" else reverse(name))


def next_url(request):
    url = request.POST.get("next") or request.GET.get("next") or ""
    if url and url_has_allowed_host_and_scheme(url, allowed_hosts=None) and url.startswith("/admin/"):
        return url
    return reverse("admin:index")


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code"),
        max_length=16,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "text", "autofocus": True}),
    )

    def clean_code(self):
        return "".join(self.cleaned_data["code"].split()).lower()


def verified_device(user, code):
    """The device that accepts ``code``: six digits are the app's, anything else a backup code."""
    if code.isdigit() and len(code) == 6:
        devices = TOTPDevice.objects.devices_for_user(user, confirmed=True)
    else:
        devices = StaticDevice.objects.devices_for_user(user, confirmed=True)
    for device in devices:
        with transaction.atomic():
            if device.verify_token(code):
                return device
    return None


def admin_context(request, **extra):
    return {**admin.site.each_context(request), **extra}


@never_cache
@staff_member_required
def verify(request):
    user = request.user
    if not user.is_verified() and not user_has_device(user):
        # No device (any more: a reset removed it): enrol, if the role asks for it, rather than verify.
        request.session[ENROLLED_SESSION_KEY] = False
    if user.is_verified() or not request.session.get(ENROLLED_SESSION_KEY, True):
        return redirect(next_url(request))
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = verified_device(user, form.cleaned_data["code"])
        if device is not None:
            otp_login(request, device)
            logger.info("Second factor accepted", extra={"username": user.get_username(), "client": client_ip(request)})
            return redirect(next_url(request))
        logger.warning("Second factor refused", extra={"username": user.get_username(), "client": client_ip(request)})
        form.add_error("code", _("That code is not valid. Use the current code from your app, or a backup code."))
    return render(
        request,
        "admin/two_factor/verify.html",
        admin_context(request, form=form, next=next_url(request), title=_("Two-factor authentication")),
    )


def pending_device(user):
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=TOTP_DEVICE_NAME, confirmed=False)
    return device


def new_backup_codes(user):
    device, _created = StaticDevice.objects.get_or_create(user=user, name=BACKUP_DEVICE_NAME)
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(BACKUP_CODES)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


@never_cache
@staff_member_required
def setup(request):
    user = request.user
    if user_has_device(user):
        return redirect(next_url(request) if user.is_verified() else reverse("two_factor_verify"))
    device = pending_device(user)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["code"]):
            with transaction.atomic():
                device.confirmed = True
                device.save(update_fields=["confirmed"])
                codes = new_backup_codes(user)
            otp_login(request, device)
            request.session[ENROLLED_SESSION_KEY] = True
            logger.info("Second factor enrolled", extra={"username": user.get_username(), "client": client_ip(request)})
            return render(
                request,
                "admin/two_factor/backup_codes.html",
                admin_context(request, codes=codes, next=next_url(request), title=_("Your backup codes")),
            )
        form.add_error("code", _("That code is not valid. Check the time on your phone and try the current code."))
    url = device.config_url
    return render(
        request,
        "admin/two_factor/setup.html",
        admin_context(
            request,
            form=form,
            next=next_url(request),
            qr_code=segno.make(url, error="m").svg_data_uri(scale=5),
            secret=url.split("secret=", 1)[1].split("&", 1)[0],
            required=two_factor_required(user),
            title=_("Set up two-factor authentication"),
        ),
    )


def remove_devices(user):
    """Every device of ``user`` (app and backup codes): what ``reset_two_factor`` does for a lost phone."""
    devices = list(devices_for_user(user, confirmed=None))
    for device in devices:
        device.delete()
    return len(devices)
