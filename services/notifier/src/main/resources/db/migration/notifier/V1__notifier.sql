-- Schools, their subscriptions, the notifier's own fold of the links, and the outbox of notices.

create table schools (
    id          uuid primary key,
    name        text not null,
    email       text not null,
    -- SHA-256 of the API key, hex; the key itself is shown once and never stored
    key_hash    text unique,
    created_at  timestamptz not null
);

create table subscriptions (
    id                      uuid primary key,
    school_id               uuid not null references schools (id) on delete cascade,
    fkb_codes               text[] not null,
    course_numbers          text[] not null,
    euu_codes               text[] not null,
    event_types             text[] not null,
    webhook_url             text,
    email                   text,
    lead_days               int[] not null,
    delivery                text not null,
    digest_hour             int not null,
    webhook_secret          text not null,
    previous_secret         text,
    previous_secret_until   timestamptz,
    feed_token              text not null unique,
    failing_since           timestamptz,
    disabled_at             timestamptz,
    disabled_reason         text,
    created_at              timestamptz not null
);

create index subscriptions_school on subscriptions (school_id);

create table fkbs (
    fkb_code             text primary key,
    title                text,
    head_sequence        bigint not null,
    first_ingestion_id   text not null
);

create table links (
    fkb_code          text not null,
    course_number     text not null,
    title             text not null,
    euu               text not null,
    duration_days     numeric not null,
    linked_from       date not null,
    linked_to         date,
    unlinked_on       date,
    successor_course  text,
    successor_title   text,
    sequence          bigint not null,
    recorded_at       timestamptz not null,
    primary key (fkb_code, course_number)
);

create index links_ending on links (linked_to) where linked_to is not null and unlinked_on is null;

-- What a subscription was told, once: an event, a warning, a summary. The feeds read it.
create table notices (
    id               bigserial primary key,
    subscription_id  uuid not null references subscriptions (id) on delete cascade,
    notice_id        text not null,
    type             text not null,
    fkb_code         text,
    course_number    text,
    linked_to        date,
    lead_days        int,
    -- the CloudEvent exactly as it is sent and signed
    event            text not null,
    created_at       timestamptz not null,
    unique (subscription_id, notice_id)
);

create index notices_warned on notices (fkb_code, course_number) where lead_days is not null;

-- The outbox: one row per notice and channel, sent by the dispatcher in id order per subscription.
create table deliveries (
    id               bigserial primary key,
    notice           bigint not null references notices (id) on delete cascade,
    subscription_id  uuid not null,
    channel          text not null,
    status           text not null,
    attempts         int not null default 0,
    next_attempt_at  timestamptz not null,
    created_at       timestamptz not null,
    last_attempt_at  timestamptz,
    delivered_at     timestamptz,
    last_status      int,
    last_error       text,
    unique (notice, channel)
);

create index deliveries_pending on deliveries (subscription_id, id) where status = 'PENDING';
create index deliveries_dead on deliveries (subscription_id, last_attempt_at) where status = 'DEAD';

create table consumer_positions (
    topic        text not null,
    partition    int not null,
    next_offset  bigint not null,
    primary key (topic, partition)
);
