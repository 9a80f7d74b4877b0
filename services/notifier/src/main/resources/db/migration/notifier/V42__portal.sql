-- The schools' portal: browser sessions, and schools the operator has switched off.

-- A disabled school's key stops working and its deliveries stop; nothing of it is deleted.
alter table schools add column disabled_at timestamptz;

-- One row per signed-in browser. The cookie holds a random token; only its SHA-256 is kept here, as
-- with the schools' keys. A session is a school's or the operator's, never both.
create table portal_sessions (
    token_hash  text primary key,
    school_id   uuid references schools (id) on delete cascade,
    operator    boolean not null default false,
    csrf_token  text not null,
    created_at  timestamptz not null,
    expires_at  timestamptz not null,
    check (operator = (school_id is null))
);

create index portal_sessions_school on portal_sessions (school_id);
create index portal_sessions_expiry on portal_sessions (expires_at);
