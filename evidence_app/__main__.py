import sys

from evidence_app.cli import main

sys.exit(main())
