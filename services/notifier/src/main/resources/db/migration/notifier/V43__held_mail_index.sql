-- The immediate e-mails still held for their ingestion to complete: every consumer batch asks which
-- of them may go now (Notices.ingestionsComplete). Without an index of its own that question read
-- every notice of the batch's FKBs, in a transaction a change's webhooks wait for; with it, a batch
-- reads just the held e-mails, none at all where no school takes e-mail.
create index deliveries_held_mail on deliveries (notice) where status = 'PENDING' and channel = 'EMAIL' and attempts = 0;
