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
