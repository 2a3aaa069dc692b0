class YearConverter:
    """Exactly four digits: /statements/2018/ is the 2018 archive, other numbers are statement ids."""

    regex = "[0-9]{4}"

    def to_python(self, value):
        return int(value)

    def to_url(self, value):
        return f"{int(value):04d}"


class MonthConverter:
    regex = "[0-9]{1,2}"

    def to_python(self, value):
        return int(value)

    def to_url(self, value):
        return f"{int(value):02d}"


class UnicodeSlugConverter:
    """Letters (Arabic too), digits, hyphens and underscores, as ``SlugField(allow_unicode=True)`` allows.

    Anything else (a NUL byte, which PostgreSQL refuses in a query) is simply not a slug: 404.
    """

    regex = r"[-\w]+"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value
