"""The page benchmark (``make bench``): see ``bench/pages.py``."""
