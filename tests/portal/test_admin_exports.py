"""The coordinators' CSV exports never hand a spreadsheet a formula (CSV injection)."""

import csv
import io

import pytest

from programmes.factories import make_coordinator
from protection.exports import FORMULA_STARTS
from tests.factories import (
    CheckInFactory,
    HostFactory,
    MatchFactory,
    MeetingFactory,
    NewcomerFactory,
    RematchRequestFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

HOSTILE = '=HYPERLINK("http://evil.example","click")'

EXPORTS = [
    "/admin/host-programme/participants/",
    "/admin/host-programme/matches/",
    "/admin/host-programme/meetings/",
    "/admin/host-programme/check-ins/",
    "/admin/host-programme/rematch-requests/",
]


@pytest.fixture
def coordinator_client(client):
    user = UserFactory(email="coordinator@example.com")
    make_coordinator(user)
    client.force_login(user)
    return client


@pytest.fixture
def hostile_records():
    newcomer = NewcomerFactory(
        user__first_name=HOSTILE,
        user__last_name="+45 1234",
        phone="-1+2",
        area="@SUM(A1)",
        languages=HOSTILE,
        professional_field=HOSTILE,
    )
    host = HostFactory(user__first_name="@evil", user__last_name=HOSTILE)
    match = MatchFactory(newcomer=newcomer, host=host)
    MeetingFactory(match=match, note=HOSTILE)
    CheckInFactory(match=match, note_for_coordinator=HOSTILE)
    RematchRequestFactory(match=match, reason=HOSTILE)
    return match


def exported_cells(client, url):
    response = client.get(url + "?export=csv")
    assert response.status_code == 200
    content = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(content)))
    assert len(rows) >= 2, "the export lists the hostile record"
    return [cell for row in rows[1:] for cell in row]


@pytest.mark.parametrize("url", EXPORTS)
def test_no_exported_cell_starts_like_a_formula(coordinator_client, hostile_records, url):
    cells = exported_cells(coordinator_client, url)
    # The hostile text is there, but as plain text a spreadsheet shows and does not run.
    assert any("HYPERLINK" in cell for cell in cells)
    formulas = [cell for cell in cells if cell.startswith(FORMULA_STARTS)]
    assert formulas == []


@pytest.mark.parametrize("url", EXPORTS)
def test_the_spreadsheet_export_stores_hostile_text_as_text(
    coordinator_client, hostile_records, url
):
    from openpyxl import load_workbook

    response = coordinator_client.get(url + "?export=xlsx")
    assert response.status_code == 200
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    cells = [cell for row in workbook.active.iter_rows(min_row=2) for cell in row]
    assert any("HYPERLINK" in str(cell.value) for cell in cells)
    assert [cell.value for cell in cells if cell.data_type == "f"] == []
