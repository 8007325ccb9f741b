"""Rules, parameters over time, interpretations and inputs as the API shows them."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field

from innoreg.service.api.schemas.law import Bilingual


class RuleSummary(BaseModel):
    name: str
    entity: str
    unit: str
    level: str
    label: Bilingual
    cites: list[str]


class Citation(BaseModel):
    cite: str
    reads: Bilingual | None = None
    quote: str | None = None
    text: str | None = None
    sha256: str | None = None
    source: str | None = None
    issued: str | None = None
    at: str | None = None


class ParameterValue(BaseModel):
    since: str | None = Field(description="First day it applies; null: the act's entry into force.")
    until: str | None = Field(description="Last day it applies (inclusive); null: open.")
    issued: str | None = Field(description="The day its source was issued; null: not recorded.")
    value: Any
    number: float | None
    reference: str


class Parameter(BaseModel):
    name: str
    label: Bilingual
    unit: str
    description: str
    values: list[ParameterValue]


class RuleDetail(BaseModel):
    name: str
    entity: str
    unit: str
    level: str
    label: Bilingual
    law: str
    since: str | None
    until: str | None
    formula_on: str
    formula: str
    depends_on: list[str]
    interpretations: list[str]
    citations: list[Citation]
    parameters: list[Parameter]


class Interpretation(BaseModel):
    name: str
    level: str
    reads: str
    question: str
    options: dict[str, str]
    default: str
    justification: str
    decided_by: str


class InputOption(BaseModel):
    code: str
    label: Bilingual
    also: list[str] = Field(description="Other words people type for it.")


class Input(BaseModel):
    name: str
    entity: str
    plural: str
    type: str
    label: Bilingual
    hint: Bilingual | None
    when_missing: str = Field(description="default, optional or needed.")
    default: Any = Field(description="The default taken when left out (with when_missing=default).")
    options: list[InputOption]
    codes: list[str]
    feeds: list[str] = Field(description="The variables that read it.")
    articles: list[str] = Field(description="What those variables cite.")
    cites: list[str]
    level: str


class Health(BaseModel):
    status: str
