"""A writing process for the fault tests: ``python writer.py URL WORKER COUNT FILING_ID``.

Each iteration commits one new organisation and adds 1 fen to a shared filing's R&D expense
(retrying on a version conflict), then prints ``committed <credit code>`` — only after the
commit returned, so every printed line is an acknowledged write."""

from __future__ import annotations

import sys

from innoreg.records.credit_code import check_character
from innoreg.records.db import Database
from innoreg.records.errors import ConflictError
from innoreg.records.models import AnnualFiling, Organisation


def code(worker: int, index: int) -> str:
    body = f"9141030{worker:02d}{index:08d}"
    return body + check_character(body)


def main() -> None:
    url, worker, count, filing_id = (
        sys.argv[1],
        int(sys.argv[2]),
        int(sys.argv[3]),
        int(sys.argv[4]),
    )
    database = Database(url)
    for index in range(count):
        credit_code = code(worker, index)
        while True:
            try:
                with database.write(actor=f"worker{worker}") as session:
                    session.add(
                        Organisation(
                            kind="enterprise", name=f"w{worker}-{index}", credit_code=credit_code
                        )
                    )
                    filing = session.get(AnnualFiling, filing_id)
                    assert filing is not None
                    filing.rd_expense += 1
                break
            except ConflictError:
                continue
        print(f"committed {credit_code}", flush=True)


if __name__ == "__main__":
    main()
