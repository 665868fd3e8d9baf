"""Audit log: every write a user makes is recorded with what changed."""

from __future__ import annotations

import getpass
import json
from typing import Any

import sqlite_utils

from desktop_app.services.clock import now_stamp


def _actor() -> str:
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no user name available (service account, odd platform)
        return ""


def log(db: sqlite_utils.Database, action: str, entity: str, entity_id: object = "",
        detail: dict[str, Any] | None = None) -> None:
    db.execute(
        "INSERT INTO audit_log (at, actor, action, entity, entity_id, detail_json) VALUES (?, ?, ?, ?, ?, ?)",
        [now_stamp(), _actor(), action, entity, str(entity_id),
         json.dumps(detail or {}, ensure_ascii=False, default=str)],
    )


def entries(db: sqlite_utils.Database, entity: str | None = None, entity_id: object | None = None,
            limit: int = 500) -> list[dict[str, Any]]:
    sql = "SELECT * FROM audit_log"
    params: list[object] = []
    if entity is not None:
        sql += " WHERE entity = ?"
        params.append(entity)
        if entity_id is not None:
            sql += " AND entity_id = ?"
            params.append(str(entity_id))
    sql += " ORDER BY id DESC LIMIT ?"
    params.append(limit)
    return [dict(r) for r in db.execute_returning_dicts(sql, params)]
