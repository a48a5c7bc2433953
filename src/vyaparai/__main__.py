"""`python -m vyaparai` runs the command line."""
from vyaparai.cli.main import main

raise SystemExit(main())
