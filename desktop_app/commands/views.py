"""What the screens and the printed reports show, as figures: ``dashboard`` and ``figures KIND``.

Both read the services' one read model (``services.read_models``) and the report gatherers, so a
script can compare the dashboard, the ledger (``plan show --json``) and every report task by task.
"""

from __future__ import annotations

import argparse

from desktop_app.commands.common import Context, add_as_of, add_plan_arg, print_json, resolve_plan_id
from desktop_app.domain.models import STATUS_LABELS, label
from desktop_app.messages import msg, render


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("dashboard", help="the dashboard's figures: each task's status and percent, sections, "
                                         "submissions, warning counts")
    add_as_of(p)
    p.add_argument("--json", action="store_true", help="print the figures as JSON")
    add_plan_arg(p)
    p.set_defaults(handler=cmd_dashboard)

    f = sub.add_parser("figures", help="the figures a printed report shows, without building the PDF",
                       description="The figures of a monthly bulletin, quarterly circular, annual assessment "
                                   "report or department sheet, as the PDF prints them.")
    f.add_argument("kind", choices=["monthly", "quarterly", "annual", "department"])
    f.add_argument("--period", default="", help="month such as 2025-09 (monthly, department)")
    f.add_argument("--quarter", default="", help="quarter such as 2025Q3 (quarterly)")
    f.add_argument("--year", type=int, default=None, help="year such as 2025 (annual)")
    f.add_argument("--dept", default="", help="department code (department)")
    add_as_of(f, help="report date and as-of date")
    f.add_argument("--json", action="store_true", help="print the figures as JSON (the default output)")
    add_plan_arg(f)
    f.set_defaults(handler=cmd_figures)


def cmd_dashboard(args: argparse.Namespace, ctx: Context) -> int:
    from desktop_app.services import read_models

    plan_id = resolve_plan_id(ctx, args.plan)
    figures = read_models.dashboard(ctx.db, plan_id, args.as_of)
    if args.json:
        print_json(figures.as_json())
        return 0
    no_data = render(msg("truth.no_data"), ctx.lang)
    for t in figures.tasks:
        percent = "—" if t.percent is None else f"{t.percent:g}%"
        status = no_data if t.status_enum is None else label(STATUS_LABELS, t.status_enum, ctx.lang)
        print(render(msg("truth.dashboard_line", code=t.code, status=status, percent=percent), ctx.lang))
    for s in figures.sections:
        if s.tasks:
            print(f"{s.number}{s.title(ctx.lang)}: {s.tasks} · {s.mean_percent:.1f}%")
    return 0


def cmd_figures(args: argparse.Namespace, ctx: Context) -> int:
    from desktop_app.services.build_report import ReportOptions
    from desktop_app.services.report_figures import report_figures

    plan_id = resolve_plan_id(ctx, args.plan)
    print_json(report_figures(ctx.db, plan_id, args.kind, period=args.period, quarter=args.quarter,
                              year=args.year, dept=args.dept, opts=ReportOptions(date=args.as_of)))
    return 0
