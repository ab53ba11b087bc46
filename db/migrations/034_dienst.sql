-- 034_dienst.sql — service accounts for the non-interactive verbs (issue 12
-- §1): `balie mail-in` under the mail server, `balie check --all` from cron.
--
-- A dienstaccount is an account like any other (its roles in account_rol
-- say what it may, and no more), with two differences the database keeps:
-- it has no password anyone knows (a hash of random bytes, never shown;
-- `user passwd` is refused), and it gets only command-line sessions — the
-- auth helper gives those to the Unix user of the same name (SO_PEERCRED),
-- so its credential is that Unix identity, as PostgreSQL's peer
-- authentication does (balie-admin(8)).  Its sessions, audit rows and
-- blocks work as for a person.

ALTER TABLE account ADD COLUMN dienst boolean NOT NULL DEFAULT false;

-- Creates a dienstaccount (the administrator's `user add --dienst`).
CREATE FUNCTION account_dienst_add(p_username text, p_naam text, p_hash text) RETURNS bigint
LANGUAGE sql SECURITY DEFINER SET search_path = balie, pg_catalog AS $$
	INSERT INTO account (username, naam, wachtwoord_hash, dienst)
	VALUES (p_username, p_naam, p_hash, true)
	RETURNING id
$$;

-- A password for a dienstaccount would give it the screens: refused.
CREATE OR REPLACE FUNCTION account_passwd(p_username text, p_hash text) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = balie, pg_catalog AS $$
DECLARE
	v_id bigint;
BEGIN
	IF EXISTS (SELECT 1 FROM account WHERE username = p_username AND dienst) THEN
		RAISE EXCEPTION 'een dienstaccount heeft geen wachtwoord' USING ERRCODE = 'check_violation';
	END IF;
	UPDATE account SET wachtwoord_hash = p_hash, version = version + 1 WHERE username = p_username
	RETURNING id INTO v_id;
	RETURN v_id;
END
$$;

-- A dienstaccount gets command-line sessions only: never the screens, even
-- if its random password were guessed.
CREATE OR REPLACE FUNCTION sessie_openen(p_account bigint, p_organisatie bigint, p_soort text, p_host text)
RETURNS text
LANGUAGE plpgsql SECURITY DEFINER SET search_path = balie, pg_catalog, pg_temp AS $$
DECLARE
	v_token text := replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', '');
BEGIN
	IF NOT EXISTS (SELECT 1 FROM account WHERE id = p_account AND NOT blocked
	                AND (NOT dienst OR p_soort = 'cli')) THEN
		RETURN NULL;
	END IF;
	INSERT INTO sessie (account_id, organisatie_id, token_sha256, soort, host, verloopt)
	VALUES (p_account, p_organisatie, sha256(convert_to(v_token, 'UTF8')), p_soort,
	        left(coalesce(p_host, ''), 200),
	        now() + CASE p_soort WHEN 'cli' THEN interval '1 hour' ELSE interval '12 hours' END);
	RETURN v_token;
END
$$;

REVOKE EXECUTE ON FUNCTION account_dienst_add(text, text, text), account_passwd(text, text) FROM PUBLIC, balie_app;
