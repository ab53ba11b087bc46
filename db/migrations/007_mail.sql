-- 007_mail: delivering the outbox with `balie mail`.
--
-- Who may read the outbox.  Staff sessions log in as balie_app and see only
-- the outbox rows of their own organisaties (003_rls).  The mail worker has
-- no person and must serve every organisatie, so it logs in as a role of its
-- own, balie_mail: its policy shows every outbox row, and it has no grant on
-- any other table with pupil data (it reads organisatie.id/code for the
-- Message-ID, nothing else).  We did not give balie_app SECURITY DEFINER
-- functions that read all rows: every staff session runs as balie_app, and
-- such a function would let any of them read every organisatie's mail,
-- breaking the separation that a hosting party with several SWV's in one
-- database relies on.  balie_mail's credentials live in the worker's own
-- configuration file, never in the one staff sessions read.
--
-- Claiming (see db/outbox.h).  A worker claims one due row at a time in a
-- short transaction (FOR UPDATE SKIP LOCKED), writing claim_door (its token)
-- and claim_tot (a lease), and commits before sendmail runs.  Nobody else
-- claims a row with an unexpired lease; the worker kills sendmail well before
-- the lease ends, then marks the row sent (verzonden_op) or failed
-- (pogingen was counted at the claim; volgende_poging moves on; after the
-- last attempt opgegeven_op is set).  A worker that dies mid-send leaves an
-- expired lease: the row is claimed again later (at-least-once after a
-- crash; the Message-ID is the same).
SET LOCAL ROLE balie_owner;

ALTER TABLE outbox
	ADD COLUMN claim_door   text,         -- token of the worker sending it now
	ADD COLUMN claim_tot    timestamptz,  -- lease: others may claim it after this
	ADD COLUMN opgegeven_op timestamptz,  -- permanently failed: no more attempts
	ADD CONSTRAINT outbox_claim_samen CHECK ((claim_door IS NULL) = (claim_tot IS NULL));

-- Due rows in claim order; sent and given-up rows drop out of the index.
DROP INDEX outbox_pending;
CREATE INDEX outbox_te_bezorgen ON outbox (volgende_poging, id)
	WHERE verzonden_op IS NULL AND opgegeven_op IS NULL;

-- A new mail wakes `balie mail --daemon` at once.  Payload: the outbox id
-- only, never an address or a subject.
CREATE FUNCTION notify_outbox() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
	PERFORM pg_notify('balie_outbox', NEW.id::text);
	RETURN NULL;
END
$$;
REVOKE EXECUTE ON FUNCTION notify_outbox() FROM PUBLIC;
CREATE TRIGGER notify_outbox AFTER INSERT ON outbox
	FOR EACH ROW EXECUTE FUNCTION notify_outbox();

-- The role is cluster-wide and created only when missing; creating it and
-- granting CONNECT need the migrating role itself, not balie_owner.
RESET ROLE;
DO $$
BEGIN
	IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'balie_mail') THEN
		CREATE ROLE balie_mail LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE;
	END IF;
	EXECUTE format('GRANT CONNECT ON DATABASE %I TO balie_mail', current_database());
END
$$;
SET LOCAL ROLE balie_owner;

GRANT USAGE ON SCHEMA balie TO balie_mail;
GRANT SELECT ON balie.schema_version TO balie_mail;
GRANT SELECT (id, code) ON organisatie TO balie_mail;
GRANT SELECT ON outbox TO balie_mail;
GRANT UPDATE (pogingen, laatste_fout, volgende_poging, verzonden_op, claim_door, claim_tot, opgegeven_op)
	ON outbox TO balie_mail;
CREATE POLICY bezorgen ON outbox TO balie_mail USING (true) WITH CHECK (true);
