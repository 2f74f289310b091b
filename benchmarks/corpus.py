"""The one data setting and the one news reader of the benchmarks.

Every benchmark takes its data folder the same way: ``--data DIR``, else the environment
variable ``ARNORM_DATA``, else ``../shared/data`` next to the repository. The dev sets
(``clean_sentences.txt``, ``runon_synthetic.tsv`` ...) are read from that folder; news is read
from its ``news_raw/`` subfolder when there is one, else from the folder itself, so that any
corpus a user has can be pointed at directly.

News is read from every file under the news folder, in path order, whatever its layout:

* ``<DOC>`` files (the ANT corpus): the fields ``TITLE``, ``ABSTRACT`` and ``TEXT`` of each
  document (``SRC`` names its source);
* a JSON array of articles (SaudiNewsNet), or JSON Lines with one article per line: the fields
  ``title`` and ``content`` (or ``text``) of each (``source`` names its source);
* ``.zip`` archives of such files (SaudiNewsNet ships one per day);
* any other ``.txt`` file: plain text, one document per block of lines between blank lines.

The texts belong to their publishers: they are read where they are, never copied into the
repository.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import re
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT.parent / "shared" / "data"
ENVIRONMENT_VARIABLE = "ARNORM_DATA"
#: The fields of a ``<DOC>`` file that hold article text, in order.
DOC_FIELDS = ("TITLE", "ABSTRACT", "TEXT")
#: The fields of a JSON article that hold article text, in order (the first found of each group).
JSON_FIELDS = (("title",), ("content", "text", "body"))
SUFFIXES = (".txt", ".json", ".jsonl", ".zip")


@dataclass(frozen=True)
class Document:
    """One news article: where it came from and its text fields, in reading order."""

    source: str
    fields: tuple[str, ...]

    @property
    def text(self) -> str:
        """The fields as one text, one field per paragraph."""
        return "\n".join(field.strip("\n") for field in self.fields)

    @property
    def title(self) -> str:
        """The first field when there are others (``TITLE``, ``title``); a lone field, such as
        a block of plain text, is all body and the title is empty."""
        return self.fields[0] if len(self.fields) > 1 else ""

    @property
    def body(self) -> tuple[str, ...]:
        """The fields after the title: every field but the title, each once."""
        return self.fields[1:] if len(self.fields) > 1 else self.fields

    @property
    def body_text(self) -> str:
        """The fields after the title as one text, one field per paragraph (as :attr:`text`)."""
        return "\n".join(field.strip("\n") for field in self.body)

    @property
    def lines(self) -> list[str]:
        """The non-empty lines of the fields."""
        return [line for field in self.fields for line in field.split("\n") if line.strip()]


def add_data_argument(parser: argparse.ArgumentParser) -> None:
    """Add ``--data DIR`` to `parser` (its default: ``ARNORM_DATA`` or ``../shared/data``)."""
    parser.add_argument(
        "--data",
        type=Path,
        default=None,
        help=f"the data folder (default: ${ENVIRONMENT_VARIABLE}, else ../shared/data next to"
        " the repository)",
    )


def data_dir(given: Path | None = None) -> Path:
    """The data folder: `given` (from ``--data``), else ``$ARNORM_DATA``, else the default."""
    if given is not None:
        return given
    if os.environ.get(ENVIRONMENT_VARIABLE):
        return Path(os.environ[ENVIRONMENT_VARIABLE])
    return DEFAULT_DATA


def news_dir(data: Path) -> Path:
    """Where the news is: ``data/news_raw`` when it exists, else `data` itself."""
    raw = data / "news_raw"
    return raw if raw.is_dir() else data


def news_files(data: Path) -> list[Path]:
    """Every file of news under the news folder of `data`, in path order."""
    folder = news_dir(data)
    if not folder.is_dir():
        return []
    return sorted(path for path in folder.rglob("*") if path.suffix in SUFFIXES and path.is_file())


def news_documents(data: Path) -> Iterator[Document]:
    """Every news document under `data`, file by file in path order."""
    for path in news_files(data):
        if path.suffix == ".zip":
            with zipfile.ZipFile(path) as archive:
                for name in sorted(archive.namelist()):
                    if Path(name).suffix in SUFFIXES[:-1]:
                        raw = archive.read(name).decode("utf-8", "replace")
                        yield from _documents(raw, Path(name).suffix, path.stem)
        else:
            raw = path.read_text(encoding="utf-8", errors="replace")
            yield from _documents(raw, path.suffix, path.stem)


def news_lines(data: Path) -> list[str]:
    """The non-empty lines of article text of every document, in order."""
    return [line for document in news_documents(data) for line in document.lines]


def megabytes(texts: Iterable[str]) -> float:
    """The size of `texts` in MB (10**6 bytes) of UTF-8, one line break after each."""
    return sum(len(text.encode("utf-8", "surrogatepass")) + 1 for text in texts) / 1e6


# --- the readers -----------------------------------------------------------------------------

_DOC = re.compile(r"<DOC>(.*?)</DOC>", re.DOTALL)
_DOC_FIELD = re.compile(r"<(\w+)>(.*?)</\1>", re.DOTALL)


def _documents(raw: str, suffix: str, name: str) -> Iterator[Document]:
    if suffix == ".json":
        yield from _json_articles(json.loads(raw), name)
    elif suffix == ".jsonl":
        lines = io.StringIO(raw)
        yield from _json_articles((json.loads(line) for line in lines if line.strip()), name)
    elif "<DOC>" in raw:
        yield from _doc_documents(raw, name)
    else:
        yield from _plain_documents(raw, name)


def _doc_documents(raw: str, name: str) -> Iterator[Document]:
    for document in _DOC.finditer(raw):
        found = dict(_DOC_FIELD.findall(document.group(1)))
        fields = tuple(found[key] for key in DOC_FIELDS if found.get(key, "").strip())
        if fields:
            yield Document(found.get("SRC", name).strip() or name, fields)


def _json_articles(articles: Iterable[object], name: str) -> Iterator[Document]:
    for article in articles:
        if not isinstance(article, dict):
            continue
        fields = []
        for group in JSON_FIELDS:
            value = next((article[key] for key in group if isinstance(article.get(key), str)), "")
            if value.strip():
                fields.append(value)
        if fields:
            yield Document(str(article.get("source") or name), tuple(fields))


def _plain_documents(raw: str, name: str) -> Iterator[Document]:
    for block in re.split(r"\n[ \t]*\n", raw):
        if block.strip():
            yield Document(name, (block,))
