"""Activation codes are taken from a whole link or typed alone."""

from __future__ import annotations

import pytest

from chorus_wizard.domain.activation import activation_code


@pytest.mark.parametrize(
    ("pasted", "code"),
    [
        ("http://127.0.0.1:5000/sandbox/activer?code=AbC_123-x", "AbC_123-x"),
        ("  chorus-wizard://activer?code=XYZ  ", "XYZ"),
        ("AbC_123-x", "AbC_123-x"),
        (" AbC 123 ", "AbC123"),
        ("http://127.0.0.1:5000/sandbox/activer", ""),
        ("", ""),
    ],
)
def test_activation_code(pasted: str, code: str) -> None:
    assert activation_code(pasted) == code
