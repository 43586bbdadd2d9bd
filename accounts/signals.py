"""Signals other apps register for (they stand higher and may import this app)."""

from django.dispatch import Signal

# Sent inside the transaction that deletes an account, before the user row goes, with
# `user`: apps that keep something about the person (a wijkschakelaar profile) react to it.
account_closing = Signal()
