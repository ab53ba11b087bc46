-- 004_notify: every committed change to a hulpvraag is announced on the
-- channel balie_changes, so every running balie refreshes counts and rows
-- within a second.  The payload carries ids only — never a name or any other
-- personal data: "hulpvraag <id> <organisatie_id>".  NOTIFY is transactional:
-- listeners hear it only after COMMIT, and not at all after ROLLBACK.
SET LOCAL ROLE balie_owner;

CREATE FUNCTION notify_hulpvraag() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
	r record := CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
BEGIN
	PERFORM pg_notify('balie_changes', format('hulpvraag %s %s', r.id, r.organisatie_id));
	RETURN NULL;
END
$$;
REVOKE EXECUTE ON FUNCTION notify_hulpvraag() FROM PUBLIC;

CREATE TRIGGER notify_hulpvraag AFTER INSERT OR UPDATE OR DELETE ON hulpvraag
	FOR EACH ROW EXECUTE FUNCTION notify_hulpvraag();
