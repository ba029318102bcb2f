"""dmgbuild settings for chorus-wizard's disk image (run by packaging/macos/build_dmg.sh).

dmgbuild runs this file with ``defines`` in its globals: ``app`` is the path of the
``.app`` bundle to ship. Paths are relative to the repository root, where the script runs.
"""

from __future__ import annotations

import os.path

_defines: dict[str, str] = globals().get("defines", {})
application = _defines.get("app", "dist/chorus-wizard.app")
appname = os.path.basename(application)

format = "UDZO"  # dmgbuild's setting name: compressed, read-only
filesystem = "HFS+"
size = None  # computed from the content
files = [application]
symlinks = {"Applications": "/Applications"}
icon = "packaging/macos/chorus-wizard.icns"  # the volume's icon (run from the repository root)
icon_locations = {appname: (140, 120), "Applications": (400, 120)}
window_rect = ((200, 200), (540, 300))
default_view = "icon-view"
show_status_bar = False
show_tab_view = False
show_toolbar = False
show_pathbar = False
show_sidebar = False
icon_size = 96
text_size = 13
