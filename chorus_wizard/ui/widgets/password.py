"""One password widget: show/hide, confirmation, the policy's rules ticking live, and strength."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from chorus_wizard.domain.password import (
    PasswordPolicy,
    RuleResult,
    Strength,
    estimate_strength,
    evaluate,
)
from chorus_wizard.ui.contrast import AA_NON_TEXT, readable_on
from chorus_wizard.ui.widgets.common import (
    BASE_DESCRIPTION,
    FieldHint,
    WrappingLabel,
    announce,
    field_label,
    joined,
    readable,
    stacked,
)
from chorus_wizard.ui.widgets.explain import explain_button

MET = "✔"
UNMET = "✘"
#: A rule before anything is typed: neither met nor broken yet.
PENDING = "•"
MAX_LENGTH = 128
#: A rule the typed password breaks.
BROKEN_COLOR = "#b00020"
#: The strength shown while a rule is broken, at most (« faible »): the meter never praises a
#: password the service would refuse.
CAPPED_SCORE = 1
#: Bar and text colour for zxcvbn's scores 0 to 4.
STRENGTH_COLORS = ("#b00020", "#b00020", "#9a5200", "#2e7d32", "#1f6f43")


class PasswordInput(QObject):
    """Mot de passe + Confirmation, rules from the backend's policy, show/hide toggle.

    The object holds the fields and their logic; :meth:`add_rows` lays them out in the
    page's form so every label lines up. Under the field, zxcvbn's strength estimate (advice
    only: the rules are what the server enforces) knows the user's own data, given to
    :meth:`set_policy`. Pasting is allowed in both fields.

    ``changed`` fires on every keystroke; :meth:`is_acceptable` says whether both fields are
    filled, equal, and meet every rule.
    """

    changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._policy: PasswordPolicy | None = None
        self._email = ""
        self._company = ""
        self._user_inputs: tuple[str, ...] = ()

        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setMaxLength(MAX_LENGTH)
        self.confirmation = QLineEdit()
        self.confirmation.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirmation.setMaxLength(MAX_LENGTH)
        self.show_button = QToolButton()
        self.show_button.setCheckable(True)
        self.show_button.setText(self.tr("Affic&her"))
        self.show_button.setAccessibleName(self.tr("Afficher le mot de passe"))
        self.show_button.toggled.connect(self._on_show_button_toggled)
        self.mismatch = FieldHint(self.confirmation, reserve_line=True)
        # Whether the confirmation was left (focus out) since its last keystroke: until then,
        # a confirmation that is the start of the password is being typed, not wrong.
        self._confirmation_left = False
        self.strength_bar = QProgressBar()
        self.strength_bar.setRange(0, 4)
        self.strength_bar.setTextVisible(False)
        self.strength_bar.setFixedSize(120, 8)
        self.strength_bar.setAccessibleName(self.tr("Robustesse du mot de passe"))
        self.strength_label = QLabel()
        self.strength: Strength | None = None
        #: What was last said of the rules and strength (announced when it changes).
        self._all_rules_met = False
        self._spoken_strength: str | None = None

        # The rules in a widget of their own: as a bare layout nested in the form's cell, their
        # wrapped lines were given the height of unwrapped ones and overlapped.
        self.rules_panel = QWidget()
        self._rules_box = QVBoxLayout(self.rules_panel)
        self._rules_box.setContentsMargins(0, 0, 0, 0)
        self._rules_box.setSpacing(2)
        self._rule_labels: dict[str, QLabel] = {}

        self.password.textChanged.connect(self._refresh)
        self.confirmation.textChanged.connect(self._on_confirmation_typed)
        self.confirmation.editingFinished.connect(self._on_confirmation_left)
        self._refresh_strength()

    def add_rows(self, form: QFormLayout) -> None:
        """Put Mot de passe, Confirmation and the rule list into the page's ``form``."""
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.password, 1)
        row.addWidget(self.show_button)
        row.addWidget(explain_button("password", self.password))
        gauge = QHBoxLayout()
        gauge.setContentsMargins(0, 0, 0, 0)
        gauge.setSpacing(8)
        gauge.addWidget(self.strength_bar)
        gauge.addWidget(self.strength_label, 1)
        form.addRow(
            field_label(self.tr("Mot de passe"), self.password, required=True),
            stacked(row, gauge, self.rules_panel),
        )
        form.addRow(
            field_label(self.tr("Confirmation du mot de passe"), self.confirmation, required=True),
            stacked(self.confirmation, self.mismatch),
        )

    def set_policy(
        self,
        policy: PasswordPolicy,
        *,
        email: str,
        company_name: str,
        user_inputs: Sequence[str] = (),
    ) -> None:
        """Show ``policy``'s rules; ``user_inputs`` (names…) make the strength estimate wiser."""
        self._policy = policy
        self._email = email
        self._company = company_name
        self._user_inputs = (email, company_name, *user_inputs)
        for label in self._rule_labels.values():
            label.deleteLater()
        self._rule_labels.clear()
        for rule in self.rules():
            label = WrappingLabel()
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

    def rules_met(self) -> bool:
        """Whether a password is typed and meets every rule of the policy."""
        return (
            self._policy is not None
            and bool(self.password.text())
            and all(r.met for r in self.rules())
        )

    def is_acceptable(self) -> bool:
        return self.rules_met() and self.password.text() == self.confirmation.text()

    def clear(self) -> None:
        self.password.clear()
        self.confirmation.clear()

    def _on_show_button_toggled(self, shown: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        self.password.setEchoMode(mode)
        self.confirmation.setEchoMode(mode)
        self.show_button.setText(self.tr("Masq&uer") if shown else self.tr("Affic&her"))
        self.show_button.setAccessibleName(
            self.tr("Masquer le mot de passe") if shown else self.tr("Afficher le mot de passe")
        )

    def _on_confirmation_typed(self) -> None:
        self._confirmation_left = False
        self._refresh()

    def _on_confirmation_left(self) -> None:
        self._confirmation_left = True
        self._refresh()

    def _refresh(self) -> None:
        self._refresh_rules()
        self._refresh_strength()
        confirmation = self.confirmation.text()
        password = self.password.text()
        # the start of the password, still being typed: judged once left or as long
        typing = password.startswith(confirmation) and not self._confirmation_left
        mismatch = bool(confirmation) and confirmation != password and not typing
        self.mismatch.set_reason(
            self.tr("La confirmation ne correspond pas au mot de passe.") if mismatch else None
        )
        self.changed.emit()

    def _refresh_rules(self) -> None:
        rules = self.rules()
        typed = bool(self.password.text())
        unmet = [rule.label for rule in rules if not (rule.met and typed)]
        base = str(self.password.property(BASE_DESCRIPTION) or "")
        if unmet and not typed:
            remaining = self.tr("Règles à respecter\u00a0: {rules}.").format(rules=joined(unmet))
            self.password.setAccessibleDescription(f"{base}. {remaining}" if base else remaining)
        elif unmet:
            remaining = self.tr("Règles non respectées\u00a0: {rules}.").format(rules=joined(unmet))
            self.password.setAccessibleDescription(f"{base}. {remaining}" if base else remaining)
        else:
            self.password.setAccessibleDescription(base)
        all_met = bool(rules) and not unmet and bool(self.password.text())
        if all_met and not self._all_rules_met:
            announce(self.password, self.tr("Toutes les règles du mot de passe sont respectées."))
        self._all_rules_met = all_met
        for rule in rules:
            label = self._rule_labels.get(rule.key)
            if label is None:
                continue
            if not typed:  # nothing typed: no rule is met, none is broken yet
                mark, color, spoken = PENDING, "#4a4a4a", self.tr("{rule}\u00a0: à respecter")
            elif rule.met:
                mark, color, spoken = MET, "#1f6f43", self.tr("{rule}\u00a0: respecté")
            else:
                mark, color, spoken = UNMET, BROKEN_COLOR, self.tr("{rule}\u00a0: non respecté")
            label.setText(f"{mark} {rule.label}")
            label.setStyleSheet(f"color: {readable(color)};")
            label.setAccessibleName(spoken.format(rule=rule.label))

    def _refresh_strength(self) -> None:
        """zxcvbn on at most 72 characters takes under a millisecond: fine on every keystroke."""
        password = self.password.text()
        if not password:
            self.strength = None
            self.strength_bar.setValue(0)
            self.strength_label.setText(self.tr("Robustesse\u00a0: —"))
            self.strength_label.setStyleSheet(f"color: {readable('#6b6b6b')};")
            self.strength_bar.setAccessibleDescription(self.tr("non évaluée"))
            self._spoken_strength = None
            return
        self.strength = estimate_strength(password, self._user_inputs)
        broken = self._policy is not None and not all(rule.met for rule in self.rules())
        if broken and self.strength.score > CAPPED_SCORE:
            self.strength = Strength(
                min(self.strength.score, CAPPED_SCORE),
                self.tr("insuffisante, une règle n'est pas respectée"),
            )
        color = STRENGTH_COLORS[self.strength.score]
        self.strength_bar.setValue(max(1, self.strength.score))
        window = self.strength_bar.palette().color(QPalette.ColorRole.Window).name()
        fill = readable_on(window, color, AA_NON_TEXT)  # a bar reads at 3:1 on its window
        self.strength_bar.setStyleSheet(f"QProgressBar::chunk {{ background: {fill}; }}")
        if self.strength.label != self._spoken_strength:
            self._spoken_strength = self.strength.label
            announce(
                self.password,
                self.tr("Robustesse\u00a0: {strength}").format(strength=self.strength.label),
            )
        self.strength_bar.setAccessibleDescription(self.strength.label)
        self.strength_label.setText(
            self.tr("Robustesse\u00a0: {strength}").format(strength=self.strength.label)
        )
        self.strength_label.setStyleSheet(f"color: {readable(color)};")
