"""Matching form of a complaint text: NFKC, SMS slang expanded, lower-cased.

The original text is never changed; this form only feeds matching (dedup, classification).
Expansion is driven by a shipped, authored lexicon (data/slang.tsv) and guarded by
data/protected_tokens.txt: public slang lexicons rewrite ``smp`` to ``sampai`` or ``Karo`` (a regency)
to ``sama``, which destroys exactly the words a router needs. A token written in capitals
(``SD``, ``KK``) is an acronym and stays as it is, unless the whole message is shouted in capitals.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

DATA_DIR = Path(__file__).with_name("data")


def _read_lines(name: str) -> list[str]:
    lines = (DATA_DIR / name).read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]


def load_protected() -> frozenset[str]:
    return frozenset(line.lower() for line in _read_lines("protected_tokens.txt"))


def load_slang() -> dict[str, str]:
    protected = load_protected()
    slang: dict[str, str] = {}
    for line in _read_lines("slang.tsv"):
        short, expansion = line.split("\t")[:2]
        short = short.strip().lower()
        if short and short not in protected and short != expansion:
            slang[short] = expansion.strip().lower()
    return slang


PROTECTED = load_protected()
SLANG = load_slang()

# Keys in the two spellings a writer uses for a word (``yg``, ``Yg``); ALL-CAPS forms are looked up
# separately because capitals mark acronyms.
_EXPAND = {**{k.capitalize(): v for k, v in SLANG.items()}, **SLANG}
_EXPAND_CAPS = {k.upper(): v for k, v in SLANG.items()}
# Splitting into words and separators once, then dict look-ups, is ~4x faster than one big regex alternation.
_SPLIT_RE = re.compile(r"([^\W_]+)")
# Three or more of the same letter is emphasis ("rusaaak"); Indonesian words never triple a letter.
_ELONGATED_RE = re.compile(r"([a-z])\1\1+", re.IGNORECASE)
_TOKEN_RE = re.compile(r"[^\W_]+(?:-[^\W_]+)*")
_TOKEN_SPLIT_RE = re.compile(f"({_TOKEN_RE.pattern})")
_UPPER = bytes(range(ord("A"), ord("Z") + 1))
_LOWER = bytes(range(ord("a"), ord("z") + 1))


def _shouting(text: str) -> bool:
    """A message typed in caps lock says nothing about acronyms."""
    raw = text.encode("utf-8", "ignore")
    upper = len(raw) - len(raw.translate(None, _UPPER))
    lower = len(raw) - len(raw.translate(None, _LOWER))
    return upper > 3 * lower


def _shouted_word(word: str) -> bool:
    return len(word) >= 3 and word.isalpha() and word.isupper() and word.lower() not in PROTECTED


def normalise_text(text: str) -> str:
    if not text.isascii() and not unicodedata.is_normalized("NFKC", text):
        text = unicodedata.normalize("NFKC", text)
    text = _ELONGATED_RE.sub(r"\1", text)
    parts = _SPLIT_RE.split(text)  # separator, word, separator, word, ..., separator
    last = len(parts) - 2
    shouting = None
    for i in range(1, len(parts), 2):
        word = parts[i]
        expansion = _EXPAND.get(word)
        if expansion is None:
            expansion = _EXPAND_CAPS.get(word)
            if expansion is None:
                if word[-1] == "2" and len(word) >= 4 and word[:-1].isalpha():
                    parts[i] = _reduplicate(word[:-1].lower())
                continue
            # Capitals mark an acronym, unless the writer is shouting: the whole message, or this phrase.
            if shouting is None:
                shouting = _shouting(text)
            if not (shouting or (i > 1 and _shouted_word(parts[i - 2])) or (i < last and _shouted_word(parts[i + 2]))):
                continue
        after = parts[i + 1]
        if after[:1] == ".":
            # "dr. Soetomo" is a title, not "dari".
            if expansion == "dari" and i < last and after.strip() == "." and parts[i + 2][:1].isupper():
                continue
            # The abbreviation point goes, so "jl.Merdeka" becomes "jalan merdeka".
            parts[i + 1] = " " + after[1:]
        parts[i] = expansion
    return " ".join("".join(parts).lower().split())


def _reduplicate(word: str) -> str:
    """``anak2`` -> ``anak-anak``; Indonesian writes reduplication with a 2."""
    if word in PROTECTED:
        return word + "2"
    word = SLANG.get(word, word)
    return f"{word}-{word}"


def tokens(text: str) -> list[str]:
    """Word tokens of the normalised text (punctuation dropped, hyphenated words kept whole)."""
    return _TOKEN_RE.findall(normalise_text(text))


def tokens_of_normalised(normalised: str) -> list[str]:
    """Tokens of text that is already normalised (skips a second normalisation)."""
    return _TOKEN_RE.findall(normalised)


# What ends a clause between two tokens: a sentence or list mark, a bracket, a line break. (A colon does not:
# "kelurahan: dago".)
_CLAUSE_END = frozenset(".,;!?()\n")


def clause_starts(normalised: str) -> tuple[list[str], frozenset[int]]:
    """Tokens of normalised text, and the indices of those that begin a clause (a clause mark before them) or are a
    handle or hashtag ("@dishubbadung", "#canggu"): a place name never runs on across them."""
    # One split (gap, token, gap, token, ..., gap: the same matches as ``_TOKEN_RE``), then a look at each gap; the
    # usual gap, one space, neither ends a clause nor starts a handle, and is passed over at once.
    parts = _TOKEN_SPLIT_RE.split(normalised)
    tokens = parts[1::2]
    starts = frozenset(i for i, gap in enumerate(parts[0:-1:2]) if gap != " "
                       and (gap.endswith(("@", "#")) or (i and not _CLAUSE_END.isdisjoint(gap))))
    return tokens, starts
