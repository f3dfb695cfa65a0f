"""Finding input files and turning their bytes into :class:`~plancli.records.Document`.

No spaCy here. trafilatura and charset-normalizer are imported on first use.

Offsets in records refer to the decoded text *after* newline normalization:
the only change made to the decoded text is ``"\\r\\n"`` -> ``"\\n"`` (a lone
``"\\r"`` is kept). For HTML input they refer to the article text extracted by
trafilatura, not to the markup; for PDF and Word files to the cleaned text of
:mod:`plancli.documents`.

Names of files are made printable for records and messages: bytes that are not
UTF-8 become ``\\xNN`` escapes and control characters (a newline in a name)
become ``\\n``-style escapes, so every message stays on one line.
"""

from __future__ import annotations

import codecs
import os
import re
import stat
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from plancli.records import Document

DEFAULT_MAX_SIZE = 20_000_000
DEFAULT_GLOB = "*.txt,*.html,*.htm,*.pdf,*.docx"
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
PDF_SUFFIXES = frozenset({".pdf"})
DOCX_SUFFIXES = frozenset({".docx"})
_SPECIAL_FILES = (
    (stat.S_ISFIFO, "named pipe"),
    (stat.S_ISSOCK, "socket"),
    (stat.S_ISCHR, "character device"),
    (stat.S_ISBLK, "block device"),
)

#: Legacy encodings tried (by charset-normalizer) when the bytes are not UTF-8.
#: GB18030 covers GBK and GB2312; Windows-1252 covers the printable Latin-1 range.
LEGACY_ENCODINGS: tuple[str, ...] = ("gb18030", "cp1252")

_BOMS: tuple[tuple[bytes, str], ...] = (
    # UTF-32 first: its little-endian BOM starts with the UTF-16 one.
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_HTML_START = re.compile(r"\s*<(!doctype\s+html|html[\s>])", re.IGNORECASE)


class InputError(Exception):
    """An input that was skipped; ``str()`` is one line: ``news/x.bin: skipped: binary file``."""

    def __init__(self, name: str, reason: str) -> None:
        super().__init__(name, reason)
        self.name = name
        self.reason = reason

    def __str__(self) -> str:
        return f"{self.name}: skipped: {self.reason}"


@dataclass(frozen=True, slots=True)
class Source:
    """One input to read.

    ``name`` becomes the record's ``doc`` field; ``display`` is the path as the
    user can find it (used in error lines); both are printable (see
    :func:`printable_name`). ``path`` is None for stdin, whose bytes are read
    up front into ``data``. ``explicit`` is true for a path named on the command
    line: a named pipe given by name (``<(curl ...)``) is read, one met in a
    folder is not.
    """

    name: str
    display: str
    path: Path | None
    size: int = 0
    data: bytes | None = None
    explicit: bool = False


def iter_inputs(
    paths: Sequence[str], glob: str = DEFAULT_GLOB, *, on_empty: Callable[[str], None] | None = None
) -> Iterator[Source]:
    """Expand command-line paths into sources, in a deterministic order.

    A file is taken as given (whatever its name); a folder is walked
    recursively for files whose name matches ``glob`` (a comma list such as
    ``"*.txt,*.html"``, case-insensitive; hidden files and folders are
    skipped), sorted by path; ``-`` is stdin. A path that does not exist is
    still yielded, so reading it reports ``no such file`` in its turn.
    ``on_empty`` is called with a folder in which nothing matched.
    """
    patterns = parse_glob(glob)
    for given in paths:
        if given == "-":
            yield Source(name="-", display="-", path=None)
            continue
        path = Path(given)
        if path.is_dir():
            found = list(_walk(path, patterns))
            if not found and on_empty is not None:
                on_empty(given)
            yield from found
        else:
            name = printable_name(path.name or given)
            yield Source(name=name, display=printable_name(given), path=path, size=_size(path), explicit=True)


def printable_name(name: str) -> str:
    """A file name safe to print and to write as UTF-8 on one line.

    Bytes that are not UTF-8 (kept by Python as surrogate escapes) become
    ``\\xNN``; control characters become escapes such as ``\\n``.
    """
    try:
        text = os.fsencode(name).decode("utf-8", "backslashreplace")
    except (UnicodeError, ValueError):
        text = name.encode("utf-8", "backslashreplace").decode("utf-8")
    if text.isprintable():
        return text
    return "".join(char if char.isprintable() else char.encode("unicode_escape").decode("ascii") for char in text)


def parse_glob(glob: str) -> tuple[str, ...]:
    """``"*.txt, *.html"`` -> ``("*.txt", "*.html")``; raises ValueError when empty."""
    patterns = tuple(part.strip() for part in glob.split(",") if part.strip())
    if not patterns:
        raise ValueError("expected one or more patterns such as '*.txt' or '*.txt,*.html'")
    return patterns


def _walk(folder: Path, patterns: tuple[str, ...]) -> Iterator[Source]:
    found: list[tuple[str, Path]] = []
    # Symlinked folders are not followed (no cycles); symlinked files are.
    for root, dirnames, filenames in os.walk(folder):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        root_path = Path(root)
        for filename in filenames:
            if filename.startswith("."):
                continue
            relative = (root_path / filename).relative_to(folder).as_posix()
            if _matches(relative, patterns):
                found.append((relative, root_path / filename))
    found.sort(key=lambda item: item[0])
    for relative, path in found:
        yield Source(
            name=printable_name(relative), display=printable_name(path.as_posix()), path=path, size=_size(path)
        )


def _matches(relative: str, patterns: tuple[str, ...]) -> bool:
    lowered = PurePosixPath(relative.lower())
    return any(lowered.match(pattern.lower()) for pattern in patterns)


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def read_stdin(max_size: int = DEFAULT_MAX_SIZE) -> Source:
    """Read stdin once, up front (worker processes cannot share it)."""
    data = sys.stdin.buffer.read(max_size + 1)
    return Source(name="-", display="-", path=None, size=len(data), data=data)


def load_source(source: Source, *, max_size: int = DEFAULT_MAX_SIZE) -> Document:
    """The document for ``source``; raises :class:`InputError`.

    An empty file (or one with only white space) is no error: its document has no text.
    """
    if source.path is None:
        data = source.data if source.data is not None else read_stdin(max_size).data or b""
        _check_size(data, max_size, source.name)
        return parse_document(data, name=source.name, html=None)
    return read_document(source.path, max_size=max_size, name=source.name, special_files=source.explicit)


def read_document(
    path: Path, *, max_size: int = DEFAULT_MAX_SIZE, name: str, special_files: bool = False
) -> Document:
    """Read, decode and extract one file: text, HTML (``.html``/``.htm``), PDF or Word (``.docx``).

    Raises :class:`InputError` naming ``name`` for binary, missing,
    unreadable, oversized or undecodable files, and for PDFs without a text layer.
    """
    data = read_bytes(path, max_size=max_size, name=name, special_files=special_files)
    suffix = path.suffix.lower()
    if suffix in DOCX_SUFFIXES or suffix in PDF_SUFFIXES:
        return document_file(data, name=name, kind="docx" if suffix in DOCX_SUFFIXES else "pdf")
    return parse_document(data, name=name, html=suffix in HTML_SUFFIXES)


def read_bytes(path: Path, *, max_size: int = DEFAULT_MAX_SIZE, name: str, special_files: bool = False) -> bytes:
    """The raw bytes of ``path``, at most ``max_size`` of them.

    Named pipes, sockets and devices are refused without being opened (opening
    a pipe with no writer would wait forever), unless ``special_files`` allows
    pipes and character devices (a path the user named).
    """
    try:
        info = os.stat(path)
        if stat.S_ISDIR(info.st_mode):
            raise InputError(name, "unreadable: is a directory")
        if not stat.S_ISREG(info.st_mode):
            kind = next((kind for test, kind in _SPECIAL_FILES if test(info.st_mode)), "special file")
            allowed = special_files and (stat.S_ISFIFO(info.st_mode) or stat.S_ISCHR(info.st_mode))
            if not allowed:
                raise InputError(name, f"not a regular file ({kind})")
        if stat.S_ISREG(info.st_mode) and info.st_size > max_size:
            raise InputError(name, f"larger than --max-size ({format_size(max_size)})")
        with open(path, "rb") as handle:
            # Bounded read: FIFOs and files growing while we read have no trustworthy size.
            data = handle.read(max_size + 1)
    except (FileNotFoundError, NotADirectoryError):
        raise InputError(name, "no such file") from None
    except PermissionError:
        raise InputError(name, "unreadable: permission denied") from None
    except IsADirectoryError:
        raise InputError(name, "unreadable: is a directory") from None
    except InputError:
        raise
    except OSError as error:
        raise InputError(name, f"unreadable: {(error.strerror or str(error)).lower()}") from None
    _check_size(data, max_size, name)
    return data


def _check_size(data: bytes, max_size: int, name: str) -> None:
    if len(data) > max_size:
        raise InputError(name, f"larger than --max-size ({format_size(max_size)})")


def parse_document(data: bytes, *, name: str, html: bool | None) -> Document:
    """Decode ``data`` into a document; ``html=None`` sniffs for an HTML start tag.

    Bytes that start like a PDF are read as one whatever the name; with
    ``html=None`` (stdin) a Word file is recognized by its zip layout too.
    """
    if data.startswith(b"%PDF-"):
        return document_file(data, name=name, kind="pdf")
    if html is None and data.startswith(b"PK\x03\x04") and b"word/" in data[:65536]:
        return document_file(data, name=name, kind="docx")
    if not data:
        return Document("", source=name, published=None)
    text = decode_bytes(data, name=name, html=bool(html))
    if html is None:
        html = _HTML_START.match(text[:1024]) is not None
    if html:
        return html_document(text, name=name)
    return Document(text, source=name, published=None)


def document_file(data: bytes, *, name: str, kind: str) -> Document:
    """The text of a PDF (``kind="pdf"``) or Word file (``"docx"``); raises :class:`InputError`."""
    from plancli.documents import DocumentError, docx_text, pdf_text

    try:
        text = pdf_text(data) if kind == "pdf" else docx_text(data)
    except DocumentError as error:
        raise InputError(name, str(error)) from None
    return Document(text, source=name, published=None)


def decode_bytes(data: bytes, *, name: str, html: bool = False) -> str:
    """Decode text bytes: BOM (UTF-8/16/32), then UTF-8, then (HTML) the declared
    charset, then charset-normalizer limited to :data:`LEGACY_ENCODINGS`.

    ``"\\r\\n"`` becomes ``"\\n"``; nothing else is changed.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return _newlines(data.decode(encoding))
            except UnicodeDecodeError:
                raise InputError(name, "cannot decode text") from None
    if b"\x00" in data:
        raise InputError(name, "binary file")
    try:
        return _newlines(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    if html:
        declared = _declared_charset(data)
        if declared is not None:
            try:
                return _newlines(data.decode(declared))
            except UnicodeDecodeError:
                pass
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=list(LEGACY_ENCODINGS)).best()
    if best is None:
        raise InputError(name, "cannot decode text")
    return _newlines(str(best))


def _declared_charset(data: bytes) -> str | None:
    match = _META_CHARSET.search(data[:4096])
    if match is None:
        return None
    try:
        return codecs.lookup(match.group(1).decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return None


def _newlines(text: str) -> str:
    return text.replace("\r\n", "\n")


def html_document(html: str, *, name: str) -> Document:
    """The main article text of an HTML page and its publication date (from metadata)."""
    import trafilatura

    text = trafilatura.extract(html, output_format="txt", include_comments=False)
    if not text or not text.strip():
        raise InputError(name, "no article text found in HTML")
    # extensive=False: only dates the page declares (meta tags, JSON-LD, <time>), no guessing from prose.
    metadata = trafilatura.extract_metadata(html, extensive=False)
    published = getattr(metadata, "date", None) if metadata is not None else None
    return Document(_newlines(text), source=name, published=published or None)


def format_size(size: int) -> str:
    """``20_000_000`` -> ``"20 MB"``; small sizes in kB or bytes."""
    for unit, factor in (("GB", 10**9), ("MB", 10**6), ("kB", 10**3)):
        if size >= factor:
            return f"{size / factor:g} {unit}"
    return f"{size} bytes"


_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([kmg]i?b?|b|bytes?)?\s*$", re.IGNORECASE)
_FACTORS = {"": 1, "b": 1, "byte": 1, "bytes": 1, "k": 10**3, "m": 10**6, "g": 10**9}


def parse_size(value: str) -> int:
    """``"20MB"`` -> ``20_000_000``; also bytes, kB, GB and KiB/MiB/GiB. Raises ValueError."""
    match = _SIZE.match(value)
    if match is None:
        raise ValueError(f"expected a size such as 20000000, 500kB or 20MB, got {value!r}")
    number, unit = float(match.group(1)), (match.group(2) or "").lower()
    if unit in _FACTORS:
        factor = _FACTORS[unit]
    elif "i" in unit:
        factor = 1024 ** ("kmg".index(unit[0]) + 1)
    else:
        factor = _FACTORS[unit[0]]
    size = int(number * factor)
    if size <= 0:
        raise ValueError(f"expected a size above zero, got {value!r}")
    return size


__all__ = [
    "DEFAULT_GLOB",
    "DEFAULT_MAX_SIZE",
    "InputError",
    "Source",
    "decode_bytes",
    "format_size",
    "iter_inputs",
    "load_source",
    "parse_glob",
    "parse_size",
    "printable_name",
    "read_document",
    "read_stdin",
]
