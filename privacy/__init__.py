"""Personal data under the GDPR: what the site holds about a person, how it is exported and
erased, how long it is kept, what people consented to, and who looked at it."""
