-- 023_agenda2: the commission agenda, what session 4 left (issue 11).
--
--   * A status change made outside the agenda (the hulpvraag pane, a bulk
--     change, the school) that leaves the status the agenda planned closes
--     the hulpvraag's open agendapunt in the same transaction, marked
--     "vervallen" with the new status as its reason.  Before this the point
--     stayed open and the besluitenlijst later offered it, and its outcome's
--     transition was refused (tests/faketime-check.sh, tmux 95).
--   * Cancelling a meeting and what happens to its cases is one
--     transaction: vergadering_annulering_zaken() runs inside the cancel's
--     transaction (db_agenda_annuleren) and either plans each case on the
--     meeting the program proposed (with the mail of the new date) or tells
--     the aanvrager the bespreking lapses; one refusal undoes it all.
SET LOCAL ROLE balie_owner;

-- ---------------------------------------------------------------- vervallen

-- Why an agendapunt lapsed without an outcome (NULL: it did not): the
-- status the hulpvraag moved to outside the agenda.
ALTER TABLE agendapunt ADD COLUMN vervallen text;

-- Is status s still what the agenda planned for a point of commissie code
-- on aanvraagtype t?  The planned status (flow_agenda.naar), or, where
-- planning keeps the status (naar NULL: PO2507 "in behandeling" with the
-- bespreekdatum), one of the ready ones.  No agenda rule: yes (leave it).
CREATE FUNCTION agenda_status_gepland(t bigint, code text, s text) RETURNS boolean
LANGUAGE sql STABLE SET search_path = balie, pg_catalog AS $$
	SELECT coalesce((SELECT CASE WHEN r.naar IS NOT NULL THEN s IS NOT DISTINCT FROM r.naar ELSE s = ANY (r.van) END
	                   FROM flow_agenda r WHERE r.aanvraagtype_id = t AND r.commissie = code), true)
$$;
REVOKE EXECUTE ON FUNCTION agenda_status_gepland(bigint, text, text) FROM PUBLIC;

-- After a hulpvraag's status changed: its open agendapunt lapses when the
-- new status is no longer the planned one.  Planning (insert first, then
-- the move to naar) and an outcome (closed first, then its transition) never
-- meet an open point in a foreign status, so they are not touched.  SECURITY
-- DEFINER: balie_app has no UPDATE on agendapunt; whoever may change the
-- status makes the point lapse.  The audit row names ids only.
CREATE FUNCTION agendapunt_vervalt() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = balie, pg_catalog AS $$
DECLARE
	a record;
BEGIN
	FOR a IN SELECT p.id, p.vergadering_id FROM agendapunt p
	           JOIN vergadering v ON v.id = p.vergadering_id JOIN commissie c ON c.id = v.commissie_id
	          WHERE p.hulpvraag_id = NEW.id AND p.open
	            AND NOT agenda_status_gepland(NEW.aanvraagtype_id, c.code, NEW.status)
	          FOR UPDATE OF p
	LOOP
		UPDATE agendapunt x SET open = false, vervallen = format('status gewijzigd naar %s', NEW.status),
		       notitie = format('vervallen: status nu %s', NEW.status), version = x.version + 1
		 WHERE x.id = a.id;
		INSERT INTO audit_log (account_id, organisatie_id, actie, object, object_id, detail)
		VALUES (acting_account(), NEW.organisatie_id, 'vervallen', 'agendapunt', a.id,
		        format('hulpvraag %s vergadering %s', NEW.id, a.vergadering_id));
	END LOOP;
	RETURN NULL;
END
$$;
REVOKE EXECUTE ON FUNCTION agendapunt_vervalt() FROM PUBLIC;
CREATE TRIGGER agendapunt_vervalt AFTER UPDATE OF status ON hulpvraag
	FOR EACH ROW WHEN (NEW.status IS DISTINCT FROM OLD.status) EXECUTE FUNCTION agendapunt_vervalt();

-- Points already stale when this migration runs lapse now, as they would have.
UPDATE agendapunt p SET open = false, vervallen = format('status gewijzigd naar %s', h.status),
       notitie = format('vervallen: status nu %s', h.status), version = p.version + 1
  FROM hulpvraag h, vergadering v, commissie c
 WHERE p.open AND h.id = p.hulpvraag_id AND v.id = p.vergadering_id AND c.id = v.commissie_id
   AND NOT agenda_status_gepland(h.aanvraagtype_id, c.code, h.status);

-- ---------------------------------------------------------------- cancelling with its cases

-- Inside the transaction that cancelled meeting p_v (status geannuleerd,
-- its open points closed by vergadering_geannuleerd): for each of its
-- former cases p_h[i], planned on meeting p_naar[i] with the mail
-- p_onderwerp[i]/p_tekst[i] (the new date, composed by the program), or,
-- p_naar[i] NULL, back to te plannen with that mail ("bespreking vervalt")
-- to the aanvrager who wants mail.  Any refusal (the other meeting filled
-- up meanwhile, …) raises, so the caller's whole cancellation is undone.
-- Returns how many were planned and how many mails were queued.
CREATE FUNCTION vergadering_annulering_zaken(p_v bigint, p_h bigint[], p_naar bigint[], p_onderwerp text[],
                                             p_tekst text[])
RETURNS TABLE (verplaatst integer, mails integer)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = balie, pg_catalog AS $$
#variable_conflict use_column
DECLARE
	v  vergadering%ROWTYPE;
	h  hulpvraag%ROWTYPE;
	w  record;
	nv integer := 0;
	nm integer := 0;
BEGIN
	SELECT * INTO v FROM vergadering x WHERE x.id = p_v;
	IF NOT FOUND OR v.organisatie_id NOT IN (SELECT internal_orgs()) THEN
		RAISE EXCEPTION 'Vergadering niet gevonden' USING ERRCODE = 'P0001';
	END IF;
	IF NOT mag('vergadering-beheren', v.organisatie_id) THEN
		RAISE EXCEPTION 'Een vergadering annuleren mag jouw rol niet' USING ERRCODE = '42501';
	END IF;
	IF v.status <> 'geannuleerd' THEN
		RAISE EXCEPTION 'De vergadering van % is niet geannuleerd', to_char(v.datum, 'DD-MM-YYYY')
			USING ERRCODE = 'P0001';
	END IF;
	IF coalesce(cardinality(p_h), 0) <> coalesce(cardinality(p_naar), 0)
	   OR coalesce(cardinality(p_h), 0) <> coalesce(cardinality(p_onderwerp), 0)
	   OR coalesce(cardinality(p_h), 0) <> coalesce(cardinality(p_tekst), 0) THEN
		RAISE EXCEPTION 'vergadering_annulering_zaken: lijsten van ongelijke lengte' USING ERRCODE = 'P0001';
	END IF;
	FOR i IN 1 .. coalesce(cardinality(p_h), 0) LOOP
		-- only the cases this cancellation let go of, each once
		IF NOT EXISTS (SELECT 1 FROM agendapunt a WHERE a.vergadering_id = p_v AND a.hulpvraag_id = p_h[i]
		                  AND NOT a.open AND a.uitkomst IS NULL AND a.notitie = 'vergadering geannuleerd')
		   OR EXISTS (SELECT 1 FROM agendapunt a WHERE a.hulpvraag_id = p_h[i] AND a.open) THEN
			RAISE EXCEPTION 'Hulpvraag % stond niet op deze vergadering of is al verplaatst', p_h[i]
				USING ERRCODE = 'P0001';
		END IF;
		SELECT * INTO h FROM hulpvraag x WHERE x.id = p_h[i];
		IF p_naar[i] IS NOT NULL THEN
			SELECT * INTO w FROM agendapunt_plannen(h.id, h.version, p_naar[i], NULL, p_onderwerp[i],
			                                        p_tekst[i], NULL) x;
			nv := nv + 1;
			nm := nm + CASE WHEN w.mail THEN 1 ELSE 0 END;
		ELSIF p_onderwerp[i] IS NOT NULL AND h.aanvrager_email IS NOT NULL AND NOT h.geen_mail THEN
			INSERT INTO outbox (organisatie_id, hulpvraag_id, aan, onderwerp, tekst)
			VALUES (h.organisatie_id, h.id, h.aanvrager_email, p_onderwerp[i], p_tekst[i]);
			nm := nm + 1;
		END IF;
	END LOOP;
	INSERT INTO audit_log (account_id, organisatie_id, actie, object, object_id, detail)
	VALUES (acting_account(), v.organisatie_id, 'annuleren', 'vergadering', v.id,
	        format('%s zaken verplaatst, %s weer te plannen', nv, coalesce(cardinality(p_h), 0) - nv));
	RETURN QUERY SELECT nv, nm;
END
$$;
REVOKE EXECUTE ON FUNCTION vergadering_annulering_zaken(bigint, bigint[], bigint[], text[], text[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION vergadering_annulering_zaken(bigint, bigint[], bigint[], text[], text[]) TO balie_app;
