"""The fetcher against a real HTTP site on 127.0.0.1: pages and feeds come, each fault a named failure."""

from __future__ import annotations

import pytest

from flows.settings import Settings
from flows.steps.fetch.client import PoliteClient
from flows.steps.fetch.response import FetchFailed, Response
from tests.support.news_server import ETAG, news_site


@pytest.fixture(scope="module")
def site():
    with news_site() as running:
        yield running


@pytest.fixture
def fetch_settings(tmp_path) -> Settings:
    """Settings that reach the test site (127.0.0.1 allowed by address, the guard kept for the rest)."""
    return Settings(
        data_dir=tmp_path / "data",
        fetch_delay_s=0,
        fetch_retries=1,
        fetch_read_timeout_s=1.0,
        fetch_connect_timeout_s=2.0,
        fetch_max_bytes=1 << 20,
        fetch_max_transfer_bytes=2 << 20,
        fetch_allowed_addresses="127.0.0.1/32",
    )


def fetch(settings: Settings, url: str, archived: list[Response] | None = None) -> Response:
    def keep(response: Response) -> None:
        if archived is not None:
            archived.append(response)

    with PoliteClient(settings, keep) as client:
        return client.get(url)


def test_a_page_comes_with_the_user_agent_naming_tintuc_and_the_contact(site, fetch_settings):
    settings = fetch_settings.model_copy(update={"fetch_contact": "news@example.org"})
    response = fetch(settings, f"{site.base}/article/1")
    assert response.status == 200 and "bài số 1" in response.body.decode()
    agent = site.headers[site.requests.index("/article/1")]["User-Agent"]
    assert agent.startswith("tintuc/") and "news@example.org" in agent


def test_every_response_is_handed_to_the_archive_robots_txt_included(site, fetch_settings):
    archived: list[Response] = []
    fetch(fetch_settings, f"{site.base}/article/2", archived)
    assert [r.url.rsplit("/", 1)[-1] for r in archived] == ["robots.txt", "2"]


@pytest.mark.parametrize(
    ("path", "status"),
    [("/status/404", 404), ("/status/410", 410), ("/busy/429", 429), ("/busy/503", 503)],
)
def test_error_statuses_come_back_as_they_are_after_retries_where_retrying_helps(
    site, fetch_settings, path, status
):
    before = len(site.asked(path))
    assert fetch(fetch_settings, site.base + path).status == status
    tries = len(site.asked(path)) - before
    assert tries == (2 if status in {429, 503} else 1)  # retried once, honouring Retry-After: 0


@pytest.mark.parametrize(
    ("path", "says"),
    [
        ("/slow", "no answer within the timeout"),
        ("/reset", "connection"),
        ("/endless", "is longer than the 1,048,576-byte limit"),
        ("/bomb", "unpacks to more (a gzip bomb?)"),
        ("/loop", "a redirect loop"),
        ("/to-file", "only http and https URLs are fetched, not file://"),
        ("/to-private", "169.254.169.254, a link-local address: refused"),
        ("/private/page", "robots.txt disallows it for tintuc"),
    ],
)
def test_each_fault_fails_with_a_message_naming_the_url_and_the_problem(site, fetch_settings, path, says):
    with pytest.raises(FetchFailed) as failure:
        fetch(fetch_settings, site.base + path)
    assert str(failure.value).startswith(site.base + path)
    assert says in str(failure.value)


def test_a_loopback_name_is_refused_without_the_setting_and_fetched_with_it(site, fetch_settings):
    guarded = fetch_settings.model_copy(update={"fetch_allowed_addresses": ""})
    before = len(site.requests)
    with pytest.raises(FetchFailed, match="a loopback address: refused"):
        fetch(guarded, f"{site.base}/article/3")
    assert len(site.requests) == before  # refused before any connection
    opened = guarded.model_copy(update={"fetch_allow_private": True})
    assert fetch(opened, f"{site.base}/article/3").status == 200


def test_a_feed_is_asked_again_conditionally_and_answers_not_modified(site, fetch_settings):
    with PoliteClient(fetch_settings) as client:
        first = client.get(f"{site.base}/feed.xml")
        again = client.get(f"{site.base}/feed.xml", {"If-None-Match": first.header("ETag") or ""})
    assert first.status == 200 and first.header("ETag") == ETAG
    assert again.status == 304
