"""Task search that works for Chinese.

FTS5's trigram tokenizer matches any substring of three or more characters (Chinese included);
it silently matches nothing for one- and two-character terms, so those fall back to LIKE.
"""

from __future__ import annotations

import sqlite_utils

MIN_TRIGRAM = 3


def _terms(text: str) -> list[str]:
    return [t for t in text.replace("　", " ").split() if t]


def search_tasks(db: sqlite_utils.Database, plan_id: int | None, text: str, limit: int = 1000) -> list[int]:
    """Ids of tasks matching every whitespace-separated term (code, titles, texts), in ledger order."""
    terms = _terms(text)
    if not terms:
        return []
    long_terms = [t for t in terms if len(t) >= MIN_TRIGRAM]
    short_terms = [t for t in terms if len(t) < MIN_TRIGRAM]
    where: list[str] = []
    params: list[object] = []
    if long_terms:
        match = " AND ".join('"' + t.replace('"', '""') + '"' for t in long_terms)
        where.append("t.id IN (SELECT rowid FROM task_fts WHERE task_fts MATCH ?)")
        params.append(match)
    for term in short_terms:
        like = "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        where.append("(t.code LIKE ? ESCAPE '\\' OR t.title_zh LIKE ? ESCAPE '\\' OR t.title_en LIKE ? ESCAPE '\\' "
                     "OR t.text_zh LIKE ? ESCAPE '\\' OR t.text_en LIKE ? ESCAPE '\\')")
        params.extend([like] * 5)
    if plan_id is not None:
        where.append("t.plan_id = ?")
        params.append(plan_id)
    sql = f"SELECT t.id FROM task t WHERE {' AND '.join(where)} ORDER BY t.plan_id, t.seq LIMIT ?"
    params.append(limit)
    return [r[0] for r in db.execute(sql, params).fetchall()]
