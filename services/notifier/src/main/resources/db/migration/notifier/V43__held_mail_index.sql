-- The e-mail deliveries never attempted yet (immediate ones held for their ingestion to complete, and
-- digests waiting for their hour): every consumer batch asks which held ones may go now
-- (Notices.ingestionsComplete), in the transaction a change's webhooks wait for. No index matched that
-- question's conditions; this one holds just those deliveries, none at all where no school takes e-mail.
create index deliveries_held_mail on deliveries (notice) where status = 'PENDING' and channel = 'EMAIL' and attempts = 0;
