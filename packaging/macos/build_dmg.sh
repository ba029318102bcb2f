#!/usr/bin/env bash
# Build dist/chorus-wizard-<version>.dmg from dist/chorus-wizard.app (made by PyInstaller
# with packaging/chorus-wizard.spec). macOS only: dmgbuild drives hdiutil.
#   bash packaging/macos/build_dmg.sh
set -euo pipefail
cd "$(dirname "$0")/../.."

APP="dist/chorus-wizard.app"
if [ ! -d "$APP" ]; then
  echo "build_dmg.sh: $APP is missing; run pyinstaller packaging/chorus-wizard.spec first" >&2
  exit 1
fi
VERSION="$(uv run --no-sync python packaging/version.py)"
DMG="dist/chorus-wizard-${VERSION}.dmg"
rm -f "$DMG"
# dmgbuild is a build tool only: run it from PyPI without adding it to the project.
uvx --from "dmgbuild==1.6.7" dmgbuild \
  -s packaging/macos/dmg_settings.py \
  -D app="$APP" \
  "chorus-wizard ${VERSION}" "$DMG"
echo "$DMG"
