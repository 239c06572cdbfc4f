-- Planning commits its outbox rows in chunks under a lease, so sending starts with the first chunk and a planner that
-- crashed is taken over once its lease ran out. While planning_until is set the campaign is still being planned (by
-- planner) and cannot finish; the next planner skips enterprises that already have rows, so none is planned twice.
alter table push_campaign add column planner varchar(36);
alter table push_campaign add column planning_until timestamp with time zone;
