"""The answer engine: a message analysed once, producers that propose scored candidates, and
one policy that picks the answer, offers suggestions or says it does not know."""
