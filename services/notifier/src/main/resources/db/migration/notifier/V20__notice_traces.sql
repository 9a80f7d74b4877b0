-- The W3C traceparent of the upload a notice came from, so its webhook is sent (and logged) in that trace.
-- Null for notices no upload caused (expiry warnings) and for those recorded before this column.
alter table notices add column traceparent text;
