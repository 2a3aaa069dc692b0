"""Dates as readers of each language write them, independent of the server's locale."""

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
