"""Video blocks play YouTube and Vimeo through their privacy-enhanced players, which the
Content-Security-Policy allows, and never fetch anything to render: any other address, or one
that cannot be read, is a plain link."""

from unittest import mock

import pytest
from wagtail.blocks import StreamValue

from home.blocks import BodyBlock
from home.video import player_url


@pytest.mark.parametrize(
    "url, player",
    [
        (
            "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
            "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ",
        ),
        ("https://youtu.be/dQw4w9WgXcQ?t=10", "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"),
        (
            "https://www.youtube.com/shorts/dQw4w9WgXcQ",
            "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ",
        ),
        ("https://vimeo.com/76979871", "https://player.vimeo.com/video/76979871?dnt=1"),
        (
            "https://player.vimeo.com/video/76979871",
            "https://player.vimeo.com/video/76979871?dnt=1",
        ),
        ("https://www.youtube.com/watch?v=short", ""),
        ("https://example.com/video.mp4", ""),
        ("javascript:alert(1)", ""),
        ("not a url", ""),
        ("", ""),
    ],
)
def test_player_url(url, player):
    assert player_url(url) == player


def render_video(url, caption=""):
    block = BodyBlock()
    value = block.child_blocks["video"].normalize(
        {"video": url, "title": "How a first meeting goes", "caption": caption}
    )
    with mock.patch("wagtail.embeds.embeds.get_embed") as fetch:
        html = block.render(StreamValue(block, [("video", value)], is_lazy=False))
    assert not fetch.called  # rendering never asks the provider
    return html


def test_a_youtube_video_plays_without_cookies_and_links_to_the_original():
    html = render_video("https://www.youtube.com/watch?v=dQw4w9WgXcQ", caption="Two hosts tell")

    assert '<iframe src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ"' in html
    assert 'title="How a first meeting goes"' in html
    assert 'loading="lazy"' in html
    assert 'href="https://www.youtube.com/watch?v=dQw4w9WgXcQ"' in html
    assert "Two hosts tell" in html


def test_an_address_that_cannot_be_played_here_is_a_plain_link():
    html = render_video("https://example.com/our-film")

    assert "<iframe" not in html
    assert (
        '<a href="https://example.com/our-film">Watch the video: How a first meeting goes</a>'
        in html
    )


def test_the_policy_allows_only_the_two_players_as_frames(client, home_page):
    policy = client.get("/").headers["Content-Security-Policy"]

    frame_src = next(part for part in policy.split(";") if part.strip().startswith("frame-src"))
    assert frame_src.split()[1:] == [
        "'self'",
        "https://www.youtube-nocookie.com",
        "https://player.vimeo.com",
    ]


def test_a_youtube_address_is_accepted_without_asking_youtube():
    block = BodyBlock.base_blocks["video"].child_blocks["video"]
    value = block.to_python("https://youtu.be/dQw4w9WgXcQ")

    with mock.patch("wagtail.embeds.embeds.get_embed", side_effect=AssertionError("fetched")):
        assert block.clean(value).url == "https://youtu.be/dQw4w9WgXcQ"
