"""Shared worked examples this version decides differently on purpose, each with the reason.

The shared contract's copy stays verbatim; a deviation is a strict xfail (it fails the day the
example and the rules agree again, as a reminder to remove it here)."""

DEVIATIONS = {
    "A publicly funded patent unused for more than three years": (
        "issue 6 point 3 (no clock before the law): the Luoyang regulations' in-force date is not "
        "recorded, so a right obtained on 2022-05-12 may predate it and the deadline is null "
        "until the bureau records the date or the case assumes it "
        "(`assumptions: {cn-ha-luoyang.in_force: …}`); the example gives neither"
    ),
}
