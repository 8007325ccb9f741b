"""A decision (the answer of ``POST /v1/evaluate``) and the JSON Schema of a case."""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel, Field

Value = str | float | int | bool | None


class Decision(BaseModel):
    """Exactly the document ``innoreg evaluate --format json`` prints for the same case."""

    jurisdiction: str
    date: str = Field(description="ISO date: the law in force on it decided the case.")
    pack_version: str
    interpretations: dict[str, str]
    warnings: list[str]
    assumed: list[str] = Field(
        description="Inputs left out and the default taken, and act dates assumed by the case."
    )
    reform: str | None = Field(None, description="The reform applied, if any.")
    results: dict[str, dict[str, Value]] = Field(
        description="Per entity id, every variable: money as decimal strings, dates as ISO "
        "strings, ratios as numbers, booleans, null where not applicable."
    )
    explanations: dict[str, dict[str, Any]] | None = Field(
        None, description="With `?explain=true`: per entity and variable, the trace."
    )


_MONEY = {
    "anyOf": [
        {"type": "string", "pattern": r"^\s*[0-9]{1,17}(\.[0-9]{1,2})?\s*$"},
        {"type": "integer", "minimum": 0, "maximum": 90_000_000_000_000},
    ],
    "description": 'yuan, exact to the fen: a decimal string ("80000000.00") or an integer',
}
_QUANTITY = {
    "anyOf": [
        {"type": "string", "pattern": r"^\s*[0-9]{1,10}(\.[0-9]{1,6})?\s*$"},
        {"type": "integer", "minimum": 0, "maximum": 9_000_000_000},
    ],
    "description": "shares or percent, exact to six decimals",
}
_TYPES: dict[str, dict[str, Any]] = {
    "money": _MONEY,
    "quantity": _QUANTITY,
    "bool": {"anyOf": [{"type": "boolean"}, {"type": "string", "enum": ["是", "否"]}]},
    "year": {"type": "integer", "minimum": 1949, "maximum": 2100},
    "date": {"type": "string", "format": "date", "pattern": r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"},
    "industry": {"type": "string", "pattern": "^[A-T]([0-9]{2,4})?$"},
    "count": {"type": "integer", "minimum": 0, "maximum": 1_000_000},
}


def case_schema(inputs: list[dict[str, Any]], jurisdictions: list[str]) -> dict[str, Any]:
    """The JSON Schema of a case, from every input every pack declares."""
    entities: dict[str, dict[str, Any]] = {}
    for spec in inputs:
        entity = entities.setdefault(
            spec["plural"],
            {
                "type": "array",
                "description": f"{spec['entity']} entities",
                "items": {
                    "type": "object",
                    "required": ["id"],
                    "additionalProperties": False,
                    "properties": {
                        "id": {
                            "anyOf": [
                                {"type": "string", "minLength": 1, "maxLength": 200},
                                {"type": "integer"},
                            ]
                        }
                    },
                },
            },
        )
        properties = entity["items"]["properties"]
        if spec["type"] == "enum":
            words = [w for o in spec["options"] for w in (o["code"], o["label"]["zh"], *o["also"])]
            schema: dict[str, Any] = {"type": "string", "enum": list(dict.fromkeys(words))}
        else:
            schema = dict(_TYPES[spec["type"]])
        properties[spec["name"]] = {
            **schema,
            "title": spec["label"]["en"],
            "description": spec["label"]["zh"],
        }
    return {
        "type": "object",
        "required": ["jurisdiction", "date"],
        "additionalProperties": False,
        "properties": {
            "jurisdiction": {"type": "string", "enum": jurisdictions},
            "date": _TYPES["date"],
            "interpretations": {"type": "object", "additionalProperties": {"type": "string"}},
            "assumptions": {
                "type": "object",
                "description": "Dates the sources do not record, e.g. "
                '{"cn-ha-luoyang.in_force": "2015-03-01"}; shown in `assumed`.',
                "additionalProperties": _TYPES["date"],
            },
            **entities,
        },
        "example": {
            "jurisdiction": "cn-ha-luoyang",
            "date": dt.date(2024, 6, 30).isoformat(),
            "enterprises": [
                {
                    "id": "e1",
                    "sales_revenue": "80000000.00",
                    "rd_expense": "500000.00",
                    "above_designated_size": True,
                    "industry": "C",
                }
            ],
        },
    }
