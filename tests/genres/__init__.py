"""Genre test tables: accuracy on the five kinds of text spotrep reads, as a blind check of generalisation.

One table per genre (wire copy, ministry and General Staff bulletins, regional administrations' posts,
monitoring-mission reports, ACLED-style notes), each row a text with its publication date and the events ACLED
would code from it; rows with no event (negations, warnings, background, denials, tallies without a place) must
yield none. Every sentence was written for these tables from the genre's conventions, without looking at any
evaluation set. Matching follows ACLED's scorer (see ``matching``). Rows that fail today are strict xfails whose
reason says what goes wrong, so a fix shows up as an XPASS and its mark is then removed.

``.venv/bin/python -m tests.genres.report [--rows] [--reasons]`` prints pass rates per genre and the failing rows
grouped by kind of failure.
"""
