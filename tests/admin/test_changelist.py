"""The statement and keyword lists: what they show stays true while they read only what they need."""

import datetime
import re

import pytest
from django.conf import settings
from django.utils.html import strip_tags

from statements.admin import changelist
from statements.admin.options import StatementAdmin
from statements.models import Statement

pytestmark = pytest.mark.django_db

LIST = "/admin/statements/statement/"
KEYWORDS = "/admin/statements/tag/"
FIRST_DAY = datetime.date(2020, 1, 1)


def in_language(client, lang):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = lang
    return client


def text_of(response):
    return " ".join(strip_tags(response.content.decode()).split())


def listed(response):
    assert response.status_code == 200
    return [statement.pk for statement in response.context["cl"].result_list]


def dated(make_statement, count, **fields):
    """``count`` statements one day apart; returned newest first, as the list orders them."""
    made = [make_statement(published_on=FIRST_DAY + datetime.timedelta(days=n), **fields) for n in range(count)]
    return [statement.pk for statement in reversed(made)]


# Searching: the newest matches, counted honestly.


@pytest.fixture
def few_kept(monkeypatch):
    monkeypatch.setattr(changelist, "SEARCH_LIMIT", 3)


@pytest.fixture
def officials(make_statement):
    """Five statements saying المسؤول (drafts among them), newest first, and one that does not."""
    made = [
        make_statement(
            title_ar=f"تصريح رقم {n}",
            body_ar="<p>قال المسؤول إن الحملة مستمرة.</p>",
            status=Statement.Status.DRAFT if n % 2 else Statement.Status.PUBLISHED,
            published_on=FIRST_DAY + datetime.timedelta(days=n),
        )
        for n in range(5)
    ]
    make_statement(title_ar="بيان آخر", body_ar="<p>نص لا علاقة له.</p>", published_on=FIRST_DAY)
    return [statement.pk for statement in reversed(made)]


@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("en", "More than 3 results: the newest 3 are listed."),
        ("ar", "أكثر من 3 نتيجة: تُعرض أحدث 3 منها."),
    ],
)
def test_a_search_matching_more_than_the_list_keeps_lists_the_newest_and_says_more_than(
    staff_client, officials, few_kept, lang, said
):
    response = in_language(staff_client, lang).get(LIST, {"q": "مسئول"})

    assert listed(response) == officials[:3]
    assert response.context["cl"].result_count_is_lower_bound
    assert said in text_of(response)


def test_a_search_matching_no_more_than_the_list_keeps_counts_exactly(staff_client, officials, few_kept):
    response = in_language(staff_client, "en").get(LIST, {"q": "مسئول", "publication": "draft"})

    assert listed(response) == [officials[1], officials[3]]  # the drafts, newest first
    assert not response.context["cl"].result_count_is_lower_bound
    assert "2 results" in text_of(response) and "More than" not in text_of(response)


def test_a_search_counts_matches_of_the_title_and_of_the_words_once_each(staff_client, make_statement, few_kept):
    # Each of the three matches both ways (its title holds the text, its words match it): still three, not six.
    pks = dated(make_statement, 3, title_ar="المسؤول يتحدث", body_ar="<p>المسؤول</p>")

    response = in_language(staff_client, "en").get(LIST, {"q": "المسؤول"})

    assert listed(response) == pks
    assert not response.context["cl"].result_count_is_lower_bound
    assert "3 results" in text_of(response)


def test_a_search_keeps_the_newest_matches_within_the_filters(staff_client, officials, make_tag, few_kept):
    tag = make_tag(name_ar="الإعلام")
    oldest = Statement.objects.get(pk=officials[-1])
    oldest.tags.add(tag)

    response = staff_client.get(LIST, {"q": "مسئول", "tags__id__exact": tag.pk})

    assert listed(response) == [oldest.pk]


def test_a_search_lists_its_matches_in_the_order_the_editor_chose(staff_client, make_statement):
    b = make_statement(title_en="Beta report", body_en="<p>floods</p>", published_on=FIRST_DAY)
    a = make_statement(title_en="Alpha report", body_en="<p>floods</p>", published_on=FIRST_DAY)

    assert listed(staff_client.get(LIST, {"q": "flood", "o": "1"})) == [a.pk, b.pk]
    assert listed(staff_client.get(LIST, {"q": "flood", "o": "-1"})) == [b.pk, a.pk]


def test_a_search_finds_a_title_by_a_piece_of_a_word_drafts_included(staff_client, make_statement):
    draft = make_statement(title_en="Counter-narratives online", body_en="<p>x</p>", status="draft")
    make_statement(title_en="Something else", body_en="<p>y</p>")

    assert listed(staff_client.get(LIST, {"q": "narrat"})) == [draft.pk]
    assert listed(staff_client.get(LIST, {"q": "NARRAT online"})) == [draft.pk]  # every piece, any case
    assert listed(staff_client.get(LIST, {"q": "narrat -online"})) == []


# Paging by id.


def test_a_page_of_the_statement_list_holds_fifty_rows_and_the_next_the_rest(staff_client, make_statement):
    pks = dated(make_statement, 51)

    assert listed(staff_client.get(LIST)) == pks[:50]
    assert listed(staff_client.get(LIST, {"p": 2})) == pks[50:]


@pytest.fixture
def two_per_page(monkeypatch):
    monkeypatch.setattr(StatementAdmin, "list_per_page", 2)


def test_every_page_lists_the_rows_of_the_full_ordering_in_turn(staff_client, make_statement, two_per_page):
    pks = dated(make_statement, 5)

    pages = [listed(staff_client.get(LIST, {"p": page})) for page in (1, 2, 3)]

    assert pages == [pks[0:2], pks[2:4], pks[4:5]]


def test_pages_of_a_list_ordered_by_title_follow_that_order(staff_client, make_statement, two_per_page):
    for title in ("ج", "أ", "د", "ب"):
        make_statement(title_ar=title, body_ar="<p>ن</p>")

    pages = [staff_client.get(LIST, {"o": "1", "p": page}).context["cl"].result_list for page in (1, 2)]

    assert [[s.title_ar for s in page] for page in pages] == [["أ", "ب"], ["ج", "د"]]


def test_a_page_past_the_last_answers_with_the_list_not_an_error(staff_client, make_statement, two_per_page):
    dated(make_statement, 3)

    response = staff_client.get(LIST, {"p": 99})

    assert response.status_code == 302 and "e=1" in response["Location"]


# What a row shows.


def test_a_row_names_the_languages_written_even_when_one_has_a_body_and_no_title(staff_client, make_statement):
    make_statement(title_ar="", body_ar="<p>نص بلا عنوان</p>", title_en="Titled", body_en="", status="draft")
    make_statement(title_ar="عنوان", body_ar="<p></p>", title_en="", body_en="<p> </p>", status="draft")

    page = staff_client.get(LIST).content.decode()

    cells = re.findall(r'<td class="field-language_versions">([^<]*)</td>', page)
    assert sorted(cells) == ["AR", "AR · EN"]


# The keyword filter.


@pytest.fixture
def tagged(make_statement, make_tag):
    daesh, media = make_tag(name_ar="داعش"), make_tag(name_ar="الإعلام")
    both = make_statement(tags=[daesh, media], published_on=FIRST_DAY + datetime.timedelta(days=2))
    one = make_statement(tags=[daesh], published_on=FIRST_DAY + datetime.timedelta(days=1))
    none = make_statement(published_on=FIRST_DAY)
    return daesh, media, both, one, none


def test_the_keyword_filter_lists_each_statement_with_the_keyword_once(staff_client, tagged):
    daesh, media, both, one, none = tagged

    assert listed(staff_client.get(LIST, {"tags__id__exact": daesh.pk})) == [both.pk, one.pk]
    assert listed(staff_client.get(LIST, {"tags__id__exact": media.pk})) == [both.pk]
    assert listed(staff_client.get(LIST, {"tags__isnull": "True"})) == [none.pk]
    assert listed(staff_client.get(LIST, {"tags__isnull": "False"})) == [both.pk, one.pk]


def test_the_keyword_filter_offers_every_keyword_and_none(staff_client, tagged):
    daesh, media, *_ = tagged
    page = staff_client.get(LIST).content.decode()

    assert f"?tags__id__exact={daesh.pk}" in page and f"?tags__id__exact={media.pk}" in page
    assert "?tags__isnull=True" in page


@pytest.mark.parametrize("params", [{"tags__id__exact": "x"}, {"tags__id__exact": ""}, {"tags__id__exact": "-1"}])
def test_a_malformed_keyword_filter_answers_with_the_list_not_an_error(staff_client, tagged, params):
    response = staff_client.get(LIST, params)

    assert response.status_code == 302 and "e=1" in response["Location"]


# The keyword list.


def test_the_keyword_list_counts_statements_of_every_status_and_follows_changes(staff_client, tagged, make_statement):
    daesh, media, *_ = tagged

    def counts():
        rows = staff_client.get(KEYWORDS).context["cl"].result_list
        return {tag.pk: tag.statement_count for tag in rows}

    assert counts() == {daesh.pk: 2, media.pk: 1}
    make_statement(tags=[media], status=Statement.Status.DRAFT)
    assert counts() == {daesh.pk: 2, media.pk: 2}


def test_the_keyword_list_sorts_by_its_count_column(staff_client, tagged, make_tag):
    daesh, media, *_ = tagged
    unused = make_tag(name_ar="بلا بيانات")
    column = list(staff_client.get(KEYWORDS).context["cl"].list_display).index("statement_count")

    ascending = listed(staff_client.get(KEYWORDS, {"o": str(column)}))
    descending = listed(staff_client.get(KEYWORDS, {"o": f"-{column}"}))

    assert ascending == [unused.pk, media.pk, daesh.pk]
    assert descending == [daesh.pk, media.pk, unused.pk]


def test_keyword_autocomplete_finds_keywords_by_name(staff_client, tagged):
    response = staff_client.get(
        "/admin/autocomplete/",
        {"app_label": "statements", "model_name": "statement", "field_name": "tags", "term": "داع"},
    )

    assert [row["text"] for row in response.json()["results"]] == ["داعش"]


# Figures kept once per change to the archive, and the date hierarchy.


def year_links(response):
    return sorted(set(re.findall(r"published_on__year=(\d{4})", response.content.decode())))


def test_the_list_count_and_years_follow_every_change_at_once(staff_client, make_statement):
    make_statement(published_on=datetime.date(2019, 5, 1))
    make_statement(published_on=datetime.date(2020, 5, 1))
    first = staff_client.get(LIST)
    assert first.context["cl"].result_count == 2 and year_links(first) == ["2019", "2020"]

    make_statement(published_on=datetime.date(2021, 5, 1))
    again = staff_client.get(LIST)

    assert again.context["cl"].result_count == 3 and year_links(again) == ["2019", "2020", "2021"]


def test_the_date_hierarchy_offers_the_years_of_the_filtered_list(staff_client, make_statement, make_tag):
    tag = make_tag(name_ar="داعش")
    make_statement(published_on=datetime.date(2019, 5, 1), tags=[tag])
    make_statement(published_on=datetime.date(2020, 5, 1))
    make_statement(published_on=datetime.date(2021, 5, 1), tags=[tag])

    assert year_links(staff_client.get(LIST, {"tags__id__exact": tag.pk})) == ["2019", "2021"]


def test_the_date_hierarchy_of_a_search_offers_the_years_and_months_of_its_matches(staff_client, make_statement):
    for day in (datetime.date(2019, 5, 1), datetime.date(2021, 3, 1), datetime.date(2021, 7, 1)):
        make_statement(title_en=f"Flood report {day}", body_en="<p>floods</p>", published_on=day)
    make_statement(title_en="Other", body_en="<p>drought</p>", published_on=datetime.date(2020, 1, 1))

    assert year_links(staff_client.get(LIST, {"q": "flood"})) == ["2019", "2021"]
    in_2021 = staff_client.get(LIST, {"q": "flood", "published_on__year": "2021"}).content.decode()
    assert sorted(set(re.findall(r"published_on__month=(\d+)", in_2021))) == ["3", "7"]


def test_the_rendered_checkbox_of_a_row_is_the_one_django_renders(staff_client, make_statement):
    from django.contrib.admin import ModelAdmin, site

    statement = make_statement(title_ar='عنوان <b>"مقتبس"</b> & غيره', body_ar="<p>ن</p>")
    statement_admin = site._registry[Statement]

    assert statement_admin.action_checkbox(statement) == ModelAdmin.action_checkbox(statement_admin, statement)


def test_the_live_list_counts_a_scheduled_statement_from_its_moment_without_any_save(staff_client, make_statement):
    import time_machine
    from django.utils import timezone

    make_statement()
    moment = timezone.now() + datetime.timedelta(minutes=2)  # sooner than the figures would be kept otherwise
    make_statement(publish_at=moment)

    assert staff_client.get(LIST, {"publication": "live"}).context["cl"].result_count == 1
    with time_machine.travel(moment + datetime.timedelta(seconds=1), tick=False):
        assert staff_client.get(LIST, {"publication": "live"}).context["cl"].result_count == 2
        assert staff_client.get(LIST, {"publication": "scheduled"}).context["cl"].result_count == 0


def test_the_date_hierarchy_of_a_year_offers_its_months_with_statements(staff_client, make_statement, make_tag):
    tag = make_tag(name_ar="داعش")
    for day in (datetime.date(2020, 12, 31), datetime.date(2021, 3, 1), datetime.date(2021, 7, 31)):
        make_statement(published_on=day, tags=[tag])
    make_statement(published_on=datetime.date(2021, 5, 1))

    page = staff_client.get(LIST, {"published_on__year": "2021", "tags__id__exact": tag.pk}).content.decode()

    assert sorted(set(re.findall(r"published_on__month=(\d+)", page)), key=int) == ["3", "7"]
