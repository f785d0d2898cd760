"""Readers: turn paths (files, directories, '-') into Articles, or rejections with a reason.

Every reader yields; a bad input yields an InputRejected instead of raising, so the batch goes on.
"""
from __future__ import annotations

import hashlib
import json
import os
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from communique.errors import InputRejected
from communique.ingest.decode import decode
from communique.ingest.published import find_published
from communique.model import Article

TEXT_SUFFIXES = {".txt", ".text"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
SUPPORTED = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES
JSONL_KEYS = {"id", "url", "outlet", "published", "title", "text"}

Item = Article | InputRejected


def content_id(text: str) -> str:
    """Stable id for inputs that carry none: a short hash of the text."""
    return "sha1-" + hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


_SURROGATE = re.compile("[\ud800-\udfff]")


def _text(value: str) -> str:
    """A string safe to store and print: lone surrogates (a JSON "\\ud800", a file name that is not
    UTF-8) become U+FFFD."""
    return _SURROGATE.sub("\ufffd", value) if value else value


def shown(path: Path | str) -> str:
    """A path as text that any terminal, file and database can hold."""
    return str(path).encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def read_text(text: str, source: str, encoding: str, article_id: str) -> Article:
    published, how = find_published(text, None)
    return Article(id=article_id, raw_text=text, published=published, published_source=how,
                   source=source, encoding=encoding)


def read_html(text: str, source: str, encoding: str, article_id: str) -> Article:
    """Body by trafilatura, date by htmldate (no guessing: extensive search off), captions kept."""
    import htmldate
    import trafilatura
    from lxml import html as lxml_html

    body = trafilatura.extract(text, output_format="txt", include_comments=False, include_tables=False,
                               favor_precision=True) or ""
    meta = trafilatura.extract_metadata(text)
    try:
        tree = lxml_html.fromstring(text)
        captions = [" ".join(c.text_content().split()) for c in tree.iter("figcaption")]
    except (ValueError, lxml_html.etree.ParserError):
        captions = []
    captions = [c for c in captions if c and c not in body]
    if not body.strip():
        raise InputRejected(source, "HTML page has no article body that could be extracted")
    title = meta.title if meta is not None else None
    url = meta.url if meta is not None else None
    raw = body + "".join(f"\n\n{c}" for c in captions)
    try:
        html_date = htmldate.find_date(text, extensive_search=False, original_date=True)
    except Exception:  # htmldate raises assorted errors on odd markup; a missing date is fine
        html_date = None
    published, how = find_published(body, url, html_date=html_date)
    return Article(id=article_id, raw_text=raw, url=url, title=title, published=published,
                   published_source=how, source=source, encoding=encoding,
                   outlet=getattr(meta, "sitename", None), extra={"captions": captions} if captions else {})


def read_jsonl(text: str, source: str, encoding: str) -> Iterator[Item]:
    for no, line in enumerate(text.splitlines(), 1):
        where = f"{source}:{no}"
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputRejected(where, f"malformed JSON ({exc.msg} at column {exc.colno})")
            continue
        except RecursionError:
            yield InputRejected(where, "JSON nested too deeply")
            continue
        if not isinstance(row, dict):
            yield InputRejected(where, "JSON line is not an object")
            continue
        body = row.get("text")
        if not isinstance(body, str) or not body.strip():
            yield InputRejected(where, "row has no 'text'")
            continue
        wrong = next((k for k in ("url", "outlet", "published", "title") if row.get(k) is not None
                      and not isinstance(row[k], str)), None)
        if wrong:
            yield InputRejected(where, f"field '{wrong}' is {type(row[wrong]).__name__}, not text")
            continue
        if row.get("id") is not None and not isinstance(row["id"], str | int) or isinstance(row.get("id"), bool):
            yield InputRejected(where, f"field 'id' is {type(row['id']).__name__}, not text or a number")
            continue
        body = _text(body)
        url = _text(row.get("url")) or None
        published, how = find_published(body, url, metadata=_text(row.get("published")))
        yield Article(
            id=_text(str(row.get("id") or "")) or content_id(body), raw_text=body, url=url,
            outlet=_text(row.get("outlet")), title=_text(row.get("title")), published=published,
            published_source=how, source=where, encoding=encoding,
            extra={_text(k): v for k, v in row.items() if k not in JSONL_KEYS and _jsonable(v)},
        )


def _jsonable(value) -> bool:
    try:
        json.dumps(value, ensure_ascii=False).encode("utf-8")
        return True
    except (ValueError, TypeError, UnicodeError, RecursionError):
        return False


def _looks_like_jsonl(text: str) -> bool:
    lines = [ln for ln in text.splitlines() if ln.strip()]
    return bool(lines) and all(ln.lstrip().startswith("{") for ln in lines[:5])


def _looks_like_html(text: str) -> bool:
    head = text.lstrip()[:500].lower()
    return head.startswith("<!doctype html") or "<html" in head


def read_bytes(data: bytes, source: str, suffix: str, stem: str) -> Iterator[Item]:
    try:
        text, encoding = decode(data, source)
    except InputRejected as exc:
        yield exc
        return
    if suffix in JSONL_SUFFIXES or (suffix not in SUPPORTED and _looks_like_jsonl(text)):
        yield from read_jsonl(text, source, encoding)
        return
    try:
        if suffix in HTML_SUFFIXES or (suffix not in SUPPORTED and _looks_like_html(text)):
            yield read_html(text, source, encoding, stem or content_id(text))
        else:
            yield read_text(text, source, encoding, stem or content_id(text))
    except InputRejected as exc:
        yield exc
    except RecursionError:
        yield InputRejected(source, "page nested too deeply to read")
    except Exception as exc:  # a parser's failure on one odd page refuses that page only
        yield InputRejected(source, f"cannot be read ({type(exc).__name__}: {str(exc)[:200]})")


def read_path(path: Path, max_bytes: int, article_id: str | None = None) -> Iterator[Item]:
    """One file; its articles' id is `article_id` (a walked file's path below the walked directory)
    or the file's stem."""
    source = shown(path)
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        yield InputRejected(source, "no such file or directory")
        return
    except OSError as exc:
        yield InputRejected(source, f"cannot read ({exc.strerror})")
        return
    if size > max_bytes:
        yield InputRejected(source, f"file is {size:,} bytes, over the {max_bytes:,}-byte limit (--max-bytes)")
        return
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield InputRejected(source, f"cannot read ({exc.strerror})")
        return
    yield from read_bytes(data, source, path.suffix.lower(), article_id or shown(path.stem))


def walk(root: Path) -> Iterator[Path | InputRejected]:
    """Supported files below a directory, sorted, hidden ones skipped; a directory that cannot be
    listed is reported (an InputRejected), not silently left out."""
    problems: list[InputRejected] = []

    def report(exc: OSError) -> None:
        problems.append(InputRejected(shown(exc.filename or root), f"directory skipped: cannot list it ({exc.strerror})"))

    found = []
    for here, dirs, files in os.walk(root, onerror=report):
        rel = Path(here).relative_to(root)
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        if any(part.startswith(".") for part in rel.parts):
            continue
        found += [Path(here) / f for f in files if not f.startswith(".") and Path(f).suffix.lower() in SUPPORTED]
    yield from problems
    yield from sorted(found)


def iter_files(root: Path) -> Iterator[Path]:
    """Supported files below a directory, sorted, hidden ones skipped."""
    return (p for p in walk(root) if isinstance(p, Path))


def walked_id(root: Path, path: Path) -> str:
    """A walked file's article id: its path below the walked directory without the suffix
    ('d1/report'), unique where two sub-directories hold files of one name."""
    return shown(path.relative_to(root).with_suffix("").as_posix())


def read_inputs(inputs: Iterable[str], max_bytes: int, stdin=None) -> Iterator[Item]:
    """Articles from every input in order: '-' is standard input, directories are walked."""
    for name in inputs:
        if name == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            data = stream.read(max_bytes + 1)
            if len(data) > max_bytes:
                yield InputRejected("<stdin>", f"input is over the {max_bytes:,}-byte limit (--max-bytes)")
                continue
            yield from read_bytes(data, "<stdin>", "", "")
            continue
        path = Path(name)
        if path.is_dir():
            for f in walk(path):
                if isinstance(f, InputRejected):
                    yield f
                else:
                    yield from read_path(f, max_bytes, walked_id(path, f))
        else:
            yield from read_path(path, max_bytes)


def count_articles(inputs: Iterable[str]) -> int | None:
    """How many articles INPUTS hold, cheaply (JSONL lines, files), for a progress bar; None for stdin."""
    total = 0
    for name in inputs:
        if name == "-":
            return None
        path = Path(name)
        files = list(iter_files(path)) if path.is_dir() else [path]
        for f in files:
            try:
                if f.suffix.lower() in JSONL_SUFFIXES:
                    with f.open("rb") as fh:
                        total += sum(1 for line in fh if line.strip())
                else:
                    total += 1
            except OSError:
                total += 1
    return total
