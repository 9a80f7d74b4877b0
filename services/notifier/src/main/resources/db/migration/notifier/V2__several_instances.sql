-- What lets several notifier instances share one database.

-- Each instance keeps its own subscription index in memory. Every change of what the index holds
-- gets the next version here, under the one row's lock, so versions are gapless and commit in the
-- order they were given: an instance that has applied the changes up to version n has missed none
-- below it. The last 10,000 changes are kept; an instance further behind loads everything again.
create table subscription_version (
    only_row  boolean primary key default true check (only_row),
    version   bigint not null
);

insert into subscription_version (version) values (0);

create table subscription_changes (
    version          bigint primary key,
    subscription_id  uuid not null
);

create function subscription_changed() returns trigger language plpgsql as $$
declare
    next_version bigint;
begin
    update notifier.subscription_version set version = version + 1 returning version into next_version;
    insert into notifier.subscription_changes (version, subscription_id)
    values (next_version, case when tg_op = 'DELETE' then old.id else new.id end);
    delete from notifier.subscription_changes where version <= next_version - 10000;
    return null;
end
$$;

-- not failing_since: the dispatcher writes it on every failure, and matching does not read it
create trigger subscription_changed after insert or delete or update of school_id, fkb_codes, course_numbers,
    euu_codes, event_types, webhook_url, email, lead_days, delivery, digest_hour, webhook_secret, previous_secret,
    previous_secret_until, feed_token, disabled_at, disabled_reason
    on subscriptions for each row execute function subscription_changed();

-- Which instance sends a subscription's deliveries on a channel right now, and until when. A claim
-- is released when its round of sending ends; one whose instance died runs out and is taken over.
create table delivery_claims (
    subscription_id  uuid not null references subscriptions (id) on delete cascade,
    channel          text not null,
    instance         text not null,
    claimed_until    timestamptz not null,
    primary key (subscription_id, channel)
);
