-- 001_roles: the database roles and the balie schema.
--
-- balie_owner  owns every object; NOLOGIN; migrations run as it (SET ROLE).
-- balie_app    the role the program logs in as: only the DML it needs, owns
--              nothing, cannot bypass row-level security.
-- balie_report read-only, for reports and exports; also under RLS.
-- Roles are cluster-wide, so they are created only when missing.  This file
-- runs as the migrating role, which must be allowed to create roles.
DO $$
BEGIN
	IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'balie_owner') THEN
		CREATE ROLE balie_owner NOLOGIN NOSUPERUSER NOBYPASSRLS;
	END IF;
	IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'balie_app') THEN
		CREATE ROLE balie_app LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
	END IF;
	IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'balie_report') THEN
		CREATE ROLE balie_report LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
	END IF;
END
$$;

-- The migrating role must be able to SET ROLE balie_owner.
DO $$
BEGIN
	IF NOT pg_has_role(current_user, 'balie_owner', 'MEMBER') THEN
		EXECUTE format('GRANT balie_owner TO %I', current_user);
	END IF;
END
$$;

CREATE SCHEMA balie AUTHORIZATION balie_owner;
REVOKE ALL ON SCHEMA balie FROM PUBLIC;
GRANT USAGE ON SCHEMA balie TO balie_app, balie_report;

DO $$
BEGIN
	EXECUTE format('ALTER DATABASE %I SET search_path = balie, pg_catalog', current_database());
	EXECUTE format('REVOKE ALL ON DATABASE %I FROM PUBLIC', current_database());
	EXECUTE format('GRANT CONNECT ON DATABASE %I TO balie_app, balie_report', current_database());
END
$$;

SET LOCAL ROLE balie_owner;

CREATE TABLE balie.schema_version (
	version    integer PRIMARY KEY,
	name       text NOT NULL,
	applied_at timestamptz NOT NULL DEFAULT now()
);
GRANT SELECT ON balie.schema_version TO balie_app, balie_report;
