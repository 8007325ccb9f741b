"""`innoreg demo`: the main job on the embedded default — the shipped regulations, Luoyang's
article 7, and the worked examples decided and explained."""

from __future__ import annotations

import typer

from innoreg.cli.edge import user_errors

DEMO_CASE = {
    "jurisdiction": "cn-ha-luoyang",
    "date": "2024-06-30",
    "enterprises": [
        {
            "id": "luoyang-bearing",
            "sales_revenue": "80000000.00",
            "rd_expense": "500000.00",
            "above_designated_size": True,
            "industry": "C",
        }
    ],
    "transfers": [
        {
            "id": "university-license-17",
            "holder_kind": "university",
            "state_established": True,
            "fiscally_funded": True,
            "has_reward_rules": True,
            "mode": "license",
            "net_income": "2000000.00",
            "reward_cash": "800000.00",
        }
    ],
    "assumptions": {"cn-ha-luoyang.in_force": "2015-01-01"},
    "ip_assets": [
        {
            "id": "patent-2021-1001",
            "kind": "patent",
            "fiscally_funded": True,
            "rights_obtained_on": "2021-10-01",
            "implementation_conditions_met": True,
        }
    ],
}


def demo() -> None:
    """Show the shipped regulations, Luoyang article 7, and a case decided with its reasons."""
    from innoreg.cli.edge import language
    from innoreg.cli.render import render_decision
    from innoreg.engine.evaluate import decide
    from innoreg.law import list_acts, load_act

    with user_errors():
        typer.echo("Shipped regulations")
        for meta in list_acts():
            in_force = meta.in_force.isoformat() if meta.in_force else "unknown"
            typer.echo(
                f"  {meta.short_name:<9} {meta.jurisdiction:<14} in force {in_force:<10} "
                f"{meta.title_en} ({meta.title_zh})"
            )
        meta, act = load_act("luoyang")
        article = act.article(7)
        typer.echo(f"\n{meta.title_en}, {article.label.rstrip(':')} ({article.eid})")
        for paragraph in article.paragraphs:
            typer.echo(f"  [{paragraph.eid}] {paragraph.text}")
        typer.echo(
            "\nA case decided under national, Henan and Luoyang law, with its reasons (the "
            "regulations' in-force date is not recorded: the demo assumes 2015-01-01):\n"
        )
        typer.echo(render_decision(decide(DEMO_CASE, explain=True), language()))
