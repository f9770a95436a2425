"""The faces of the one conversation: Telegram, the terminal chat and the commands."""
