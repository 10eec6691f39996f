-- The journal: every run, the planner's decisions, each step, and each approval asked (a step's approval is
-- asked again, as ask 2, 3…, when its payload changed after a yes).
CREATE TABLE IF NOT EXISTS runs (
    id          VARCHAR(64)  PRIMARY KEY,
    request     CLOB         NOT NULL,
    planner     VARCHAR(64)  NOT NULL,
    status      VARCHAR(16)  NOT NULL,
    summary     CLOB,
    steps       INT          DEFAULT 0 NOT NULL,
    llm_calls   INT          DEFAULT 0 NOT NULL,
    started_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at TIMESTAMP WITH TIME ZONE,
    pid         BIGINT       NOT NULL
);
CREATE INDEX IF NOT EXISTS runs_started ON runs (started_at DESC);

CREATE TABLE IF NOT EXISTS decisions (
    run_id      VARCHAR(64)  NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
    seq         INT          NOT NULL,
    after_step  INT          NOT NULL,
    planner     VARCHAR(64)  NOT NULL,
    thought     CLOB,
    actions     INT          NOT NULL,
    llm_calls   INT          NOT NULL,
    made_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (run_id, seq)
);

CREATE TABLE IF NOT EXISTS steps (
    run_id      VARCHAR(64)  NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
    step        INT          NOT NULL,
    kind        VARCHAR(32)  NOT NULL,
    action      CLOB         NOT NULL,
    risk        VARCHAR(16)  NOT NULL,
    reason      CLOB,
    status      VARCHAR(16),
    attempts    INT          DEFAULT 0 NOT NULL,
    millis      BIGINT,
    detail      CLOB,
    read_value  CLOB,
    screenshot  VARCHAR(4096),
    planned_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (run_id, step)
);

CREATE TABLE IF NOT EXISTS approvals (
    run_id       VARCHAR(64)  NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
    step         INT          NOT NULL,
    ask          INT          NOT NULL,
    risk         VARCHAR(16)  NOT NULL,
    summary      CLOB         NOT NULL,
    payload      CLOB         NOT NULL,
    requested_at TIMESTAMP WITH TIME ZONE NOT NULL,
    approved     BOOLEAN,
    decided_by   VARCHAR(256),
    decided_at   TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (run_id, step, ask)
);
