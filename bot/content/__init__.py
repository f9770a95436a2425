"""The website's exercise pages: models, the loader, the library and their shared vocabulary."""

from bot.content.library import Library
from bot.content.loader import ContentError, LoadResult, load_library, load_required
from bot.content.model import (
    DEFAULT_LANG,
    Block,
    BlockKind,
    Body,
    Difficulty,
    Exercise,
    FaqEntry,
    Level,
    Modification,
)
from bot.content.problems import Problem, Severity
from bot.content.vocabulary import RandomFilters, Section
from bot.content.website import Website, WebsiteError

__all__ = [
    "DEFAULT_LANG",
    "Block",
    "BlockKind",
    "Body",
    "ContentError",
    "Difficulty",
    "Exercise",
    "FaqEntry",
    "Level",
    "Library",
    "LoadResult",
    "Modification",
    "Problem",
    "RandomFilters",
    "Section",
    "Severity",
    "Website",
    "WebsiteError",
    "load_library",
    "load_required",
]
