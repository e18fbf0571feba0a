"""The login limits hold across server processes, as production runs them: gunicorn with two
workers sharing a real Redis. Without a shared cache each worker would count on its own and a
guesser would get five tries per worker.

Uses the Redis at ``REDIS_URL`` when set (CI starts one); otherwise starts its own
``redis-server`` on a free port, and fails if Debian's ``redis-server`` is not installed.
"""

import http.client
import os
import re
import shutil
import socket
import sqlite3
import subprocess
import sys
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlencode

import pytest
from django.conf import settings
from django.db import connection

from tests.factories import UserFactory

from .conftest import PASSWORD

ROOT = Path(__file__).resolve().parents[2]
TOO_MANY = "Too many failed login attempts. Try again later."
WRONG = "The email address and/or password you specified are not correct."


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_port(port, process, seconds=30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            return False
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return True
        except OSError:
            time.sleep(0.2)
    return False


@pytest.fixture(scope="module")
def redis_url(tmp_path_factory):
    if os.environ.get("REDIS_URL"):
        yield os.environ["REDIS_URL"]
        return
    server = shutil.which("redis-server")
    if server is None:
        pytest.fail(
            "redis-server is not installed: the login limits are tested against a real Redis. "
            "Install it with: apt-get install redis-server"
        )
    port = free_port()
    folder = tmp_path_factory.mktemp("redis")
    process = subprocess.Popen(
        [server, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]
        + ["--dir", str(folder)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.STDOUT,
    )
    try:
        assert wait_for_port(port, process), "redis-server did not start"
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        process.terminate()
        process.wait(timeout=10)


def database_url_for_server(folder):
    """The test database, as the server processes can reach it."""
    db = connection.settings_dict
    if connection.vendor == "sqlite":
        # The test database lives in memory; the server gets a copy in a file.
        target = folder / "server.sqlite3"
        connection.ensure_connection()
        copy = sqlite3.connect(target)
        connection.connection.backup(copy)
        copy.close()
        return f"sqlite:///{target}"
    return (
        f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST'] or '127.0.0.1'}:"
        f"{db['PORT'] or 5432}/{db['NAME']}"
    )


@pytest.fixture
def gunicorn(transactional_db, redis_url, tmp_path):
    """A production gunicorn with two workers on a free loopback port; yields (port, log, email)
    where email is a participant's, new for each run: a given Redis keeps its counts."""
    email = f"omar-{uuid.uuid4().hex[:12]}@example.com"
    user = UserFactory(email=email)
    from portal.invitations import mark_email_verified

    mark_email_verified(user)
    port = free_port()
    log = tmp_path / "access.log"
    env = {
        **{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},
        "DJANGO_SETTINGS_MODULE": "tests.security.server_settings",
        "PYTHONPATH": f"{ROOT}{os.pathsep}{ROOT / 'site'}",
        "SECRET_KEY": "cross-process-test-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz",
        "ALLOWED_HOSTS": "127.0.0.1",
        "WAGTAILADMIN_BASE_URL": "https://hostprogramme.example.dk",
        "DATABASE_URL": database_url_for_server(tmp_path),
        "REDIS_URL": redis_url,
        "ALLAUTH_TRUSTED_PROXY_COUNT": "1",
        "EMAIL_BACKEND": "django.core.mail.backends.locmem.EmailBackend",
        "DEFAULT_FROM_EMAIL": "Host Programme <hostprogramme@example.dk>",
        "COORDINATOR_EMAIL": "coordinator@example.dk",
        "SECURE_SSL_REDIRECT": "false",
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "config.wsgi:application"]
        + ["--bind", f"127.0.0.1:{port}", "--workers", "2", "--chdir", str(ROOT)]
        + ["--access-logfile", str(log), "--access-logformat", "%(p)s %(m)s %(s)s"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        if not wait_for_port(port, process):
            process.terminate()
            pytest.fail("gunicorn did not start:\n" + process.communicate(timeout=10)[1])
        yield port, log, email
    finally:
        if process.poll() is None:
            process.terminate()
            process.wait(timeout=20)


def request(port, method, path, body=None, headers=None):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    conn.request(method, path, body=body, headers=headers or {})
    response = conn.getresponse()
    result = (response.status, response.getheaders(), response.read().decode())
    conn.close()
    return result


def configured_tries_per_address():
    """The number in ACCOUNT_RATE_LIMITS["login_failed"]'s per-key rate, e.g. 5 in 5/15m/key."""
    rates = settings.ACCOUNT_RATE_LIMITS["login_failed"].split(",")
    [per_key] = [rate for rate in rates if rate.endswith("/key")]
    return int(per_key.split("/")[0])


# serialized_rollback: its flush afterwards then does not re-run post_migrate (which makes the
# role groups again, and the next test restoring its serialized groups would find them).
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_wrong_passwords_are_counted_together_by_every_worker(gunicorn):
    port, log, email = gunicorn
    allowed = configured_tries_per_address()
    status, headers, html = request(port, "GET", "/accounts/login/")
    assert status == 200
    cookie = next(v for k, v in headers if k.lower() == "set-cookie" and "csrftoken" in v)
    csrf_cookie = cookie.split(";")[0]
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)

    def post_login(email, password, client_ip):
        body = urlencode({"login": email, "password": password, "csrfmiddlewaretoken": token})
        return request(
            port,
            "POST",
            "/accounts/login/",
            body,
            {
                "Content-Type": "application/x-www-form-urlencoded",
                "Cookie": csrf_cookie,
                "X-Forwarded-For": client_ip,
            },
        )

    # Several guessers (client addresses) against one account, four at a time so that both
    # sync workers are kept busy (one idle worker may otherwise accept every connection): the
    # count is per address typed, whichever worker answers.
    def guess(attempt):
        status, _, html = post_login(email, f"guess {attempt}", f"203.0.113.{attempt}")
        return status, TOO_MANY in html, WRONG in html

    with ThreadPoolExecutor(max_workers=4) as pool:
        answers = sorted(pool.map(guess, range(allowed + 3)))
    assert answers == sorted([(200, False, True)] * allowed + [(200, True, False)] * 3)

    # The right password is refused too while the limit holds.
    status, _, html = post_login(email, PASSWORD, "198.51.100.7")
    assert (status, TOO_MANY in html) == (200, True)

    # Both workers answered login attempts, so the count was shared between processes.
    time.sleep(0.5)  # the access log is written after each response
    workers = {line.split()[0] for line in log.read_text().splitlines() if " POST " in line}
    assert len(workers) == 2, log.read_text()
