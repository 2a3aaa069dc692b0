"""Strings of django-reversion-compare's admin pages, listed so the project catalog gives them Arabic.

The package ships no Arabic translation; these markers only bring its msgids into ``makemessages``.
"""

from django.utils.translation import gettext_noop

REVERSION_COMPARE = (
    gettext_noop("compare"),
    gettext_noop("Compare %(name)s"),
    gettext_noop("Comment"),
    gettext_noop("Go back to history list"),
    gettext_noop("Revert to this version"),
    gettext_noop("Edit comment:"),
    gettext_noop("Note:"),
    gettext_noop("There are no differences."),
    gettext_noop("add:"),
    gettext_noop("remove:"),
    gettext_noop("changed to:"),
    gettext_noop("next"),
    gettext_noop("previous"),
    gettext_noop("time since that date:"),
    gettext_noop("Field didn't exist!"),
    gettext_noop("More info:"),
    gettext_noop("Revert to the old version will probably not work!"),
    # The package's templates do not trim these, so their msgids keep the template's line breaks.
    gettext_noop("\n                Compare <strong>%(date1)s</strong> with <strong>%(date2)s</strong>:\n            "),
    gettext_noop(
        '\n        Fields/entries marked with <sup class="follow">*</sup> are not under reversion control.\n'
        "        It may be that not all marked information are correct.\n    "
    ),
)
