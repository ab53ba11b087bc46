-- 014_drukte: many users at once (issue 15) — no deadlocks, no hot rows,
-- no commit convoy.
--
-- Counts.  Until now every status change updated two rows of
-- hulpvraag_telling (and of hulpvraag_telling_coord) in its own
-- transaction: the old status's row down, the new one up.  Two people
-- moving hulpvragen in opposite directions between the same two statuses
-- deadlocked, and from 32 writers on, most waited on one counter row held
-- until the other's commit (bench/results.tsv, issue 15).  Now a status
-- change only APPENDS its -1 and +1 to a delta table: an INSERT takes no lock
-- that another writer waits for, so nothing can deadlock or queue on a
-- counter.  The readers see hulpvraag_telling / hulpvraag_telling_coord as
-- before, now views that add the deltas to the folded base (exact at every
-- moment: a delta commits with its hulpvraag row).  One background step,
-- telling_vouwen() (run by `balie notify --daemon`, tui/cmd/notify.c), folds
-- the deltas into the base every tick, so the delta tables stay a few
-- hundred rows and the views never count the big table.
--
-- Notifications.  NOTIFY takes one database-wide lock from its pre-commit to
-- the end of the commit, so every writer that notifies waits for every other
-- (with 100 listeners: a third of the throughput).  The triggers of 004, 007,
-- 009 and 010 now append (hulpvraag id, organisatie id, backend pid) to the
-- unlogged table wijziging instead; wijzigingen_melden(), called by the one
-- notifier, takes them out and sends them as one notification per interval
-- on balie_changes ("hulpvraag <id> <organisatie_id> <pid>" lines, ids only,
-- never a name) and one on balie_outbox when mail was queued.  Unlogged:
-- after a crash every session reconnects and reloads anyway, so losing the
-- last second of announcements loses nothing; it saves the WAL of every
-- change.  wijziging has no foreign key to hulpvraag: it also announces
-- deletes, whose hulpvraag is gone; nobody but the SECURITY DEFINER
-- functions below can read or write it (RLS on, no policy, no grant).
SET LOCAL ROLE balie_owner;

-- ------------------------------------------------------------ counts

ALTER TABLE hulpvraag_telling RENAME TO hulpvraag_telling_basis;
ALTER TABLE hulpvraag_telling_coord RENAME TO hulpvraag_telling_coord_basis;

-- Append-only; no index: it is read whole (the views, the fold) and
-- emptied every tick.  aantal is -1 or +1.
CREATE TABLE hulpvraag_telling_delta (
	organisatie_id   bigint NOT NULL,
	status_categorie text NOT NULL,
	status           text NOT NULL,
	voorlopig        boolean NOT NULL,
	aantal           integer NOT NULL CHECK (aantal IN (-1, 1))
);
CREATE TABLE hulpvraag_telling_coord_delta (
	organisatie_id   bigint NOT NULL,
	coordinator_id   bigint NOT NULL,
	status_categorie text NOT NULL,
	status           text NOT NULL,
	aantal           integer NOT NULL CHECK (aantal IN (-1, 1))
);
-- The same readers as the base (013 / 005): counts are not pupil data.
ALTER TABLE hulpvraag_telling_delta ENABLE ROW LEVEL SECURITY;
CREATE POLICY intern ON hulpvraag_telling_delta FOR SELECT TO balie_app, balie_report
	USING (organisatie_id IN (SELECT internal_orgs()) AND NOT voorlopig);
ALTER TABLE hulpvraag_telling_coord_delta ENABLE ROW LEVEL SECURITY;
CREATE POLICY intern ON hulpvraag_telling_coord_delta FOR SELECT TO balie_app, balie_report
	USING (organisatie_id IN (SELECT internal_orgs()));
GRANT SELECT ON hulpvraag_telling_delta, hulpvraag_telling_coord_delta TO balie_app, balie_report;

-- security_invoker: the policies of base and delta apply to the caller,
-- exactly as they did on the table.
CREATE VIEW hulpvraag_telling WITH (security_invoker = true) AS
SELECT organisatie_id, status_categorie, status, voorlopig, sum(aantal)::bigint AS aantal
  FROM (SELECT organisatie_id, status_categorie, status, voorlopig, aantal FROM hulpvraag_telling_basis
        UNION ALL
        SELECT organisatie_id, status_categorie, status, voorlopig, aantal FROM hulpvraag_telling_delta) u
 GROUP BY organisatie_id, status_categorie, status, voorlopig;
CREATE VIEW hulpvraag_telling_coord WITH (security_invoker = true) AS
SELECT organisatie_id, coordinator_id, status_categorie, status, sum(aantal)::bigint AS aantal
  FROM (SELECT organisatie_id, coordinator_id, status_categorie, status, aantal FROM hulpvraag_telling_coord_basis
        UNION ALL
        SELECT organisatie_id, coordinator_id, status_categorie, status, aantal FROM hulpvraag_telling_coord_delta) u
 GROUP BY organisatie_id, coordinator_id, status_categorie, status;
GRANT SELECT ON hulpvraag_telling, hulpvraag_telling_coord TO balie_app, balie_report;

-- A change of voorlopig or organisatie moves a row between counts too (003
-- only followed status).  An update that leaves the key alone appends nothing.
CREATE OR REPLACE FUNCTION hulpvraag_telling_bij() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = balie, pg_catalog AS $$
BEGIN
	IF TG_OP = 'UPDATE' AND (OLD.organisatie_id, OLD.status_categorie, OLD.status, OLD.voorlopig)
	   IS NOT DISTINCT FROM (NEW.organisatie_id, NEW.status_categorie, NEW.status, NEW.voorlopig) THEN
		RETURN NULL;
	END IF;
	IF TG_OP IN ('UPDATE', 'DELETE') THEN
		INSERT INTO hulpvraag_telling_delta VALUES
			(OLD.organisatie_id, OLD.status_categorie, OLD.status, OLD.voorlopig, -1);
	END IF;
	IF TG_OP IN ('UPDATE', 'INSERT') THEN
		INSERT INTO hulpvraag_telling_delta VALUES
			(NEW.organisatie_id, NEW.status_categorie, NEW.status, NEW.voorlopig, 1);
	END IF;
	RETURN NULL;
END
$$;
DROP TRIGGER hulpvraag_telling_bij ON hulpvraag;
CREATE TRIGGER hulpvraag_telling_bij AFTER INSERT OR DELETE OR UPDATE OF status, voorlopig, organisatie_id
	ON hulpvraag FOR EACH ROW EXECUTE FUNCTION hulpvraag_telling_bij();

CREATE OR REPLACE FUNCTION hulpvraag_telling_coord_bij() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = balie, pg_catalog AS $$
DECLARE
	v_oud boolean := TG_OP IN ('UPDATE', 'DELETE')
	                 AND hulpvraag_open(OLD.aanvraagtype_id, OLD.status, OLD.voorlopig, OLD.coordinator_id);
	v_nieuw boolean := TG_OP IN ('UPDATE', 'INSERT')
	                   AND hulpvraag_open(NEW.aanvraagtype_id, NEW.status, NEW.voorlopig, NEW.coordinator_id);
BEGIN
	IF v_oud AND v_nieuw
	   AND (OLD.organisatie_id, OLD.coordinator_id, OLD.status_categorie, OLD.status)
	       IS NOT DISTINCT FROM (NEW.organisatie_id, NEW.coordinator_id, NEW.status_categorie, NEW.status) THEN
		RETURN NULL;
	END IF;
	IF v_oud THEN
		INSERT INTO hulpvraag_telling_coord_delta VALUES
			(OLD.organisatie_id, OLD.coordinator_id, OLD.status_categorie, OLD.status, -1);
	END IF;
	IF v_nieuw THEN
		INSERT INTO hulpvraag_telling_coord_delta VALUES
			(NEW.organisatie_id, NEW.coordinator_id, NEW.status_categorie, NEW.status, 1);
	END IF;
	RETURN NULL;
END
$$;
DROP TRIGGER hulpvraag_telling_coord_bij ON hulpvraag;
CREATE TRIGGER hulpvraag_telling_coord_bij
	AFTER INSERT OR DELETE OR UPDATE OF status, coordinator_id, voorlopig, organisatie_id
	ON hulpvraag FOR EACH ROW EXECUTE FUNCTION hulpvraag_telling_coord_bij();

-- The fold: the deltas committed so far into the base, in one statement per
-- table (one snapshot: what it deletes is exactly what it adds, so a reader
-- sees the same sums before and after).  One folder at a time (advisory
-- lock; a second caller returns at once).  The base rows are written by the
-- folder only, so no writer ever waits on them.  Returns the deltas folded.
CREATE FUNCTION telling_vouwen() RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = balie, pg_catalog AS $$
DECLARE
	v_n bigint;
	v_m bigint;
BEGIN
	IF NOT pg_try_advisory_xact_lock(hashtext('balie.telling_vouwen')) THEN
		RETURN 0;
	END IF;
	-- An UPDATE of the keys the base has, an INSERT of those it has not:
	-- not INSERT … ON CONFLICT, whose CHECK (aantal >= 0) is tested on the
	-- row proposed for insertion, i.e. on a negative sum of deltas, before
	-- the conflict turns it into an update.  Only the folder writes the
	-- base, so what the INSERT does not find, nobody else adds meanwhile.
	WITH d AS (DELETE FROM hulpvraag_telling_delta RETURNING *),
	     s AS (SELECT organisatie_id, status_categorie, status, voorlopig, sum(aantal) AS a, count(*) AS c
	             FROM d GROUP BY 1, 2, 3, 4),
	     u AS (UPDATE hulpvraag_telling_basis t SET aantal = t.aantal + s.a FROM s
	            WHERE t.organisatie_id = s.organisatie_id AND t.status_categorie = s.status_categorie
	              AND t.status = s.status AND t.voorlopig = s.voorlopig AND s.a <> 0),
	     i AS (INSERT INTO hulpvraag_telling_basis (organisatie_id, status_categorie, status, voorlopig, aantal)
	           SELECT organisatie_id, status_categorie, status, voorlopig, a FROM s
	            WHERE NOT EXISTS (SELECT 1 FROM hulpvraag_telling_basis t
	                               WHERE t.organisatie_id = s.organisatie_id AND t.status_categorie = s.status_categorie
	                                 AND t.status = s.status AND t.voorlopig = s.voorlopig))
	SELECT coalesce(sum(c), 0) INTO v_n FROM s;
	WITH d AS (DELETE FROM hulpvraag_telling_coord_delta RETURNING *),
	     s AS (SELECT organisatie_id, coordinator_id, status_categorie, status, sum(aantal) AS a, count(*) AS c
	             FROM d GROUP BY 1, 2, 3, 4),
	     u AS (UPDATE hulpvraag_telling_coord_basis t SET aantal = t.aantal + s.a FROM s
	            WHERE t.organisatie_id = s.organisatie_id AND t.coordinator_id = s.coordinator_id
	              AND t.status_categorie = s.status_categorie AND t.status = s.status AND s.a <> 0),
	     i AS (INSERT INTO hulpvraag_telling_coord_basis (organisatie_id, coordinator_id, status_categorie, status,
	                                                      aantal)
	           SELECT organisatie_id, coordinator_id, status_categorie, status, a FROM s
	            WHERE NOT EXISTS (SELECT 1 FROM hulpvraag_telling_coord_basis t
	                               WHERE t.organisatie_id = s.organisatie_id AND t.coordinator_id = s.coordinator_id
	                                 AND t.status_categorie = s.status_categorie AND t.status = s.status))
	SELECT coalesce(sum(c), 0) INTO v_m FROM s;
	RETURN v_n + v_m;
END
$$;

-- After a bulk load with triggers disabled: recount (005's body, on the
-- base tables, deltas emptied).
CREATE OR REPLACE FUNCTION telling_herbereken() RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = balie, pg_catalog AS $$
	SELECT pg_advisory_xact_lock(hashtext('balie.telling_vouwen'));
	DELETE FROM hulpvraag_telling_basis;
	DELETE FROM hulpvraag_telling_delta;
	INSERT INTO hulpvraag_telling_basis (organisatie_id, status_categorie, status, voorlopig, aantal)
	SELECT organisatie_id, status_categorie, status, voorlopig, count(*)
	  FROM hulpvraag GROUP BY 1, 2, 3, 4;
	INSERT INTO hulpvraag_nummer (organisatie_id, laatste)
	SELECT organisatie_id, max(nummer) FROM hulpvraag GROUP BY 1
	ON CONFLICT (organisatie_id) DO UPDATE SET laatste = excluded.laatste;
	DELETE FROM hulpvraag_telling_coord_basis;
	DELETE FROM hulpvraag_telling_coord_delta;
	INSERT INTO hulpvraag_telling_coord_basis (organisatie_id, coordinator_id, status_categorie, status, aantal)
	SELECT h.organisatie_id, h.coordinator_id, h.status_categorie, h.status, count(*)
	  FROM hulpvraag h JOIN flow_status s ON s.aanvraagtype_id = h.aanvraagtype_id AND s.naam = h.status
	 WHERE h.coordinator_id IS NOT NULL AND NOT h.voorlopig AND NOT s.eindstatus
	 GROUP BY 1, 2, 3, 4;
$$;

-- ------------------------------------------------------------ notifications

CREATE UNLOGGED TABLE wijziging (
	hulpvraag_id   bigint,           -- NULL: an outbox row without hulpvraag
	organisatie_id bigint NOT NULL,
	pid            integer NOT NULL DEFAULT pg_backend_pid(), -- who: a session skips its own
	outbox         boolean NOT NULL DEFAULT false             -- a mail was queued
);
ALTER TABLE wijziging ENABLE ROW LEVEL SECURITY; -- and no policy: only the functions below

CREATE OR REPLACE FUNCTION notify_hulpvraag() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = balie, pg_catalog AS $$
DECLARE
	r record := CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
BEGIN
	INSERT INTO wijziging (hulpvraag_id, organisatie_id) VALUES (r.id, r.organisatie_id);
	RETURN NULL;
END
$$;
CREATE OR REPLACE FUNCTION notify_formulier() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = balie, pg_catalog AS $$
BEGIN
	INSERT INTO wijziging (hulpvraag_id, organisatie_id) VALUES (NEW.hulpvraag_id, NEW.organisatie_id);
	RETURN NULL;
END
$$;
CREATE OR REPLACE FUNCTION notify_bijlage() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = balie, pg_catalog AS $$
BEGIN
	INSERT INTO wijziging (hulpvraag_id, organisatie_id) VALUES (NEW.hulpvraag_id, NEW.organisatie_id);
	RETURN NULL;
END
$$;
CREATE OR REPLACE FUNCTION notify_outbox() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = balie, pg_catalog AS $$
BEGIN
	INSERT INTO wijziging (hulpvraag_id, organisatie_id, outbox) VALUES (NEW.hulpvraag_id, NEW.organisatie_id, true);
	RETURN NULL;
END
$$;
REVOKE EXECUTE ON FUNCTION notify_hulpvraag(), notify_formulier(), notify_bijlage(), notify_outbox() FROM PUBLIC;

-- The notifier's step: takes every committed announcement out of wijziging
-- and sends them, ids only, one line each ("hulpvraag <id> <org> <pid>"),
-- as few notifications of at most ~7.9 kB as hold them (a payload must stay
-- under 8000 bytes); one on balie_outbox when mail was queued.  One
-- notifier at a time (advisory lock).  Returns the lines sent.  For every
-- back-office session (balie_app): calling it early only sends sooner.
CREATE FUNCTION wijzigingen_melden() RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = balie, pg_catalog AS $$
DECLARE
	v_payload text := '';
	v_regel   text;
	v_n       integer := 0;
	v_mail    boolean := false;
	r         record;
BEGIN
	IF NOT pg_try_advisory_xact_lock(hashtext('balie.wijzigingen_melden')) THEN
		RETURN 0;
	END IF;
	FOR r IN WITH d AS (DELETE FROM wijziging RETURNING *)
	         SELECT DISTINCT hulpvraag_id, organisatie_id, pid, outbox FROM d
	          ORDER BY organisatie_id, hulpvraag_id, pid LOOP
		IF r.outbox THEN
			v_mail := true;
			CONTINUE;
		END IF;
		v_regel := format('hulpvraag %s %s %s', r.hulpvraag_id, r.organisatie_id, r.pid);
		IF length(v_payload) + length(v_regel) > 7900 THEN
			PERFORM pg_notify('balie_changes', v_payload);
			v_payload := '';
		END IF;
		v_payload := CASE WHEN v_payload = '' THEN v_regel ELSE v_payload || E'\n' || v_regel END;
		v_n := v_n + 1;
	END LOOP;
	IF v_payload <> '' THEN
		PERFORM pg_notify('balie_changes', v_payload);
	END IF;
	IF v_mail THEN
		PERFORM pg_notify('balie_outbox', 'mail');
	END IF;
	RETURN v_n;
END
$$;
REVOKE EXECUTE ON FUNCTION telling_vouwen(), wijzigingen_melden() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION telling_vouwen(), wijzigingen_melden() TO balie_app, balie_mail;
