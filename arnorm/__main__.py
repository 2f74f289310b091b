"""``python -m arnorm``: the command line."""

from arnorm.cli.main import main

raise SystemExit(main())
