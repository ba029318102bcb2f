"""ui package: the Qt side of the wizard."""

import PySide6.QtCore  # noqa: F401  (installs PySide6's import hook, adjusted just below)

from chorus_wizard.ui.module_sources import keep_no_module_sources

keep_no_module_sources()
