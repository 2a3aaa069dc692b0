from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from observatory.security.two_factor import remove_devices


class Command(BaseCommand):
    help = (
        "Remove a staff member's two-factor devices (authenticator app and backup codes), for a lost phone. "
        "They sign in with their password and enrol a new device."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        User = get_user_model()
        try:
            user = User.objects.get(**{User.USERNAME_FIELD: username})
        except User.DoesNotExist as exc:
            raise CommandError(f"No user named {username!r}.") from exc
        removed = remove_devices(user)
        self.stdout.write(
            f"Removed {removed} two-factor device(s) of {username}; they enrol again at their next login."
        )
