-- The read models of the catalogue's events. Unqualified names: Flyway runs these scripts with the
-- target schema first on the search path, so a rebuild migrates a shadow schema with the same scripts.

-- Where the consumer stands per partition; committed with the changes the records caused.
create table consumer_positions (
    topic       text   not null,
    partition   int    not null,
    next_offset bigint not null,
    primary key (topic, partition)
);

-- One row per FKB: the fold of its FkbRevised events, and where its chain stands.
create table fkbs (
    code                text        primary key,
    title               text        not null,
    competences         text[]      not null,
    revisions           int         not null,
    events              bigint      not null,
    head_sequence       bigint      not null,
    latest_revision_at  timestamptz,
    updated_at          timestamptz not null
);

-- Each FkbRevised: one document version; its changes are the events of the same ingestion.
create table fkb_revisions (
    fkb_code            text        not null,
    sequence            bigint      not null,
    recorded_at         timestamptz not null,
    effective_date      date        not null,
    title               text        not null,
    previous_title      text,
    competences_added   text[]      not null,
    competences_removed text[]      not null,
    document_name       text,
    document_sha256     text,
    ingestion_id        text        not null,
    primary key (fkb_code, sequence)
);

-- Every version of every link, append-only: a version is valid in record time from recorded_at
-- until the next version's recorded_at (its superseded_at), and in business time per its dates.
create table link_versions (
    fkb_code         text          not null,
    course_number    text          not null,
    sequence         bigint        not null,
    recorded_at      timestamptz   not null,
    change_type      text          not null,
    title            text          not null,
    euu              text          not null,
    duration_days    numeric(6, 1) not null,
    linked_from      date          not null,
    linked_to        date,
    unlinked_on      date,
    successor_number text,
    successor_title  text,
    primary key (fkb_code, course_number, sequence)
);

-- The latest version of each link: what the live queries and the fold start from.
create table links (
    fkb_code         text          not null,
    course_number    text          not null,
    sequence         bigint        not null,
    recorded_at      timestamptz   not null,
    title            text          not null,
    euu              text          not null,
    duration_days    numeric(6, 1) not null,
    linked_from      date          not null,
    linked_to        date,
    unlinked_on      date,
    successor_number text,
    successor_title  text,
    primary key (fkb_code, course_number)
);

-- The change feed: every event once, keyed by its id.
create table changes (
    event_id           text        primary key,
    fkb_code           text        not null,
    sequence           bigint      not null,
    type               text        not null,
    course_number      text,
    course_title       text,
    recorded_at        timestamptz not null,
    effective_date     date        not null,
    linked_to          date,
    previous_linked_to date,
    successor_number   text,
    successor_title    text,
    ingestion_id       text        not null,
    document_name      text
);
