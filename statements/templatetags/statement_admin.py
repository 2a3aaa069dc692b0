"""The statement list's date hierarchy, asking its dates of the list (kept per change, or known from a search)."""

from django import template
from django.contrib.admin.templatetags.admin_list import date_hierarchy
from django.contrib.admin.templatetags.base import InclusionAdminNode

register = template.Library()


class _DatesFromList:
    """The change list as Django's date hierarchy sees it, with its dates from ``cl.dates_for_hierarchy()``.

    Django's tag asks the list's queryset for its first and last date and its distinct years: two passes over
    every row of the archive on every page (most of the SQL time of an unfiltered list at 100,000 statements).
    """

    def __init__(self, cl):
        self._cl = cl
        self.queryset = cl.dates_for_hierarchy()

    def __getattr__(self, name):
        return getattr(self._cl, name)


def statement_date_hierarchy(cl):
    return date_hierarchy(_DatesFromList(cl))


@register.tag(name="statement_date_hierarchy")
def statement_date_hierarchy_tag(parser, token):
    return InclusionAdminNode(
        parser, token, func=statement_date_hierarchy, template_name="date_hierarchy.html", takes_context=False
    )
