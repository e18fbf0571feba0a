"""Video embeds without third-party cookies and without fetching anything to render them.

A YouTube or Vimeo address becomes the provider's privacy-enhanced player
(www.youtube-nocookie.com, player.vimeo.com with ``dnt=1``), the only frames the
Content-Security-Policy allows (``frame-src`` in site/config/settings/base.py). Any other
address, or one whose video id cannot be read, is shown as a plain link.
"""

import re
from urllib.parse import parse_qs, urlencode, urlsplit

YOUTUBE_ID = re.compile(r"^[\w-]{11}$")
VIMEO_ID = re.compile(r"^\d+$")
YOUTUBE_HOSTS = {"youtube.com", "m.youtube.com", "youtube-nocookie.com", "music.youtube.com"}
PLAYER_HOSTS = ("https://www.youtube-nocookie.com", "https://player.vimeo.com")


def _youtube_id(parts):
    host = parts.hostname.removeprefix("www.")
    path = [piece for piece in parts.path.split("/") if piece]
    if host == "youtu.be" and path:
        return path[0]
    if host in YOUTUBE_HOSTS:
        if path == ["watch"]:
            return parse_qs(parts.query).get("v", [""])[0]
        if len(path) == 2 and path[0] in ("embed", "shorts", "live", "v"):
            return path[1]
    return ""


def _vimeo_id(parts):
    host = parts.hostname.removeprefix("www.")
    path = [piece for piece in parts.path.split("/") if piece]
    if host == "vimeo.com" and path:
        return path[-1]
    if host == "player.vimeo.com" and len(path) == 2 and path[0] == "video":
        return path[1]
    return ""


def player_url(url):
    """The privacy-enhanced player's address for a YouTube or Vimeo video, or "" for any
    other address."""
    try:
        parts = urlsplit(url or "")
    except ValueError:
        return ""
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return ""
    video_id = _youtube_id(parts)
    if YOUTUBE_ID.match(video_id):
        return f"https://www.youtube-nocookie.com/embed/{video_id}"
    video_id = _vimeo_id(parts)
    if VIMEO_ID.match(video_id):
        return f"https://player.vimeo.com/video/{video_id}?" + urlencode({"dnt": 1})
    return ""
