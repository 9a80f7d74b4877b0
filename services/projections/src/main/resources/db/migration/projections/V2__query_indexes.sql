-- Indexes only the queries need. A rebuild migrates its shadow schema to V1, replays the log into
-- bare tables, and only then applies this, so each index is built once over all rows.
create index links_by_course on links (course_number);
create index links_by_end on links (linked_to) where linked_to is not null;
create index link_versions_by_course on link_versions (course_number);
create index changes_newest_first on changes (recorded_at desc, fkb_code desc, sequence desc);
create index changes_by_fkb on changes (fkb_code, ingestion_id);
