-- Every attempt at a delivery, webhook or e-mail, so a school can see what its endpoint answered each
-- time. Written in the statement that records the delivery's result, so the two never disagree.
create table delivery_attempts (
    delivery          bigint not null references deliveries (id) on delete cascade,
    -- counts every attempt the delivery has had, from 1, across redrives (which start its retries over)
    attempt           int not null,
    -- the catalogue clock, as deliveries.last_attempt_at
    attempted_at      timestamptz not null,
    -- the receiver's HTTP status; null when no answer came (and for e-mail)
    status_code       int,
    error             text,
    -- the start of the receiver's answer, at most 500 characters
    response_excerpt  text,
    duration_ms       int not null,
    primary key (delivery, attempt)
);

-- A school's deliveries, newest first, a page at a time: the school is kept on the delivery (it never
-- changes), so a page is read from one index however the school's deliveries are spread among other
-- schools'. Going through the subscriptions instead reads every delivery of a school with a thousand.
alter table deliveries add column school_id uuid;

update deliveries d set school_id = s.school_id from subscriptions s where s.id = d.subscription_id;

alter table deliveries alter column school_id set not null;

create index deliveries_school on deliveries (school_id, id);

-- One subscription's deliveries, newest first, whatever their status.
create index deliveries_subscription on deliveries (subscription_id, id);
