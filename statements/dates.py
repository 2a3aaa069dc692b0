"""Dates as readers of each language write them, independent of the server's locale."""

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


def long_date(value, lang):
    """ "الأحد، 29 أبريل 2018" in Arabic, "Sunday, 29 April 2018" in English."""
    if value is None:
        return ""
    if lang == "ar":
        return f"{ARABIC_WEEKDAYS[value.weekday()]}، {value.day} {ARABIC_MONTHS[value.month - 1]} {value.year}"
    return f"{ENGLISH_WEEKDAYS[value.weekday()]}, {value.day} {ENGLISH_MONTHS[value.month - 1]} {value.year}"


def month_name(month, lang):
    return (ARABIC_MONTHS if lang == "ar" else ENGLISH_MONTHS)[month - 1]


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
