from urllib.parse import quote

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db.models.signals import m2m_changed

from statements.management.commands.merge_tags import Command as MergeTagsCommand
from statements.models import Statement, Tag, TagRedirect

pytestmark = pytest.mark.django_db


@pytest.fixture
def source_and_target(make_tag):
    return make_tag(name_ar="التشدد", name_en="Hardline"), make_tag(name_ar="التطرف", name_en="Extremism")


def tag_url(lang, slug):
    return f"/{lang}/tags/{quote(slug)}/"


def test_merge_command_moves_every_statement_to_the_target_and_deletes_the_source(make_statement, source_and_target):
    source, target = source_and_target
    only_source = make_statement(tags=[source])
    both = make_statement(tags=[source, target])
    only_target = make_statement(tags=[target])

    call_command("merge_tags", source.slug, target.slug)

    assert not Tag.objects.filter(pk=source.pk).exists()
    for statement in (only_source, both, only_target):
        assert list(statement.tags.values_list("pk", flat=True)) == [target.pk]
    assert set(target.statements.all()) == {only_source, both, only_target}


def test_merge_moves_statements_through_m2m_signals(make_statement, source_and_target):
    source, target = source_and_target
    statement = make_statement(tags=[source])
    seen = []

    def record(sender, instance, action, pk_set, **kwargs):
        if action.startswith("post_"):
            seen.append((type(instance), instance.pk, action, frozenset(pk_set or ())))

    m2m_changed.connect(record, sender=Statement.tags.through)
    try:
        call_command("merge_tags", source.slug, target.slug)
    finally:
        m2m_changed.disconnect(record, sender=Statement.tags.through)

    assert (Statement, statement.pk, "post_add", frozenset({target.pk})) in seen
    assert (Statement, statement.pk, "post_remove", frozenset({source.pk})) in seen


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_old_keyword_page_redirects_permanently_to_the_target_in_the_same_language(
    client, make_statement, source_and_target, lang
):
    source, target = source_and_target
    make_statement(tags=[source])
    old_slug = source.slug

    call_command("merge_tags", old_slug, target.slug)
    response = client.get(tag_url(lang, old_slug))

    assert response.status_code == 301
    assert response["Location"] == tag_url(lang, target.slug)
    assert client.get(response["Location"]).status_code == 200


def test_arabic_old_slug_redirects_too(client, make_tag):
    source = make_tag(name_ar="الغلو")
    target = make_tag(name_ar="التطرف", name_en="Extremism")
    assert source.slug == "الغلو"

    call_command("merge_tags", source.slug, target.slug)

    response = client.get(tag_url("ar", "الغلو"))
    assert response.status_code == 301
    assert response["Location"] == tag_url("ar", target.slug)


def test_chained_merges_send_every_old_slug_straight_to_the_last_target(client, make_tag):
    first = make_tag(name_en="Militancy")
    second = make_tag(name_en="Hardline")
    last = make_tag(name_en="Extremism")

    call_command("merge_tags", first.slug, second.slug)
    call_command("merge_tags", second.slug, last.slug)

    for old_slug in ("militancy", "hardline"):
        response = client.get(tag_url("en", old_slug))
        assert response.status_code == 301, old_slug
        assert response["Location"] == tag_url("en", "extremism")
    assert set(TagRedirect.objects.values_list("old_slug", "tag__slug")) == {
        ("militancy", "extremism"),
        ("hardline", "extremism"),
    }


def test_an_old_slug_never_hides_a_live_keyword_that_takes_it_later(client, make_tag, make_statement):
    source = make_tag(name_en="Hardline")
    target = make_tag(name_en="Extremism")
    call_command("merge_tags", source.slug, target.slug)

    reborn = make_tag(name_en="Hardline")
    make_statement(tags=[reborn])

    assert reborn.slug == "hardline"
    response = client.get(tag_url("en", "hardline"))
    assert response.status_code == 200
    assert response.context["tag"] == reborn


def test_unknown_keyword_slug_is_still_a_404(client, make_tag):
    make_tag(name_en="Extremism")

    assert client.get(tag_url("ar", "no-such-keyword")).status_code == 404


@pytest.mark.parametrize("which", ["source", "target"])
def test_merge_command_names_the_unknown_slug(make_tag, which):
    make_tag(name_en="Extremism")
    slugs = {"source": "extremism", "target": "extremism"} | {which: "no-such-keyword"}

    with pytest.raises(CommandError, match="no-such-keyword"):
        call_command("merge_tags", slugs["source"], slugs["target"])

    assert Tag.objects.count() == 1


def test_merge_command_refuses_to_merge_a_keyword_into_itself(make_statement, make_tag):
    tag = make_tag(name_en="Extremism")
    statement = make_statement(tags=[tag])

    with pytest.raises(CommandError, match="extremism"):
        call_command("merge_tags", "extremism", "extremism")

    assert list(statement.tags.all()) == [tag]
    assert not TagRedirect.objects.exists()


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize(
    ("arguments", "named"),
    [(["no-such-keyword", "extremism"], "no-such-keyword"), (["extremism", "extremism"], "extremism")],
)
def test_merge_command_exits_non_zero_with_a_message_on_bad_slugs(capsys, make_tag, arguments, named):
    make_tag(name_en="Extremism")

    with pytest.raises(SystemExit) as exited:
        MergeTagsCommand().run_from_argv(["manage.py", "merge_tags", *arguments])

    assert exited.value.code == 1
    assert named in capsys.readouterr().err
    assert Tag.objects.filter(slug="extremism").exists()


def test_merge_command_reports_what_it_moved(capsys, make_statement, source_and_target):
    source, target = source_and_target
    for _ in range(3):
        make_statement(tags=[source])

    call_command("merge_tags", source.slug, target.slug)

    out = capsys.readouterr().out
    assert source.slug in out and target.slug in out and "3" in out


@pytest.mark.parametrize("lang", ["ar", "en"])
@pytest.mark.parametrize("feed", ["feed/", "feed/rss/"])
def test_old_keyword_feed_redirects_permanently_to_the_target_feed(
    client, make_statement, source_and_target, lang, feed
):
    source, target = source_and_target
    make_statement(tags=[source], title_en="Moved", title_ar="منقول", body_en="<p>x</p>", body_ar="<p>س</p>")
    old_slug = source.slug

    call_command("merge_tags", old_slug, target.slug)
    response = client.get(tag_url(lang, old_slug) + feed)

    assert response.status_code == 301
    assert response["Location"] == tag_url(lang, target.slug) + feed
    followed = client.get(response["Location"])
    assert followed.status_code == 200
    assert ("منقول" if lang == "ar" else "Moved") in followed.content.decode()


def test_arabic_old_slug_feed_redirects_too(client, make_tag):
    source = make_tag(name_ar="التكفير")
    target = make_tag(name_ar="الغلو", name_en="Excess")
    old_slug = source.slug

    call_command("merge_tags", old_slug, target.slug)
    response = client.get(tag_url("ar", old_slug) + "feed/")

    assert response.status_code == 301
    assert response["Location"] == tag_url("ar", target.slug) + "feed/"


def test_live_keyword_feed_wins_over_an_old_slug(client, make_tag, make_statement):
    source, target = make_tag(name_en="Old name"), make_tag(name_en="Target")
    old_slug = source.slug
    call_command("merge_tags", old_slug, target.slug)
    reborn = make_tag(name_en="Old name")
    make_statement(tags=[reborn])

    assert reborn.slug == old_slug
    assert client.get(tag_url("en", old_slug) + "feed/").status_code == 200
