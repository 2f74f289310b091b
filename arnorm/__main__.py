"""``python -m arnorm``: the command line."""

from arnorm.cli.main import entry

entry()
