-- PeakDesk schema 2: column names and types a second SQL engine accepts as they are.
--
-- * period."end" is a reserved word (PostgreSQL, the SQL standard): renamed ends_on.
-- * package.rows and submission.rows: ROWS is reserved (SQL standard, MySQL 8): renamed row_count.
-- * plan.created_at and department.created_at lose their strftime('now', 'localtime') default: the
--   application stamps the row from its one clock (services/clock.py).
-- * Measured values are DOUBLE PRECISION (SQLite: REAL affinity, the same 8-byte float as before; on
--   PostgreSQL a bare REAL would be a 4-byte float and lose digits).
--
-- SQLite changes a column default or declared type only by rebuilding the table: each rebuild below
-- copies every row with its id into the new table, drops the old one and renames the new one into
-- place. Foreign keys are off while this runs (a DROP TABLE with them on would cascade the delete to
-- every referencing row); the runner checks PRAGMA foreign_key_check before it commits.
-- peakdesk: foreign_keys=off

ALTER TABLE period RENAME COLUMN "end" TO ends_on;
ALTER TABLE package RENAME COLUMN "rows" TO row_count;
ALTER TABLE submission RENAME COLUMN "rows" TO row_count;

CREATE TABLE plan_v2 (
    id             INTEGER PRIMARY KEY,
    title_zh       TEXT NOT NULL,
    title_en       TEXT NOT NULL DEFAULT '',
    region         TEXT NOT NULL DEFAULT '',
    issuer         TEXT NOT NULL DEFAULT '',
    issued_on      TEXT,
    reporting      TEXT NOT NULL DEFAULT 'monthly' CHECK (reporting IN ('monthly', 'quarterly')),
    translation_of INTEGER REFERENCES plan(id),
    created_at     TEXT                                 -- stamped by the application's clock
);
INSERT INTO plan_v2 (id, title_zh, title_en, region, issuer, issued_on, reporting, translation_of, created_at)
    SELECT id, title_zh, title_en, region, issuer, issued_on, reporting, translation_of, created_at FROM plan;
DROP TABLE plan;
ALTER TABLE plan_v2 RENAME TO plan;

CREATE TABLE department_v2 (
    id             INTEGER PRIMARY KEY,
    code           TEXT NOT NULL UNIQUE,
    name_zh        TEXT NOT NULL,
    name_en        TEXT NOT NULL DEFAULT '',
    short_zh       TEXT NOT NULL DEFAULT '',
    short_en       TEXT NOT NULL DEFAULT '',
    kind           TEXT NOT NULL DEFAULT 'functional'
                   CHECK (kind IN ('functional', 'street_town', 'enterprise', 'external', 'placeholder')),
    to_check       INTEGER NOT NULL DEFAULT 0,
    contact_person TEXT NOT NULL DEFAULT '',
    contact_phone  TEXT NOT NULL DEFAULT '',
    merged_into    INTEGER REFERENCES department(id),
    created_at     TEXT                                 -- stamped by the application's clock
);
INSERT INTO department_v2 (id, code, name_zh, name_en, short_zh, short_en, kind, to_check, contact_person,
                           contact_phone, merged_into, created_at)
    SELECT id, code, name_zh, name_en, short_zh, short_en, kind, to_check, contact_person, contact_phone,
           merged_into, created_at FROM department;
DROP TABLE department;
ALTER TABLE department_v2 RENAME TO department;

CREATE TABLE target_v2 (
    id            INTEGER PRIMARY KEY,
    plan_id       INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
    task_id       INTEGER REFERENCES task(id) ON DELETE CASCADE,
    seq           INTEGER NOT NULL DEFAULT 0,
    metric        TEXT NOT NULL DEFAULT '',
    unit          TEXT NOT NULL DEFAULT '',
    baseline      DOUBLE PRECISION,
    baseline_year INTEGER,
    value         DOUBLE PRECISION,
    year          INTEGER,
    direction     TEXT NOT NULL DEFAULT 'at_least'
                  CHECK (direction IN ('at_least', 'at_most', 'reduce_by', 'increase_by', 'about')),
    text          TEXT NOT NULL DEFAULT ''
);
INSERT INTO target_v2 (id, plan_id, task_id, seq, metric, unit, baseline, baseline_year, value, year, direction, text)
    SELECT id, plan_id, task_id, seq, metric, unit, baseline, baseline_year, value, year, direction, text FROM target;
DROP TABLE target;
ALTER TABLE target_v2 RENAME TO target;
CREATE INDEX target_task ON target(task_id);

CREATE TABLE milestone_v2 (
    id               INTEGER PRIMARY KEY,
    task_id          INTEGER NOT NULL REFERENCES task(id) ON DELETE CASCADE,
    date             TEXT NOT NULL,
    expected_percent DOUBLE PRECISION NOT NULL CHECK (expected_percent BETWEEN 0 AND 100),
    UNIQUE (task_id, date)
);
INSERT INTO milestone_v2 (id, task_id, date, expected_percent)
    SELECT id, task_id, date, expected_percent FROM milestone;
DROP TABLE milestone;
ALTER TABLE milestone_v2 RENAME TO milestone;

CREATE TABLE progress_v2 (
    id            INTEGER PRIMARY KEY,
    task_id       INTEGER NOT NULL REFERENCES task(id) ON DELETE CASCADE,
    department_id INTEGER NOT NULL REFERENCES department(id),
    period_id     INTEGER NOT NULL REFERENCES period(id) ON DELETE CASCADE,
    version       INTEGER NOT NULL,
    is_current    INTEGER NOT NULL DEFAULT 1,
    status        TEXT NOT NULL
                  CHECK (status IN ('not_started', 'in_progress', 'completed', 'delayed', 'suspended')),
    percent       DOUBLE PRECISION CHECK (percent IS NULL OR percent BETWEEN 0 AND 100),
    indicator     DOUBLE PRECISION,
    narrative     TEXT NOT NULL DEFAULT '',
    problems      TEXT NOT NULL DEFAULT '',
    next_steps    TEXT NOT NULL DEFAULT '',
    contact       TEXT NOT NULL DEFAULT '',
    received_at   TEXT NOT NULL,
    source        TEXT NOT NULL DEFAULT 'manual' CHECK (source IN ('manual', 'workbook', 'demo')),
    submission_id INTEGER REFERENCES submission(id),
    UNIQUE (task_id, department_id, period_id, version)
);
INSERT INTO progress_v2 (id, task_id, department_id, period_id, version, is_current, status, percent, indicator,
                         narrative, problems, next_steps, contact, received_at, source, submission_id)
    SELECT id, task_id, department_id, period_id, version, is_current, status, percent, indicator,
           narrative, problems, next_steps, contact, received_at, source, submission_id FROM progress;
DROP TABLE progress;
ALTER TABLE progress_v2 RENAME TO progress;
CREATE INDEX progress_current ON progress(period_id, department_id, task_id) WHERE is_current = 1;
CREATE INDEX progress_task ON progress(task_id, period_id);

CREATE TABLE evaluation_v2 (
    plan_id       INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
    year          INTEGER NOT NULL,
    department_id INTEGER NOT NULL REFERENCES department(id),
    score         DOUBLE PRECISION NOT NULL,
    note          TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (plan_id, year, department_id)
);
INSERT INTO evaluation_v2 (plan_id, year, department_id, score, note)
    SELECT plan_id, year, department_id, score, note FROM evaluation;
DROP TABLE evaluation;
ALTER TABLE evaluation_v2 RENAME TO evaluation;

CREATE TABLE adjustment_v2 (
    id            INTEGER PRIMARY KEY,
    plan_id       INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
    year          INTEGER NOT NULL,
    department_id INTEGER NOT NULL REFERENCES department(id),
    points        DOUBLE PRECISION NOT NULL,
    reason        TEXT NOT NULL CHECK (length(trim(reason)) > 0),
    created_at    TEXT NOT NULL
);
INSERT INTO adjustment_v2 (id, plan_id, year, department_id, points, reason, created_at)
    SELECT id, plan_id, year, department_id, points, reason, created_at FROM adjustment;
DROP TABLE adjustment;
ALTER TABLE adjustment_v2 RENAME TO adjustment;
CREATE INDEX adjustment_dept ON adjustment(plan_id, year, department_id);
