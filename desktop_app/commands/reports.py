"""Printed reports and Excel exports: ``report monthly|quarterly|annual|department``, ``export ledger|summary|assessment``,
and the office's settings for printed documents: ``settings office``."""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop_app.commands.common import Context, add_as_of, add_plan_arg, print_json


def _common(p: argparse.ArgumentParser, suffix: str) -> None:
    p.add_argument("--out", type=Path, required=True, help=f"output file ({suffix})")
    p.add_argument("--lang", dest="report_lang", choices=["zh", "en"], default="zh", help="language of the report")
    add_as_of(p, "report date and as-of date")
    p.add_argument("--issuer", default="", help="issuing body printed in the header (default from report_texts.toml)")
    p.add_argument("--doc-number", default="", help="document number line, e.g. 嘉碳办〔2025〕3号")
    p.add_argument("--json", action="store_true", help="print the result as JSON")
    add_plan_arg(p)


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    r = sub.add_parser("report", help="build a printed PDF report (GB/T 9704 layout)",
                       description="Build a PDF report: monthly bulletin, quarterly early-warning circular, "
                                   "annual assessment report or a department's task sheet.")
    r.add_argument("kind", choices=["monthly", "quarterly", "annual", "department"])
    r.add_argument("--period", default="", help="month such as 2025-09 (monthly, department)")
    r.add_argument("--quarter", default="", help="quarter such as 2025Q3 (quarterly)")
    r.add_argument("--year", type=int, default=None, help="year such as 2025 (annual)")
    r.add_argument("--dept", default="", help="department code (department)")
    seal = r.add_mutually_exclusive_group()
    seal.add_argument("--sealed", dest="sealed", action="store_true", default=None,
                      help="print for the office's seal (GB/T 9704 7.3.5.1 signature and date)")
    seal.add_argument("--unsealed", dest="sealed", action="store_false",
                      help="print without a seal (7.3.5.2); default: the office setting for this kind")
    _common(r, ".pdf")
    r.set_defaults(handler=cmd_report)

    e = sub.add_parser("export", help="export the ledger, a monthly summary or the assessment scores to Excel")
    e.add_argument("kind", choices=["ledger", "summary", "assessment"])
    e.add_argument("--period", default="", help="month such as 2025-09 (summary; ledger: progress up to it)")
    e.add_argument("--year", type=int, default=None, help="year such as 2025 (assessment)")
    _common(e, ".xlsx")
    e.set_defaults(handler=cmd_export)

    from desktop_app.services.report_settings import KEYS

    st = sub.add_parser("settings", help="the desk's settings")
    st_sub = st.add_subparsers(dest="settings_command", metavar="AREA", required=True)
    o = st_sub.add_parser("office", help="show or change the office's settings for printed documents",
                          description="Issuing body, abbreviation, 主送/抄送, 印发机关, disclosure note, contact, "
                                      "the district of the English issuer line and which documents are sealed. "
                                      "Without options: show them. An empty value restores the default.")
    for key in KEYS:
        o.add_argument("--" + key.replace("_", "-"), dest=key, default=None, metavar="TEXT")
    o.add_argument("--json", action="store_true", help="print the settings as JSON")
    o.set_defaults(handler=cmd_settings_office)


def _options(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from desktop_app.services.build_report import ReportOptions

    return ReportOptions(issuer_zh=args.issuer, issuer_en=args.issuer, doc_number=args.doc_number, date=args.as_of,
                         sealed=getattr(args, "sealed", None))


def cmd_report(args: argparse.Namespace, ctx: Context) -> int:
    result = ctx.desk.report(args.kind, args.out, args.report_lang, plan_id=args.plan, period=args.period,
                             quarter=args.quarter, year=args.year, dept=args.dept, opts=_options(args))
    if args.json:
        from desktop_app.services.report_figures import report_figures

        # the figures the report prints, alongside the file (``peakdesk figures`` gives them alone)
        figures = report_figures(ctx.db, ctx.desk.plan_id(args.plan), args.kind, period=args.period, quarter=args.quarter,
                                 year=args.year, dept=args.dept, opts=_options(args))
        print_json({"file": str(result.path), "pages": result.pages, "title": result.title,
                    "fonts": result.fonts, "substitutes": result.substitutes, "figures": figures})
    else:
        print(f"{result.path}: {result.pages} pages — {result.title}")
        print(result.substitutes)
    return 0


def cmd_export(args: argparse.Namespace, ctx: Context) -> int:
    path = ctx.desk.export(args.kind, args.out, args.report_lang, plan_id=args.plan, period=args.period,
                           year=args.year, opts=_options(args))
    if args.json:
        print_json({"file": str(path)})
    else:
        print(path)
    return 0


def cmd_settings_office(args: argparse.Namespace, ctx: Context) -> int:
    from dataclasses import asdict

    from desktop_app.messages import msg
    from desktop_app.services import report_settings

    changes = {k: getattr(args, k) for k in report_settings.KEYS if getattr(args, k) is not None}
    if changes:
        settings = report_settings.set_settings(ctx.db, **changes)
        if not args.json:
            ctx.say(msg("reports.settings_saved"))
    else:
        settings = report_settings.get_settings(ctx.db)
    if args.json:
        print_json(asdict(settings))
    elif not changes:
        for key, value in asdict(settings).items():
            print(f"{key}: {value}")
    return 0
