-- The events a redrive has applied again from the dead letters, by their place in the events topic: a
-- dead letter listed as redriven is never applied twice.
create table dead_letters_redriven (
    origin_topic     text        not null,
    origin_partition int         not null,
    origin_offset    bigint      not null,
    redriven_at      timestamptz not null,
    primary key (origin_topic, origin_partition, origin_offset)
);
