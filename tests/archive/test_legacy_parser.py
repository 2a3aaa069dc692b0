import datetime
from pathlib import Path

import pytest

from statements.archive.legacy import ParseError, decode, parse_bytes, parse_file, parse_text
from statements.dates import parse_month

FIXTURES = Path(__file__).parents[1] / "fixtures" / "legacy"
NBSP = "\u00a0"


def page(date_line="  • | الأحد, 29 أبريل, 2018", body=("نص البيان.",), footer=("طباعة", "كلمات دالة:")):
    title = "المرصد يصدر بيانًا"
    return "\n".join([title, "", date_line, title, "", *body, "", *footer])


def test_arabic_sample_page_gives_title_date_paragraphs_and_no_chrome():
    parsed = parse_file(FIXTURES / "observatory-ar-2018-04-29.txt")

    assert parsed.language == "ar"
    assert parsed.title.startswith('"مرصد الأزهر" يعرب عن تقديره')
    assert parsed.date == datetime.date(2018, 4, 29)
    assert len(parsed.paragraphs) == 8
    assert parsed.paragraphs[0].startswith("في إطار متابعة مرصد الأزهر")
    assert parsed.paragraphs[-1].startswith('ويؤكّد "المرصد"')
    assert parsed.keywords == ()
    assert all(line not in ("طباعة", "كلمات دالة:", parsed.title) for line in parsed.paragraphs)


def test_english_sample_page_gives_english_record_with_keywords():
    parsed = parse_file(FIXTURES / "observatory-en-2019-02-04.txt")

    assert parsed.language == "en"
    assert parsed.title == "Al-Azhar Observatory praises the Document on Human Fraternity"
    assert parsed.date == datetime.date(2019, 2, 4)
    assert parsed.paragraphs == (
        "Al-Azhar Observatory for Combating Extremism praised the Document on Human Fraternity signed in Abu Dhabi, "
        "describing it as a milestone in the effort to spread the values of coexistence.",
        "The Observatory said the document gives religious leaders a shared basis for confronting extremist "
        "discourse of every kind.",
    )
    assert parsed.keywords == ("Human Fraternity", "Coexistence")


def test_leading_spaces_and_no_break_spaces_are_trimmed_from_paragraphs():
    parsed = parse_text(page(body=(f"{NBSP} {NBSP}  أول فقرة{NBSP} ", f"\t{NBSP}ثاني فقرة")))

    assert parsed.paragraphs == ("أول فقرة", "ثاني فقرة")


def test_repeated_title_is_not_a_paragraph_but_a_different_first_line_is():
    assert parse_text(page()).paragraphs == ("نص البيان.",)
    text = "عنوان\n• | الأحد, 29 أبريل, 2018\nفقرة أولى\nفقرة ثانية\n"
    assert parse_text(text).paragraphs == ("فقرة أولى", "فقرة ثانية")


def test_body_is_stored_as_escaped_html_paragraphs():
    parsed = parse_text(page(body=("أ < ب & ج", "<script>alert(1)</script>")))

    assert parsed.body_html == "<p>أ &lt; ب &amp; ج</p><p>&lt;script&gt;alert(1)&lt;/script&gt;</p>"


def test_keywords_on_one_line_split_on_latin_and_arabic_commas():
    parsed = parse_file(FIXTURES / "ar-keywords-arabic-comma.txt")
    assert parsed.keywords == ("داعش", "الإنترنت", "أوروبا")

    mixed = parse_text(page(footer=("طباعة", "كلمات دالة: داعش, الإنترنت، أوروبا ,  الأخوة\u00a0 الإنسانية")))
    assert mixed.keywords == ("داعش", "الإنترنت", "أوروبا", "الأخوة الإنسانية")


def test_keywords_one_per_line_in_arabic_and_english():
    assert parse_file(FIXTURES / "ar-keywords-one-per-line.txt").keywords == ("الشباب", "الإنترنت", "الجماعات المتطرفة")
    assert parse_file(FIXTURES / "en-keywords-one-per-line.txt").keywords == ("Youth", "Internet", "extremist groups")


def test_keywords_repeated_in_another_spelling_are_kept_once():
    parsed = parse_text(page(footer=("كلمات دالة: الإسلاموفوبيا، الاسلاموفوبيا، داعـــش، داعش",)))

    assert parsed.keywords == ("الإسلاموفوبيا", "داعـــش")


def test_windows_1256_file_with_windows_line_endings_is_read():
    raw = (FIXTURES / "ar-windows-1256-crlf.txt").read_bytes()
    assert b"\r\n" in raw
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")

    parsed = parse_bytes(raw)

    assert parsed.title == "المرصد يدين الهجوم الإرهابي على مسجد الروضة"
    assert parsed.date == datetime.date(2017, 11, 24)
    assert parsed.keywords == ("الإرهاب", "مصر")
    assert all("\r" not in paragraph for paragraph in parsed.paragraphs)


def test_utf8_byte_order_mark_and_crlf_do_not_reach_the_title():
    raw = (FIXTURES / "ar-bom-crlf.txt").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw

    parsed = parse_bytes(raw)

    assert parsed.title == "المرصد يطلق حملة للتوعية بمخاطر الفكر المتطرف"
    assert parsed.date == datetime.date(2018, 1, 4)
    assert parsed.paragraphs[-1] == "وتستهدف الحملة الشباب في المدارس والجامعات."


def test_utf16_file_with_byte_order_mark_is_read():
    text = (FIXTURES / "ar-ibril.txt").read_text(encoding="utf-8").replace("\n", "\r\n")

    assert parse_bytes(text.encode("utf-16")) == parse_file(FIXTURES / "ar-ibril.txt")


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_unix_windows_and_old_mac_line_endings_read_alike(newline):
    parsed = parse_bytes(page(body=("أولى", "ثانية")).replace("\n", newline).encode("utf-8"))

    assert parsed.paragraphs == ("أولى", "ثانية")
    assert parsed.date == datetime.date(2018, 4, 29)


def test_text_keeps_its_harakat_and_spelling():
    parsed = parse_file(FIXTURES / "observatory-ar-2018-04-29.txt")

    assert "تحديد هُوِيَّة مسئولي" in parsed.paragraphs[1]


def test_arabic_indic_digits_in_the_date_line():
    assert parse_file(FIXTURES / "ar-arabic-indic-digits.txt").date == datetime.date(2018, 3, 15)


@pytest.mark.parametrize(
    "fixture, expected",
    [
        ("ar-levantine-month.txt", datetime.date(2019, 1, 21)),
        ("ar-ibril.txt", datetime.date(2018, 4, 1)),
        ("ar-yunia.txt", datetime.date(2018, 6, 30)),
        ("ar-yulia.txt", datetime.date(2018, 7, 15)),
    ],
)
def test_month_name_variants_in_fixture_pages(fixture, expected):
    assert parse_file(FIXTURES / fixture).date == expected


@pytest.mark.parametrize(
    "date_line, expected",
    [
        ("• | الأحد, 29 أبريل, 2018", (2018, 4, 29)),
        ("• | الأحد, 29 إبريل, 2018", (2018, 4, 29)),
        ("• | الأحد, 29 ابريل, 2018", (2018, 4, 29)),
        ("• | الأربعاء، 6 يونية، 2018", (2018, 6, 6)),
        ("• | الأربعاء، 6 يونيو، 2018", (2018, 6, 6)),
        ("• | الجمعة، 6 يولية، 2018", (2018, 7, 6)),
        ("• | الاثنين، 1 كانون الثاني، 2018", (2018, 1, 1)),
        ("• | الأحد، 25 شباط، 2018", (2018, 2, 25)),
        ("• | الأحد، 1 آذار، 2020", (2020, 3, 1)),
        ("• | الخميس، 6 آب، 2020", (2020, 8, 6)),
        ("• | الخميس، 1 تشرين الأول، 2020", (2020, 10, 1)),
        ("• | الجمعة، 25 كانون الأول، 2020", (2020, 12, 25)),
        ("• | السبت، ٢٥ ديسمبر، ٢٠٢٠", (2020, 12, 25)),
        ("• | Sunday, 29 April, 2018", (2018, 4, 29)),
        ("• | Monday, February 4, 2019", (2019, 2, 4)),
        ("• | 4 feb 2019", (2019, 2, 4)),
        ("| الأحد 29 أبريل 2018", (2018, 4, 29)),
        ("الأحد, 29 أبريل, 2018م", (2018, 4, 29)),
    ],
)
def test_date_line_variants(date_line, expected):
    assert parse_text(page(date_line=date_line)).date == datetime.date(*expected)


@pytest.mark.parametrize("name, month", [("أبْريل", 4), ("يـونيو", 6), ("اكتوبر", 10), ("DECEMBER", 12), ("Sept.", 9)])
def test_month_names_meet_through_the_normaliser(name, month):
    assert parse_month(name) == month


def test_language_comes_from_the_page_chrome_even_for_an_arabic_title():
    text = "داعش\n• | Sunday, 29 April, 2018\nThe Observatory comments.\nPrint\nKeywords: Daesh\n"

    assert parse_text(text).language == "en"


def test_language_without_chrome_comes_from_the_date_and_title_script():
    assert parse_text("Title\n• | Sunday, 29 April, 2018\nText.\n").language == "en"
    assert parse_text("عنوان\n• | الأحد, 29 أبريل, 2018\nنص.\n").language == "ar"


def test_text_after_print_that_is_not_keywords_is_left_out():
    parsed = parse_text(page(footer=("طباعة", "شارك", "كلمات دالة: داعش")))

    assert parsed.paragraphs == ("نص البيان.",)
    assert parsed.keywords == ("داعش",)


def test_same_title_date_and_language_give_the_same_identity_whatever_the_spelling():
    first = parse_text("“مسئول” داعش\n• | الأحد, 29 أبريل, 2018\nنص.\n")
    second = parse_text("“مسؤول”  داعـش\n• | الأحد, 29 إبريل, 2018\nنص آخر.\n")
    other_day = parse_text("“مسئول” داعش\n• | الاثنين, 30 أبريل, 2018\nنص.\n")

    assert first.uuid == second.uuid
    assert first.uuid != other_day.uuid


def test_missing_date_line_is_a_parse_error_that_says_so():
    with pytest.raises(ParseError, match="no date line after the title"):
        parse_file(FIXTURES / "broken" / "no-date-line.txt")


def test_page_starting_with_the_date_line_has_no_title():
    with pytest.raises(ParseError, match="no title"):
        parse_text("• | الأحد, 29 أبريل, 2018\nنص.\n")


def test_empty_body_is_a_parse_error_that_says_so():
    with pytest.raises(ParseError, match="empty body"):
        parse_file(FIXTURES / "broken" / "empty-body.txt")


def test_unknown_month_names_the_month():
    with pytest.raises(ParseError, match="unknown month “Aprol”"):
        parse_file(FIXTURES / "broken" / "unknown-month.txt")


def test_impossible_date_is_a_parse_error():
    with pytest.raises(ParseError, match="no such day"):
        parse_text(page(date_line="• | الخميس, 30 فبراير, 2018"))


def test_binary_bytes_are_undecodable():
    with pytest.raises(ParseError, match="undecodable bytes"):
        parse_file(FIXTURES / "broken" / "undecodable.txt")
    with pytest.raises(ParseError, match="undecodable bytes"):
        decode(b"plain ascii with a NUL\x00 inside")


def test_empty_file_is_a_parse_error():
    with pytest.raises(ParseError, match="empty file"):
        parse_bytes("\ufeff \r\n\u00a0\n".encode())


def test_unreadable_path_is_a_parse_error(tmp_path):
    with pytest.raises(ParseError, match="cannot read the file"):
        parse_file(tmp_path)


def test_overlong_keyword_is_refused_rather_than_cut():
    with pytest.raises(ParseError, match="keyword longer than 200 characters"):
        parse_text(page(footer=("كلمات دالة: " + "ك" * 201,)))


EGYPTIAN = "يناير فبراير مارس أبريل مايو يونيو يوليو أغسطس سبتمبر أكتوبر نوفمبر ديسمبر".split()
LEVANTINE = [
    "كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران",
    "تموز", "آب", "أيلول", "تشرين الأول", "تشرين الثاني", "كانون الأول",
]  # fmt: skip
ENGLISH = "January February March April May June July August September October November December".split()
ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


@pytest.mark.parametrize("month", range(1, 13))
@pytest.mark.parametrize("names", [EGYPTIAN, LEVANTINE, ENGLISH], ids=["egyptian", "levantine", "english"])
@pytest.mark.parametrize("digits", ["western", "arabic-indic"])
def test_every_month_of_every_naming_reads_in_either_digits(names, month, digits):
    line = f"• | الخميس, 12 {names[month - 1]}, 2019"
    if digits == "arabic-indic":
        line = line.translate(ARABIC_INDIC)

    assert parse_text(page(date_line=line)).date == datetime.date(2019, month, 12)
