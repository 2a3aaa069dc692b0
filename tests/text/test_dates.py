import datetime

import pytest

from statements.dates import long_date

pytestmark = pytest.mark.django_db


def test_arabic_long_date_has_weekday_day_arabic_month_and_year():
    assert long_date(datetime.date(2018, 4, 29), "ar") == "الأحد، 29 أبريل 2018"


def test_english_long_date_has_weekday_day_month_and_year():
    assert long_date(datetime.date(2018, 4, 29), "en") == "Sunday, 29 April 2018"


def test_every_weekday_and_month_has_its_own_name():
    monday = datetime.date(2024, 1, 1)
    week = [long_date(monday + datetime.timedelta(days=n), "ar").split("،")[0] for n in range(7)]
    assert week == ["الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد"]
    months = [long_date(datetime.date(2024, m, 1), "en").split(" ")[2] for m in range(1, 13)]
    assert months == [
        "January", "February", "March", "April", "May", "June",
        "July", "August", "September", "October", "November", "December",
    ]  # fmt: skip
    assert long_date(datetime.date(2024, 12, 1), "ar").endswith("1 ديسمبر 2024")


def test_pages_show_the_date_in_the_page_language(client, make_statement):
    statement = make_statement(published_on=datetime.date(2018, 4, 29))
    assert "الأحد، 29 أبريل 2018" in client.get(statement.get_absolute_url()).content.decode()
    assert "Sunday, 29 April 2018" in client.get("/en/statements/").content.decode()
    assert '<time datetime="2018-04-29">' in client.get("/en/statements/").content.decode()
