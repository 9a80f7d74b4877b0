-- The ingestion whose events a notice tells of (the events' source.ingestionId), so that an immediate
-- e-mail tells one ingestion of an FKB in one mail. Null for notices no document ingestion caused
-- (expiry warnings and their withdrawals, expiries of the clock) and for those recorded before this
-- column: each of those is mailed on its own.
alter table notices add column ingestion_id text;
