"""Links handed to the program from outside are checked before the wizard takes their code."""

from __future__ import annotations

import pytest

from chorus_wizard.domain.activation import InvalidActivationLink, parse_activation_link


@pytest.mark.parametrize(
    ("url", "code"),
    [
        ("chorus-wizard://activer?code=AbC_123-x", "AbC_123-x"),
        ("  chorus-wizard://activer/?code=XYZ\n", "XYZ"),
        ("CHORUS-WIZARD://Activer?code=XYZ", "XYZ"),
        ("http://127.0.0.1:5000/sandbox/activer?code=AbC_123-x", "AbC_123-x"),
        ("http://localhost:8080/sandbox/activer/?code=c0de", "c0de"),
        ("http://[::1]:8080/sandbox/activer?code=c0de", "c0de"),
        ("chorus-wizard://activer?code=XYZ&utm_source=mail", "XYZ"),
    ],
)
def test_activation_links_are_accepted(url: str, code: str) -> None:
    assert parse_activation_link(url) == code


FOREIGN = "n'est pas un lien d'activation"


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("https://evil.example/activer?code=x", FOREIGN),
        ("https://evil.example/sandbox/activer?code=x", FOREIGN),
        ("http://evil.example:5000/sandbox/activer?code=x", FOREIGN),
        ("https://127.0.0.1:5000/sandbox/activer?code=x", FOREIGN),
        ("chorus-wizard://autre?code=x", FOREIGN),
        ("chorus-wizard://activer/autre?code=x", FOREIGN),
        ("chorus-wizard://activer:80?code=x", FOREIGN),
        ("chorus-wizard://moi@activer?code=x", FOREIGN),
        ("chorus-wizard://activer?code=x#suite", FOREIGN),
        ("http://127.0.0.1:5000/sandbox/autre?code=x", FOREIGN),
        ("http://127.0.0.1:99999/sandbox/activer?code=x", FOREIGN),
        ("file:///etc/passwd?code=x", FOREIGN),
        ("javascript:alert(1)", FOREIGN),
        ("AbC_123-x", FOREIGN),
        ("", FOREIGN),
        ("chorus-wizard://activer", "ne contient pas de code"),
        ("chorus-wizard://activer?code=", "ne contient pas de code"),
        ("chorus-wizard://activer?autre=x", "ne contient pas de code"),
        ("chorus-wizard://activer?code=a&code=b", "illisible"),
        ("chorus-wizard://activer?code=%3Cscript%3E", "illisible"),
        ("chorus-wizard://activer?code=" + "x" * 201, "illisible"),
    ],
)
def test_other_links_are_refused_with_a_reason(url: str, reason: str) -> None:
    with pytest.raises(InvalidActivationLink, match=reason):
        parse_activation_link(url)


def test_a_remote_sandbox_is_trusted_only_when_named() -> None:
    url = "https://formation.example:8443/sandbox/activer?code=c0de"
    with pytest.raises(InvalidActivationLink):
        parse_activation_link(url)
    assert parse_activation_link(url, sandbox_origins=["https://formation.example:8443/"]) == "c0de"
