-- 033_bewaartermijn.sql — a post row's raw message is not kept for ever
-- (issue 14 §4, left open by 026).
--
-- A message that landed in the post list (026) keeps the whole message as
-- received, attachments included, so that the secretariaat can file it by
-- hand.  Once a row is afgehandeld that copy has done its work; the note and
-- bijlagen filed from it live on with the hulpvraag.  Aanname (no seed says
-- how long; the AVG asks for no longer than needed): 30 days after
-- afgehandeld the raw message is wiped; the row (sender, subject, reason,
-- who handled it, when) stays as the record.  `balie mail` does it each pass,
-- as it seals the audit log: a short transaction of its own.

CREATE FUNCTION post_opschonen(p_dagen integer DEFAULT 30) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = balie, pg_catalog, pg_temp AS $$
DECLARE
	v_n integer;
BEGIN
	IF p_dagen IS NULL OR p_dagen < 1 THEN
		RAISE EXCEPTION 'bewaartermijn moet minstens 1 dag zijn';
	END IF;
	WITH u AS (UPDATE mail_in SET bericht = NULL, version = version + 1
	            WHERE reden IS NOT NULL AND bericht IS NOT NULL
	              AND afgehandeld_op < now() - make_interval(days => p_dagen)
	           RETURNING id, organisatie_id),
	a AS (INSERT INTO audit_log (organisatie_id, actie, object, object_id, detail)
	      SELECT organisatie_id, 'post-bericht-gewist', 'mail_in', id, 'bewaartermijn ' || p_dagen || ' dagen'
	        FROM u RETURNING 1)
	SELECT count(*) INTO v_n FROM a;
	RETURN v_n;
END
$$;
REVOKE EXECUTE ON FUNCTION post_opschonen(integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION post_opschonen(integer) TO balie_mail;
