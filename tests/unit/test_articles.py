"""The article reader: each input format, the seed with its sidecar, and every bad-input message."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from exporter.articles import Article, ArticleError, read_article_bytes, read_articles

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "000_6bcff8eae5855749.txt"

HTML = """<!DOCTYPE html>
<html lang="en"><head><title>Turkey buys S-400 | Example News</title>
<meta property="og:title" content="Turkey buys S-400">
<meta property="og:site_name" content="Example News">
<meta property="og:url" content="https://example.com/a/1">
<meta property="article:published_time" content="2019-03-29T10:00:00Z">
</head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Turkey buys S-400</h1>
<p>ANKARA, March 29. Turkey and Russia are in talks on the timeframe for deliveries of S-400
air defence systems, the foreign minister said on Friday after meeting his counterpart.</p>
<p>The contract was signed in 2017 and the first deliveries are expected in July, according
to officials familiar with the matter who spoke to reporters.</p>
</article><footer>Copyright Example News</footer></body></html>
"""
HTML_BODY = (
    "Turkey buys S-400\n\n"
    "ANKARA, March 29. Turkey and Russia are in talks on the timeframe for deliveries of S-400 "
    "air defence systems, the foreign minister said on Friday after meeting his counterpart.\n\n"
    "The contract was signed in 2017 and the first deliveries are expected in July, according "
    "to officials familiar with the matter who spoke to reporters."
)


def read(*paths: Path | str, **kwargs: object) -> list[Article | ArticleError]:
    """Everything read_articles gives for `paths`, as a list."""
    return list(read_articles([str(p) for p in paths], **kwargs))  # type: ignore[arg-type]


def one(*paths: Path | str, **kwargs: object) -> Article:
    """The single Article that `paths` must give."""
    [article] = read(*paths, **kwargs)
    assert isinstance(article, Article), str(article)
    return article


def error(*paths: Path | str, **kwargs: object) -> str:
    """The message of the single ArticleError that `paths` must give."""
    [err] = read(*paths, **kwargs)
    assert isinstance(err, ArticleError), err
    return str(err)


def write(path: Path, content: str | bytes) -> Path:
    """Write `content` (text as UTF-8) to `path` and return it."""
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return path


# --- the formats -----------------------------------------------------------------------------


def test_seed_is_read_with_its_sidecar() -> None:
    article = one(SEED)
    assert article.text == SEED.read_text(encoding="utf-8")
    assert article.name == str(SEED)
    assert article.title == "Ankara, Moscow negotiating timeframe for S-400 deliveries to Turkey"
    assert article.publisher == "TASS"
    assert article.published == "2019-03-29"
    assert article.url is None
    assert article.language == "en"


def test_plain_text_without_metadata(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", "\ufeffLine one\r\nLine two\rLine three\n")
    assert one(path) == Article(text="Line one\nLine two\nLine three\n", name=str(path))


def test_front_matter(tmp_path: Path) -> None:
    path = write(
        tmp_path / "a.md",
        "---\ntitle: Deal signed\npublisher: Reuters\npublished: 2020-01-02\n"
        "url: https://example.com/x\nlanguage: de\nauthor: ignored\n---\nBody text.\n",
    )
    write(tmp_path / "a.meta.yaml", "title: not used, front matter wins\n")
    assert one(path) == Article(
        text="Body text.\n",
        name=str(path),
        title="Deal signed",
        publisher="Reuters",
        url="https://example.com/x",
        published="2020-01-02",
        language="de",
    )


def test_front_matter_timestamp_and_yaml_scalars_stay_strings(tmp_path: Path) -> None:
    path = write(
        tmp_path / "a.txt",
        "---\ntitle: 1984\npublished: 2020-01-02T10:00:00Z\nlanguage: no\n---\nBody\n",
    )
    article = one(path)
    assert (article.title, article.published, article.language) == ("1984", "2020-01-02", "no")


def test_json_article(tmp_path: Path) -> None:
    obj = {
        "body": "Line 1\r\nLine 2",
        "title": "T",
        "publisher": "P",
        "published_at": "2021-05-06T07:08:09+02:00",
        "url": "https://example.com/j",
        "language": "fr",
        "extra": [1, 2],
    }
    path = write(tmp_path / "a.json", json.dumps(obj))
    assert one(path) == Article(
        text="Line 1\nLine 2",
        name=str(path),
        title="T",
        publisher="P",
        url="https://example.com/j",
        published="2021-05-06",
        language="fr",
    )


def test_json_text_key_order_and_date_alias(tmp_path: Path) -> None:
    path = write(tmp_path / "a.json", '{"content": "c", "text": "t", "date": "2019-03-29"}')
    article = one(path)
    assert (article.text, article.published) == ("t", "2019-03-29")


def test_ndjson_bad_line_does_not_stop_the_others(tmp_path: Path) -> None:
    path = write(
        tmp_path / "a.ndjson",
        '{"text": "one", "title": "First"}\n'
        "\n"
        '{"text": "two", oops}\n'
        '{"title": "no text"}\n'
        '{"content": "four", "published": "2019-03-29"}\n',
    )
    items = read(path)
    assert [str(i) if isinstance(i, ArticleError) else i for i in items] == [
        Article(text="one", name=f"{path}:1", title="First"),
        f"{path}:3: invalid JSON at column 17: Expecting property name enclosed in double quotes",
        f"{path}:4: JSON object has no article text (none of the keys text, body, content)",
        Article(text="four", name=f"{path}:5", published="2019-03-29"),
    ]


def test_jsonl_line_not_utf8_and_not_an_object(tmp_path: Path) -> None:
    path = write(tmp_path / "a.jsonl", b'{"text": "ok"}\n[1]\n{"text": "caf\xe9"}\n')
    items = [str(i) if isinstance(i, ArticleError) else i.text for i in read(path)]
    assert items == [
        "ok",
        f"{path}:2: a JSON article must be an object, not an array",
        f"{path}:3: not UTF-8 at column 14 (byte 0xE9)",
    ]


def test_html_page(tmp_path: Path) -> None:
    path = write(tmp_path / "page.html", HTML)
    assert one(path) == Article(
        text=HTML_BODY,
        name=str(path),
        title="Turkey buys S-400",
        publisher="Example News",
        url="https://example.com/a/1",
        published="2019-03-29",
    )


def test_folder_is_read_recursively_in_order(tmp_path: Path) -> None:
    write(tmp_path / "b.txt", "B")
    write(tmp_path / "b.meta.yaml", "title: Bee\n")
    (tmp_path / "sub").mkdir()
    write(tmp_path / "sub" / "c.json", '{"text": "C"}')
    write(tmp_path / "a.md", "A")
    write(tmp_path / "notes.csv", "x,y")
    (tmp_path / ".hidden").mkdir()
    write(tmp_path / ".hidden" / "h.txt", "H")
    items = read(tmp_path)
    assert [(a.name, a.text, a.title) for a in items if isinstance(a, Article)] == [
        (str(tmp_path / "a.md"), "A", None),
        (str(tmp_path / "b.txt"), "B", "Bee"),
        (str(tmp_path / "sub" / "c.json"), "C", None),
    ]
    assert len(items) == 3


def test_sidecars_are_skipped_when_given_directly_or_by_glob(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", "A")
    sidecar = write(tmp_path / "a.meta.yaml", "title: T\n")
    assert read(sidecar) == []
    assert [a.title for a in read(tmp_path / "*") if isinstance(a, Article)] == ["T"]


def test_metadata_fills_in_but_never_overrides(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", "---\ntitle: Own title\n---\nBody\n")
    fill = {"title": "Given", "publisher": "TASS", "published": "2019-03-29"}
    article = one(path, metadata=fill)
    assert (article.title, article.publisher, article.published) == (
        "Own title",
        "TASS",
        "2019-03-29",
    )
    seed = one(SEED, metadata={"publisher": "Other", "url": "https://tass.com/x"})
    assert (seed.publisher, seed.url) == ("TASS", "https://tass.com/x")


def test_metadata_with_bad_date_or_key_is_a_usage_error(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", "Body")
    with pytest.raises(ValueError, match=r"metadata: published is not a date: 'soon'"):
        read(path, metadata={"published": "soon"})
    with pytest.raises(ValueError, match="unknown metadata key"):
        read(path, metadata={"author": "x"})


# --- stdin and bytes ---------------------------------------------------------------------------


class _Stdin:
    """Stands in for sys.stdin: only .buffer is used."""

    def __init__(self, data: bytes) -> None:
        self.buffer = io.BytesIO(data)


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"Plain words.\n", [("<stdin>", "Plain words.\n")]),
        (b"---\ntitle: T\n---\nBody\n", [("<stdin>", "Body\n")]),
        (b'  {\n  "text": "pretty"\n}\n', [("<stdin>", "pretty")]),
        (b'{"text": "x"}\n{"text": "y"}\n', [("<stdin>:1", "x"), ("<stdin>:2", "y")]),
        (HTML.encode(), [("<stdin>", HTML_BODY)]),
    ],
)
def test_stdin_is_sniffed(
    monkeypatch: pytest.MonkeyPatch, data: bytes, expected: list[tuple[str, str]]
) -> None:
    monkeypatch.setattr("sys.stdin", _Stdin(data))
    items = read("-")
    assert all(isinstance(i, Article) for i in items), items
    assert [(a.name, a.text) for a in items if isinstance(a, Article)] == expected


def test_read_article_bytes_uses_the_name_extension() -> None:
    [article] = read_article_bytes(b'{"text": "t"}', "x.txt", metadata={"publisher": "P"})
    assert article == Article(text='{"text": "t"}', name="x.txt", publisher="P")
    [err] = read_article_bytes(b"", "<stdin>")
    assert str(err) == "<stdin>: empty: no article text"


# --- bad input -----------------------------------------------------------------------------------


def test_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "nope.txt"
    assert error(path) == f"{path}: No such file or directory"
    assert (
        error(tmp_path / "*.zzz")
        == f"{tmp_path / '*.zzz'}: No such file (nothing matches this pattern)"
    )


def test_folder_without_articles(tmp_path: Path) -> None:
    write(tmp_path / "data.csv", "x")
    assert error(tmp_path) == (
        f"{tmp_path}: folder with no articles "
        "(no .txt .md .json .ndjson .jsonl .html .htm files in it)"
    )


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("a.txt", b"", "empty: no article text"),
        ("a.txt", b" \n\t\n", "empty: no article text"),
        ("a.txt", b"---\ntitle: T\n---\n\n", "empty: no article text"),
        ("a.json", b'{"text": ""}', "empty: no article text"),
        ("a.ndjson", b"\n\n", "empty: no article text"),
        ("a.txt", b"PK\x03\x04\x00\x00", "binary data, not text (NUL byte at offset 4)"),
        ("a.txt", b"line one\ncaf\xe9 au lait\n", "not UTF-8 at line 2, column 4 (byte 0xE9)"),
        (
            "a.txt",
            "\u00e9t\u00e9 \xff".encode("latin-1"),
            "not UTF-8 at line 1, column 1 (byte 0xE9)",
        ),
        (
            "a.json",
            b'{"title": "T"}',
            "JSON object has no article text (none of the keys text, body, content)",
        ),
        ("a.json", b'{"text": 5}', '"text" must be a string, not a number'),
        (
            "a.json",
            b'{"text": "x",\n "title": }',
            "invalid JSON at line 2, column 11: Expecting value",
        ),
        ("a.json", b'"just a string"', "a JSON article must be an object, not a string"),
        (
            "a.json",
            b'{"text": "x", "published": "March 2019"}',
            "published is not a date: 'March 2019' (expected YYYY-MM-DD)",
        ),
        ("a.json", b'{"text": "x", "title": ["a"]}', "title must be a string, not a list"),
        (
            "a.html",
            b"<html><body><nav>Home</nav></body></html>",
            "no article text found in the HTML page",
        ),
    ],
)
def test_bad_input(tmp_path: Path, name: str, content: bytes, message: str) -> None:
    path = write(tmp_path / name, content)
    assert error(path) == f"{path}: {message}"


def test_too_big(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", "x" * 101)
    assert (
        error(path, max_bytes=100)
        == f"{path}: 101 bytes, more than the limit of 100 for one article"
    )
    lines = write(tmp_path / "a.ndjson", '{"text": "short"}\n{"text": "' + "y" * 100 + '"}\n')
    items = read(lines, max_bytes=100)
    assert isinstance(items[0], Article)
    assert str(items[1]) == f"{lines}:2: 112 bytes, more than the limit of 100 for one article"


def test_invalid_front_matter_names_its_line(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", "---\ntitle: T\npublisher: [unclosed\n---\nBody\n")
    assert error(path) == (
        f"{path}:3: invalid YAML front matter: expected ',' or ']', but got '<stream end>'"
    )
    path = write(tmp_path / "b.txt", "---\ntitle: a: b\n---\nBody\n")
    assert (
        error(path) == f"{path}:2: invalid YAML front matter: mapping values are not allowed here"
    )


def test_front_matter_problems(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", "---\ntitle: T\nBody with no closing fence\n")
    assert error(path) == f"{path}:1: front matter opened with --- is never closed by a --- line"
    path = write(tmp_path / "b.txt", "---\n- a list\n---\nBody\n")
    assert error(path) == f"{path}: front matter must be a YAML mapping of keys to values"
    path = write(tmp_path / "c.txt", "---\npublished: 2019-02-30\n---\nBody\n")
    assert error(path) == f"{path}: published is not a date: '2019-02-30' (expected YYYY-MM-DD)"


def test_bad_sidecar_is_reported_under_its_own_name(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", "Body")
    sidecar = write(tmp_path / "a.meta.yaml", "title: T\n  bad: indent\n")
    assert error(path) == f"{sidecar}:2: invalid YAML metadata: mapping values are not allowed here"


def test_errors_do_not_stop_the_other_inputs(tmp_path: Path) -> None:
    good = write(tmp_path / "good.txt", "Fine")
    items = read(tmp_path / "missing.txt", write(tmp_path / "bad.txt", b"\x00"), good)
    assert [type(i).__name__ for i in items] == ["ArticleError", "ArticleError", "Article"]
