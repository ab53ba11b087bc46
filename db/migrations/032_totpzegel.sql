-- 032_totpzegel.sql — TOTP secrets sealed at rest (issue 12 §2).
--
-- A TOTP secret is the second half of a login: whoever reads one makes
-- codes.  From now on the database holds only sealed secrets ("z1:" +
-- XChaCha20-Poly1305 under a key in a file only the auth helper reads,
-- core/totpzegel.h), so a dump, a backup, a replica or the owner's own
-- queries show nothing usable.  The database never has the key; sealing and
-- opening happen in the auth helper (`balie authd`) and, for an
-- administrator's `balie admin user totp-reset`, in that command.
--
-- NOT VALID: secrets stored in the clear before this migration stay
-- readable until the auth helper seals them at its start
-- (auth_totp_onverzegeld → auth_totp_verzegel); every new write must be
-- sealed.  After that an administrator may VALIDATE the constraint
-- (balie-admin(8)).

ALTER TABLE account ADD CONSTRAINT totp_secret_verzegeld
	CHECK (totp_secret IS NULL OR totp_secret LIKE 'z1:%') NOT VALID;

-- One's own set-up no longer writes from the session process (which would
-- need the key): the helper checks the code against the new secret, seals
-- it and stores it through auth_totp_instellen.
DROP FUNCTION totp_eigen_instellen(text, bigint);

-- The helper's store of one's own new secret: the session of p_token (an
-- open session of an account that is not blocked) sets its own account's
-- sealed secret and the time step of the code that proved it; the other
-- sessions of the account end, this one stays (027).  Audited.
CREATE FUNCTION auth_totp_instellen(p_token text, p_sealed text, p_step bigint) RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER SET search_path = balie, pg_catalog, pg_temp AS $$
DECLARE
	v_acc bigint;
	v_ses bigint;
	v_ids text;
	v_n integer;
BEGIN
	SELECT s.id, s.account_id INTO v_ses, v_acc FROM sessie s JOIN account a ON a.id = s.account_id
	 WHERE s.token_sha256 = sha256(convert_to(coalesce(p_token, ''), 'UTF8'))
	   AND s.beeindigd IS NULL AND s.verloopt > now() AND NOT a.blocked;
	IF v_acc IS NULL OR p_sealed IS NULL OR p_sealed NOT LIKE 'z1:%' THEN
		RETURN false;
	END IF;
	PERFORM set_config('balie.totp_eigen', 'on', true);
	UPDATE account SET totp_secret = p_sealed, totp_last_step = p_step, version = version + 1
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
	INSERT INTO audit_log (account_id, actie, object, object_id, detail, sessie)
	VALUES (v_acc, 'totp-ingesteld', 'account', v_acc, 'door de gebruiker zelf, verzegeld', 'sessie:' || v_ses);
	RETURN true;
END
$$;

-- The accounts whose secret is still in the clear (from before 032), for
-- the helper to seal.  Reading them is audited by the sealing itself.
CREATE FUNCTION auth_totp_onverzegeld() RETURNS TABLE (id bigint, totp_secret text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = balie, pg_catalog, pg_temp AS $$
	SELECT a.id, a.totp_secret FROM account a
	 WHERE a.totp_secret IS NOT NULL AND a.totp_secret NOT LIKE 'z1:%' ORDER BY a.id
$$;

-- Replaces account p_id's clear secret p_oud by its sealing p_sealed, only
-- while it still is p_oud (a new set-up in between wins); the same secret,
-- so no session ends.  Audited without the secret.
CREATE FUNCTION auth_totp_verzegel(p_id bigint, p_oud text, p_sealed text) RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER SET search_path = balie, pg_catalog, pg_temp AS $$
DECLARE
	v_n integer;
BEGIN
	IF p_sealed IS NULL OR p_sealed NOT LIKE 'z1:%' OR p_oud LIKE 'z1:%' THEN
		RETURN false;
	END IF;
	PERFORM set_config('balie.totp_eigen', 'on', true);
	UPDATE account SET totp_secret = p_sealed WHERE id = p_id AND totp_secret = p_oud;
	GET DIAGNOSTICS v_n = ROW_COUNT;
	PERFORM set_config('balie.totp_eigen', '', true);
	IF v_n = 1 THEN
		INSERT INTO audit_log (account_id, actie, object, object_id, detail)
		VALUES (p_id, 'totp-verzegeld', 'account', p_id, 'geheim uit de database gehaald en verzegeld opgeslagen');
	END IF;
	RETURN v_n = 1;
END
$$;

REVOKE EXECUTE ON FUNCTION auth_totp_instellen(text, text, bigint), auth_totp_onverzegeld(),
	auth_totp_verzegel(bigint, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION auth_totp_instellen(text, text, bigint), auth_totp_onverzegeld(),
	auth_totp_verzegel(bigint, text, text) TO balie_auth;
