-- 010_bijlagen: the bytes of a bijlage stored once per organisatie and
-- SHA-256, and automatic status changes recorded as automatic (issue 5 §3).
--
-- bijlage_inhoud of 002 held one copy per bijlage and was never written by
-- any release.  It is replaced by a content-addressed table: the same scan
-- sent twice (or the demo's few model documents on hundreds of hulpvragen)
-- takes its room once.  Bytes are never overwritten: a row is only ever
-- inserted (ON CONFLICT DO NOTHING), the hash is its key, and bijlage refers
-- to it with a foreign key.  Content is visible exactly when a bijlage with
-- that hash in that organisatie is visible (row-level security of 003 on
-- bijlage, which follows the hulpvraag).
SET LOCAL ROLE balie_owner;

DROP TABLE bijlage_inhoud;

CREATE TABLE bijlage_inhoud (
	organisatie_id bigint NOT NULL REFERENCES organisatie,
	sha256         text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
	inhoud         bytea NOT NULL CHECK (octet_length(inhoud) <= 10 * 1024 * 1024),
	PRIMARY KEY (organisatie_id, sha256)
);

CREATE INDEX bijlage_org_sha256 ON bijlage (organisatie_id, sha256);
ALTER TABLE bijlage ADD CONSTRAINT bijlage_inhoud_fk
	FOREIGN KEY (organisatie_id, sha256) REFERENCES bijlage_inhoud;

ALTER TABLE bijlage_inhoud ENABLE ROW LEVEL SECURITY;
ALTER TABLE bijlage_inhoud FORCE ROW LEVEL SECURITY;
CREATE POLICY eigenaar ON bijlage_inhoud TO balie_owner USING (true) WITH CHECK (true);
CREATE POLICY zichtbaar ON bijlage_inhoud FOR SELECT TO balie_app, balie_report
	USING (EXISTS (SELECT 1 FROM bijlage b WHERE b.organisatie_id = bijlage_inhoud.organisatie_id
	                                        AND b.sha256 = bijlage_inhoud.sha256));
-- Written before its bijlage row (the foreign key); only into an
-- organisatie the acting account belongs to.
CREATE POLICY toevoegen ON bijlage_inhoud FOR INSERT TO balie_app
	WITH CHECK (organisatie_id IN (SELECT member_orgs()));
GRANT SELECT, INSERT ON bijlage_inhoud TO balie_app;

-- A new or removed bijlage is a change of its hulpvraag for the open
-- screens (same payload as 004: ids only).
CREATE FUNCTION notify_bijlage() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
	PERFORM pg_notify('balie_changes', format('hulpvraag %s %s', NEW.hulpvraag_id, NEW.organisatie_id));
	RETURN NULL;
END
$$;
REVOKE EXECUTE ON FUNCTION notify_bijlage() FROM PUBLIC;
CREATE TRIGGER notify_bijlage AFTER INSERT OR UPDATE ON bijlage
	FOR EACH ROW EXECUTE FUNCTION notify_bijlage();

-- status_wijzigen (008) with one difference: a change balie makes by itself
-- (the flow's automatic rules, set_config('balie.automatisch', 'on', true)
-- in the same transaction) has statushistorie.door NULL — "automatisch" in
-- the history, as 002 intends — and is not the back office's first
-- reaction.  The audit row still names the account whose action caused it.
CREATE OR REPLACE FUNCTION status_wijzigen(p_id bigint, p_version integer, p_naar text, p_reden text,
                                           p_aan text, p_onderwerp text, p_tekst text)
RETURNS TABLE (uitkomst text, versie integer, door text, op text, status text)
LANGUAGE plpgsql SET search_path = balie, pg_catalog
SET plan_cache_mode = force_generic_plan AS $$
#variable_conflict use_column
DECLARE
	v_org    bigint;
	v_van    text;
	v_versie integer;
	v_intern boolean;
	v_auto   boolean := coalesce(current_setting('balie.automatisch', true), '') = 'on';
BEGIN
	SELECT h.organisatie_id, h.status INTO v_org, v_van
	  FROM hulpvraag h WHERE h.id = p_id AND h.version = p_version FOR UPDATE;
	IF NOT FOUND THEN
		RETURN QUERY
		SELECT 'conflict'::text, h.version, coalesce(a.naam, ''),
		       coalesce(to_char(h.updated_at AT TIME ZONE 'Europe/Amsterdam', 'DD-MM-YYYY HH24:MI'), ''),
		       h.status
		  FROM hulpvraag h LEFT JOIN account a ON a.id = h.gewijzigd_door WHERE h.id = p_id;
		IF NOT FOUND THEN
			RETURN QUERY SELECT 'weg'::text, NULL::integer, ''::text, ''::text, ''::text;
		END IF;
		RETURN;
	END IF;
	v_intern := NOT v_auto AND EXISTS (SELECT 1 FROM account_rol r
	                     WHERE r.account_id = acting_account() AND r.organisatie_id = v_org
	                       AND r.rol IN ('secretariaat', 'financieel', 'coordinator', 'admin'));
	UPDATE hulpvraag h
	   SET status = p_naar, version = h.version + 1,
	       eerste_reactie = CASE WHEN h.eerste_reactie IS NULL AND v_intern THEN now() ELSE h.eerste_reactie END
	 WHERE h.id = p_id
	RETURNING h.version INTO v_versie;
	INSERT INTO statushistorie (hulpvraag_id, organisatie_id, van, naar, door, reden)
	VALUES (p_id, v_org, v_van, p_naar, CASE WHEN v_auto THEN NULL ELSE acting_account() END, coalesce(p_reden, ''));
	IF p_onderwerp IS NOT NULL THEN
		INSERT INTO outbox (organisatie_id, hulpvraag_id, aan, onderwerp, tekst)
		VALUES (v_org, p_id, p_aan, p_onderwerp, p_tekst);
	END IF;
	INSERT INTO audit_log (account_id, organisatie_id, actie, object, object_id, detail)
	VALUES (acting_account(), v_org, 'status', 'hulpvraag', p_id,
	        format('versie %s%s%s', v_versie, CASE WHEN p_onderwerp IS NOT NULL THEN ' mail' ELSE '' END,
	               CASE WHEN v_auto THEN ' automatisch' ELSE '' END));
	RETURN QUERY SELECT 'ok'::text, v_versie, ''::text, ''::text, p_naar;
END
$$;
