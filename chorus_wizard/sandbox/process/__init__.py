"""The embedded sandbox as a process of its own: the wizard's side (parent) and the sandbox's
(child), and the socket they share.
"""
