"""Steps the browser tests share."""

from urllib.parse import urlsplit


def sign_in(page, username, lang, password="pw", check=None):
    """Sign in at the admin's login page in ``lang`` (switching its language there with the keyboard if needed);
    ``check(page)`` runs on the login page and what it returns is returned."""
    page.goto("/admin/login/?next=/admin/")
    if page.locator("html").get_attribute("lang") != lang:
        page.select_option("#admin-language-select", lang)
        with page.expect_navigation():
            page.click(".admin-language button")
    found = check(page) if check else None
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    with page.expect_navigation(url=lambda url: urlsplit(url).path == "/admin/"):
        page.keyboard.press("Enter")
    return found
