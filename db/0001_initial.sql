-- PeakDesk schema 1: the plan ledger, departments, reporting cycle, warnings, assessment, audit.
-- Dates are ISO 'YYYY-MM-DD' text; timestamps are ISO 'YYYY-MM-DDTHH:MM:SS' text (local time).

CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- Departments (责任单位) and their aliases -------------------------------------------------
CREATE TABLE department (
    id             INTEGER PRIMARY KEY,
    code           TEXT NOT NULL UNIQUE,
    name_zh        TEXT NOT NULL,
    name_en        TEXT NOT NULL DEFAULT '',
    short_zh       TEXT NOT NULL DEFAULT '',
    short_en       TEXT NOT NULL DEFAULT '',
    kind           TEXT NOT NULL DEFAULT 'functional'
                   CHECK (kind IN ('functional', 'street_town', 'enterprise', 'external', 'placeholder')),
    to_check       INTEGER NOT NULL DEFAULT 0,          -- created by an import from an unknown name
    contact_person TEXT NOT NULL DEFAULT '',
    contact_phone  TEXT NOT NULL DEFAULT '',
    merged_into    INTEGER REFERENCES department(id),   -- set when two departments turned out to be one
    created_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime'))
);

CREATE TABLE department_alias (
    id            INTEGER PRIMARY KEY,
    department_id INTEGER NOT NULL REFERENCES department(id) ON DELETE CASCADE,
    alias         TEXT NOT NULL COLLATE NOCASE UNIQUE,
    lang          TEXT NOT NULL DEFAULT 'zh' CHECK (lang IN ('zh', 'en'))
);
CREATE INDEX department_alias_department ON department_alias(department_id);

-- A placeholder group (各街镇, 相关职能部门) expands to its member departments.
CREATE TABLE placeholder_member (
    placeholder_id INTEGER NOT NULL REFERENCES department(id) ON DELETE CASCADE,
    member_id      INTEGER NOT NULL REFERENCES department(id) ON DELETE CASCADE,
    PRIMARY KEY (placeholder_id, member_id)
);

-- The plan ledger (台账) ----------------------------------------------------------------------
CREATE TABLE plan (
    id             INTEGER PRIMARY KEY,
    title_zh       TEXT NOT NULL,
    title_en       TEXT NOT NULL DEFAULT '',
    region         TEXT NOT NULL DEFAULT '',
    issuer         TEXT NOT NULL DEFAULT '',
    issued_on      TEXT,                                -- start of tasks without their own start date
    reporting      TEXT NOT NULL DEFAULT 'monthly' CHECK (reporting IN ('monthly', 'quarterly')),
    translation_of INTEGER REFERENCES plan(id),
    created_at     TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime'))
);

-- Every document a plan was built or updated from (same sha256 again = update, not a new plan).
CREATE TABLE plan_source (
    id          INTEGER PRIMARY KEY,
    plan_id     INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
    file_name   TEXT NOT NULL,
    sha256      TEXT NOT NULL,
    lang        TEXT NOT NULL DEFAULT 'zh',
    imported_at TEXT NOT NULL
);
CREATE INDEX plan_source_sha ON plan_source(sha256);

CREATE TABLE section (
    id        INTEGER PRIMARY KEY,
    plan_id   INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
    parent_id INTEGER REFERENCES section(id) ON DELETE CASCADE,
    seq       INTEGER NOT NULL,
    number    TEXT NOT NULL DEFAULT '',                 -- as printed: 三、 / （一）
    title_zh  TEXT NOT NULL,
    title_en  TEXT NOT NULL DEFAULT ''
);
CREATE INDEX section_plan ON section(plan_id, seq);

CREATE TABLE task (
    id         INTEGER PRIMARY KEY,
    plan_id    INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
    section_id INTEGER REFERENCES section(id) ON DELETE SET NULL,
    code       TEXT NOT NULL,                           -- stable within the plan: '3.1.1'
    seq        INTEGER NOT NULL,
    title_zh   TEXT NOT NULL,
    title_en   TEXT NOT NULL DEFAULT '',
    text_zh    TEXT NOT NULL DEFAULT '',
    text_en    TEXT NOT NULL DEFAULT '',
    start_date TEXT,
    due_date   TEXT,
    UNIQUE (plan_id, code)
);
CREATE INDEX task_section ON task(section_id, seq);

-- Quantitative targets; task_id NULL = a plan-level objective (主要目标).
CREATE TABLE target (
    id            INTEGER PRIMARY KEY,
    plan_id       INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
    task_id       INTEGER REFERENCES task(id) ON DELETE CASCADE,
    seq           INTEGER NOT NULL DEFAULT 0,
    metric        TEXT NOT NULL DEFAULT '',
    unit          TEXT NOT NULL DEFAULT '',
    baseline      REAL,
    baseline_year INTEGER,
    value         REAL,
    year          INTEGER,
    direction     TEXT NOT NULL DEFAULT 'at_least'
                  CHECK (direction IN ('at_least', 'at_most', 'reduce_by', 'increase_by', 'about')),
    text          TEXT NOT NULL DEFAULT ''              -- the source span
);
CREATE INDEX target_task ON target(task_id);

-- Optional per-task milestones for expected progress (date + expected percent).
CREATE TABLE milestone (
    id               INTEGER PRIMARY KEY,
    task_id          INTEGER NOT NULL REFERENCES task(id) ON DELETE CASCADE,
    date             TEXT NOT NULL,
    expected_percent REAL NOT NULL CHECK (expected_percent BETWEEN 0 AND 100),
    UNIQUE (task_id, date)
);

CREATE TABLE assignment (
    task_id       INTEGER NOT NULL REFERENCES task(id) ON DELETE CASCADE,
    department_id INTEGER NOT NULL REFERENCES department(id),
    role          TEXT NOT NULL CHECK (role IN ('lead', 'cooperating')),
    seq           INTEGER NOT NULL DEFAULT 0,           -- order as printed in the plan
    PRIMARY KEY (task_id, department_id)
);
CREATE INDEX assignment_department ON assignment(department_id);

-- Reporting cycle ------------------------------------------------------------------------------
CREATE TABLE period (
    id            INTEGER PRIMARY KEY,
    plan_id       INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
    kind          TEXT NOT NULL CHECK (kind IN ('month', 'quarter', 'year')),
    code          TEXT NOT NULL,                        -- '2025-10', '2025Q3', '2025'
    start         TEXT NOT NULL,
    end           TEXT NOT NULL,
    due           TEXT NOT NULL,
    closed        INTEGER NOT NULL DEFAULT 0,
    closed_reason TEXT NOT NULL DEFAULT '',
    UNIQUE (plan_id, code)
);

-- An issued exchange workbook (one per department per period per issue).
CREATE TABLE package (
    id            TEXT PRIMARY KEY,                     -- random id written into the workbook
    plan_id       INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
    department_id INTEGER NOT NULL REFERENCES department(id),
    period_id     INTEGER NOT NULL REFERENCES period(id) ON DELETE CASCADE,
    issued_at     TEXT NOT NULL,
    file_name     TEXT NOT NULL,
    digest        TEXT NOT NULL,                        -- keyed digest of the locked content
    rows          INTEGER NOT NULL
);
CREATE INDEX package_dept_period ON package(department_id, period_id);

-- A returned workbook and what became of it.
CREATE TABLE submission (
    id            INTEGER PRIMARY KEY,
    package_id    TEXT REFERENCES package(id),
    department_id INTEGER REFERENCES department(id),
    period_id     INTEGER REFERENCES period(id) ON DELETE CASCADE,
    file_name     TEXT NOT NULL,
    sha256        TEXT NOT NULL,
    received_at   TEXT NOT NULL,
    status        TEXT NOT NULL CHECK (status IN ('accepted', 'rejected')),
    late          INTEGER NOT NULL DEFAULT 0,
    rows          INTEGER NOT NULL DEFAULT 0,
    superseded_by INTEGER REFERENCES submission(id),
    errors_json   TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX submission_sha ON submission(sha256);
CREATE INDEX submission_dept_period ON submission(department_id, period_id);

-- Progress entries: every version kept, the newest is current.
CREATE TABLE progress (
    id            INTEGER PRIMARY KEY,
    task_id       INTEGER NOT NULL REFERENCES task(id) ON DELETE CASCADE,
    department_id INTEGER NOT NULL REFERENCES department(id),
    period_id     INTEGER NOT NULL REFERENCES period(id) ON DELETE CASCADE,
    version       INTEGER NOT NULL,
    is_current    INTEGER NOT NULL DEFAULT 1,
    status        TEXT NOT NULL
                  CHECK (status IN ('not_started', 'in_progress', 'completed', 'delayed', 'suspended')),
    percent       REAL CHECK (percent IS NULL OR percent BETWEEN 0 AND 100),
    indicator     REAL,
    narrative     TEXT NOT NULL DEFAULT '',
    problems      TEXT NOT NULL DEFAULT '',
    next_steps    TEXT NOT NULL DEFAULT '',
    contact       TEXT NOT NULL DEFAULT '',
    received_at   TEXT NOT NULL,
    source        TEXT NOT NULL DEFAULT 'manual' CHECK (source IN ('manual', 'workbook', 'demo')),
    submission_id INTEGER REFERENCES submission(id),
    UNIQUE (task_id, department_id, period_id, version)
);
CREATE INDEX progress_current ON progress(period_id, department_id, task_id) WHERE is_current = 1;
CREATE INDEX progress_task ON progress(task_id, period_id);

-- Reporting calendar: public holidays and make-up working days (调休), user-extendable.
CREATE TABLE holiday (
    date TEXT PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('holiday', 'workday')),
    name TEXT NOT NULL DEFAULT ''
);

-- Early warnings ------------------------------------------------------------------------------
CREATE TABLE warning_ack (
    plan_id       INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
    quarter       TEXT NOT NULL,
    task_id       INTEGER NOT NULL REFERENCES task(id) ON DELETE CASCADE,
    department_id INTEGER NOT NULL REFERENCES department(id),
    note          TEXT NOT NULL DEFAULT '',
    acked_at      TEXT NOT NULL,
    PRIMARY KEY (plan_id, quarter, task_id, department_id)
);

-- A published quarter: its warnings frozen as sent.
CREATE TABLE warning_snapshot (
    id           INTEGER PRIMARY KEY,
    plan_id      INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
    quarter      TEXT NOT NULL,
    as_of        TEXT NOT NULL,
    published_at TEXT NOT NULL,
    rules_json   TEXT NOT NULL,
    result_json  TEXT NOT NULL,
    UNIQUE (plan_id, quarter)
);

-- Annual assessment ---------------------------------------------------------------------------
CREATE TABLE evaluation (
    plan_id       INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
    year          INTEGER NOT NULL,
    department_id INTEGER NOT NULL REFERENCES department(id),
    score         REAL NOT NULL,
    note          TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (plan_id, year, department_id)
);

CREATE TABLE adjustment (
    id            INTEGER PRIMARY KEY,
    plan_id       INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
    year          INTEGER NOT NULL,
    department_id INTEGER NOT NULL REFERENCES department(id),
    points        REAL NOT NULL,
    reason        TEXT NOT NULL CHECK (length(trim(reason)) > 0),
    created_at    TEXT NOT NULL
);
CREATE INDEX adjustment_dept ON adjustment(plan_id, year, department_id);

CREATE TABLE assessment_snapshot (
    id          INTEGER PRIMARY KEY,
    plan_id     INTEGER NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
    year        INTEGER NOT NULL,
    as_of       TEXT NOT NULL,
    locked_at   TEXT NOT NULL,
    scheme_json TEXT NOT NULL,
    result_json TEXT NOT NULL,
    UNIQUE (plan_id, year)
);

-- Audit log: who changed what, when. ---------------------------------------------------------
CREATE TABLE audit_log (
    id          INTEGER PRIMARY KEY,
    at          TEXT NOT NULL,
    actor       TEXT NOT NULL DEFAULT '',
    action      TEXT NOT NULL,
    entity      TEXT NOT NULL,
    entity_id   TEXT NOT NULL DEFAULT '',
    detail_json TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_entity ON audit_log(entity, entity_id);

-- Full-text search over tasks. Trigram so that Chinese substrings of 3+ characters match;
-- 1-2 character terms fall back to LIKE in store/search.py.
CREATE VIRTUAL TABLE task_fts USING fts5(
    code, title, body, tokenize = 'trigram'
);
CREATE TRIGGER task_fts_insert AFTER INSERT ON task BEGIN
    INSERT INTO task_fts(rowid, code, title, body)
    VALUES (new.id, new.code, new.title_zh || ' ' || new.title_en, new.text_zh || ' ' || new.text_en);
END;
CREATE TRIGGER task_fts_delete AFTER DELETE ON task BEGIN
    DELETE FROM task_fts WHERE rowid = old.id;
END;
CREATE TRIGGER task_fts_update AFTER UPDATE OF code, title_zh, title_en, text_zh, text_en ON task BEGIN
    DELETE FROM task_fts WHERE rowid = old.id;
    INSERT INTO task_fts(rowid, code, title, body)
    VALUES (new.id, new.code, new.title_zh || ' ' || new.title_en, new.text_zh || ' ' || new.text_en);
END;
