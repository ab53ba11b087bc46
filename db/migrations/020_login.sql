-- 020_login: nothing to learn at the login screen (issue 12 §4).
--
-- A real account is blocked after five failures until an administrator
-- unblocks it.  An unknown username counted the same way, but its counter
-- reset after a day of quiet, so a day later "geblokkeerd" told real names
-- from made-up ones.  Now both follow one rule: blocked until an
-- administrator clears it (`balie admin user unblock NAAM` clears the
-- counter of a name that has no account; login_onbekend_wissen()).
SET LOCAL ROLE balie_owner;

CREATE OR REPLACE FUNCTION auth_fail_onbekend(p_naam text) RETURNS integer
LANGUAGE sql SECURITY DEFINER SET search_path = balie, pg_catalog AS $$
	INSERT INTO login_onbekend AS l (naam_sha256, mislukt)
	VALUES (encode(sha256(convert_to(p_naam, 'UTF8')), 'hex'), 1)
	ON CONFLICT (naam_sha256) DO UPDATE SET mislukt = l.mislukt + 1, laatste = now()
	RETURNING mislukt
$$;

-- The administrator's "unblock" for a name without an account; the number of
-- counters removed (0 or 1).  Not for balie_app.
CREATE FUNCTION login_onbekend_wissen(p_naam text) RETURNS integer
LANGUAGE sql SECURITY DEFINER SET search_path = balie, pg_catalog AS $$
	WITH d AS (DELETE FROM login_onbekend WHERE naam_sha256 = encode(sha256(convert_to(p_naam, 'UTF8')), 'hex')
	           RETURNING 1)
	SELECT count(*)::integer FROM d
$$;
REVOKE EXECUTE ON FUNCTION login_onbekend_wissen(text) FROM PUBLIC;

-- TOTP enrolment by the person themselves (balie(1) TWEESTAPSVERIFICATIE):
-- after their password and one valid code from the new secret, the acting
-- account's secret is set, with that code's step as the last one used (so
-- the code that proved it cannot log in again).  Audited without the secret.
CREATE FUNCTION totp_eigen_instellen(p_secret text, p_step bigint) RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER SET search_path = balie, pg_catalog AS $$
DECLARE
	v_id bigint := acting_account();
BEGIN
	IF v_id IS NULL OR p_secret !~ '^[A-Z2-7]{16,64}$' THEN
		RETURN false;
	END IF;
	UPDATE account SET totp_secret = p_secret, totp_last_step = p_step, version = version + 1
	 WHERE id = v_id AND NOT blocked;
	IF NOT FOUND THEN
		RETURN false;
	END IF;
	INSERT INTO audit_log (account_id, actie, object, object_id, detail)
	VALUES (v_id, 'totp-ingesteld', 'account', v_id, 'door de gebruiker zelf');
	RETURN true;
END
$$;
REVOKE EXECUTE ON FUNCTION totp_eigen_instellen(text, bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION totp_eigen_instellen(text, bigint) TO balie_app;
