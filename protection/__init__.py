"""Protections every part of the site shares: one rate limit, one honeypot, one spreadsheet
formula neutraliser. New public forms and exports use these rather than their own copies."""
