"""An all-day calendar event (RFC 5545) for a deadline."""

from __future__ import annotations

import datetime as dt
import hashlib


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _fold(line: str) -> str:
    """Lines of at most 75 octets, continued with a space (RFC 5545 section 3.1)."""
    if len(line.encode("utf-8")) <= 75:  # most lines: nothing to fold
        return line
    out, current = [], b""
    for char in line:
        encoded = char.encode("utf-8")
        if len(current) + len(encoded) > 75:
            out.append(current.decode("utf-8"))
            current = b" "
        current += encoded
    out.append(current.decode("utf-8"))
    return "\r\n".join(out)


def calendar(day: dt.date, summary: str, source: str) -> str:
    return calendar_of([(day, summary, source)])


def calendar_of(events: list[tuple[dt.date, str, str]], name: str = "IP deadline") -> str:
    """One all-day event per (day, summary, description); a stable UID per event, so that a
    subscribed calendar updates an event rather than adding it twice."""
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:-//innoreg//{name}//EN",
        "CALSCALE:GREGORIAN",
    ]
    for day, summary, source in events:
        uid = hashlib.sha256(f"{day.isoformat()}|{summary}".encode()).hexdigest()[:24]
        start = f"{day.year:04d}{day.month:02d}{day.day:02d}"
        after = day + dt.timedelta(days=1)
        lines += [
            "BEGIN:VEVENT",
            f"UID:{uid}@innoreg",
            f"DTSTAMP:{stamp}",
            f"DTSTART;VALUE=DATE:{start}",
            f"DTEND;VALUE=DATE:{after.year:04d}{after.month:02d}{after.day:02d}",
            _fold(f"SUMMARY:{_escape(summary)}"),
            _fold(f"DESCRIPTION:{_escape(source)}"),
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "\r\n".join(lines) + "\r\n"
