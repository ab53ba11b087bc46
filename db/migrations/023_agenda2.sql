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

-- Meeting p_v, locked, for who may manage meetings of its organisatie
-- (the rulebook's vergadering-beheren); refused with "<p_wat> mag jouw rol
-- niet" (42501), or "Vergadering niet gevonden" when the acting account
-- does not see it as back office.
CREATE FUNCTION vergadering_beheren(p_v bigint, p_wat text) RETURNS vergadering
LANGUAGE plpgsql SECURITY DEFINER SET search_path = balie, pg_catalog AS $$
DECLARE
	v vergadering%ROWTYPE;
BEGIN
	SELECT * INTO v FROM vergadering x WHERE x.id = p_v FOR UPDATE;
	IF NOT FOUND OR v.organisatie_id NOT IN (SELECT internal_orgs()) THEN
		RAISE EXCEPTION 'Vergadering niet gevonden' USING ERRCODE = 'P0001';
	END IF;
	IF NOT mag('vergadering-beheren', v.organisatie_id) THEN
		RAISE EXCEPTION '% mag jouw rol niet', p_wat USING ERRCODE = '42501';
	END IF;
	RETURN v;
END
$$;
REVOKE EXECUTE ON FUNCTION vergadering_beheren(bigint, text) FROM PUBLIC;

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
	v := vergadering_beheren(p_v, 'Een vergadering annuleren');
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

-- ---------------------------------------------------------------- members

-- Puts account p_a on meeting p_v with role p_rol (or gives a member
-- another role): an account of the organisatie (back office or an external
-- deskundige with a role there), not blocked.  The member's access to the
-- open cases follows (vergadering_lid_bij).  Returns 'ok' or 'al lid' and,
-- when the account sits in another meeting at an overlapping time that
-- day, a warning naming it (the member is added all the same: the
-- secretariaat decides).  Audited with ids only.
CREATE FUNCTION vergadering_lid_zetten(p_v bigint, p_a bigint, p_rol text)
RETURNS TABLE (uitkomst text, waarschuwing text)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = balie, pg_catalog AS $$
#variable_conflict use_column
DECLARE
	v vergadering%ROWTYPE;
	oud text;
	w text;
BEGIN
	v := vergadering_beheren(p_v, 'Leden van een vergadering beheren');
	IF v.status = 'geannuleerd' THEN
		RAISE EXCEPTION 'De vergadering van % is geannuleerd', to_char(v.datum, 'DD-MM-YYYY') USING ERRCODE = 'P0001';
	END IF;
	IF p_rol IS NULL OR p_rol NOT IN ('voorzitter', 'secretaris', 'deskundige', 'orthopedagoog', 'lid') THEN
		RAISE EXCEPTION 'Rol is voorzitter, secretaris, deskundige, orthopedagoog of lid' USING ERRCODE = 'P0001';
	END IF;
	IF NOT EXISTS (SELECT 1 FROM account a JOIN account_rol r ON r.account_id = a.id
	                WHERE a.id = p_a AND NOT a.blocked AND r.organisatie_id = v.organisatie_id
	                  AND r.rol IN ('secretariaat', 'financieel', 'coordinator', 'admin', 'extern')) THEN
		RAISE EXCEPTION 'Dit account hoort niet (meer) bij de organisatie' USING ERRCODE = 'P0001';
	END IF;
	SELECT l.rol INTO oud FROM vergadering_lid l WHERE l.vergadering_id = p_v AND l.account_id = p_a;
	IF oud IS NOT DISTINCT FROM p_rol THEN
		RETURN QUERY SELECT 'al lid'::text, NULL::text;
		RETURN;
	ELSIF oud IS NOT NULL THEN
		UPDATE vergadering_lid l SET rol = p_rol WHERE l.vergadering_id = p_v AND l.account_id = p_a;
	ELSE
		INSERT INTO vergadering_lid (vergadering_id, organisatie_id, account_id, rol)
		VALUES (p_v, v.organisatie_id, p_a, p_rol);
	END IF;
	SELECT string_agg(format('%s %s–%s', c.code, to_char(x.begintijd, 'HH24:MI'), to_char(x.eindtijd, 'HH24:MI')),
	                  ', ' ORDER BY x.begintijd)
	  INTO w
	  FROM vergadering x JOIN vergadering_lid l ON l.vergadering_id = x.id JOIN commissie c ON c.id = x.commissie_id
	 WHERE l.account_id = p_a AND x.id <> p_v AND x.datum = v.datum AND x.status = 'gepland'
	   AND x.begintijd < v.eindtijd AND v.begintijd < x.eindtijd;
	INSERT INTO audit_log (account_id, organisatie_id, actie, object, object_id, detail)
	VALUES (acting_account(), v.organisatie_id, 'lid-zetten', 'vergadering', v.id,
	        format('account %s rol %s', p_a, p_rol));
	RETURN QUERY SELECT 'ok'::text, CASE WHEN w IS NOT NULL THEN 'Zit tegelijk ook in: ' || w END;
END
$$;
REVOKE EXECUTE ON FUNCTION vergadering_lid_zetten(bigint, bigint, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION vergadering_lid_zetten(bigint, bigint, text) TO balie_app;

-- Takes account p_a off meeting p_v.  Its access through this meeting ends
-- at once: the 'vergadering' links to the meeting's hulpvragen go, unless
-- another meeting it still sits in has the same hulpvraag on it.
CREATE FUNCTION vergadering_lid_weg(p_v bigint, p_a bigint) RETURNS text
LANGUAGE plpgsql SECURITY DEFINER SET search_path = balie, pg_catalog AS $$
DECLARE
	v vergadering%ROWTYPE;
BEGIN
	v := vergadering_beheren(p_v, 'Leden van een vergadering beheren');
	DELETE FROM vergadering_lid l WHERE l.vergadering_id = p_v AND l.account_id = p_a;
	IF NOT FOUND THEN
		RETURN 'weg';
	END IF;
	DELETE FROM hulpvraag_toegang t
	 WHERE t.account_id = p_a AND t.soort = 'vergadering'
	   AND t.hulpvraag_id IN (SELECT a.hulpvraag_id FROM agendapunt a WHERE a.vergadering_id = p_v)
	   AND NOT EXISTS (SELECT 1 FROM agendapunt a JOIN vergadering_lid l ON l.vergadering_id = a.vergadering_id
	                    WHERE a.hulpvraag_id = t.hulpvraag_id AND l.account_id = p_a AND a.vergadering_id <> p_v);
	INSERT INTO audit_log (account_id, organisatie_id, actie, object, object_id, detail)
	VALUES (acting_account(), v.organisatie_id, 'lid-weg', 'vergadering', v.id, format('account %s', p_a));
	RETURN 'ok';
END
$$;
REVOKE EXECUTE ON FUNCTION vergadering_lid_weg(bigint, bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION vergadering_lid_weg(bigint, bigint) TO balie_app;

-- ---------------------------------------------------------------- toelaatbaar

-- The CT found the pupil toelaatbaar ("toegekend" on a CT agendapunt of a
-- TLV aanvraag: its flow has a status of soort tlv): the TLV beschikking of
-- migration 015 is set up for the financieel medewerker (004 §4.1) with the
-- meeting's deskundigen and orthopedagogen as its two advisers, dated the
-- day of the meeting (001 stap 12–14).  An existing beschikking is left
-- alone; the advice itself and the rest are hers to fill in.
CREATE FUNCTION agendapunt_toelaatbaar() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = balie, pg_catalog AS $$
DECLARE
	v  vergadering%ROWTYPE;
	h  hulpvraag%ROWTYPE;
	l  record;
	n  text[] := '{}';
	d  text[] := '{}';
BEGIN
	SELECT * INTO v FROM vergadering x WHERE x.id = NEW.vergadering_id;
	SELECT * INTO h FROM hulpvraag x WHERE x.id = NEW.hulpvraag_id;
	IF (SELECT c.code FROM commissie c WHERE c.id = v.commissie_id) <> 'CT'
	   OR EXISTS (SELECT 1 FROM tlv_beschikking b WHERE b.hulpvraag_id = h.id)
	   OR NOT EXISTS (SELECT 1 FROM flow_status fs JOIN beschikking_status s ON s.organisatie_id = h.organisatie_id
	                     AND s.status = fs.naam AND s.soort = 'tlv' WHERE fs.aanvraagtype_id = h.aanvraagtype_id) THEN
		RETURN NULL;
	END IF;
	-- the orthopedagoog first (the first advice is an orthopedagoog's or a
	-- psycholoog's); a "deskundige" leaves the discipline to be filled in
	FOR l IN SELECT a.naam, m.rol FROM vergadering_lid m JOIN account a ON a.id = m.account_id
	          WHERE m.vergadering_id = v.id AND m.rol IN ('deskundige', 'orthopedagoog')
	          ORDER BY m.rol <> 'orthopedagoog', a.naam, a.id LIMIT 2
	LOOP
		n := n || left(l.naam, 200);
		d := d || CASE WHEN l.rol = 'orthopedagoog' THEN 'orthopedagoog' ELSE '' END;
	END LOOP;
	INSERT INTO tlv_beschikking (organisatie_id, hulpvraag_id, dossier_id, a1_naam, a1_discipline, a1_datum,
	                             a2_naam, a2_discipline, a2_datum)
	VALUES (h.organisatie_id, h.id, h.dossier_id, coalesce(n[1], ''), coalesce(d[1], ''),
	        CASE WHEN n[1] IS NOT NULL THEN v.datum END, coalesce(n[2], ''), coalesce(d[2], ''),
	        CASE WHEN n[2] IS NOT NULL THEN v.datum END);
	INSERT INTO audit_log (account_id, organisatie_id, actie, object, object_id, detail)
	VALUES (acting_account(), h.organisatie_id, 'tlv-klaargezet', 'hulpvraag', h.id,
	        format('agendapunt %s vergadering %s', NEW.id, v.id));
	RETURN NULL;
END
$$;
REVOKE EXECUTE ON FUNCTION agendapunt_toelaatbaar() FROM PUBLIC;
CREATE TRIGGER agendapunt_toelaatbaar AFTER UPDATE OF uitkomst ON agendapunt
	FOR EACH ROW WHEN (NEW.uitkomst = 'toegekend' AND OLD.uitkomst IS DISTINCT FROM 'toegekend')
	EXECUTE FUNCTION agendapunt_toelaatbaar();
