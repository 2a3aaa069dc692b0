"""The archive's two languages and their writing directions, defined once for every module that needs them.

Arabic comes first: it is the default language, the order ``__str__`` and the admin columns fall back in.
"""

LANGUAGE_CODES = ("ar", "en")
TEXT_DIRECTION = {"ar": "rtl", "en": "ltr"}
