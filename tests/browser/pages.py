"""The public page types, each at one address of the demo content."""

from statements.models import Statement, Tag


def public_pages(lang):
    statement = Statement.objects.published().filter(title_ar__gt="", title_en__gt="").order_by("-published_on").first()
    tag = Tag.objects.filter(statements__in=Statement.objects.published()).first()
    year = statement.published_on.year
    return {
        "home": f"/{lang}/",
        "list": f"/{lang}/statements/",
        "year": f"/{lang}/statements/{year}/",
        "month": f"/{lang}/statements/{year}/{statement.published_on.month}/",
        "statement": statement.get_absolute_url(),
        "print": statement.get_print_url(),
        "tag index": f"/{lang}/tags/",
        "tag": tag.get_absolute_url(),
        "search": f"/{lang}/search/?q=" + ("الأزهر" if lang == "ar" else "Azhar"),
        "search form": f"/{lang}/search/",
    }
