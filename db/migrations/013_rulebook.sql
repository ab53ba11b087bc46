-- 013_rulebook: who may do what, decided by the database (issue 9 §2).
--
-- The rulebook is core/recht.c: every business action × the roles that may
-- do it.  `balie admin migrate` publishes it into balie.recht after the
-- migrations (db/recht.c), and balie.mag(actie, organisatie) answers "may
-- the acting account do this in this organisatie?" from it.  This migration
-- makes the database use it, so a careless or malicious statement by the
-- application role (balie_app) cannot do what the table forbids:
--
--   * read and write policies are separate.  External accounts (aanvrager,
--     ouder, extern) have no direct INSERT/UPDATE/DELETE on hulpvraag,
--     dossier and its adres/relatie/schoolgegevens, label, hulpvraag_label,
--     hulpvraag_toegang, bijlage, bijlage_inhoud, statushistorie or outbox.
--     Their permitted writes go through SECURITY DEFINER functions that
--     check visibility and the rulebook themselves: status_wijzigen (the
--     flow decides the target), bijlage_toevoegen.  Forms and their own
--     notes are written under policies that ask mag().
--   * the back office's edits of a hulpvraag are checked per column by a
--     trigger (coördinator → coordinator-wijzigen, omschrijving/titel →
--     omschrijving-bewerken; organisatie, dossier, aanvrager, aanvraagtype
--     and nummer never change).
--   * every row's organisatie equals that of the row it hangs from: composite
--     foreign keys (x_id, organisatie_id) → parent (id, organisatie_id).
--   * configuration (organisatie, schools, kringen, besturen, flows, forms,
--     completeness rules, role assignments) is not writable by balie_app or
--     balie_report at all; it is written by `balie admin …` with the
--     administrator's database role, and every such write leaves an
--     audit_log row (trigger config_audit).
--   * outbox delivery columns belong to balie_mail only.
--   * the automatic status rules of a flow ("een nieuwe bijlage → aangevuld")
--     can only be applied by bijlage_toevoegen's transaction, not by a
--     session that sets balie.automatisch itself.
SET LOCAL ROLE balie_owner;

-- ---------------------------------------------------------------- the rulebook

CREATE TABLE recht (
	actie text NOT NULL CHECK (actie ~ '^[a-z-]+$'),
	rol   text NOT NULL,
	PRIMARY KEY (actie, rol)
);
GRANT SELECT ON recht TO balie_app, balie_report;

-- May the acting account do p_actie in organisatie p_org (one of its roles
-- there has the right)?  Not SECURITY DEFINER: it reads only tables the
-- caller may read, and (no SET clause, every name qualified) the planner can
-- inline it into the policies that call it.
CREATE FUNCTION mag(p_actie text, p_org bigint) RETURNS boolean
LANGUAGE sql STABLE AS $$
	SELECT EXISTS (SELECT 1 FROM balie.account_rol r JOIN balie.recht x ON x.rol = r.rol
	                WHERE r.account_id = balie.acting_account() AND r.organisatie_id = p_org
	                  AND x.actie = p_actie)
$$;
GRANT EXECUTE ON FUNCTION mag(text, bigint) TO balie_app, balie_report;

-- The read rule of hulpvraag (policy zichtbaar, 003) as a function, for the
-- SECURITY DEFINER functions that stand in for it.  tests/db/recht_test.c
-- compares it with the policy for every demo account.
CREATE FUNCTION hulpvraag_zichtbaar(p_id bigint, p_org bigint, p_voorlopig boolean, p_aanvrager bigint)
RETURNS boolean
LANGUAGE sql STABLE AS $$
	SELECT (p_org IN (SELECT balie.internal_orgs()) AND NOT p_voorlopig)
	    OR p_aanvrager = balie.acting_account()
	    OR EXISTS (SELECT 1 FROM balie.hulpvraag_toegang t
	                WHERE t.hulpvraag_id = p_id AND t.account_id = balie.acting_account()
	                  AND (t.tot IS NULL OR t.tot >= current_date))
$$;
GRANT EXECUTE ON FUNCTION hulpvraag_zichtbaar(bigint, bigint, boolean, bigint) TO balie_app, balie_report;

-- ---------------------------------------------------------------- one organisatie per family of rows

ALTER TABLE dossier ADD CONSTRAINT dossier_id_org UNIQUE (id, organisatie_id);
ALTER TABLE hulpvraag ADD CONSTRAINT hulpvraag_id_org UNIQUE (id, organisatie_id);
ALTER TABLE label ADD CONSTRAINT label_id_org UNIQUE (id, organisatie_id);
ALTER TABLE formulier ADD CONSTRAINT formulier_id_org UNIQUE (id, organisatie_id);

ALTER TABLE hulpvraag ADD CONSTRAINT hulpvraag_dossier_org
	FOREIGN KEY (dossier_id, organisatie_id) REFERENCES dossier (id, organisatie_id);
ALTER TABLE adres ADD CONSTRAINT adres_dossier_org
	FOREIGN KEY (dossier_id, organisatie_id) REFERENCES dossier (id, organisatie_id) ON DELETE CASCADE;
ALTER TABLE relatie ADD CONSTRAINT relatie_dossier_org
	FOREIGN KEY (dossier_id, organisatie_id) REFERENCES dossier (id, organisatie_id) ON DELETE CASCADE;
ALTER TABLE schoolgegevens ADD CONSTRAINT schoolgegevens_dossier_org
	FOREIGN KEY (dossier_id, organisatie_id) REFERENCES dossier (id, organisatie_id) ON DELETE CASCADE;
ALTER TABLE statushistorie ADD CONSTRAINT statushistorie_hulpvraag_org
	FOREIGN KEY (hulpvraag_id, organisatie_id) REFERENCES hulpvraag (id, organisatie_id);
ALTER TABLE hulpvraag_label ADD CONSTRAINT hulpvraag_label_hulpvraag_org
	FOREIGN KEY (hulpvraag_id, organisatie_id) REFERENCES hulpvraag (id, organisatie_id) ON DELETE CASCADE;
ALTER TABLE hulpvraag_label ADD CONSTRAINT hulpvraag_label_label_org
	FOREIGN KEY (label_id, organisatie_id) REFERENCES label (id, organisatie_id) ON DELETE CASCADE;
ALTER TABLE bijlage ADD CONSTRAINT bijlage_hulpvraag_org
	FOREIGN KEY (hulpvraag_id, organisatie_id) REFERENCES hulpvraag (id, organisatie_id);
ALTER TABLE notitie ADD CONSTRAINT notitie_hulpvraag_org
	FOREIGN KEY (hulpvraag_id, organisatie_id) REFERENCES hulpvraag (id, organisatie_id) ON DELETE CASCADE;
ALTER TABLE outbox ADD CONSTRAINT outbox_hulpvraag_org
	FOREIGN KEY (hulpvraag_id, organisatie_id) REFERENCES hulpvraag (id, organisatie_id);
ALTER TABLE formulier ADD CONSTRAINT formulier_hulpvraag_org
	FOREIGN KEY (hulpvraag_id, organisatie_id) REFERENCES hulpvraag (id, organisatie_id);
ALTER TABLE formulier_waarde ADD CONSTRAINT formulier_waarde_formulier_org
	FOREIGN KEY (formulier_id, organisatie_id) REFERENCES formulier (id, organisatie_id) ON DELETE CASCADE;

-- hulpvraag_toegang gets its organisatie (from its hulpvraag), so its own
-- policy needs no look at hulpvraag (whose policy looks at this table).
ALTER TABLE hulpvraag_toegang ADD COLUMN organisatie_id bigint;
UPDATE hulpvraag_toegang t SET organisatie_id = h.organisatie_id FROM hulpvraag h WHERE h.id = t.hulpvraag_id;
ALTER TABLE hulpvraag_toegang ALTER COLUMN organisatie_id SET NOT NULL;
-- filled from the hulpvraag when the writer leaves it out (the foreign key
-- below refuses a wrong one)
CREATE FUNCTION hulpvraag_toegang_org() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = balie, pg_catalog AS $$
BEGIN
	IF NEW.organisatie_id IS NULL THEN
		NEW.organisatie_id := (SELECT h.organisatie_id FROM hulpvraag h WHERE h.id = NEW.hulpvraag_id);
	END IF;
	RETURN NEW;
END
$$;
REVOKE EXECUTE ON FUNCTION hulpvraag_toegang_org() FROM PUBLIC;
CREATE TRIGGER hulpvraag_toegang_org BEFORE INSERT ON hulpvraag_toegang
	FOR EACH ROW EXECUTE FUNCTION hulpvraag_toegang_org();
ALTER TABLE hulpvraag_toegang ADD CONSTRAINT hulpvraag_toegang_hulpvraag_org
	FOREIGN KEY (hulpvraag_id, organisatie_id) REFERENCES hulpvraag (id, organisatie_id) ON DELETE CASCADE;

-- ---------------------------------------------------------------- hulpvraag_toegang (hole a)

ALTER TABLE hulpvraag_toegang ENABLE ROW LEVEL SECURITY;
ALTER TABLE hulpvraag_toegang FORCE ROW LEVEL SECURITY;
CREATE POLICY eigenaar ON hulpvraag_toegang TO balie_owner USING (true) WITH CHECK (true);
-- Each account reads its own links only: the policy of hulpvraag asks this
-- table in every nested policy (bijlage → hulpvraag → toegang, …), so it
-- stays one comparison, no subquery (planning the hulpvraag screen's read
-- cost 2 ms more with one).  Lists of a hulpvraag's links for the back
-- office come with the issue that creates them, as SECURITY DEFINER.
CREATE POLICY zichtbaar ON hulpvraag_toegang FOR SELECT TO balie_app, balie_report
	USING (account_id = acting_account());
REVOKE INSERT, UPDATE, DELETE ON hulpvraag_toegang FROM balie_app;

-- ---------------------------------------------------------------- hulpvraag (hole b)

DROP POLICY zichtbaar ON hulpvraag;
CREATE POLICY zichtbaar ON hulpvraag FOR SELECT TO balie_app, balie_report
	USING ((organisatie_id IN (SELECT internal_orgs()) AND NOT voorlopig)
	       OR aanvrager_id = acting_account()
	       OR EXISTS (SELECT 1 FROM hulpvraag_toegang t
	                   WHERE t.hulpvraag_id = hulpvraag.id AND t.account_id = acting_account()
	                     AND (t.tot IS NULL OR t.tot >= current_date)));
-- only on a dossier the back office sees (the foreign key keeps it in the
-- organisatie; not one with only a voorlopige aanmelding): the sorteernaam
-- trigger (008, SECURITY DEFINER) would otherwise copy a name it may not see
CREATE POLICY intake ON hulpvraag FOR INSERT TO balie_app
	WITH CHECK (mag('intake', organisatie_id) AND NOT dossier_alleen_voorlopig(dossier_id));
CREATE POLICY intern ON hulpvraag FOR UPDATE TO balie_app
	USING (organisatie_id IN (SELECT internal_orgs()) AND NOT voorlopig)
	WITH CHECK (organisatie_id IN (SELECT internal_orgs()));
REVOKE DELETE ON hulpvraag FROM balie_app;

-- Per column: what changed must be allowed to the acting account.  Runs as
-- the caller: a change made inside balie's own SECURITY DEFINER functions
-- (status_wijzigen, run as balie_owner) has been checked there.
CREATE FUNCTION hulpvraag_kolommen_check() RETURNS trigger
LANGUAGE plpgsql SET search_path = balie, pg_catalog AS $$
BEGIN
	IF current_user <> 'balie_app' THEN
		RETURN NEW;
	END IF;
	IF NEW.organisatie_id IS DISTINCT FROM OLD.organisatie_id OR NEW.dossier_id IS DISTINCT FROM OLD.dossier_id
	   OR NEW.aanvrager_id IS DISTINCT FROM OLD.aanvrager_id OR NEW.nummer IS DISTINCT FROM OLD.nummer
	   OR NEW.aanvraagtype_id IS DISTINCT FROM OLD.aanvraagtype_id THEN
		RAISE EXCEPTION 'Organisatie, dossier, aanvrager, aanvraagtype en nummer van een hulpvraag veranderen niet'
			USING ERRCODE = '42501';
	END IF;
	IF NEW.coordinator_id IS DISTINCT FROM OLD.coordinator_id AND NOT mag('coordinator-wijzigen', NEW.organisatie_id) THEN
		RAISE EXCEPTION 'De coördinator wijzigen mag jouw rol niet' USING ERRCODE = '42501';
	END IF;
	IF (NEW.omschrijving IS DISTINCT FROM OLD.omschrijving OR NEW.titel IS DISTINCT FROM OLD.titel
	    OR NEW.datum IS DISTINCT FROM OLD.datum OR NEW.school_id IS DISTINCT FROM OLD.school_id
	    OR NEW.aanvrager_naam IS DISTINCT FROM OLD.aanvrager_naam
	    OR NEW.aanvrager_email IS DISTINCT FROM OLD.aanvrager_email OR NEW.geen_mail IS DISTINCT FROM OLD.geen_mail)
	   AND NOT mag('omschrijving-bewerken', NEW.organisatie_id) THEN
		RAISE EXCEPTION 'De gegevens van de hulpvraag bewerken mag jouw rol niet' USING ERRCODE = '42501';
	END IF;
	-- the flow's automatic rules only through bijlage_toevoegen (balie_owner)
	IF NEW.status IS DISTINCT FROM OLD.status AND current_setting('balie.automatisch', true) = 'on' THEN
		RAISE EXCEPTION 'Een automatische statuswijziging maakt alleen balie zelf' USING ERRCODE = '42501';
	END IF;
	RETURN NEW;
END
$$;
REVOKE EXECUTE ON FUNCTION hulpvraag_kolommen_check() FROM PUBLIC;
CREATE TRIGGER hulpvraag_kolommen_check BEFORE UPDATE ON hulpvraag
	FOR EACH ROW EXECUTE FUNCTION hulpvraag_kolommen_check();

-- ---------------------------------------------------------------- dossier and its parts

DROP POLICY zichtbaar ON dossier;
CREATE POLICY zichtbaar ON dossier FOR SELECT TO balie_app, balie_report
	USING ((organisatie_id IN (SELECT internal_orgs()) AND NOT dossier_alleen_voorlopig(id))
	       OR EXISTS (SELECT 1 FROM hulpvraag h WHERE h.dossier_id = dossier.id));
CREATE POLICY intake ON dossier FOR INSERT TO balie_app WITH CHECK (mag('intake', organisatie_id));
CREATE POLICY intern ON dossier FOR UPDATE TO balie_app
	USING (mag('intake', organisatie_id) AND NOT dossier_alleen_voorlopig(id))
	WITH CHECK (mag('intake', organisatie_id));
REVOKE DELETE ON dossier FROM balie_app;

DO $$
DECLARE
	t text;
BEGIN
	FOREACH t IN ARRAY ARRAY['adres', 'relatie', 'schoolgegevens'] LOOP
		EXECUTE format('DROP POLICY zichtbaar ON %I', t);
		EXECUTE format('CREATE POLICY zichtbaar ON %I FOR SELECT TO balie_app, balie_report '
		               'USING (EXISTS (SELECT 1 FROM dossier d WHERE d.id = %I.dossier_id))', t, t);
		EXECUTE format('CREATE POLICY intake ON %I FOR INSERT TO balie_app '
		               'WITH CHECK (mag(''intake'', organisatie_id) '
		               '            AND EXISTS (SELECT 1 FROM dossier d WHERE d.id = %I.dossier_id))', t, t);
		EXECUTE format('CREATE POLICY intern ON %I FOR UPDATE TO balie_app '
		               'USING (mag(''intake'', organisatie_id) AND EXISTS (SELECT 1 FROM dossier d WHERE d.id = %I.dossier_id)) '
		               'WITH CHECK (mag(''intake'', organisatie_id))', t, t);
	END LOOP;
END
$$;

-- ---------------------------------------------------------------- history and mail

DROP POLICY zichtbaar ON statushistorie;
CREATE POLICY zichtbaar ON statushistorie FOR SELECT TO balie_app, balie_report
	USING (EXISTS (SELECT 1 FROM hulpvraag h WHERE h.id = statushistorie.hulpvraag_id));
-- the first row of an intake; every later row is written by status_wijzigen
CREATE POLICY intake ON statushistorie FOR INSERT TO balie_app
	WITH CHECK (door = acting_account() AND van IS NULL AND mag('intake', organisatie_id)
	            AND EXISTS (SELECT 1 FROM hulpvraag h WHERE h.id = statushistorie.hulpvraag_id));

DROP POLICY intern ON outbox;
CREATE POLICY intern ON outbox FOR SELECT TO balie_app
	USING (organisatie_id IN (SELECT internal_orgs()));
-- a form's informeer mail (db/formulier.c): the acting account edits a form
-- of a hulpvraag it sees; status mails come from status_wijzigen
CREATE POLICY formulier ON outbox FOR INSERT TO balie_app
	WITH CHECK (mag('formulier-bewerken', organisatie_id)
	            AND EXISTS (SELECT 1 FROM hulpvraag h WHERE h.id = outbox.hulpvraag_id));
REVOKE UPDATE, DELETE ON outbox FROM balie_app;

-- ---------------------------------------------------------------- labels

ALTER TABLE label ENABLE ROW LEVEL SECURITY;
ALTER TABLE label FORCE ROW LEVEL SECURITY;
CREATE POLICY eigenaar ON label TO balie_owner USING (true) WITH CHECK (true);
CREATE POLICY zichtbaar ON label FOR SELECT TO balie_app, balie_report
	USING (mag('labels-zien', organisatie_id));
CREATE POLICY aanmaken ON label FOR INSERT TO balie_app WITH CHECK (mag('label-aanmaken', organisatie_id));
CREATE POLICY wijzigen ON label FOR UPDATE TO balie_app
	USING (mag('label-aanmaken', organisatie_id)) WITH CHECK (mag('label-aanmaken', organisatie_id));
REVOKE DELETE ON label FROM balie_app;

DROP POLICY zichtbaar ON hulpvraag_label;
CREATE POLICY zichtbaar ON hulpvraag_label FOR SELECT TO balie_app, balie_report
	USING (mag('labels-zien', organisatie_id)
	       AND EXISTS (SELECT 1 FROM hulpvraag h WHERE h.id = hulpvraag_label.hulpvraag_id));
CREATE POLICY koppelen ON hulpvraag_label FOR INSERT TO balie_app
	WITH CHECK (mag('label-koppelen', organisatie_id)
	            AND EXISTS (SELECT 1 FROM hulpvraag h WHERE h.id = hulpvraag_label.hulpvraag_id));
CREATE POLICY ontkoppelen ON hulpvraag_label FOR DELETE TO balie_app
	USING (mag('label-koppelen', organisatie_id)
	       AND EXISTS (SELECT 1 FROM hulpvraag h WHERE h.id = hulpvraag_label.hulpvraag_id));
REVOKE UPDATE ON hulpvraag_label FROM balie_app;

-- ---------------------------------------------------------------- notities, formulieren

DROP POLICY eigen ON notitie;
CREATE POLICY eigen ON notitie TO balie_app
	USING (account_id = acting_account() AND EXISTS (SELECT 1 FROM hulpvraag h WHERE h.id = notitie.hulpvraag_id))
	WITH CHECK (account_id = acting_account() AND mag('notitie', organisatie_id)
	            AND EXISTS (SELECT 1 FROM hulpvraag h WHERE h.id = notitie.hulpvraag_id));

DROP POLICY zichtbaar ON formulier;
CREATE POLICY zichtbaar ON formulier FOR SELECT TO balie_app, balie_report
	USING (EXISTS (SELECT 1 FROM hulpvraag h WHERE h.id = formulier.hulpvraag_id));
CREATE POLICY toevoegen ON formulier FOR INSERT TO balie_app
	WITH CHECK (mag('formulier-toevoegen', organisatie_id)
	            AND EXISTS (SELECT 1 FROM hulpvraag h WHERE h.id = formulier.hulpvraag_id));
CREATE POLICY bewerken ON formulier FOR UPDATE TO balie_app
	USING (mag('formulier-bewerken', organisatie_id)
	       AND EXISTS (SELECT 1 FROM hulpvraag h WHERE h.id = formulier.hulpvraag_id))
	WITH CHECK (mag('formulier-bewerken', organisatie_id)
	            AND (verwijderd_op IS NULL OR mag('formulier-verwijderen', organisatie_id)));
DROP POLICY zichtbaar ON formulier_waarde;
CREATE POLICY zichtbaar ON formulier_waarde FOR SELECT TO balie_app, balie_report
	USING (EXISTS (SELECT 1 FROM formulier f WHERE f.id = formulier_waarde.formulier_id));
-- per command, not FOR ALL: a FOR ALL policy also joins every SELECT (an OR
-- of both), and planning the hulpvraag screen's one read then costs double
CREATE POLICY invullen ON formulier_waarde FOR INSERT TO balie_app
	WITH CHECK (mag('formulier-bewerken', organisatie_id)
	            AND EXISTS (SELECT 1 FROM formulier f WHERE f.id = formulier_waarde.formulier_id));
CREATE POLICY bewerken ON formulier_waarde FOR UPDATE TO balie_app
	USING (mag('formulier-bewerken', organisatie_id)
	       AND EXISTS (SELECT 1 FROM formulier f WHERE f.id = formulier_waarde.formulier_id))
	WITH CHECK (mag('formulier-bewerken', organisatie_id));
CREATE POLICY wissen ON formulier_waarde FOR DELETE TO balie_app
	USING (mag('formulier-bewerken', organisatie_id)
	       AND EXISTS (SELECT 1 FROM formulier f WHERE f.id = formulier_waarde.formulier_id));
REVOKE DELETE ON formulier FROM balie_app;

-- ---------------------------------------------------------------- bijlagen (hole c)

-- A bijlage is added only here: the hash is computed from the bytes by the
-- database, so knowing another document's hash gives nothing, and no
-- foreign-key error can tell whether a hash exists.  Checks visibility and
-- the rulebook, writes content (once per organisatie and hash), the row and
-- the audit row.  p_idempotentie: the create's key (012), or NULL.  Returns
-- the new id and the hash it computed (the one the program shows).
CREATE FUNCTION bijlage_toevoegen(p_hulpvraag bigint, p_naam text, p_mime text, p_categorie text, p_inhoud bytea,
                                  p_idempotentie text)
RETURNS TABLE (id bigint, sha256 text)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = balie, pg_catalog AS $$
#variable_conflict use_column
DECLARE
	h      hulpvraag%ROWTYPE;
	v_hash text := encode(sha256(p_inhoud), 'hex');
	v_id   bigint;
BEGIN
	SELECT * INTO h FROM hulpvraag WHERE id = p_hulpvraag FOR UPDATE;
	IF NOT FOUND OR NOT hulpvraag_zichtbaar(h.id, h.organisatie_id, h.voorlopig, h.aanvrager_id) THEN
		RAISE EXCEPTION 'hulpvraag niet gevonden, of je hebt er geen toegang toe' USING ERRCODE = 'P0001';
	END IF;
	IF NOT mag('bijlage-toevoegen', h.organisatie_id) THEN
		RAISE EXCEPTION 'Een bijlage toevoegen mag jouw rol niet' USING ERRCODE = '42501';
	END IF;
	INSERT INTO bijlage_inhoud (organisatie_id, sha256, inhoud) VALUES (h.organisatie_id, v_hash, p_inhoud)
	ON CONFLICT DO NOTHING;
	INSERT INTO bijlage (hulpvraag_id, organisatie_id, naam, grootte, sha256, mime, categorie, geupload_door,
	                     idempotentie)
	VALUES (h.id, h.organisatie_id, p_naam, octet_length(p_inhoud), v_hash, p_mime, p_categorie, acting_account(),
	        p_idempotentie)
	RETURNING id INTO v_id;
	INSERT INTO audit_log (account_id, organisatie_id, actie, object, object_id, detail)
	VALUES (acting_account(), h.organisatie_id, 'bijlage-add', 'bijlage', v_id,
	        format('hulpvraag %s categorie %s grootte %s', h.id, p_categorie, octet_length(p_inhoud)));
	RETURN QUERY SELECT v_id, v_hash;
END
$$;
REVOKE EXECUTE ON FUNCTION bijlage_toevoegen(bigint, text, text, text, bytea, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION bijlage_toevoegen(bigint, text, text, text, bytea, text) TO balie_app;

DROP POLICY zichtbaar ON bijlage;
CREATE POLICY zichtbaar ON bijlage FOR SELECT TO balie_app, balie_report
	USING (EXISTS (SELECT 1 FROM hulpvraag h WHERE h.id = bijlage.hulpvraag_id));
CREATE POLICY verwijderen ON bijlage FOR UPDATE TO balie_app
	USING (mag('bijlage-verwijderen', organisatie_id)
	       AND EXISTS (SELECT 1 FROM hulpvraag h WHERE h.id = bijlage.hulpvraag_id))
	WITH CHECK (mag('bijlage-verwijderen', organisatie_id));
REVOKE INSERT, UPDATE, DELETE ON bijlage FROM balie_app;
GRANT UPDATE (verwijderd_op, verwijderd_door, version) ON bijlage TO balie_app;
DROP POLICY toevoegen ON bijlage_inhoud;
REVOKE INSERT, UPDATE, DELETE ON bijlage_inhoud FROM balie_app;

-- ---------------------------------------------------------------- status changes

-- status_wijzigen of 010, now SECURITY DEFINER so an aanvrager (who has no
-- UPDATE on hulpvraag) can make the changes its flow allows.  It checks
-- what the policies no longer do for it: the row must be visible to the
-- acting account (hulpvraag_zichtbaar, the read rule), the rulebook, and —
-- through the transition trigger of 003 — the flow.  The mail goes to the
-- hulpvraag's own aanvrager address, never to one the caller names.  An
-- automatic change (balie.automatisch on) is accepted only when a bijlage
-- of this hulpvraag was added in this very transaction (the flow's only
-- automatic event); otherwise it is refused.
DROP FUNCTION status_wijzigen(bigint, integer, text, text, text, text, text);
CREATE FUNCTION status_wijzigen(p_id bigint, p_version integer, p_naar text, p_reden text,
                                p_aan text, p_onderwerp text, p_tekst text)
RETURNS TABLE (uitkomst text, versie integer, door text, op text, status text)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = balie, pg_catalog
SET plan_cache_mode = force_generic_plan AS $$
#variable_conflict use_column
DECLARE
	h        hulpvraag%ROWTYPE;
	v_versie integer;
	v_intern boolean;
	v_auto   boolean := coalesce(current_setting('balie.automatisch', true), '') = 'on';
BEGIN
	-- one look-up, locked: a row the account cannot see is let go at once
	-- (the statement is its own transaction); otherwise its status is the van
	SELECT * INTO h FROM hulpvraag WHERE id = p_id FOR UPDATE;
	IF NOT FOUND OR NOT hulpvraag_zichtbaar(h.id, h.organisatie_id, h.voorlopig, h.aanvrager_id) THEN
		RETURN QUERY SELECT 'weg'::text, NULL::integer, ''::text, ''::text, ''::text;
		RETURN;
	END IF;
	IF NOT mag('status-wijzigen', h.organisatie_id) THEN
		RAISE EXCEPTION 'Een status wijzigen mag jouw rol niet' USING ERRCODE = 'P0001';
	END IF;
	IF v_auto AND NOT EXISTS (SELECT 1 FROM bijlage b WHERE b.hulpvraag_id = p_id
	                                         AND b.xmin = pg_current_xact_id()::xid) THEN
		RAISE EXCEPTION 'Een automatische statuswijziging maakt alleen balie zelf' USING ERRCODE = 'P0001';
	END IF;
	-- the version the person saw
	IF h.version <> p_version THEN
		RETURN QUERY
		SELECT 'conflict'::text, h.version, coalesce(a.naam, ''),
		       -- in the session's time zone, which db/conn sets to Europe/Amsterdam
		       coalesce(to_char(h.updated_at, 'DD-MM-YYYY HH24:MI'), ''),
		       h.status
		  FROM (SELECT 1) x LEFT JOIN account a ON a.id = h.gewijzigd_door;
		RETURN;
	END IF;
	v_intern := NOT v_auto AND h.organisatie_id IN (SELECT internal_orgs());
	UPDATE hulpvraag x
	   SET status = p_naar, version = x.version + 1,
	       eerste_reactie = CASE WHEN x.eerste_reactie IS NULL AND v_intern THEN now() ELSE x.eerste_reactie END
	 WHERE x.id = p_id
	RETURNING x.version INTO v_versie;
	INSERT INTO statushistorie (hulpvraag_id, organisatie_id, van, naar, door, reden)
	VALUES (p_id, h.organisatie_id, h.status, p_naar, CASE WHEN v_auto THEN NULL ELSE acting_account() END,
	        coalesce(p_reden, ''));
	IF p_onderwerp IS NOT NULL AND h.aanvrager_email IS NOT NULL AND NOT h.geen_mail THEN
		INSERT INTO outbox (organisatie_id, hulpvraag_id, aan, onderwerp, tekst)
		VALUES (h.organisatie_id, p_id, h.aanvrager_email, p_onderwerp, p_tekst);
	END IF;
	INSERT INTO audit_log (account_id, organisatie_id, actie, object, object_id, detail)
	VALUES (acting_account(), h.organisatie_id, 'status', 'hulpvraag', p_id,
	        format('versie %s%s%s', v_versie, CASE WHEN p_onderwerp IS NOT NULL THEN ' mail' ELSE '' END,
	               CASE WHEN v_auto THEN ' automatisch' ELSE '' END));
	RETURN QUERY SELECT 'ok'::text, v_versie, ''::text, ''::text, p_naar;
END
$$;
REVOKE EXECUTE ON FUNCTION status_wijzigen(bigint, integer, text, text, text, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION status_wijzigen(bigint, integer, text, text, text, text, text) TO balie_app;

-- ---------------------------------------------------------------- voorlopige aanmelding (hole e)

-- Answers only for a dossier of one of the acting account's organisaties.
CREATE OR REPLACE FUNCTION dossier_alleen_voorlopig(p_dossier bigint) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = balie, pg_catalog AS $$
	SELECT EXISTS (SELECT 1 FROM dossier d WHERE d.id = p_dossier AND d.organisatie_id IN (SELECT member_orgs()))
	   AND EXISTS (SELECT 1 FROM hulpvraag WHERE dossier_id = p_dossier AND voorlopig)
	   AND NOT EXISTS (SELECT 1 FROM hulpvraag WHERE dossier_id = p_dossier AND NOT voorlopig)
$$;

-- The name filter of the werkvoorraad: never a dossier the SWV may not see.
CREATE OR REPLACE FUNCTION queue_dossier_match(p_org bigint, p_folded text, p_lower text) RETURNS SETOF bigint
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = balie, pg_catalog AS $$
	SELECT id FROM dossier
	 WHERE organisatie_id = p_org AND p_org IN (SELECT internal_orgs())
	   AND (sorteernaam LIKE p_folded OR lower(coalesce(groepsnaam, '')) LIKE p_lower)
	   AND NOT dossier_alleen_voorlopig(id)
$$;

CREATE OR REPLACE FUNCTION queue_label_match(p_org bigint, p_lower text) RETURNS SETOF bigint
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = balie, pg_catalog AS $$
	SELECT hl.hulpvraag_id FROM hulpvraag_label hl JOIN label l ON l.id = hl.label_id
	 WHERE l.organisatie_id = p_org AND mag('labels-zien', p_org) AND lower(l.naam) LIKE p_lower
$$;

-- Counts of voorlopige aanmeldingen are the school's business, not the SWV's.
DROP POLICY intern ON hulpvraag_telling;
CREATE POLICY intern ON hulpvraag_telling FOR SELECT TO balie_app, balie_report
	USING (organisatie_id IN (SELECT internal_orgs()) AND NOT voorlopig);

-- queue_rijen (008) with labels only for those who may see them.  The read
-- rule stays written out as in the policy zichtbaar ON hulpvraag (keep the
-- two the same; tests/db/recht_test.c compares them): called per row as
-- hulpvraag_zichtbaar() in this generic plan it cost ~5 ms a page of 51 at
-- 1,000,000 hulpvragen, written out ~0.1 ms.  Who may see labels is asked
-- once per page (an InitPlan), not per row.
CREATE OR REPLACE FUNCTION queue_rijen(p_ids bigint[], p_keys text[])
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
	       CASE WHEN h.organisatie_id IN (SELECT r.organisatie_id FROM account_rol r JOIN recht x ON x.rol = r.rol
	                                       WHERE r.account_id = acting_account() AND x.actie = 'labels-zien') THEN
	       (SELECT string_agg(l.naam, ', ' ORDER BY l.naam) FROM hulpvraag_label hl
	          JOIN label l ON l.id = hl.label_id WHERE hl.hulpvraag_id = h.id) END,
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

-- ---------------------------------------------------------------- configuration (hole d)

-- Written by `balie admin …` with the administrator's database role (a
-- member of balie_owner, as for migrations), never by the application.
REVOKE INSERT, UPDATE, DELETE ON organisatie, account_rol, account_school, schoolbestuur, scholenkring, school,
	flow_version, aanvraagtype, aanvraagtype_titel, flow_status, flow_transitie,
	formulier_definitie, compleet_regel, compleet_voorwaarde FROM balie_app;
REVOKE EXECUTE ON FUNCTION account_add(text, text, text, text, text), account_passwd(text, text),
	account_block(text, boolean), account_totp(text, text) FROM balie_app;

-- Every change of configuration leaves an audit row: which table, what, and
-- which database role did it (the acting account too when one is set).
CREATE FUNCTION config_audit() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = balie, pg_catalog AS $$
BEGIN
	INSERT INTO audit_log (account_id, organisatie_id, actie, object, detail)
	VALUES ((SELECT a.id FROM account a WHERE a.id = acting_account()), NULL,
	        'config-' || lower(TG_OP), TG_TABLE_NAME, 'rol ' || session_user);
	RETURN NULL;
END
$$;
REVOKE EXECUTE ON FUNCTION config_audit() FROM PUBLIC;
DO $$
DECLARE
	t text;
BEGIN
	FOREACH t IN ARRAY ARRAY['organisatie', 'account_rol', 'account_school', 'schoolbestuur', 'scholenkring',
	                         'school', 'flow_version', 'aanvraagtype', 'aanvraagtype_titel', 'flow_status',
	                         'flow_transitie', 'formulier_definitie', 'compleet_regel', 'compleet_voorwaarde',
	                         'recht'] LOOP
		EXECUTE format('CREATE TRIGGER config_audit AFTER INSERT OR UPDATE OR DELETE ON %I '
		               'FOR EACH STATEMENT EXECUTE FUNCTION config_audit()', t);
	END LOOP;
END
$$;
