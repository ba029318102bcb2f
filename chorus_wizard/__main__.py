"""``python -m chorus_wizard`` runs the wizard."""

from chorus_wizard.app import main

raise SystemExit(main())
