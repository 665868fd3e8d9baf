"""Early-warning and assessment subcommands: ``warnings [list|ack|publish]``, ``assess [show|evaluate|adjust|lock]``."""

from __future__ import annotations

import argparse
import sys

from desktop_app.commands.common import Context, add_as_of, add_plan_arg, print_json, resolve_plan_id
from desktop_app.domain.warnings import LEVEL_LABELS, LEVELS
from desktop_app.errors import UsageError
from desktop_app.messages import msg, render


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("warnings", help="quarterly early warnings: list, acknowledge, publish",
                       description="Quarterly early warnings (季预警). Without an action, lists the quarter's "
                                   "warnings (a published quarter shows its frozen snapshot).")
    p.add_argument("action", nargs="?", choices=["list", "ack", "publish"], default="list")
    p.add_argument("--quarter", required=True, help="quarter such as 2025Q3")
    add_as_of(p)
    p.add_argument("--level", choices=LEVELS, help="list only this level")
    p.add_argument("--dept", help="list only this lead department (code)")
    p.add_argument("--task", help="ack: the task code")
    p.add_argument("--note", default="", help="ack: the coordinator's note")
    p.add_argument("--json", action="store_true", help="print JSON")
    add_plan_arg(p)
    p.set_defaults(handler=cmd_warnings)

    a = sub.add_parser("assess", help="annual assessment: scores, evaluation, adjustments, lock",
                       description="Annual assessment (年考核). Without an action, shows the year's scores "
                                   "(a locked year shows its snapshot).")
    a.add_argument("action", nargs="?", choices=["show", "evaluate", "adjust", "lock"], default="show")
    a.add_argument("--year", type=int, required=True)
    add_as_of(a)
    a.add_argument("--dept", help="evaluate/adjust: department code")
    a.add_argument("--score", type=float, help="evaluate: the evaluation score")
    a.add_argument("--clear", action="store_true", help="evaluate: remove the department's evaluation")
    a.add_argument("--points", type=float, help="adjust: bonus (+) or deduction (−) points")
    a.add_argument("--reason", default="", help="adjust: the reason (required)")
    a.add_argument("--note", default="", help="evaluate: a note")
    a.add_argument("--remove", type=int, metavar="ID", help="adjust: remove the adjustment with this id")
    a.add_argument("--json", action="store_true", help="print JSON")
    add_plan_arg(a)
    a.set_defaults(handler=cmd_assess)


def _need(value: object, flag: str, action: str) -> None:
    if value is None or value == "":
        raise UsageError(msg("core.cli.needs_flag", action=action, flag=flag))


def cmd_warnings(args: argparse.Namespace, ctx: Context) -> int:
    from desktop_app.services import compute_warnings as svc

    plan_id = resolve_plan_id(ctx, args.plan)
    if args.action == "ack":
        _need(args.task, "--task", "warnings ack")
        _need(args.dept, "--dept", "warnings ack")
        svc.acknowledge(ctx.db, plan_id, args.quarter, args.task, args.dept, args.note)
        if args.json:
            print_json({"quarter": args.quarter, "task": args.task, "department": args.dept,
                        "acknowledged": True, "note": args.note})
        else:
            print(f"{args.quarter} {args.task} / {args.dept}: acknowledged")
        return 0
    if args.action == "publish":
        result, _ = svc.publish(ctx.db, plan_id, args.quarter, args.as_of)
    else:
        result = svc.compute(ctx.db, plan_id, args.quarter, args.as_of)
    rows = result.filter(args.level, args.dept)
    if args.json:
        print_json([w.to_json(ctx.lang) for w in rows])
        return 0
    zh = ctx.lang.startswith("zh")
    state = (f"published {result.published_at}" if result.published else "live") if not zh else \
        (f"已发布 {result.published_at}" if result.published else "未发布")
    counts = ", ".join(f"{LEVEL_LABELS[lv][0 if zh else 1]} {result.counts[lv]}" for lv in reversed(LEVELS))
    print(f"{result.quarter} (as of {result.as_of}, {state}): {counts}")
    for w in rows:
        label = LEVEL_LABELS[w.level][0 if zh else 1]
        ack = " ✓" if w.acknowledged else ""
        print(f"  [{label}] {w.task_code}  {w.department.code}  {w.rule}: {w.reason(ctx.lang)}{ack}")
    if result.unassigned:
        sys.stderr.write(f"note: {len(result.unassigned)} task(s) have no lead unit and get no warning: "
                         f"{', '.join(result.unassigned[:10])}\n")
    return 0


def cmd_assess(args: argparse.Namespace, ctx: Context) -> int:
    from desktop_app.services import run_assessment as svc

    plan_id = resolve_plan_id(ctx, args.plan)
    if args.action == "evaluate":
        _need(args.dept, "--dept", "assess evaluate")
        if args.score is None and not args.clear:
            raise UsageError(msg("core.cli.evaluate_needs_score"))
        svc.set_evaluation(ctx.db, plan_id, args.year, args.dept, None if args.clear else args.score, args.note)
        print(f"{args.year} {args.dept}: evaluation {'cleared' if args.clear else args.score}")
        return 0
    if args.action == "adjust":
        if args.remove is not None:
            svc.remove_adjustment(ctx.db, args.remove)
            print(f"adjustment {args.remove} removed")
            return 0
        _need(args.dept, "--dept", "assess adjust")
        _need(args.points, "--points", "assess adjust")
        _need(args.reason.strip(), "--reason", "assess adjust")
        new_id, _ = svc.add_adjustment(ctx.db, plan_id, args.year, args.dept, args.points, args.reason)
        if args.json:
            print_json({"id": new_id, "department": args.dept, "points": args.points, "reason": args.reason})
        else:
            print(f"adjustment {new_id}: {args.dept} {args.points:+g} ({args.reason})")
        return 0
    if args.action == "lock":
        result, _ = svc.lock(ctx.db, plan_id, args.year, args.as_of)
    else:
        result = svc.compute(ctx.db, plan_id, args.year, args.as_of)
    if args.json:
        print_json(result.to_json(ctx.lang))
        return 0
    zh = ctx.lang.startswith("zh")
    state = (f"locked {result.locked_at}" if result.locked else "live") if not zh else \
        (f"已锁定 {result.locked_at}" if result.locked else "未锁定")
    print(f"{result.year} (as of {result.as_of}, {state})")
    print(f"  {'rank':>4}  {'dept':<12} {'prog':>6} {'rep':>6} {'warn':>6} {'eval':>6} {'adj':>6} {'total':>7}  grade")
    p = result.scheme.decimals          # the scheme's one rounding, as the screen, PDF and Excel print it
    for d in result.departments:
        s = d.scores
        flag = ((" *" if "evaluation_missing" in d.flags else "") + (" †" if "grade_capped" in d.flags else "")
                + (" ‡" if "no_report" in d.flags else ""))
        print(f"  {d.rank:>4}  {d.department.code:<12} {s['progress']:>6.{p}f} {s['reporting']:>6.{p}f} "
              f"{s['warnings']:>6.{p}f} {s['evaluation']:>6.{p}f} {s['adjustments']:>6.{p}f} {d.total:>7.{p}f}  "
              f"{d.grade_label(ctx.lang)}{flag}")
    if any("evaluation_missing" in d.flags for d in result.departments):
        print("  * evaluation not entered (counts 0)" if not zh else "  * 未录入综合评价（计 0 分）")
    if any("grade_capped" in d.flags for d in result.departments):
        print("  † lowered by the cap on the share of the top grade" if not zh else "  † 受优秀比例限制而降档")
    if any("no_report" in d.flags for d in result.departments):
        print(render(msg("truth.no_report_note"), ctx.lang))
    return 0
