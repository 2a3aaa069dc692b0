from modeltranslation.translator import TranslationOptions, register

from statements.models import Statement, Tag


@register(Statement)
class StatementTranslationOptions(TranslationOptions):
    fields = ("title", "summary", "body", "lead_image_alt", "lead_image_caption")
    # Leave untranslated fields empty (not NULL) so one-language statements filter and sort predictably.
    empty_values = ""


@register(Tag)
class TagTranslationOptions(TranslationOptions):
    fields = ("name",)
    empty_values = ""
