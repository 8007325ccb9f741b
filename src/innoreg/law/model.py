"""The structured act: chapters, articles numbered through the act, paragraphs, and the Akoma
Ntoso eIds (`chp_2`, `art_7`, `art_7__para_2`) that rules and citations point at.

Articles are numbered through the whole act, as Chinese citations (第七条第二款) are, so an
article's eId does not carry its chapter."""

from __future__ import annotations

from dataclasses import dataclass, field

from innoreg.errors import CitationError


def chapter_eid(num: int) -> str:
    return f"chp_{num}"


def article_eid(num: int) -> str:
    return f"art_{num}"


def paragraph_eid(article_num: int, num: int) -> str:
    return f"art_{article_num}__para_{num}"


@dataclass(frozen=True)
class Paragraph:
    """One paragraph (款) of an article; the first always exists, even when it is the only one."""

    eid: str
    num: int
    text: str


@dataclass(frozen=True)
class Article:
    """An article (条): `label` is the source's own ("Article 7:", "Seventh", "article 1"),
    `text` the article's words without it, exactly as the source has them."""

    num: int
    eid: str
    label: str
    text: str
    paragraphs: tuple[Paragraph, ...]

    def paragraph(self, num: int) -> Paragraph:
        for paragraph in self.paragraphs:
            if paragraph.num == num:
                return paragraph
        raise CitationError(f"article {self.num} has no paragraph {num}", eid=self.eid)


@dataclass(frozen=True)
class Chapter:
    """A chapter (章): `label` is the source's ("Chapter 2", "chapter I"), `heading` the words
    between it and the first article label."""

    num: int
    eid: str
    label: str
    heading: str
    articles: tuple[Article, ...]

    @property
    def text(self) -> str:
        """The heading, then each article with its label: what a citation of the chapter hashes."""
        parts = [self.heading] + [f"{a.label} {a.text}" for a in self.articles]
        return "\n\n".join(part for part in parts if part)


Part = Chapter | Article | Paragraph


@dataclass(frozen=True)
class Act:
    """A parsed act. `title` is the text's own title line (None when it has none: the catalog then
    supplies it); `preamble` any words between the title and the first chapter."""

    title: str | None
    preamble: str
    chapters: tuple[Chapter, ...]
    _index: dict[str, Part] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        index: dict[str, Part] = {}
        for chapter in self.chapters:
            index[chapter.eid] = chapter
            for article in chapter.articles:
                index[article.eid] = article
                for paragraph in article.paragraphs:
                    index[paragraph.eid] = paragraph
        object.__setattr__(self, "_index", index)

    def articles(self) -> tuple[Article, ...]:
        return tuple(article for chapter in self.chapters for article in chapter.articles)

    def article(self, num: int) -> Article:
        part = self._index.get(article_eid(num))
        if not isinstance(part, Article):
            last = len(self.articles())
            raise CitationError(
                f"no article {num} (the act has articles 1-{last})", eid=article_eid(num)
            )
        return part

    def chapter_of(self, article_num: int) -> Chapter:
        for chapter in self.chapters:
            if any(article.num == article_num for article in chapter.articles):
                return chapter
        raise CitationError(f"no article {article_num}", eid=article_eid(article_num))

    def find(self, eid: str) -> Part:
        """The chapter, article or paragraph with this eId; CitationError naming it otherwise."""
        try:
            return self._index[eid]
        except KeyError:
            raise CitationError(f"unknown eId {eid!r}", eid=eid) from None

    def text_of(self, eid: str) -> str:
        """The cited words: an article's or paragraph's text, or a chapter's `Chapter.text`."""
        return self.find(eid).text

    def eids(self) -> list[str]:
        """Every eId in document order: chapter, then each article and its paragraphs."""
        return list(self._index)
