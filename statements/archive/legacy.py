"""Reading the text pages saved from the old website: bytes in, a ``LegacyPage`` or a ``ParseError`` out.

A page looks like this (leading spaces and no-break spaces vary, blank lines too)::

    "مرصد الأزهر" يعرب عن تقديره …             ← the title
      • | الأحد, 29 أبريل, 2018                 ← the date line
    "مرصد الأزهر" يعرب عن تقديره …             ← the title again (not a paragraph)
         في إطار متابعة مرصد الأزهر …          ← one paragraph per line
    طباعة                                       ← page chrome from here on: "Print"
    كلمات دالة: داعش، الإنترنت                  ← "Keywords:", then tags, on this line or one per line

Nothing here touches the database.
"""

import datetime
import re
import uuid
from dataclasses import dataclass
from pathlib import Path

from django.utils.html import escape

from statements.dates import parse_month, western_digits
from statements.text.normalize import is_arabic, normalize

TITLE_MAX_LENGTH = 500  # Statement.title_*
KEYWORD_MAX_LENGTH = 200  # Tag.name_*

# Derives a page's identity (see ``LegacyPage.uuid``); fixed forever, or re-imports would create duplicates.
LEGACY_NAMESPACE = uuid.UUID("6f0c2b4e-5d1a-4c1e-9a57-0b5d0f3e7a21")

# Invisible characters that text saved from web pages carries at the ends of lines.
_EDGE_MARKS = "\ufeff\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_DATE_LINE = re.compile(r"^[•·●▪*\-–]?\s*\|\s*(?P<date>.*)$")
_DAY_MONTH_YEAR = re.compile(
    r"^(?:(?P<weekday>[^\d,،]+?)\s*[,،]?\s*)?(?P<day>\d{1,2})\s*[,،]?\s*(?P<month>[^\d,،]+?)\s*[,،]?\s*(?P<year>\d{4})\s*م?\.?$"
)
_MONTH_DAY_YEAR = re.compile(
    r"^(?:(?P<weekday>[^\d,،]+?)\s*[,،]\s*)?(?P<month>[^\d,،]+?)\s+(?P<day>\d{1,2})\s*[,،]?\s*(?P<year>\d{4})\.?$"
)
_KEYWORD_SEPARATORS = re.compile("[,،]")
# Control characters never found in a text page (tab, line and page breaks are fine).
_CONTROL_CHARACTER = re.compile("[\x00-\x08\x0e-\x1f\x7f]")

# Page chrome, compared after ``normalize``: (words, language).
_PRINT = {normalize("طباعة"): "ar", normalize("Print"): "en"}
_KEYWORDS = re.compile(r"^(?P<label>كلمات\s+دالة|keywords)\s*(?::\s*(?P<rest>.*))?$", re.IGNORECASE)
_KEYWORDS_LANGUAGE = {"كلمات دالة": "ar", "keywords": "en"}


class ParseError(ValueError):
    """The file is not a page this module can read; ``str(error)`` says why, for the person running the import."""


@dataclass(frozen=True)
class LegacyPage:
    language: str
    title: str
    date: datetime.date
    paragraphs: tuple
    keywords: tuple

    @property
    def body_html(self):
        return "".join(f"<p>{escape(paragraph)}</p>" for paragraph in self.paragraphs)

    @property
    def uuid(self):
        """The statement this page becomes: the same title (as the normaliser sees it), date and language."""
        return uuid.uuid5(LEGACY_NAMESPACE, f"{self.language}|{self.date.isoformat()}|{_fold(self.title)}")


def decode(data):
    """Text from UTF-8 (with or without a byte-order mark) or Windows-1256 bytes; ParseError for anything else.

    UTF-16 with a byte-order mark (what Windows Notepad calls "Unicode") is read too.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text, problem = data.decode("utf-16"), "control character at offset {} (read as UTF-16); not a text page"
        except UnicodeDecodeError as error:
            raise ParseError(
                f"undecodable bytes: a UTF-16 byte-order mark, but bad UTF-16 at offset {error.start}"
            ) from None
    else:
        if data.startswith(b"\xef\xbb\xbf"):
            data = data[3:]
        try:
            text, problem = data.decode("utf-8"), "control character at offset {} (read as UTF-8); not a text page"
        except UnicodeDecodeError as error:
            # Every byte means something in Windows-1256: binary files are told apart by their control characters.
            text = data.decode("cp1256")
            problem = (
                f"neither UTF-8 (byte 0x{data[error.start]:02x} at offset {error.start}) "
                "nor Windows-1256 text (control character at offset {})"
            )
    control = _first_control_character(text)
    if control is not None:
        raise ParseError("undecodable bytes: " + problem.format(control))
    return text


def parse_text(text):
    lines = [_clean(line) for line in text.splitlines()]
    lines = [line for line in lines if line]
    if not lines:
        raise ParseError("empty file")
    if _date_line(lines[0]) is not None:
        raise ParseError("no title: the file starts with the date line")
    title = lines[0]
    if len(lines) < 2 or (date_text := _date_line(lines[1])) is None:
        raise ParseError(
            "no date line after the title (expected a line like “• | الأحد, 29 أبريل, 2018” or “• | Sunday, 29 April, 2018”)"
        )
    date, month_name = _parse_date(date_text)
    rest = lines[2:]
    if rest and _fold(rest[0]) == _fold(title):
        rest = rest[1:]

    paragraphs, keywords, chrome_language = [], [], None
    in_keywords = in_chrome = False
    for line in rest:
        if in_keywords:
            keywords.extend(_split_keywords(line))
            continue
        match = _KEYWORDS.match(line)
        if match:
            in_keywords = True
            chrome_language = chrome_language or _KEYWORDS_LANGUAGE[" ".join(match["label"].casefold().split())]
            keywords.extend(_split_keywords(match["rest"] or ""))
        elif normalize(line) in _PRINT:
            in_chrome = True
            chrome_language = chrome_language or _PRINT[normalize(line)]
        elif not in_chrome:
            paragraphs.append(line)
    if not paragraphs:
        raise ParseError("empty body: no paragraph between the title and the page footer")
    if len(title) > TITLE_MAX_LENGTH:
        raise ParseError(f"title longer than {TITLE_MAX_LENGTH} characters")
    for keyword in keywords:
        if len(keyword) > KEYWORD_MAX_LENGTH:
            raise ParseError(f"keyword longer than {KEYWORD_MAX_LENGTH} characters: “{keyword[:40]}…”")

    language = chrome_language or ("ar" if is_arabic(month_name) or is_arabic(title) else "en")
    return LegacyPage(
        language=language,
        title=title,
        date=date,
        paragraphs=tuple(paragraphs),
        keywords=_unique(keywords),
    )


def parse_bytes(data):
    return parse_text(decode(data))


def parse_file(path):
    try:
        data = Path(path).read_bytes()
    except OSError as error:
        raise ParseError(f"cannot read the file: {error.strerror or error}") from None
    return parse_bytes(data)


def _clean(line):
    # str.strip() already removes no-break spaces and the other Unicode spaces.
    return line.strip().strip(_EDGE_MARKS).strip()


def _fold(text):
    return " ".join(normalize(text).split())


def _first_control_character(text):
    match = _CONTROL_CHARACTER.search(text)
    return match.start() if match else None


def _date_line(line):
    """The date part of ``line`` if it is a date line: "• | …" as the old site wrote it, or a bare date."""
    match = _DATE_LINE.match(line)
    if match:
        return match["date"].strip()
    try:
        _parse_date(line)
    except ParseError:
        return None
    return line


def _parse_date(text):
    western = " ".join(western_digits(text).split())
    match = _DAY_MONTH_YEAR.match(western) or _MONTH_DAY_YEAR.match(western)
    if not match:
        raise ParseError(f"date line “{text}” is not a date like “الأحد, 29 أبريل, 2018”")
    month = parse_month(match["month"])
    if month is None:
        raise ParseError(f"date line “{text}”: unknown month “{match['month']}”")
    try:
        return datetime.date(int(match["year"]), month, int(match["day"])), match["month"]
    except ValueError:
        raise ParseError(f"date line “{text}”: no such day") from None


def _split_keywords(text):
    return [keyword for part in _KEYWORD_SEPARATORS.split(text) if (keyword := " ".join(_clean(part).split()))]


def _unique(keywords):
    seen, unique = set(), []
    for keyword in keywords:
        if (key := _fold(keyword)) not in seen:
            seen.add(key)
            unique.append(keyword)
    return tuple(unique)
