"""ui package: the Qt side of the wizard."""
