"""Dates as readers of each language write them, and month names as dated texts spell them (for the importer)."""

from django.utils import dateformat, translation
from hijridate import Gregorian

from statements.text.normalize import normalize

ARABIC_MONTHS = (
    "يناير",
    "فبراير",
    "مارس",
    "أبريل",
    "مايو",
    "يونيو",
    "يوليو",
    "أغسطس",
    "سبتمبر",
    "أكتوبر",
    "نوفمبر",
    "ديسمبر",
)
ARABIC_WEEKDAYS = ("الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد")
ENGLISH_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
ENGLISH_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


# Django's own date formatting and month names; the project catalogue spells the one month Django's Arabic
# catalogue writes differently (إبريل as أبريل, as the observatory writes it).
LONG_DATE_FORMAT = {"ar": "l، j F Y", "en": "l, j F Y"}


def long_date(value, lang):
    """ "الأحد، 29 أبريل 2018" in Arabic, "Sunday, 29 April 2018" in English."""
    if value is None:
        return ""
    with translation.override(lang):
        return dateformat.format(value, LONG_DATE_FORMAT[lang])


def hijri_date(value, lang):
    """The same day in the Umm al-Qura (Islamic) calendar: "13 شعبان 1439 هـ" or "13 Sha'ban 1439 AH"; empty outside
    the years the calendar's tables cover (1924–2077)."""
    if value is None:
        return ""
    try:
        hijri = Gregorian.fromdate(value).to_hijri()
    except (OverflowError, ValueError):
        return ""
    return f"{hijri.day} {hijri.month_name(lang)} {hijri.year} {hijri.notation(lang)}"


def month_year(value, lang):
    """ "أبريل 2018" or "April 2018"."""
    with translation.override(lang):
        return dateformat.format(value, "F Y")


# Other spellings of month names found in dated text: for reading dates (``parse_month``), never for writing them.
ARABIC_MONTH_VARIANTS = {"إبريل": 4, "يونية": 6, "يونيه": 6, "يولية": 7, "يوليه": 7}
LEVANTINE_MONTHS = (
    "كانون الثاني",
    "شباط",
    "آذار",
    "نيسان",
    "أيار",
    "حزيران",
    "تموز",
    "آب",
    "أيلول",
    "تشرين الأول",
    "تشرين الثاني",
    "كانون الأول",
)
ENGLISH_MONTH_ABBREVIATIONS = {"Sept": 9} | {name[:3]: number for number, name in enumerate(ENGLISH_MONTHS, 1)}

# Arabic-Indic (٠–٩) and Extended Arabic-Indic (۰–۹) digits, as Western digits.
_WESTERN_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")


def western_digits(text):
    return text.translate(_WESTERN_DIGITS)


def _month_key(name):
    return " ".join(normalize(name).replace(".", " ").split())


_MONTH_NUMBERS = {
    _month_key(name): number
    for table in (ARABIC_MONTHS, LEVANTINE_MONTHS, ENGLISH_MONTHS)
    for number, name in enumerate(table, 1)
} | {_month_key(name): number for name, number in (ARABIC_MONTH_VARIANTS | ENGLISH_MONTH_ABBREVIATIONS).items()}


def parse_month(name):
    """The month number (1–12) of an Egyptian, Levantine or English month name, or None.

    Names meet through the project's normaliser, so hamza forms (أبريل, إبريل, ابريل), harakat, tatweel
    and case do not matter.
    """
    return _MONTH_NUMBERS.get(_month_key(name))
