"""What operators rely on: the health check and the deploy checks."""

from django.conf import settings
from django.core.checks import run_checks
from django.test import override_settings

from observatory.checks import production_database


@override_settings(ALLOWED_HOSTS=["observatory.example"], SECURE_SSL_REDIRECT=True)
def test_health_check_answers_a_balancer_probing_by_ip_over_plain_http(client):
    response = client.get("/healthz/", HTTP_HOST="10.0.0.7:8000")
    assert response.status_code == 200
    assert response.content == b"ok"


@override_settings(ALLOWED_HOSTS=["observatory.example"], SECURE_SSL_REDIRECT=True)
def test_other_paths_still_check_the_host_and_redirect_to_https(client):
    assert client.get("/ar/", HTTP_HOST="10.0.0.7:8000").status_code == 400
    assert client.get("/ar/", HTTP_HOST="observatory.example").status_code == 301


@override_settings(DEBUG=False)
def test_deploy_check_warns_when_production_runs_on_sqlite(monkeypatch):
    monkeypatch.setitem(settings.DATABASES["default"], "ENGINE", "django.db.backends.sqlite3")
    assert [message.id for message in production_database(None)] == ["observatory.W001"]
    assert "observatory.W001" in [message.id for message in run_checks(include_deployment_checks=True)]


@override_settings(DEBUG=False)
def test_deploy_check_accepts_postgresql(monkeypatch):
    monkeypatch.setitem(settings.DATABASES["default"], "ENGINE", "django.db.backends.postgresql")
    assert production_database(None) == []
