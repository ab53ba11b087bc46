-- 008_snelheid: a status change in two round trips, and queue pages that
-- cost what their 50 rows cost (issue 4).
--
-- status_wijzigen: the writes of one status change (db/hulpvraag.c
--   hulpvraag_set_status) in one call, so the program sends one statement —
--   its own transaction — instead of BEGIN, four writes and COMMIT.  NOT
--   SECURITY DEFINER: it runs as the caller, so row-level security, the
--   transition trigger of 003 (P0001 when the role may not make the change),
--   gewijzigd_door (006) and the NOTIFY (004) apply exactly as before.  The
--   mail is rendered by the program (core/mailtpl) before the call and passed
--   in (NULL onderwerp: no mail).  Returns one row:
--     uitkomst 'ok'       versie = the new version
--     uitkomst 'conflict' door / op / status: who changed it last, when, and
--                         the status now (the version differs)
--     uitkomst 'weg'      not there, or not visible to the acting account
SET LOCAL ROLE balie_owner;

CREATE FUNCTION status_wijzigen(p_id bigint, p_version integer, p_naar text, p_reden text,
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
BEGIN
	-- lock the row at the version the person saw; its status is the van
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
	-- the first reaction of the back office (an internal role in v_org)
	v_intern := EXISTS (SELECT 1 FROM account_rol r
	                     WHERE r.account_id = acting_account() AND r.organisatie_id = v_org
	                       AND r.rol IN ('secretariaat', 'financieel', 'coordinator', 'admin'));
	UPDATE hulpvraag h
	   SET status = p_naar, version = h.version + 1,
	       eerste_reactie = CASE WHEN h.eerste_reactie IS NULL AND v_intern THEN now() ELSE h.eerste_reactie END
	 WHERE h.id = p_id
	RETURNING h.version INTO v_versie;
	INSERT INTO statushistorie (hulpvraag_id, organisatie_id, van, naar, door, reden)
	VALUES (p_id, v_org, v_van, p_naar, acting_account(), coalesce(p_reden, ''));
	IF p_onderwerp IS NOT NULL THEN
		INSERT INTO outbox (organisatie_id, hulpvraag_id, aan, onderwerp, tekst)
		VALUES (v_org, p_id, p_aan, p_onderwerp, p_tekst);
	END IF;
	INSERT INTO audit_log (account_id, organisatie_id, actie, object, object_id, detail)
	VALUES (acting_account(), v_org, 'status', 'hulpvraag', p_id,
	        format('versie %s%s', v_versie, CASE WHEN p_onderwerp IS NOT NULL THEN ' mail' ELSE '' END));
	RETURN QUERY SELECT 'ok'::text, v_versie, ''::text, ''::text, p_naar;
END
$$;
REVOKE EXECUTE ON FUNCTION status_wijzigen(bigint, integer, text, text, text, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION status_wijzigen(bigint, integer, text, text, text, text, text) TO balie_app;

-- status_lezen: the one read before a status change (db/hulpvraag.c): the
-- hulpvraag with what the status mail needs, who changed it last, the
-- acting account's roles in its organisatie and the flow's transitions from
-- its status, one row per transition (naar NULL when there is none).  As
-- the caller (row-level security applies as to any read); plpgsql with a
-- generic plan, because planning this join under the policies of hulpvraag
-- and dossier costs ~4 ms, far more than running it.
CREATE FUNCTION status_lezen(p_id bigint)
RETURNS TABLE (version integer, organisatie_id bigint, aanvraagtype_id bigint, nummer bigint, geen_mail boolean,
               status text, aanvrager_email text, organisatie text, profiel text, aanvraagtype text,
               school text, contact text, roepnaam text, tussenvoegsel text, achternaam text, rollen text,
               naar text, rol text, reden_verplicht boolean, gewijzigd_door text, gewijzigd_op text)
LANGUAGE plpgsql STABLE SET search_path = balie, pg_catalog
SET plan_cache_mode = force_generic_plan AS $$
#variable_conflict use_column
BEGIN
	RETURN QUERY
	SELECT h.version::integer, h.organisatie_id::bigint, h.aanvraagtype_id::bigint, h.nummer::bigint,
	       h.geen_mail::boolean, h.status::text, coalesce(h.aanvrager_email, '')::text, o.naam::text,
	       o.profiel::text, t.naam::text, coalesce(s.naam, '')::text,
	       coalesce(c.naam || coalesce(' (' || c.email || ')', ''), o.naam)::text,
	       coalesce(d.roepnaam, '')::text, coalesce(d.tussenvoegsel, '')::text, coalesce(d.achternaam, '')::text,
	       (SELECT coalesce(string_agg(r.rol, ','), '') FROM account_rol r
	         WHERE r.account_id = acting_account() AND r.organisatie_id = h.organisatie_id)::text,
	       tr.naar::text, tr.rol::text, tr.reden_verplicht::boolean, coalesce(g.naam, '')::text,
	       coalesce(to_char(h.updated_at AT TIME ZONE 'Europe/Amsterdam', 'DD-MM-YYYY HH24:MI'), '')::text
	  FROM hulpvraag h JOIN organisatie o ON o.id = h.organisatie_id
	  JOIN aanvraagtype t ON t.id = h.aanvraagtype_id
	  JOIN dossier d ON d.id = h.dossier_id
	  LEFT JOIN school s ON s.id = h.school_id
	  LEFT JOIN account c ON c.id = h.coordinator_id
	  LEFT JOIN account g ON g.id = h.gewijzigd_door
	  LEFT JOIN LATERAL (SELECT ft.naar, ft.rol, ft.reden_verplicht, fs.volgorde FROM flow_transitie ft
	        JOIN flow_status fs ON fs.aanvraagtype_id = ft.aanvraagtype_id AND fs.naam = ft.naar
	       WHERE ft.aanvraagtype_id = h.aanvraagtype_id AND ft.van = h.status) tr ON true
	 WHERE h.id = p_id
	 ORDER BY tr.volgorde, tr.rol;
END
$$;
REVOKE EXECUTE ON FUNCTION status_lezen(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION status_lezen(bigint) TO balie_app;

-- queue_rijen: what a werkvoorraad page shows for the (at most 51) ids the
-- page query found, in that order, with the sort key passed through
-- (db/queue.c).  The page query selects the ids from hulpvraag alone, as the
-- caller, under its row-level security; only those rows are then joined to
-- names, schools and labels here.  SECURITY DEFINER so the dossier and label
-- policies are not evaluated again per row: a hulpvraag the caller may see
-- makes its dossier and labels visible anyway (003: dossier "EXISTS
-- hulpvraag", hulpvraag_label "EXISTS hulpvraag").  Which hulpvragen the
-- caller may see is checked here with the exact USING expression of the
-- policy zichtbaar ON hulpvraag (003) — keep the two the same — so calling
-- this with other ids returns nothing more than RLS would.  plpgsql with a
-- generic plan: the plan is made once per session, not on every page (a
-- custom plan costs ~3 ms to make; the generic one is the same index
-- lookups per id).
CREATE FUNCTION queue_rijen(p_ids bigint[], p_keys text[])
RETURNS TABLE (id bigint, version integer, nummer bigint, datum text, niveau text, roepnaam text,
               tussenvoegsel text, achternaam text, groepsnaam text, dossierschool text, school text,
               brin text, aanvraagtype text, status text, coordinator text, labels text,
               status_sinds text, geen_reactie boolean, ontvangen date, sleutel text)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = balie, pg_catalog
SET plan_cache_mode = force_generic_plan AS $$
#variable_conflict use_column
BEGIN
	RETURN QUERY
	SELECT h.id, h.version, h.nummer, to_char(h.datum, 'DD-MM-YYYY'), d.niveau::text, d.roepnaam::text,
	       d.tussenvoegsel::text, d.achternaam::text, d.groepsnaam::text, ds.naam::text, s.naam::text,
	       (s.brin || coalesce(s.vestiging, ''))::text, t.naam::text, h.status::text, c.naam::text,
	       (SELECT string_agg(l.naam, ', ' ORDER BY l.naam) FROM hulpvraag_label hl
	          JOIN label l ON l.id = hl.label_id WHERE hl.hulpvraag_id = h.id),
	       to_char(h.status_sinds, 'YYYY-MM-DD'), h.eerste_reactie IS NULL, h.datum, u.sleutel
	  FROM unnest(p_ids, p_keys) WITH ORDINALITY AS u(id, sleutel, n)
	  JOIN hulpvraag h ON h.id = u.id
	  JOIN dossier d ON d.id = h.dossier_id AND d.organisatie_id = h.organisatie_id
	  JOIN aanvraagtype t ON t.id = h.aanvraagtype_id
	  LEFT JOIN school s ON s.id = h.school_id
	  LEFT JOIN school ds ON ds.id = d.school_id
	  LEFT JOIN account c ON c.id = h.coordinator_id
	 WHERE (h.organisatie_id IN (SELECT internal_orgs()) AND NOT h.voorlopig)
	    OR h.aanvrager_id = acting_account()
	    OR EXISTS (SELECT 1 FROM hulpvraag_toegang ht
	                WHERE ht.hulpvraag_id = h.id AND ht.account_id = acting_account()
	                  AND (ht.tot IS NULL OR ht.tot >= current_date))
	 ORDER BY u.n;
END
$$;
REVOKE EXECUTE ON FUNCTION queue_rijen(bigint[], text[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION queue_rijen(bigint[], text[]) TO balie_app;

-- hulpvraag.sorteernaam: the dossier's sorteernaam (002: "berg jan van
-- der"), copied onto the hulpvraag so "sort by leerling" walks an index of
-- hulpvraag — (organisatie_id, sorteernaam, id) for Alle, and within a
-- status — instead of joining every dossier of the node (and evaluating the
-- dossier policy on each) to sort them.  Kept by triggers: set from the
-- dossier on INSERT and when dossier_id changes; followed when a dossier's
-- sorteernaam changes (that UPDATE does not bump version; the NOTIFY of 004
-- tells the open queues).  A bulk load that skips triggers
-- (db/demodata.c) fills it itself.
ALTER TABLE hulpvraag ADD COLUMN sorteernaam text;

CREATE FUNCTION hulpvraag_sorteernaam() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = balie, pg_catalog AS $$
BEGIN
	NEW.sorteernaam := (SELECT d.sorteernaam FROM dossier d WHERE d.id = NEW.dossier_id);
	RETURN NEW;
END
$$;
CREATE TRIGGER hulpvraag_sorteernaam BEFORE INSERT OR UPDATE OF dossier_id ON hulpvraag
	FOR EACH ROW EXECUTE FUNCTION hulpvraag_sorteernaam();

CREATE FUNCTION dossier_sorteernaam_volgt() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = balie, pg_catalog AS $$
BEGIN
	UPDATE hulpvraag SET sorteernaam = NEW.sorteernaam
	 WHERE dossier_id = NEW.id AND sorteernaam IS DISTINCT FROM NEW.sorteernaam;
	RETURN NULL;
END
$$;
CREATE TRIGGER dossier_sorteernaam_volgt AFTER UPDATE OF sorteernaam ON dossier
	FOR EACH ROW EXECUTE FUNCTION dossier_sorteernaam_volgt();
REVOKE EXECUTE ON FUNCTION hulpvraag_sorteernaam(), dossier_sorteernaam_volgt() FROM PUBLIC;

-- Existing rows, once, without firing the row triggers of hulpvraag
-- (status check, counts, NOTIFY, gewijzigd_door) for a column they do not
-- care about.
ALTER TABLE hulpvraag DISABLE TRIGGER USER;
UPDATE hulpvraag h SET sorteernaam = d.sorteernaam FROM dossier d WHERE d.id = h.dossier_id;
ALTER TABLE hulpvraag ENABLE TRIGGER USER;
ALTER TABLE hulpvraag ALTER COLUMN sorteernaam SET NOT NULL;

CREATE INDEX hulpvraag_queue_org_naam ON hulpvraag (organisatie_id, sorteernaam, id);
CREATE INDEX hulpvraag_queue_status_naam ON hulpvraag (organisatie_id, status_categorie, status, sorteernaam, id);
