"""Export formats of canonical events for other tools (the CLI's `export` and the API both use them).

formats.py   the registry: every format's name, media type, filters and writer

plover.py    PLOVER JSON lines, field names and vocabularies as the specification gives them
mentions.py  one row per (event, article), like GDELT's Mentions table
relations.py relationship frameworks (JSON lines with reports and evidence, or CSV)
"""
