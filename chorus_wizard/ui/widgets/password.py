"""One password widget: field with show/hide, confirmation, and the policy's rules ticking live."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QVBoxLayout,
)

from chorus_wizard.domain.password import PasswordPolicy, RuleResult, evaluate
from chorus_wizard.ui.widgets.common import FieldHint, field_label, stacked

MET = "✔"
UNMET = "✘"


class PasswordInput(QObject):
    """Mot de passe + Confirmation, rules from the backend's policy, show/hide toggle.

    The object holds the fields and their logic; :meth:`add_rows` lays them out in the
    page's form so every label lines up.

    ``changed`` fires on every keystroke; :meth:`is_acceptable` says whether both fields are
    filled, equal, and meet every rule.
    """

    changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._policy: PasswordPolicy | None = None
        self._email = ""
        self._company = ""

        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setMaxLength(128)
        self.confirmation = QLineEdit()
        self.confirmation.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirmation.setMaxLength(128)
        self.show_button = QToolButton()
        self.show_button.setCheckable(True)
        self.show_button.setText("Afficher")
        self.show_button.setAccessibleName("Afficher le mot de passe")
        self.show_button.toggled.connect(self._on_show_button_toggled)
        self.mismatch = FieldHint(self.confirmation)

        self._rules_box = QVBoxLayout()
        self._rules_box.setContentsMargins(0, 0, 0, 0)
        self._rules_box.setSpacing(2)
        self._rule_labels: dict[str, QLabel] = {}

        self.password.textChanged.connect(self._refresh)
        self.confirmation.textChanged.connect(self._refresh)

    def add_rows(self, form: QFormLayout) -> None:
        """Put Mot de passe, Confirmation and the rule list into the page's ``form``."""
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.password, 1)
        row.addWidget(self.show_button)
        form.addRow(
            field_label("Mot de passe", self.password, required=True), stacked(row, self._rules_box)
        )
        form.addRow(
            field_label("Confirmation du mot de passe", self.confirmation, required=True),
            stacked(self.confirmation, self.mismatch),
        )

    def set_policy(self, policy: PasswordPolicy, *, email: str, company_name: str) -> None:
        self._policy = policy
        self._email = email
        self._company = company_name
        for label in self._rule_labels.values():
            label.deleteLater()
        self._rule_labels.clear()
        for rule in self.rules():
            label = QLabel()
            label.setWordWrap(True)
            self._rules_box.addWidget(label)
            self._rule_labels[rule.key] = label
        self._refresh()

    def rules(self) -> list[RuleResult]:
        if self._policy is None:
            return []
        return evaluate(
            self._policy, self.password.text(), email=self._email, company_name=self._company
        )

    def is_acceptable(self) -> bool:
        rules = self.rules()
        return (
            self._policy is not None
            and bool(self.password.text())
            and all(r.met for r in rules)
            and self.password.text() == self.confirmation.text()
        )

    def clear(self) -> None:
        self.password.clear()
        self.confirmation.clear()

    def _on_show_button_toggled(self, shown: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        self.password.setEchoMode(mode)
        self.confirmation.setEchoMode(mode)
        self.show_button.setText("Masquer" if shown else "Afficher")
        self.show_button.setAccessibleName(
            "Masquer le mot de passe" if shown else "Afficher le mot de passe"
        )

    def _refresh(self) -> None:
        for rule in self.rules():
            label = self._rule_labels.get(rule.key)
            if label is None:
                continue
            mark = MET if rule.met else UNMET
            color = "#1f6f43" if rule.met else "#6b6b6b"
            label.setText(f"{mark} {rule.label}")
            label.setStyleSheet(f"color: {color};")
            label.setAccessibleName(f"{rule.label} : {'respecté' if rule.met else 'non respecté'}")
        confirmation = self.confirmation.text()
        mismatch = bool(confirmation) and confirmation != self.password.text()
        self.mismatch.set_reason(
            "La confirmation ne correspond pas au mot de passe." if mismatch else None
        )
        self.changed.emit()
