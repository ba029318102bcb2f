"""backend package: the Qt-free clients of every API the wizard talks to."""
