"""A statement's lead image as pages, previews and feeds show it, built from the statement's row alone."""

from dataclasses import dataclass

from statements.images import renditions
from statements.languages import LANGUAGE_CODES, TEXT_DIRECTION

FALLBACK_WIDTH = 800  # the JPEG an old browser without srcset gets


@dataclass(frozen=True)
class Words:
    """A text in one language, and whether that is the page's language (``is_fallback`` when not)."""

    text: str
    lang: str
    dir: str
    is_fallback: bool


@dataclass(frozen=True)
class LeadImage:
    name: str
    width: int
    height: int
    alt: Words
    caption: Words | None
    credit: str
    webp: list
    jpeg: list
    social: renditions.Rendition

    @property
    def src(self):
        """The middle-sized JPEG: what ``src`` names for browsers that read no ``srcset``."""
        fitting = [r for r in self.jpeg if r.width <= FALLBACK_WIDTH]
        return (fitting or self.jpeg)[-1]

    @property
    def smallest(self):
        return self.jpeg[0]

    @property
    def largest(self):
        return self.jpeg[-1]

    @property
    def webp_srcset(self):
        return srcset(self.webp)

    @property
    def jpeg_srcset(self):
        return srcset(self.jpeg)


def srcset(pictures):
    return ", ".join(f"{picture.url} {picture.width}w" for picture in pictures)


def words_in(statement, field, lang):
    """``field`` in ``lang``, or in the other language, marked, when only that one is written; None if neither."""
    for code in [lang, *(c for c in LANGUAGE_CODES if c != lang)]:
        text = (getattr(statement, f"{field}_{code}", "") or "").strip()
        if text:
            return Words(text=text, lang=code, dir=TEXT_DIRECTION[code], is_fallback=code != lang)
    return None


def lead_image(statement, lang):
    """The statement's lead image for a page in ``lang``, or None when it has none."""
    name = statement.lead_image.name if statement.lead_image else ""
    if not name or not statement.lead_image_width or not statement.lead_image_height:
        return None
    width, height = statement.lead_image_width, statement.lead_image_height
    pictures = renditions.responsive(name, width, height)
    return LeadImage(
        name=name,
        width=width,
        height=height,
        alt=words_in(statement, "lead_image_alt", lang) or Words("", lang, TEXT_DIRECTION[lang], False),
        caption=words_in(statement, "lead_image_caption", lang),
        credit=statement.lead_image_credit,
        webp=pictures["webp"],
        jpeg=pictures["jpg"],
        social=renditions.social(name, statement.lead_image_focus_x, statement.lead_image_focus_y),
    )
