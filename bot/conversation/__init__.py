"""The conversation: one brain behind every face (Telegram, the terminal chat, tests).

conversation.py holds what is on screen for each user, their language and favourites, and turns
answers into replies; render.py writes the replies, reply.py is their model, actions.py the
typed buttons and their codec, i18n.py the interface strings.
"""
