"""The law as the API shows it: jurisdictions, acts, articles with eIds and SHA-256."""

from __future__ import annotations

from pydantic import BaseModel, Field


class Bilingual(BaseModel):
    en: str
    zh: str


class ActSummary(BaseModel):
    short_name: str
    work_uri: str
    jurisdiction: str
    title: Bilingual
    adopted: str | None
    in_force: str | None
    end: str | None
    in_force_on: bool | None = Field(
        None, description="In force on `?on=` (null: its in-force date is not recorded)."
    )
    expressions: list[str]
    warnings: list[str]


class PackRef(BaseModel):
    jurisdiction: str
    version: str


class Jurisdiction(BaseModel):
    code: str
    name: Bilingual
    level: str
    parent: str | None
    chain: list[str] = Field(description="Levels whose law decides a case here, national first.")
    packs: list[PackRef]
    acts: list[ActSummary]
    entities: list[str]


class Paragraph(BaseModel):
    eId: str  # noqa: N815 - Akoma Ntoso's spelling
    num: int
    text: str
    sha256: str


class RuleRef(BaseModel):
    name: str
    label: Bilingual
    level: str


class ChapterRef(BaseModel):
    num: int
    eId: str  # noqa: N815
    heading: str


class Article(BaseModel):
    act: str
    work_uri: str
    expression: str
    chapter: ChapterRef
    num: int
    eId: str  # noqa: N815
    label: str
    text: str
    citation: str
    sha256: str = Field(description="SHA-256 of the article's text (UTF-8).")
    paragraphs: list[Paragraph]
    rules: list[RuleRef] = Field(description="The variables implementing this article.")
    note: str = Field(description="What the rule pack says of this article (articles.yaml).")


class Chapter(BaseModel):
    num: int
    eId: str  # noqa: N815
    label: str
    heading: str
    articles: list[Article]


class ActDetail(ActSummary):
    expression: str
    chapters: list[Chapter]
