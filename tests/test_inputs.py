"""Reading inputs: decoding, bad files, HTML, folder walking."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from plancli.inputs import (
    InputError,
    decode_bytes,
    format_size,
    iter_inputs,
    load_source,
    parse_glob,
    parse_size,
    read_document,
)
from plancli.records import Document

ENGLISH = "By 2025, exports will exceed 10 billion yuan.\n"
CHINESE = "到2025年，全省地区生产总值将达到1万亿元，城镇化率提高到65%。\n"
WESTERN = "The plan’s “targets” include €1.2 billion in investment by 2025 – officials said.\n"

PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Province sets green goals</title>
<meta property="article:published_time" content="2021-03-12T08:00:00+08:00"></head>
<body><nav>Home | News | Sport | Contact</nav>
<article><h1>Province sets green goals</h1>
<p>The province will raise the share of renewable energy to 48 percent by 2025, officials said on Friday.</p>
<p>Investment in infrastructure will exceed 1 trillion yuan during the 14th Five-Year Plan period (2021-2025),
according to the plan released by the provincial government on Thursday.</p>
</article><footer>Copyright 2021 Example Daily. All rights reserved.</footer></body></html>
"""


def read(path: Path, **kwargs: object) -> Document:
    return read_document(path, name=path.name, **kwargs)  # type: ignore[arg-type]


def reason_for(path: Path, **kwargs: object) -> str:
    with pytest.raises(InputError) as caught:
        read(path, **kwargs)
    return caught.value.reason


# --- decoding ---------------------------------------------------------------------------


def test_plain_utf8(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(ENGLISH, encoding="utf-8")
    assert read(path) == Document(ENGLISH, source="a.txt", published=None)


def test_utf8_bom_is_dropped(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes(codecs.BOM_UTF8 + ENGLISH.encode("utf-8"))
    assert read(path).text == ENGLISH


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_with_bom(tmp_path: Path, encoding: str) -> None:
    bom = codecs.BOM_UTF16_LE if encoding.endswith("le") else codecs.BOM_UTF16_BE
    path = tmp_path / "wide.txt"
    path.write_bytes(bom + (ENGLISH + CHINESE).encode(encoding))  # has NUL bytes, still text
    assert read(path).text == ENGLISH + CHINESE


def test_gb18030(tmp_path: Path) -> None:
    path = tmp_path / "zh.txt"
    path.write_bytes(CHINESE.encode("gb18030"))
    assert read(path).text == CHINESE


def test_gbk_mixed_with_english(tmp_path: Path) -> None:
    text = "到2025年 GDP will reach 1 trillion yuan; 城镇化率 65%\n"
    path = tmp_path / "mixed.txt"
    path.write_bytes(text.encode("gbk"))
    assert read(path).text == text


def test_windows_1252_smart_quotes_and_euro(tmp_path: Path) -> None:
    path = tmp_path / "cp1252.txt"
    path.write_bytes(WESTERN.encode("cp1252"))
    assert read(path).text == WESTERN


def test_crlf_becomes_lf_and_lone_cr_is_kept(tmp_path: Path) -> None:
    path = tmp_path / "dos.txt"
    path.write_bytes(b"Line one.\r\nLine two.\r\nOld\rMac\n")
    assert read(path).text == "Line one.\nLine two.\nOld\rMac\n"


def test_crlf_in_utf16(tmp_path: Path) -> None:
    path = tmp_path / "dos16.txt"
    path.write_bytes(codecs.BOM_UTF16_LE + "a\r\nb".encode("utf-16-le"))
    assert read(path).text == "a\nb"


def test_decode_bytes_never_guesses_when_utf8() -> None:
    assert decode_bytes("café – 5 €".encode(), name="x") == "café – 5 €"


# --- bad inputs -------------------------------------------------------------------------


def test_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "x.bin"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert reason_for(path) == "binary file"


def test_error_is_one_line_naming_the_file(tmp_path: Path) -> None:
    path = tmp_path / "x.bin"
    path.write_bytes(b"abc\x00def")
    with pytest.raises(InputError) as caught:
        read_document(path, name="news/x.bin")
    assert str(caught.value) == "news/x.bin: skipped: binary file"


def test_empty_file_is_an_empty_document(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    assert read_document(path, name="empty.txt").text == ""


def test_bom_only_is_empty(tmp_path: Path) -> None:
    path = tmp_path / "bom-only.txt"
    path.write_bytes(codecs.BOM_UTF8)
    assert read_document(path, name="bom-only.txt").text == ""


def test_unreadable_permission_denied(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # We may run as root, where chmod 000 changes nothing: simulate the error instead.
    path = tmp_path / "secret.txt"
    path.write_text(ENGLISH)

    def denied(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("plancli.inputs.open", denied, raising=False)
    assert reason_for(path) == "unreadable: permission denied"


def test_directory_named_like_a_file(tmp_path: Path) -> None:
    path = tmp_path / "folder.txt"
    path.mkdir()
    assert reason_for(path) == "unreadable: is a directory"


def test_nonexistent(tmp_path: Path) -> None:
    assert reason_for(tmp_path / "missing.txt") == "no such file"


def test_broken_symlink(tmp_path: Path) -> None:
    link = tmp_path / "dangling.txt"
    link.symlink_to(tmp_path / "gone.txt")
    assert reason_for(link) == "no such file"


def test_oversize(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text("x" * 100)
    assert reason_for(path, max_size=10) == "larger than --max-size (10 bytes)"
    assert read(path, max_size=100).text == "x" * 100


def test_undecodable(tmp_path: Path) -> None:
    path = tmp_path / "noise.txt"
    # Invalid UTF-8 and not text in GB18030 or Windows-1252 (0x81 and 0x8D are undefined there).
    path.write_bytes(bytes([0x81, 0x8D, 0xFF, 0x81, 0x30]) * 3)
    assert reason_for(path) == "cannot decode text"


# --- HTML -------------------------------------------------------------------------------


def test_html_article_text_and_published_date(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")
    doc = read(path)
    assert doc.published == "2021-03-12"
    assert "renewable energy to 48 percent by 2025" in doc.text
    assert "1 trillion yuan" in doc.text
    assert "<p>" not in doc.text
    assert "Home | News" not in doc.text  # navigation is not article text


def test_html_without_date_metadata(tmp_path: Path) -> None:
    path = tmp_path / "nodate.htm"
    path.write_text(PAGE.replace('<meta property="article:published_time" content="2021-03-12T08:00:00+08:00">', ""))
    doc = read(path)
    assert doc.published is None
    assert "48 percent" in doc.text


def test_html_declared_legacy_charset(tmp_path: Path) -> None:
    page = PAGE.replace('charset="utf-8"', 'charset="gbk"').replace("officials said", "官员表示")
    path = tmp_path / "gbk.html"
    path.write_bytes(page.encode("gbk"))
    assert "官员表示" in read(path).text


def test_html_without_article_text(tmp_path: Path) -> None:
    path = tmp_path / "blank.html"
    path.write_text("<html><head><title>t</title></head><body></body></html>")
    assert reason_for(path) == "no article text found in HTML"


# --- finding inputs ---------------------------------------------------------------------


def make_tree(root: Path) -> None:
    (root / "b").mkdir(parents=True)
    (root / "a").mkdir()
    (root / ".git").mkdir()
    for name in ["z.txt", "b/y.txt", "a/x.txt", "a/page.html", "a/notes.md", ".hidden.txt", ".git/c.txt", "UP.TXT"]:
        (root / name).write_text(ENGLISH)


def test_walk_sorted_with_relative_posix_names(tmp_path: Path) -> None:
    make_tree(tmp_path / "news")
    sources = list(iter_inputs([str(tmp_path / "news")], "*.txt"))
    assert [s.name for s in sources] == ["UP.TXT", "a/x.txt", "b/y.txt", "z.txt"]
    assert sources[1].display == (tmp_path / "news" / "a" / "x.txt").as_posix()
    assert sources[1].size == len(ENGLISH)


def test_walk_with_comma_glob(tmp_path: Path) -> None:
    make_tree(tmp_path)
    names = [s.name for s in iter_inputs([str(tmp_path)], "*.txt, *.html")]
    assert names == ["UP.TXT", "a/page.html", "a/x.txt", "b/y.txt", "z.txt"]


def test_file_given_directly_and_missing_path(tmp_path: Path) -> None:
    make_tree(tmp_path)
    missing = str(tmp_path / "nope.txt")
    sources = list(iter_inputs([str(tmp_path / "a" / "notes.md"), missing, "-"], "*.txt"))
    assert [s.name for s in sources] == ["notes.md", "nope.txt", "-"]
    assert sources[1].display == missing
    assert sources[2].path is None
    with pytest.raises(InputError, match="no such file"):
        load_source(sources[1])


def test_broken_symlink_in_folder_is_listed(tmp_path: Path) -> None:
    (tmp_path / "ok.txt").write_text(ENGLISH)
    (tmp_path / "dangling.txt").symlink_to(tmp_path / "gone.txt")
    sources = list(iter_inputs([str(tmp_path)], "*.txt"))
    assert [s.name for s in sources] == ["dangling.txt", "ok.txt"]
    with pytest.raises(InputError, match="no such file"):
        load_source(sources[0])


def test_parse_glob_rejects_empty() -> None:
    assert parse_glob("*.txt,*.html") == ("*.txt", "*.html")
    with pytest.raises(ValueError):
        parse_glob(" , ")


@pytest.mark.parametrize(
    ("text", "size"),
    [("20000000", 20_000_000), ("20MB", 20_000_000), ("20 mb", 20_000_000), ("500kB", 500_000), ("1.5GB", 1_500_000_000),
     ("2MiB", 2 * 1024 * 1024), ("10", 10), ("10b", 10)],
)
def test_parse_size(text: str, size: int) -> None:
    assert parse_size(text) == size


@pytest.mark.parametrize("text", ["", "MB", "-5", "0", "12 parsecs", "1e6"])
def test_parse_size_rejects(text: str) -> None:
    with pytest.raises(ValueError):
        parse_size(text)


def test_format_size() -> None:
    assert format_size(20_000_000) == "20 MB"
    assert format_size(1_500) == "1.5 kB"
    assert format_size(10) == "10 bytes"
