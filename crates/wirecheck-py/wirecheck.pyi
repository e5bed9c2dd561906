"""The Wirecheck engine: find wire copy reused in news articles, how it was edited, and
whether the article credits the agency.

Reports are plain dicts with the schema of ``wirecheck check --json``; see ``docs/python.md``.
"""

from collections.abc import Iterable, Iterator, Mapping, Sequence
from os import PathLike
from typing import Any, Literal

__version__: str

Report = dict[str, Any]
"""A report: the JSON object ``wirecheck check --json`` prints (without ``input``)."""
StoryDict = dict[str, Any]
"""A story: ``id``, ``agency``, ``headline``, ``byline``, ``dateline``, ``published``,
``version_created``, ``external_id``, ``origin``, ``format``, ``body``, ``words``,
``imported_at``, ``language``."""
Preset = Literal["strict", "standard", "lenient"]

MAX_POSTINGS: int
"""Fingerprints held by more stories than this are stock phrases, skipped by retrieval."""
RARE_MAX_STORIES: int
"""A word held by more stories than this is not rare (retrieval's full-text path)."""
SUMMARY_COLUMNS: list[str]
"""The columns of ``wirecheck audit``'s ``summary.csv``, in order."""

class WirecheckError(Exception):
    """An error of the engine; the message is the engine's."""

class InputError(WirecheckError):
    """The input cannot be checked: empty, too large, unreadable, or an option out of range."""

class ArchiveError(WirecheckError):
    """The archive cannot be opened, read or written."""

class Archive:
    """A Wirecheck archive file, created when missing. Safe to use from many threads: checks
    run in parallel with the GIL released."""

    def __init__(self, path: str | PathLike[str]) -> None: ...
    @property
    def path(self) -> str: ...
    def check(
        self,
        text: str,
        *,
        preset: Preset | None = None,
        min_words: int | None = None,
        before: str | None = None,
        exclude_agencies: Sequence[str] | None = None,
        exclude_sources: Sequence[int] | None = None,
    ) -> Report:
        """Checks an article (plain text or pasted HTML) against the archive."""
    def import_paths(
        self, paths: Sequence[str | PathLike[str]], agency: str | None = None
    ) -> dict[str, Any]:
        """Imports files and folders; returns the summary of ``wirecheck import --json``."""
    def stories(self) -> Iterator[StoryDict]:
        """Every stored story, in id order."""
    def __len__(self) -> int: ...

class Stories(Iterator[StoryDict]):
    def __iter__(self) -> Stories: ...
    def __next__(self) -> StoryDict: ...

def compare(
    article: str,
    source: str,
    agency: str | None = None,
    *,
    preset: Preset | None = None,
    min_words: int | None = None,
) -> Report:
    """The report of ``wirecheck compare --json``: the article against one given story."""

def fingerprints(text: str, language: str | None = None) -> list[int]:
    """The fingerprints the archive's index stores for a story with this body."""

def article_keys(text: str) -> dict[str, Any]:
    """What a check looks up: ``fingerprints``, ``words`` and ``query_words``."""

def full_text_terms(headline: str, body: str) -> list[str]:
    """A story's distinct terms in the archive's full-text index."""

def full_text_term(word: str) -> str:
    """A word as the full-text index matches it: the join key of ``query_words``."""

def pick_candidates(
    words: int,
    shared: Iterable[tuple[int, int]],
    query_words: Sequence[str] = ...,
    rare_postings: Mapping[str, Sequence[int]] = ...,
) -> list[int]:
    """The engine's retrieval rule: the story ids a check compares, in order."""

def compare_candidates(
    article: str,
    stories: Sequence[Mapping[str, Any]],
    rare_postings: Mapping[str, Sequence[int]] = ...,
    *,
    preset: Preset | None = None,
    min_words: int | None = None,
    before: str | None = None,
    exclude_agencies: Sequence[str] | None = None,
    exclude_sources: Sequence[int] | None = None,
) -> Report:
    """The report a check gives when retrieval proposes exactly these stories and
    ``rare_postings`` lists the stories holding each full-text term (as ``pick_candidates``
    takes it; without it the verdict does not ask which of the article's words are rare)."""

def record_keys(line: str, *, before_from_article: bool | None = None) -> dict[str, Any] | None:
    """``article_keys`` of an audit's JSON Lines record; ``None`` when it cannot be checked."""

def record_line(
    line: str,
    input: str,
    stories: Sequence[Mapping[str, Any]],
    rare_postings: Mapping[str, Sequence[int]] = ...,
    *,
    preset: Preset | None = None,
    min_words: int | None = None,
    before: str | None = None,
    exclude_agencies: Sequence[str] | None = None,
    exclude_sources: Sequence[int] | None = None,
    before_from_article: bool | None = None,
) -> str:
    """The ``results.jsonl`` line ``wirecheck audit`` writes for the record and candidates."""

def summary_row(line: str) -> dict[str, Any]:
    """The ``summary.csv`` row of one ``results.jsonl`` line."""
