"""``python -m chorus_wizard`` runs the wizard (and the bundles start here)."""

from chorus_wizard.start import run

raise SystemExit(run())
