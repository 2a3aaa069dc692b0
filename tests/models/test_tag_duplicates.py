import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from statements.models import Tag

pytestmark = pytest.mark.django_db

ADD_URL = "/admin/statements/tag/add/"

# (existing name, new name, field): the pairs differ only by what the normaliser folds away.
SAME_KEYWORD = [
    pytest.param("إرهاب", "إِرْهَاب", "name_ar", id="arabic-diacritics"),
    pytest.param("تطرف", "تطـــرف", "name_ar", id="arabic-tatweel"),
    pytest.param("إسلام", "اسلام", "name_ar", id="hamza-below-alef"),
    pytest.param("أمن", "امن", "name_ar", id="hamza-above-alef"),
    pytest.param("آمال", "امال", "name_ar", id="madda-alef"),
    pytest.param("Extremism", "EXTREMISM", "name_en", id="english-case"),
    pytest.param("Ijtihad", "ijtihad", "name_en", id="english-lower-case"),
]


def tag_post(**names):
    return {"name_ar": "", "name_en": "", "slug": "", **names}


@pytest.mark.parametrize(("existing", "duplicate", "field"), SAME_KEYWORD)
def test_full_clean_refuses_a_name_that_folds_onto_an_existing_keyword(make_tag, existing, duplicate, field):
    original = make_tag(**{field: existing})

    with pytest.raises(ValidationError) as caught:
        Tag(**{field: duplicate}).full_clean()

    messages = caught.value.message_dict[field]
    assert len(messages) == 1
    assert existing in messages[0]
    assert f"/admin/statements/tag/{original.pk}/change/" in messages[0]


@pytest.mark.parametrize(("existing", "duplicate", "field"), SAME_KEYWORD)
def test_admin_add_form_refuses_duplicate_keyword_and_links_to_the_existing_one(
    staff_client, make_tag, existing, duplicate, field
):
    original = make_tag(**{field: existing})

    response = staff_client.post(ADD_URL, tag_post(**{field: duplicate}))

    assert response.status_code == 200
    errors = response.context["adminform"].form.errors[field]
    assert existing in errors[0]
    assert f'href="/admin/statements/tag/{original.pk}/change/"' in response.content.decode()
    assert Tag.objects.count() == 1


def test_duplicate_refusal_is_in_arabic_in_the_arabic_admin(staff_client, make_tag):
    make_tag(name_ar="إرهاب")

    body = staff_client.post(ADD_URL, tag_post(name_ar="ارهاب"), HTTP_ACCEPT_LANGUAGE="ar").content.decode()

    assert "هذه الكلمة المفتاحية موجودة بالفعل" in body


def test_duplicate_refusal_is_in_english_in_the_english_admin(staff_client, make_tag):
    make_tag(name_en="Extremism")

    body = staff_client.post(ADD_URL, tag_post(name_en="extremism"), HTTP_ACCEPT_LANGUAGE="en").content.decode()

    assert "This keyword already exists as" in body


def test_duplicate_across_languages_is_refused(make_tag):
    make_tag(name_ar="داعش", name_en="ISIS")

    with pytest.raises(ValidationError) as caught:
        Tag(name_ar="isis").full_clean()

    assert "داعش" in caught.value.message_dict["name_ar"][0]


def test_keyword_add_popup_of_the_statement_form_refuses_duplicate(staff_client, make_tag):
    make_tag(name_en="Radicalisation")

    response = staff_client.post(f"{ADD_URL}?_to_field=id&_popup=1", tag_post(name_en="RADICALISATION"))

    assert response.status_code == 200
    assert "name_en" in response.context["adminform"].form.errors
    assert Tag.objects.count() == 1


def test_renaming_a_keyword_into_another_keywords_name_is_refused(staff_client, make_tag):
    make_tag(name_ar="تطرف", name_en="Extremism")
    other = make_tag(name_ar="إرهاب", name_en="Terrorism")

    response = staff_client.post(
        f"/admin/statements/tag/{other.pk}/change/", tag_post(name_ar="تَطَرُّف", name_en="Terrorism", slug=other.slug)
    )

    assert response.status_code == 200
    assert "name_ar" in response.context["adminform"].form.errors
    other.refresh_from_db()
    assert other.name_ar == "إرهاب"


def test_saving_a_keyword_unchanged_or_with_new_diacritics_is_not_a_duplicate_of_itself(staff_client, make_tag):
    tag = make_tag(name_ar="ارهاب", name_en="Terrorism")

    response = staff_client.post(
        f"/admin/statements/tag/{tag.pk}/change/", tag_post(name_ar="إِرْهَاب", name_en="terrorism", slug=tag.slug)
    )

    assert response.status_code == 302
    tag.refresh_from_db()
    assert tag.name_ar == "إِرْهَاب"


def test_keywords_with_a_name_in_one_language_only_are_not_duplicates_of_each_other(make_tag):
    make_tag(name_en="Extremism")

    Tag(name_en="Moderation").full_clean()
    Tag.objects.create(name_en="Moderation")

    assert Tag.objects.filter(key_ar="").count() == 2


def test_database_refuses_a_duplicate_arabic_key_that_skipped_validation(make_tag):
    make_tag(name_ar="إسلام")

    with pytest.raises(IntegrityError), transaction.atomic():
        Tag.objects.create(name_ar="اسلام")


def test_database_refuses_a_duplicate_english_key_that_skipped_validation(make_tag):
    make_tag(name_en="Extremism")
    other = make_tag(name_en="Moderation")

    with pytest.raises(IntegrityError), transaction.atomic():
        Tag.objects.filter(pk=other.pk).update(key_en="extremism")


def test_keyword_saved_by_a_rival_between_check_and_write_is_a_form_error_not_a_500(
    staff_client, make_tag, monkeypatch
):
    rival = make_tag(name_en="Extremism")
    real_check = Tag.duplicate_name_errors
    checks = []

    def rival_not_yet_committed_on_first_check(tag, exclude=None):
        # The first check runs before the rival's save is visible; the database's constraint is the last word.
        checks.append(tag.name_en)
        return {} if len(checks) == 1 else real_check(tag, exclude)

    monkeypatch.setattr(Tag, "duplicate_name_errors", rival_not_yet_committed_on_first_check)

    response = staff_client.post(ADD_URL, tag_post(name_en="EXTREMISM"), HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 200
    assert len(checks) == 2
    errors = response.context["adminform"].form.errors["name_en"]
    assert "This keyword already exists" in errors[0]
    assert f'href="/admin/statements/tag/{rival.pk}/change/"' in response.content.decode()
    assert list(Tag.objects.values_list("name_en", flat=True)) == ["Extremism"]
