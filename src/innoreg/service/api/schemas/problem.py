"""RFC 9457 problem details, and the error responses every operation declares."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field


class FieldProblem(BaseModel):
    field: str = Field(description="Path into the request: `enterprises[0].sales_revenue`.")
    message: str
    rule: str | None = None


class Problem(BaseModel):
    type: str = Field(description="`urn:innoreg:problem:<status>`")
    title: str
    status: int
    detail: str
    field: str | None = Field(None, description="The first offending field's path.")
    rule: str | None = Field(None, description="The rule of the input contract it breaks.")
    errors: list[FieldProblem] | None = None
    request_id: str | None = None


def problem_response(description: str) -> dict[str, Any]:
    return {
        "description": description,
        "content": {
            "application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}
        },
    }


ERRORS: dict[int | str, dict[str, Any]] = {
    400: problem_response("The body is not valid JSON."),
    404: problem_response("No such resource."),
    405: problem_response("The method is not allowed on this path."),
    413: problem_response("The body, or the number of entities, is over its limit."),
    415: problem_response("The body is not `application/json`."),
    422: problem_response("The request breaks the input contract; `field` names where."),
}
"""Declared on every operation: any of them can answer any path with these."""
