"""The factories the tests use. They live in the apps (accounts/factories.py,
portal/factories.py) because the demo builds its people with them too and runs without the
tests; this module re-exports them."""

from accounts.factories import UserFactory
from portal.factories import (
    CheckInFactory,
    HostFactory,
    MatchFactory,
    MatchNoteFactory,
    MeetingFactory,
    NewcomerFactory,
    ParticipantFactory,
    RematchRequestFactory,
    WheelEntryFactory,
)
from programmes.factories import ProgrammeFactory

__all__ = [
    "CheckInFactory",
    "HostFactory",
    "MatchFactory",
    "MatchNoteFactory",
    "MeetingFactory",
    "NewcomerFactory",
    "ParticipantFactory",
    "ProgrammeFactory",
    "RematchRequestFactory",
    "UserFactory",
    "WheelEntryFactory",
]
