"""The training room: the trainer's page and its API, the room's journal, its configuration, the
scenarios.
"""
