-- 027_sessie: who acts is proven by a session token, never named (issue 12 §1, §3).
--
-- Until now acting_account() read the setting balie.account, which any
-- client of balie_app (or balie_report) can set to any number: row-level
-- security then protected against careless queries, not against a process
-- that was taken over.  Now:
--   * logging in is done by the role balie_auth (its own credential; the
--     session process does not have it).  After password and TOTP it calls
--     sessie_openen(), which stores a session row with the SHA-256 of a
--     random token and hands the token out once;
--   * the session process sets only that token per transaction
--     (set_config('balie.token', …, true)); acting_account() resolves it:
--     unknown, ended, expired (12 hours) or of a blocked account = no
--     account = no rows;
--   * password and TOTP functions are executable by balie_auth only, and a
--     block, a password or TOTP change, or `balie admin sessions end` ends
--     the account's open sessions at once (NOTIFY balie_sessie carries only
--     session ids, so the screen can say why within a second).
-- The row-level policies call acting_account() through an initplan
-- ((SELECT acting_account())): resolving the token costs a hash and an
-- index lookup (measured 6 µs per call against 0.3 µs for the old setting),
-- once per statement instead of once per row.
-- The role is cluster-wide and created only when missing (as balie_mail in
-- 007): that needs the migrating role itself.
RESET ROLE;
DO $$
BEGIN
	IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'balie_auth') THEN
		CREATE ROLE balie_auth LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
	END IF;
	EXECUTE format('GRANT CONNECT ON DATABASE %I TO balie_auth', current_database());
END
$$;

SET LOCAL ROLE balie_owner;

GRANT USAGE ON SCHEMA balie TO balie_auth;

CREATE TABLE sessie (
	id                 bigserial PRIMARY KEY,
	account_id         bigint NOT NULL REFERENCES account (id),
	organisatie_id     bigint REFERENCES organisatie (id),
	token_sha256       bytea NOT NULL UNIQUE,
	soort              text NOT NULL CHECK (soort IN ('tui', 'cli', 'test')),
	host               text NOT NULL DEFAULT '' CHECK (length(host) <= 200),
	gestart            timestamptz NOT NULL DEFAULT now(),
	laatste_activiteit timestamptz NOT NULL DEFAULT now(),
	verloopt           timestamptz NOT NULL,
	beeindigd          timestamptz,
	reden              text
);
CREATE INDEX sessie_open ON sessie (account_id) WHERE beeindigd IS NULL;
REVOKE ALL ON sessie FROM PUBLIC;

-- The open session of this transaction's token, or nothing.
CREATE FUNCTION huidige_sessie() RETURNS bigint
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = balie, pg_catalog, pg_temp AS $$
	SELECT s.id FROM sessie s JOIN account a ON a.id = s.account_id
	 WHERE s.token_sha256 = sha256(convert_to(nullif(current_setting('balie.token', true), ''), 'UTF8'))
	   AND s.beeindigd IS NULL AND s.verloopt > now() AND NOT a.blocked
$$;

CREATE OR REPLACE FUNCTION acting_account() RETURNS bigint
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = balie, pg_catalog, pg_temp AS $$
	SELECT s.account_id FROM sessie s JOIN account a ON a.id = s.account_id
	 WHERE s.token_sha256 = sha256(convert_to(nullif(current_setting('balie.token', true), ''), 'UTF8'))
	   AND s.beeindigd IS NULL AND s.verloopt > now() AND NOT a.blocked
$$;

-- Every policy resolves the token once per statement (see the top).
DO $$
DECLARE
	p record;
	q text;
	c text;
BEGIN
	FOR p IN SELECT schemaname, tablename, policyname, qual, with_check FROM pg_policies
	          WHERE schemaname = 'balie'
	            AND (qual ~ 'acting_account\(\)' OR with_check ~ 'acting_account\(\)') LOOP
		q := regexp_replace(p.qual, '(balie\.)?acting_account\(\)', '(SELECT balie.acting_account())', 'g');
		c := regexp_replace(p.with_check, '(balie\.)?acting_account\(\)', '(SELECT balie.acting_account())', 'g');
		EXECUTE format('ALTER POLICY %I ON %I.%I', p.policyname, p.schemaname, p.tablename)
		     || CASE WHEN q IS NOT NULL THEN format(' USING (%s)', q) ELSE '' END
		     || CASE WHEN c IS NOT NULL THEN format(' WITH CHECK (%s)', c) ELSE '' END;
	END LOOP;
END
$$;

-- Called by the auth role after both factors passed.  Returns the token;
-- only its hash is kept.  NULL for a blocked account.
CREATE FUNCTION sessie_openen(p_account bigint, p_organisatie bigint, p_soort text, p_host text)
RETURNS text
LANGUAGE plpgsql SECURITY DEFINER SET search_path = balie, pg_catalog, pg_temp AS $$
DECLARE
	v_token text := replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', '');
BEGIN
	IF NOT EXISTS (SELECT 1 FROM account WHERE id = p_account AND NOT blocked) THEN
		RETURN NULL;
	END IF;
	INSERT INTO sessie (account_id, organisatie_id, token_sha256, soort, host, verloopt)
	VALUES (p_account, p_organisatie, sha256(convert_to(v_token, 'UTF8')), p_soort,
	        left(coalesce(p_host, ''), 200),
	        now() + CASE p_soort WHEN 'cli' THEN interval '1 hour' ELSE interval '12 hours' END);
	RETURN v_token;
END
$$;

-- The session's own end (logging out, a command-line verb that is done).
CREATE FUNCTION sessie_afmelden() RETURNS boolean
LANGUAGE sql SECURITY DEFINER SET search_path = balie, pg_catalog, pg_temp AS $$
	WITH u AS (UPDATE sessie SET beeindigd = now(), reden = 'afgemeld'
	            WHERE id = huidige_sessie() RETURNING 1)
	SELECT EXISTS (SELECT 1 FROM u)
$$;

-- A key was pressed (the client calls this at most once a minute; live
-- updates do not count).  False when the session is no longer valid.
CREATE FUNCTION sessie_activiteit() RETURNS boolean
LANGUAGE sql SECURITY DEFINER SET search_path = balie, pg_catalog, pg_temp AS $$
	WITH u AS (UPDATE sessie SET laatste_activiteit = now()
	            WHERE id = huidige_sessie() RETURNING 1)
	SELECT EXISTS (SELECT 1 FROM u)
$$;

-- Why the session of this token is not valid (for the screen), or NULL
-- when it is.
CREATE FUNCTION sessie_reden() RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = balie, pg_catalog, pg_temp AS $$
	SELECT CASE WHEN s.id IS NULL THEN 'onbekende sessie'
	            WHEN s.beeindigd IS NOT NULL THEN coalesce(s.reden, 'beëindigd')
	            WHEN a.blocked THEN 'account geblokkeerd'
	            WHEN s.verloopt <= now() THEN 'sessie verlopen (maximaal 12 uur)'
	       END
	  FROM (SELECT 1) x
	  LEFT JOIN sessie s ON s.token_sha256 = sha256(convert_to(nullif(current_setting('balie.token', true), ''), 'UTF8'))
	  LEFT JOIN account a ON a.id = s.account_id
$$;

-- Ends every open session of an account (admin verb, and the triggers
-- below); NOTIFY carries session ids only.  Returns how many.
CREATE FUNCTION sessies_beeindigen(p_account bigint, p_reden text) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = balie, pg_catalog, pg_temp AS $$
DECLARE
	v_ids text;
	v_n integer;
BEGIN
	WITH u AS (UPDATE sessie SET beeindigd = now(), reden = p_reden
	            WHERE account_id = p_account AND beeindigd IS NULL RETURNING id)
	SELECT string_agg(id::text, ','), count(*) INTO v_ids, v_n FROM u;
	IF v_n > 0 THEN
		PERFORM pg_notify('balie_sessie', v_ids);
	END IF;
	RETURN v_n;
END
$$;

CREATE FUNCTION account_sessies_einde() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = balie, pg_catalog, pg_temp AS $$
BEGIN
	IF NEW.blocked AND NOT OLD.blocked THEN
		PERFORM sessies_beeindigen(NEW.id, 'account geblokkeerd');
	ELSIF NEW.wachtwoord_hash IS DISTINCT FROM OLD.wachtwoord_hash AND NEW.failed_attempts = OLD.failed_attempts
	      AND OLD.wachtwoord_hash IS NOT NULL AND NOT wachtwoord_rehash_bezig() THEN
		PERFORM sessies_beeindigen(NEW.id, 'wachtwoord gewijzigd');
	ELSIF NEW.totp_secret IS DISTINCT FROM OLD.totp_secret AND NOT totp_eigen_bezig() THEN
		PERFORM sessies_beeindigen(NEW.id, 'tweestapsverificatie gewijzigd');
	END IF;
	RETURN NEW;
END
$$;

-- A rehash on login (same password, new cost) and one's own TOTP set-up
-- from a running session are no reason to end sessions: the functions that
-- do them say so for their transaction.
CREATE FUNCTION wachtwoord_rehash_bezig() RETURNS boolean
LANGUAGE sql STABLE AS $$ SELECT coalesce(current_setting('balie.rehash', true), '') = 'on' $$;
CREATE FUNCTION totp_eigen_bezig() RETURNS boolean
LANGUAGE sql STABLE AS $$ SELECT coalesce(current_setting('balie.totp_eigen', true), '') = 'on' $$;

CREATE TRIGGER account_sessies_einde AFTER UPDATE OF blocked, wachtwoord_hash, totp_secret ON account
	FOR EACH ROW EXECUTE FUNCTION account_sessies_einde();

-- Rehash: marks itself for the trigger (balie_auth cannot set the marker
-- and then change a password some other way: it has no other way).
CREATE OR REPLACE FUNCTION auth_rehash(p_id bigint, p_new_hash text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = balie, pg_catalog, pg_temp AS $$
BEGIN
	PERFORM set_config('balie.rehash', 'on', true);
	UPDATE account SET wachtwoord_hash = p_new_hash WHERE id = p_id;
	PERFORM set_config('balie.rehash', '', true);
END
$$;

CREATE OR REPLACE FUNCTION auth_ok(p_id bigint, p_new_hash text) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = balie, pg_catalog, pg_temp AS $$
BEGIN
	PERFORM set_config('balie.rehash', 'on', true);
	UPDATE account SET failed_attempts = 0, last_login = now(),
	                   wachtwoord_hash = coalesce(p_new_hash, wachtwoord_hash)
	 WHERE id = p_id AND NOT blocked;
	PERFORM set_config('balie.rehash', '', true);
END
$$;

-- One's own TOTP set-up (020) keeps the session it is done from and ends
-- the others of the account.
CREATE OR REPLACE FUNCTION totp_eigen_instellen(p_secret text, p_step bigint) RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER SET search_path = balie, pg_catalog, pg_temp AS $$
DECLARE
	v_acc bigint := acting_account();
	v_ses bigint := huidige_sessie();
	v_ids text;
	v_n integer;
BEGIN
	IF v_acc IS NULL OR p_secret IS NULL OR p_secret !~ '^[A-Z2-7]{16,64}$' THEN
		RETURN false;
	END IF;
	PERFORM set_config('balie.totp_eigen', 'on', true);
	UPDATE account SET totp_secret = p_secret, totp_last_step = p_step, version = version + 1
	 WHERE id = v_acc AND NOT blocked;
	GET DIAGNOSTICS v_n = ROW_COUNT;
	PERFORM set_config('balie.totp_eigen', '', true);
	IF v_n = 0 THEN
		RETURN false;
	END IF;
	WITH u AS (UPDATE sessie SET beeindigd = now(), reden = 'tweestapsverificatie gewijzigd'
	            WHERE account_id = v_acc AND beeindigd IS NULL AND id <> v_ses RETURNING id)
	SELECT string_agg(id::text, ',') INTO v_ids FROM u;
	IF v_ids IS NOT NULL THEN
		PERFORM pg_notify('balie_sessie', v_ids);
	END IF;
	INSERT INTO audit_log (account_id, actie, object, object_id, detail)
	VALUES (v_acc, 'totp-ingesteld', 'account', v_acc, 'door de gebruiker zelf');
	RETURN true;
END
$$;

-- For the auth helper: whose open session a token is (unlock, the password
-- again).  NULL row when it is not valid.
CREATE FUNCTION sessie_van_token(p_token text)
RETURNS TABLE (account_id bigint, organisatie_id bigint, username text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = balie, pg_catalog, pg_temp AS $$
	SELECT s.account_id, s.organisatie_id, a.username FROM sessie s JOIN account a ON a.id = s.account_id
	 WHERE s.token_sha256 = sha256(convert_to(p_token, 'UTF8'))
	   AND s.beeindigd IS NULL AND s.verloopt > now() AND NOT a.blocked
$$;

-- What the session process may know of its own session.
CREATE FUNCTION sessie_info()
RETURNS TABLE (sessie_id bigint, account_id bigint, organisatie_id bigint, gestart timestamptz, verloopt timestamptz)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = balie, pg_catalog, pg_temp AS $$
	SELECT id, account_id, organisatie_id, gestart, verloopt FROM sessie WHERE id = huidige_sessie()
$$;

-- Audit rows written by the session process carry the account of its
-- token, whatever account_id it sent, and the session's id; the auth role
-- and the administrators' connections name the account themselves.
CREATE OR REPLACE FUNCTION audit_rol() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = balie, pg_catalog, pg_temp AS $$
DECLARE
	v_ses bigint;
BEGIN
	NEW.verzegel_nr := NULL;
	NEW.hash := NULL;
	IF session_user IN ('balie_app', 'balie_report') THEN
		v_ses := huidige_sessie();
		NEW.account_id := (SELECT account_id FROM sessie WHERE id = v_ses);
		IF v_ses IS NOT NULL AND NEW.sessie IS NULL THEN
			NEW.sessie := 'sessie:' || v_ses;
		END IF;
	END IF;
	IF NEW.account_id IS NOT NULL THEN
		NEW.rol := (SELECT string_agg(DISTINCT r.rol, ',' ORDER BY r.rol) FROM account_rol r
		             WHERE r.account_id = NEW.account_id
		               AND (NEW.organisatie_id IS NULL OR r.organisatie_id = NEW.organisatie_id));
	ELSE
		NEW.rol := NULL;
	END IF;
	IF NEW.sessie IS NULL THEN
		NEW.sessie := 'db:' || session_user;
	END IF;
	RETURN NEW;
END
$$;

REVOKE EXECUTE ON FUNCTION huidige_sessie(), sessie_openen(bigint, bigint, text, text), sessie_afmelden(),
	sessie_activiteit(), sessie_reden(), sessies_beeindigen(bigint, text), account_sessies_einde(),
	sessie_info(), wachtwoord_rehash_bezig(), totp_eigen_bezig(), sessie_van_token(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION sessie_afmelden(), sessie_activiteit(), sessie_reden(), sessie_info() TO balie_app;
GRANT EXECUTE ON FUNCTION sessie_reden(), sessie_info() TO balie_report;

-- Passwords, TOTP secrets and the login counters: the auth role only.
REVOKE EXECUTE ON FUNCTION auth_lookup(text), auth_fail(bigint), auth_fail_onbekend(text), auth_ok(bigint, text),
	auth_rehash(bigint, text), auth_totp_use(bigint, bigint) FROM balie_app, balie_report, PUBLIC;
GRANT EXECUTE ON FUNCTION auth_lookup(text), auth_fail(bigint), auth_fail_onbekend(text), auth_ok(bigint, text),
	auth_rehash(bigint, text), auth_totp_use(bigint, bigint), sessie_openen(bigint, bigint, text, text),
	acting_account(), sessie_reden(), sessie_van_token(text)
	TO balie_auth;
GRANT SELECT ON organisatie, account_rol TO balie_auth;
GRANT SELECT (id, username, naam, email, blocked) ON account TO balie_auth;
GRANT INSERT ON audit_log TO balie_auth;
CREATE POLICY schrijven_auth ON audit_log FOR INSERT TO balie_auth WITH CHECK (true);
