"""What every tool's result page shows alike: reasons linked to their paragraphs, and which law
was in force on the day chosen."""

from __future__ import annotations

from typing import Any

from innoreg.service import catalogue


def citation_links(citations: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each cited paragraph once, with a link into the law browser at its eId."""
    seen: set[str] = set()
    links = []
    for citation in citations:
        cite = citation["cite"]
        if cite in seen:
            continue
        seen.add(cite)
        if "~" in cite:
            work, eid = cite.split("~", 1)
            meta = catalogue.find(work)
            links.append(
                {
                    "href": f"/law/{meta.short_name}#{eid}",
                    "act": {"en": meta.title_en, "zh": meta.title_zh},
                    "reads": citation.get("reads") or {"en": eid, "zh": eid},
                    "eid": eid,
                    "quote": citation.get("quote", ""),
                    "text": citation.get("text", ""),
                    "sha256": citation.get("sha256", ""),
                }
            )
        else:
            links.append(
                {
                    "href": None,
                    "act": None,
                    "reads": citation.get("reads") or {"en": cite, "zh": cite},
                    "eid": citation.get("at", ""),
                    "quote": citation.get("quote", ""),
                    "text": citation.get("source", ""),
                    "sha256": "",
                }
            )
    return links


def law_for(decision: dict[str, Any]) -> list[dict[str, Any]]:
    """The acts of the decision's chain, whether each was in force on its date."""
    import datetime as dt

    day = dt.date.fromisoformat(decision["date"])
    for j in catalogue.jurisdictions(day):
        if j["code"] == decision["jurisdiction"]:
            return list(j["acts"])
    return []
