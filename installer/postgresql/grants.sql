-- What the servers' role (kiosk_app) may do in the site's database. Run as kiosk_owner, connected
-- to that database, after the migrations, and again after every upgrade that adds a table:
--   psql "host=DBHOST dbname=kiosk user=kiosk_owner" -v ON_ERROR_STOP=1 -f grants.sql
-- Running it twice does no harm.

-- Only the owner creates tables; the servers use what is there.
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO kiosk_app;

-- The site's records: read and write.
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO kiosk_app;
-- New ids (SERIAL columns) come from sequences.
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO kiosk_app;

-- The audit trail is append-only for the servers: a server (or whoever holds its password) can
-- add events, never change or remove one.
REVOKE UPDATE, DELETE, TRUNCATE ON audit_events FROM kiosk_app;
-- The schema's revision is the owner's to change; the servers only read it.
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON alembic_version FROM kiosk_app;
