-- 019_audit: an audit trail that proves (issue 12 §5).
--
-- audit_log was insert-only for balie_app already; this makes it provable:
--
--   * every row says who, in which role, from which session and host: rol is
--     filled by the database from account_rol (not by the client); sessie and
--     host come from the connection's balie.sessie / balie.host settings
--     (db/conn.c sets them once per process: a random id and the SSH
--     client's address).
--   * rows are sealed into a hash chain: audit_verzegel() gives each unsealed
--     row, in id order, the next verzegel_nr and
--         hash = sha256(previous hash || '|' || audit_kanon(row))
--     Sealing is a separate short step (the mail daemon runs it every cycle,
--     `balie admin audit verify` first), not a trigger on INSERT: a chain
--     link written by the inserting transaction would need one lock that
--     every status change, bijlage and login waits for until its commit (the
--     commit convoy of issue 15).  A row committed late simply gets a later
--     verzegel_nr; the chain follows verzegel_nr, not id.
--   * nobody changes or removes a row: a trigger refuses UPDATE of anything
--     but the sealing of an unsealed row (and only by audit_verzegel), and
--     DELETE and TRUNCATE outright, for the owner too.  A superuser can still
--     switch triggers off; then `balie admin audit verify` finds the first
--     row whose hash no longer matches, or the verzegel_nr that is missing.
--     Removing the newest sealed rows leaves no gap: verify prints the last
--     hash, which the SWV keeps outside the database (balie-admin(8)).
SET LOCAL ROLE balie_owner;

ALTER TABLE audit_log
	ADD COLUMN rol         text,
	ADD COLUMN sessie      text DEFAULT nullif(current_setting('balie.sessie', true), ''),
	ADD COLUMN host        text DEFAULT nullif(current_setting('balie.host', true), ''),
	ADD COLUMN verzegel_nr bigint UNIQUE,
	ADD COLUMN hash        text CHECK (hash ~ '^[0-9a-f]{64}$'),
	ADD CONSTRAINT audit_verzegeld CHECK ((verzegel_nr IS NULL) = (hash IS NULL));
CREATE INDEX audit_log_onverzegeld ON audit_log (id) WHERE verzegel_nr IS NULL;
CREATE INDEX audit_log_object ON audit_log (object, object_id);

-- The text a row's hash covers: every column but the hash itself, as a JSON
-- array (one unambiguous spelling; a '|' in detail cannot shift a field).
CREATE FUNCTION audit_kanon(a audit_log) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
	SELECT jsonb_build_array(a.verzegel_nr, a.id,
	                         to_char(a.op AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
	                         a.account_id, a.organisatie_id, a.rol, a.sessie, a.host,
	                         a.actie, a.object, a.object_id, a.detail)::text
$$;

-- The role the account has in the row's organisatie, from the database's own
-- tables: a client cannot claim another.
CREATE FUNCTION audit_rol() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = balie, pg_catalog AS $$
BEGIN
	NEW.verzegel_nr := NULL;
	NEW.hash := NULL;
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
CREATE TRIGGER audit_rol BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION audit_rol();

-- Insert-only, for everyone: the one permitted UPDATE is audit_verzegel()
-- filling verzegel_nr and hash of an unsealed row (it sets balie.verzegelen
-- for its own transaction; the columns balie_app could touch are not granted).
CREATE FUNCTION audit_onveranderlijk() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP = 'UPDATE' AND OLD.verzegel_nr IS NULL AND NEW.verzegel_nr IS NOT NULL
	   AND current_setting('balie.verzegelen', true) = 'ja'
	   AND (OLD.id, OLD.op, OLD.account_id, OLD.organisatie_id, OLD.rol, OLD.sessie, OLD.host, OLD.actie,
	        OLD.object, OLD.object_id, OLD.detail)
	       IS NOT DISTINCT FROM
	       (NEW.id, NEW.op, NEW.account_id, NEW.organisatie_id, NEW.rol, NEW.sessie, NEW.host, NEW.actie,
	        NEW.object, NEW.object_id, NEW.detail) THEN
		RETURN NEW;
	END IF;
	RAISE EXCEPTION 'het auditlog kan niet worden gewijzigd of verwijderd'
		USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER audit_onveranderlijk BEFORE UPDATE OR DELETE ON audit_log
	FOR EACH ROW EXECUTE FUNCTION audit_onveranderlijk();
CREATE TRIGGER audit_niet_legen BEFORE TRUNCATE ON audit_log
	FOR EACH STATEMENT EXECUTE FUNCTION audit_onveranderlijk();

-- Seals every unsealed row, in id order, onto the chain; returns how many.
-- One sealer at a time (an advisory lock: a second caller returns 0 at once
-- instead of waiting).  At most p_max rows per call, so a backlog is sealed
-- in short transactions.
CREATE FUNCTION audit_verzegel(p_max integer DEFAULT 10000) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = balie, pg_catalog AS $$
DECLARE
	v_nr bigint;
	v_hash text;
	v_n integer := 0;
	r audit_log;
BEGIN
	IF NOT pg_try_advisory_xact_lock(hashtext('balie.audit_verzegel')) THEN
		RETURN 0;
	END IF;
	PERFORM set_config('balie.verzegelen', 'ja', true);
	SELECT a.verzegel_nr, a.hash INTO v_nr, v_hash FROM audit_log a
	 WHERE a.verzegel_nr IS NOT NULL ORDER BY a.verzegel_nr DESC LIMIT 1;
	v_nr := coalesce(v_nr, 0);
	v_hash := coalesce(v_hash, repeat('0', 64));
	FOR r IN SELECT * FROM audit_log a WHERE a.verzegel_nr IS NULL ORDER BY a.id LIMIT p_max LOOP
		v_nr := v_nr + 1;
		r.verzegel_nr := v_nr;
		v_hash := encode(sha256(convert_to(v_hash || '|' || audit_kanon(r), 'UTF8')), 'hex');
		UPDATE audit_log SET verzegel_nr = v_nr, hash = v_hash WHERE id = r.id;
		v_n := v_n + 1;
	END LOOP;
	PERFORM set_config('balie.verzegelen', '', true);
	RETURN v_n;
END
$$;
REVOKE EXECUTE ON FUNCTION audit_verzegel(integer), audit_rol(), audit_onveranderlijk(),
	audit_kanon(audit_log) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION audit_verzegel(integer) TO balie_mail;

-- balie_mail seals (the mail daemon is the one background process every
-- installation runs) but reads no audit content: the function does.
