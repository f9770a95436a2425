"""Where what users leave behind is kept: favourites, language, button state (SQLite)."""
