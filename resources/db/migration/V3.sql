-- The skill a run replayed, when it replayed one: the skills view counts each skill's runs and successes from it.
ALTER TABLE runs ADD COLUMN IF NOT EXISTS skill VARCHAR(200);
CREATE INDEX IF NOT EXISTS runs_skill ON runs (skill);
