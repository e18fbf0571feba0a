"""The shared protections: the spreadsheet formula neutraliser and the honeypot."""

import pytest
from django import forms

from protection.exports import spreadsheet_safe
from protection.forms import HoneypotFormMixin


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (
            '=HYPERLINK("http://evil.example","click")',
            '\'=HYPERLINK("http://evil.example","click")',
        ),
        ("+45 12 34 56 78", "'+45 12 34 56 78"),
        ("-1+2", "'-1+2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("Ana", "Ana"),
        ("", ""),
        (-5, -5),
        (None, None),
    ],
)
def test_text_a_spreadsheet_would_run_as_a_formula_becomes_plain_text(value, expected):
    assert spreadsheet_safe(value) == expected


class ContactForm(HoneypotFormMixin, forms.Form):
    name = forms.CharField()


def test_a_form_with_the_honeypot_filled_in_is_refused_and_says_so():
    form = ContactForm(data={"name": "Ana", "website": "http://spam.example"})
    assert not form.is_valid()
    assert form.caught_by_honeypot
    assert form.errors["website"] == [
        "This form could not be sent. Leave the last field empty and try again."
    ]


def test_a_form_with_the_honeypot_left_empty_is_valid():
    form = ContactForm(data={"name": "Ana", "website": ""})
    assert form.is_valid()
    assert not form.caught_by_honeypot
