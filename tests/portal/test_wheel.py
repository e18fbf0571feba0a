"""Conversation wheel geometry and its accessible SVG."""

import re

import pytest

from portal.models import LifeArea, WheelEntry
from portal.wheel import HEIGHT, RADIUS, WIDTH, Point, point_on_spoke, wheel_chart

CENTER = Point(WIDTH / 2, HEIGHT / 2)


def test_the_first_spoke_points_up_and_the_others_go_clockwise():
    assert point_on_spoke(0, 4, 1, CENTER) == Point(CENTER.x, CENTER.y - RADIUS)
    assert point_on_spoke(1, 4, 1, CENTER) == Point(CENTER.x + RADIUS, CENTER.y)
    assert point_on_spoke(2, 4, 1, CENTER) == Point(CENTER.x, CENTER.y + RADIUS)
    assert point_on_spoke(3, 4, 1, CENTER) == Point(CENTER.x - RADIUS, CENTER.y)
    assert point_on_spoke(1, 4, 0, CENTER) == CENTER


def test_values_sit_at_their_share_of_the_radius():
    chart = wheel_chart({"family": 5, "work": 0, "friends": 3})
    by_area = {spoke.area: spoke for spoke in chart.spokes}
    assert [spoke.area for spoke in chart.spokes] == LifeArea.values
    assert by_area["family"].dot == Point(260.0, 70.0)  # straight up, full radius
    assert by_area["work"].dot == CENTER  # 0 is the centre
    assert by_area["friends"].dot == Point(260.0 + RADIUS * 3 / 5, 190.0)  # 3/5 to the right
    assert by_area["leisure"].value is None and by_area["leisure"].dot is None
    # Missing areas count as 0 in the outline, which closes through the centre.
    assert chart.shape.split(" ")[:3] == ["260,70", "260,190", "332,190"]
    assert chart.has_data is True


def test_rings_mark_each_importance_level():
    chart = wheel_chart({})
    assert len(chart.rings) == 5
    assert chart.rings[-1].split(" ")[0] == "260,70"  # the outer ring goes through the top
    assert chart.rings[0].split(" ")[0] == f"260,{190 - RADIUS // 5}"
    assert chart.shape == ""
    assert chart.has_data is False


def test_labels_are_anchored_away_from_the_centre_and_wrapped():
    chart = wheel_chart({})
    anchors = {spoke.area: spoke.anchor for spoke in chart.spokes}
    assert anchors == {
        "family": "middle",
        "work": "start",
        "friends": "start",
        "leisure": "start",
        "language": "middle",
        "home": "end",
        "health": "end",
        "values": "end",
    }
    home = next(spoke for spoke in chart.spokes if spoke.area == "home")
    assert home.label_lines == ("Home and", "neighbourhood")
    for spoke in chart.spokes:
        assert 0 <= spoke.label_at.x <= WIDTH
        assert 0 <= spoke.label_at.y <= HEIGHT


@pytest.mark.django_db
def test_the_svg_has_a_title_a_description_and_a_table_alternative(newcomer_client, pair):
    WheelEntry.objects.create(participant=pair.newcomer, area="family", importance=4)
    WheelEntry.objects.create(participant=pair.newcomer, area="work", importance=5)
    html = newcomer_client.get(f"/portal/matches/{pair.pk}/wheels/").content.decode()
    svg = re.search(r'<svg class="wheel".*?</svg>', html, re.S).group(0)
    assert 'role="img"' in svg
    assert 'aria-labelledby="wheel-mine-title wheel-mine-desc"' in svg
    assert '<title id="wheel-mine-title">Your conversation wheel</title>' in svg
    desc = re.search(r'<desc id="wheel-mine-desc">(.*?)</desc>', svg, re.S).group(1)
    assert desc.startswith(
        "How much each life area matters now, from 0 to 5: Family 4; Work or studies 5; "
        "Friends not filled in;"
    )
    assert '<polygon class="wheel__shape" points="260,94 344.9,105.1 260,190' in svg
    assert '<th scope="row">Family</th>' in html
    assert "<caption>Both wheels as a table</caption>" in html


@pytest.mark.django_db
def test_numbers_in_the_svg_are_not_localised_in_danish(newcomer_client, pair):
    WheelEntry.objects.create(participant=pair.newcomer, area="work", importance=3)
    html = newcomer_client.get(f"/da/portal/matches/{pair.pk}/wheels/").content.decode()
    svg = re.search(r'<svg class="wheel".*?</svg>', html, re.S).group(0)
    assert 'x1="260.0" y1="190.0"' in svg
    assert not re.search(r'\b(x|y|x1|y1|x2|y2|cx|cy)="\d+,\d', svg)
    assert '<title id="wheel-mine-title">Dit samtalehjul</title>' in svg
    assert "Arbejde eller studier 3" in svg


@pytest.mark.django_db
def test_wheels_of_an_ended_match_are_not_shown(newcomer_client, pair):
    pair.status = "completed"
    pair.save()
    assert newcomer_client.get(f"/portal/matches/{pair.pk}/wheels/").status_code == 404
