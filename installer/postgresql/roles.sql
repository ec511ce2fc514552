-- The site's two PostgreSQL roles (docs/deployment.md, "PostgreSQL"). Run once, as a superuser:
--   sudo -u postgres psql -v ON_ERROR_STOP=1 -f roles.sql
--   sudo -u postgres createdb --owner=kiosk_owner kiosk
-- then give each role its password (psql: \password kiosk_owner, \password kiosk_app).
--
-- kiosk_owner owns the database: it runs the migrations (kiosk db upgrade, kiosk db copy).
-- kiosk_app is what the servers connect as: it reads and writes the site's records, but cannot
-- change the schema, nor alter or delete the audit trail (grants.sql).
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'kiosk_owner') THEN
        CREATE ROLE kiosk_owner LOGIN;
    END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'kiosk_app') THEN
        CREATE ROLE kiosk_app LOGIN;
    END IF;
END
$$;
