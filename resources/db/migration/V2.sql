-- Tokens a language model read and wrote, per run and per planner decision.
ALTER TABLE runs ADD COLUMN IF NOT EXISTS input_tokens BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE runs ADD COLUMN IF NOT EXISTS output_tokens BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE decisions ADD COLUMN IF NOT EXISTS input_tokens BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE decisions ADD COLUMN IF NOT EXISTS output_tokens BIGINT DEFAULT 0 NOT NULL;
