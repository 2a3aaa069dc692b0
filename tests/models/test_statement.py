import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from statements.models import SourceLink, Statement, Tag

pytestmark = pytest.mark.django_db


def test_statement_can_be_created_with_arabic_fields_only_and_derives_its_slug(client):
    statement = Statement.objects.create(
        title_ar="المرصد يدين الهجوم", body_ar="<p>نص</p>", published_on=timezone.localdate(), status="published"
    )
    assert statement.slug == "المرصد-يدين-الهجوم"
    assert statement.title_en == "" and statement.languages == ["ar"]
    assert client.get(statement.get_absolute_url()).status_code == 200


def test_slug_prefers_the_english_title_and_stays_when_titles_change(make_statement):
    statement = make_statement(title_ar="عنوان", body_ar="<p>نص</p>", title_en="An English title", body_en="<p>t</p>")
    assert statement.slug == "an-english-title"
    statement.title_en = "A better title"
    statement.save()
    assert statement.slug == "an-english-title"


def test_new_statements_are_drafts_dated_today(db):
    statement = Statement.objects.create(title_ar="مسودة", body_ar="<p>نص</p>")
    assert statement.status == "draft" and statement.published_on == timezone.localdate()
    assert statement not in Statement.objects.published()


def test_sources_are_ordered_and_reachable_from_the_statement(make_statement):
    statement = make_statement()
    SourceLink.objects.create(statement=statement, position=2, url="https://b.example/", title="B")
    SourceLink.objects.create(statement=statement, position=1, url="https://a.example/", title="A")
    assert [source.title for source in statement.sources.all()] == ["A", "B"]


def test_tag_names_are_translated_and_slugs_unique(db):
    first = Tag.objects.create(name_ar="داعش", name_en="Daesh")
    second = Tag.objects.create(name_ar="داعش الإرهابي", name_en="Daesh!")
    assert (first.slug, second.slug) == ("daesh", "daesh-2")
    assert Tag.objects.create(name_ar="الهوية").slug == "الهوية"


def test_a_published_statement_needs_a_title_with_a_body_and_a_body_with_a_title(db):
    statement = Statement(title_ar="عنوان بلا نص", body_en="<p>Body without a title</p>", status="published")
    with pytest.raises(ValidationError) as error:
        statement.full_clean()
    assert set(error.value.message_dict) == {"body_ar", "title_en"}


def test_a_draft_may_hold_a_title_before_its_body(db):
    Statement(title_ar="عنوان بلا نص بعد", status="draft").full_clean()


def test_validation_asks_for_at_least_one_language(db):
    with pytest.raises(ValidationError) as error:
        Statement(published_on=datetime.date(2020, 1, 1)).full_clean()
    assert "title_ar" in error.value.message_dict


def test_a_whole_version_in_one_language_is_valid(db):
    Statement(title_en="Title", body_en="<p>Body</p>").full_clean()
