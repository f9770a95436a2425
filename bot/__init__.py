"""A Pilates assistant: answers form questions from the website's Hugo pages."""
