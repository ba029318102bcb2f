"""``chorus-wizard-sandbox`` as a training room: the trainer's address is printed at start-up,
loopback is the default, and another address is announced as a training server."""

from __future__ import annotations

import re
import signal
import subprocess
import sys
from pathlib import Path

import httpx

from tests.room.conftest import SHORT_DEMO

ROOM_LINE = re.compile(r"^Salle de formation\u00a0: (http://127\.0\.0\.1:\d+)/salle$")
TOKEN_LINE = re.compile(r"^Jeton de la salle\u00a0: (\S+) \(à coller dans la page\)$")


def test_the_room_address_is_printed_once_at_start(tmp_path: Path) -> None:
    command = [
        sys.executable,
        "-m",
        "chorus_wizard.sandbox",
        "--data-dir",
        str(tmp_path / "data"),
        "--scenario",
        str(SHORT_DEMO),
    ]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        assert process.stdout is not None
        lines = []
        for line in process.stdout:
            lines.append(line.rstrip("\n"))
            if line.startswith("Arrêt"):
                break
        found = [m for m in map(ROOM_LINE.match, lines) if m]
        tokens = [m for m in map(TOKEN_LINE.match, lines) if m]
        assert len(found) == 1 and len(tokens) == 1, lines
        # The address a browser will keep in its history carries no token.
        [base], [token] = found[0].groups(), tokens[0].groups()
        assert not any("jeton=" in line for line in lines)
        assert len(token) >= 22  # token_urlsafe(24): 192 bits in 32 characters
        assert "Scénario\u00a0: Démonstration courte (3 entreprises fictives)." in lines
        with httpx.Client(base_url=base) as http:
            assert http.get("/salle").status_code == 403
            assert http.post("/salle", data={"jeton": token}).status_code == 303
            health = http.get("/sandbox/v1/sante").json()
            assert health["salle"] == "Démonstration courte"
    finally:
        process.send_signal(signal.SIGTERM)
        _, errors = process.communicate(timeout=30)
    assert process.returncode == 0
    assert token not in errors  # printed for the trainer only, never logged


def test_a_network_address_is_announced_as_a_training_server(tmp_path: Path) -> None:
    # 192.0.2.1 (TEST-NET-1) is assigned to no machine: the warning comes, then the bind fails.
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "chorus_wizard.sandbox",
            "--host",
            "192.0.2.1",
            "--data-dir",
            str(tmp_path / "data"),
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 1
    assert "C'est un serveur de formation qui ne contient que des données fictives" in (
        result.stderr
    )


def test_loopback_is_the_default() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "chorus_wizard.sandbox", "--help"],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    # (argparse wraps at ordinary spaces only, which str.split() would not tell from no-break ones)
    assert "défaut\u00a0: 127.0.0.1, accessible depuis ce poste seulement" in re.sub(
        r"[ \n]+", " ", result.stdout
    )
