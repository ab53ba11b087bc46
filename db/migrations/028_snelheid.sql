-- 028_snelheid: "Te verwerken" at 1,000,000 hulpvragen (issue 10 "Done
-- means"), one definition for the list and the home screen's count.
--
-- Until now te_verwerken() (015) computed the financial queue on every
-- open: every hulpvraag in a controleren status of a TLV flow, every
-- afgegeven TLV with tlv_fouten() of its beschikking (a plpgsql function of
-- several queries, per row), every arrangement waiting for financieel —
-- 7.8 s at 1,066,666 hulpvragen, and the home screen counted something else
-- (the maintained counts of the statuses only financieel moves on).
--
-- Now the rows of the queue are a maintained table, verwerken_rij: one row
-- per (hulpvraag, reden), written only by the triggers below, through one
-- function that holds the rules for one hulpvraag (verwerken_redenen).  The
-- list reads the oldest rows through an index that matches its order; the
-- home count and te_verwerken_telling() read the same table, so they are
-- one definition.  015's set-based text stays as the reference
-- (verwerken_definitie): the maintained rows equal it after any mix of
-- actions, as every role (tests/db/verwerken_test.c).
--
-- What a row depends on, and the trigger that recomputes it:
--   the hulpvraag's status, type, categorie, datum, voorlopig, school,
--     organisatie (row trigger on hulpvraag; a status change between two
--     statuses that can never give a row does nothing more than two cached
--     lookups);
--   its tlv_beschikking (tlv_fouten) and, through the overlap rule, the
--     other TLV beschikkingen of the same pupil (dossier): every change
--     recomputes the hulpvragen of the pupil's TLVs;
--   its aanpak (reden says whether there is one and whether it has a number);
--   the emb field of its forms (tlv_fouten's EMB rule);
--   the name of its school (tlv_fouten's "not from the applying school");
--   configuration (flows, beschikking statuses and soorten): recomputed
--     whole, once, at the commit of the transaction that changed it.
-- Exact under concurrency: a recompute first takes a transaction advisory
-- lock per pupil (dossier), in dossier order, and then reads with a fresh
-- snapshot, so of two transactions that touch the TLVs of one pupil the
-- second recomputes after the first committed.  A whole recompute takes the
-- exclusive form of one more advisory lock that every recompute holds
-- shared (and so does a bulk statement of more than 1000 hulpvragen).
--
-- Below, the kengetallen pane under 2 s at the same size (its own header).
--
-- Aanname: the queue holds what the back office sees of a hulpvraag (not
-- the voorlopige aanmeldingen); only internal roles read it, as the home
-- counts.  An external role sees no rows (it has no "Te verwerken").
SET LOCAL ROLE balie_owner;

CREATE TABLE verwerken_rij (
	hulpvraag_id   bigint NOT NULL,
	organisatie_id bigint NOT NULL,
	datum          date NOT NULL,
	reden          text NOT NULL,
	PRIMARY KEY (hulpvraag_id, reden),
	FOREIGN KEY (hulpvraag_id, organisatie_id) REFERENCES hulpvraag (id, organisatie_id)
		ON DELETE CASCADE ON UPDATE CASCADE
);
-- the list: oldest first, per organisatie (ORDER BY datum, hulpvraag_id)
CREATE INDEX verwerken_rij_lijst ON verwerken_rij (organisatie_id, datum, hulpvraag_id);
ALTER TABLE verwerken_rij ENABLE ROW LEVEL SECURITY;
CREATE POLICY intern ON verwerken_rij FOR SELECT TO balie_app, balie_report
	USING (organisatie_id IN (SELECT internal_orgs()));
GRANT SELECT ON verwerken_rij TO balie_app, balie_report;

-- The home screen's count of those rows per organisatie, kept the way 014
-- keeps the status counts: a recompute appends its net change to an
-- append-only delta table (no row another writer waits on), the view adds
-- the deltas to the folded base, telling_vouwen() folds them (below).
CREATE TABLE verwerken_telling_basis (
	organisatie_id bigint PRIMARY KEY REFERENCES organisatie,
	aantal         bigint NOT NULL CHECK (aantal >= 0)
);
CREATE TABLE verwerken_telling_delta (
	organisatie_id bigint NOT NULL,
	aantal         integer NOT NULL
);
ALTER TABLE verwerken_telling_basis ENABLE ROW LEVEL SECURITY;
CREATE POLICY intern ON verwerken_telling_basis FOR SELECT TO balie_app, balie_report
	USING (organisatie_id IN (SELECT internal_orgs()));
ALTER TABLE verwerken_telling_delta ENABLE ROW LEVEL SECURITY;
CREATE POLICY intern ON verwerken_telling_delta FOR SELECT TO balie_app, balie_report
	USING (organisatie_id IN (SELECT internal_orgs()));
CREATE VIEW verwerken_telling WITH (security_invoker = true) AS
SELECT organisatie_id, sum(aantal)::bigint AS aantal
  FROM (SELECT organisatie_id, aantal FROM verwerken_telling_basis
        UNION ALL
        SELECT organisatie_id, aantal FROM verwerken_telling_delta) u
 GROUP BY organisatie_id;
GRANT SELECT ON verwerken_telling, verwerken_telling_basis, verwerken_telling_delta TO balie_app, balie_report;

-- The reference: 015's te_verwerken as it was, over every non-voorlopige
-- hulpvraag of organisatie p_org (SECURITY DEFINER: the caller's row-level
-- security applies when the list is read, not here).  Set-based and slow
-- at a million hulpvragen (seconds); what the maintained rows must equal
-- (tests/db/verwerken_test.c, tmux 76) and what `make bench` times as the
-- cost of the list before this migration.  Only the owner calls it.
CREATE FUNCTION verwerken_definitie(p_org bigint)
RETURNS TABLE (hulpvraag_id bigint, datum date, reden text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = balie, pg_catalog AS $$
	WITH controleren AS (
		SELECT DISTINCT fs.aanvraagtype_id, fs.categorie, fs.naam
		  FROM flow_status fs JOIN aanvraagtype t ON t.id = fs.aanvraagtype_id
		 WHERE t.organisatie_id = p_org AND fs.controleren
		   AND EXISTS (SELECT 1 FROM flow_status x JOIN beschikking_status s
		                 ON s.status = x.naam AND s.soort = 'tlv' AND s.organisatie_id = p_org
		                WHERE x.aanvraagtype_id = fs.aanvraagtype_id)),
	afgegeven AS (
		SELECT DISTINCT fs.categorie, fs.naam
		  FROM flow_status fs JOIN aanvraagtype t ON t.id = fs.aanvraagtype_id
		  JOIN beschikking_status s ON s.status = fs.naam AND s.soort = 'tlv' AND s.organisatie_id = p_org
		 WHERE t.organisatie_id = p_org),
	arr_van AS (
		SELECT DISTINCT ft.aanvraagtype_id, fs.categorie, ft.van
		  FROM flow_transitie ft JOIN aanvraagtype t ON t.id = ft.aanvraagtype_id
		  JOIN beschikking_status s ON s.status = ft.naar AND s.soort = 'arrangement' AND s.organisatie_id = p_org
		  JOIN flow_status fs ON fs.aanvraagtype_id = ft.aanvraagtype_id AND fs.naam = ft.van
		 WHERE t.organisatie_id = p_org AND ft.rol = 'financieel')
	SELECT h.id, h.datum, 'TLV-aanvraag controleren'::text
	  FROM controleren c JOIN hulpvraag h
	    ON h.organisatie_id = p_org AND h.status_categorie = c.categorie AND h.status = c.naam
	   AND h.aanvraagtype_id = c.aanvraagtype_id
	 WHERE NOT h.voorlopig
	UNION ALL
	SELECT h.id, h.datum,
	       CASE WHEN b.id IS NULL THEN 'TLV afgegeven, geen beschikking' ELSE 'TLV afgegeven, beschikking onvolledig' END
	  FROM afgegeven g JOIN hulpvraag h
	    ON h.organisatie_id = p_org AND h.status_categorie = g.categorie AND h.status = g.naam
	  LEFT JOIN tlv_beschikking b ON b.hulpvraag_id = h.id
	 WHERE NOT h.voorlopig AND (b.id IS NULL OR cardinality(tlv_fouten(b)) > 0)
	UNION ALL
	SELECT h.id, h.datum,
	       CASE WHEN a.id IS NULL THEN 'Arrangement zonder aanpak'
	            WHEN a.nummer IS NULL THEN 'Arrangement: nummer invullen'
	            ELSE 'Arrangement financieel verwerken' END
	  FROM arr_van v JOIN hulpvraag h
	    ON h.organisatie_id = p_org AND h.status_categorie = v.categorie AND h.status = v.van
	   AND h.aanvraagtype_id = v.aanvraagtype_id
	  LEFT JOIN aanpak a ON a.hulpvraag_id = h.id
	 WHERE NOT h.voorlopig
$$;
REVOKE EXECUTE ON FUNCTION verwerken_definitie(bigint) FROM PUBLIC;

-- The same rules for one hulpvraag h, as the write path asks them: a few
-- lookups with cached plans (the set-based text above is planned anew on
-- every call, a millisecond a status change).  The reasons h is in the
-- queue for (none, one, or in an odd configuration more).
CREATE FUNCTION verwerken_redenen(h hulpvraag) RETURNS SETOF text
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = balie, pg_catalog AS $$
DECLARE
	b tlv_beschikking%ROWTYPE;
	v_nummer text;
	v_heeft boolean;
BEGIN
	IF h.voorlopig THEN
		RETURN;
	END IF;
	-- a controleren status of a flow with a TLV "afgegeven" status
	IF EXISTS (SELECT 1 FROM flow_status fs JOIN aanvraagtype t ON t.id = fs.aanvraagtype_id
	            WHERE fs.aanvraagtype_id = h.aanvraagtype_id AND fs.naam = h.status
	              AND fs.categorie = h.status_categorie AND fs.controleren AND t.organisatie_id = h.organisatie_id
	              AND EXISTS (SELECT 1 FROM flow_status x JOIN beschikking_status s
	                            ON s.status = x.naam AND s.soort = 'tlv' AND s.organisatie_id = h.organisatie_id
	                           WHERE x.aanvraagtype_id = fs.aanvraagtype_id)) THEN
		RETURN NEXT 'TLV-aanvraag controleren';
	END IF;
	-- a TLV "afgegeven" status (of any flow of the organisatie) without a
	-- complete beschikking
	IF EXISTS (SELECT 1 FROM flow_status fs JOIN aanvraagtype t ON t.id = fs.aanvraagtype_id
	             JOIN beschikking_status s ON s.status = fs.naam AND s.soort = 'tlv'
	                                      AND s.organisatie_id = h.organisatie_id
	            WHERE t.organisatie_id = h.organisatie_id AND fs.categorie = h.status_categorie
	              AND fs.naam = h.status) THEN
		SELECT * INTO b FROM tlv_beschikking x WHERE x.hulpvraag_id = h.id;
		IF NOT FOUND THEN
			RETURN NEXT 'TLV afgegeven, geen beschikking';
		ELSIF cardinality(tlv_fouten(b)) > 0 THEN
			RETURN NEXT 'TLV afgegeven, beschikking onvolledig';
		END IF;
	END IF;
	-- a status from which financieel sets the arrangement's "financieel
	-- verwerkt"
	IF EXISTS (SELECT 1 FROM flow_transitie ft JOIN aanvraagtype t ON t.id = ft.aanvraagtype_id
	             JOIN beschikking_status s ON s.status = ft.naar AND s.soort = 'arrangement'
	                                      AND s.organisatie_id = h.organisatie_id
	             JOIN flow_status fs ON fs.aanvraagtype_id = ft.aanvraagtype_id AND fs.naam = ft.van
	            WHERE ft.aanvraagtype_id = h.aanvraagtype_id AND ft.van = h.status AND ft.rol = 'financieel'
	              AND t.organisatie_id = h.organisatie_id AND fs.categorie = h.status_categorie) THEN
		SELECT true, a.nummer INTO v_heeft, v_nummer FROM aanpak a WHERE a.hulpvraag_id = h.id;
		RETURN NEXT CASE WHEN v_heeft IS NULL THEN 'Arrangement zonder aanpak'
		                 WHEN v_nummer IS NULL THEN 'Arrangement: nummer invullen'
		                 ELSE 'Arrangement financieel verwerken' END;
	END IF;
END
$$;
REVOKE EXECUTE ON FUNCTION verwerken_redenen(hulpvraag) FROM PUBLIC;

-- Can a hulpvraag of type p_type in status p_status ever have a row?  A
-- superset of what the definition asks of the status (a cached plan, three
-- index lookups): the write path's shortcut.
CREATE FUNCTION verwerken_status_telt(p_type bigint, p_status text) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = balie, pg_catalog AS $$
	SELECT EXISTS (SELECT 1 FROM flow_status fs WHERE fs.aanvraagtype_id = p_type AND fs.naam = p_status
	                                              AND fs.controleren)
	    OR EXISTS (SELECT 1 FROM beschikking_status s JOIN aanvraagtype t ON t.organisatie_id = s.organisatie_id
	                WHERE t.id = p_type AND s.status = p_status)
	    OR EXISTS (SELECT 1 FROM flow_transitie ft WHERE ft.aanvraagtype_id = p_type AND ft.van = p_status
	                                                 AND ft.rol = 'financieel')
$$;
REVOKE EXECUTE ON FUNCTION verwerken_status_telt(bigint, text) FROM PUBLIC;

-- Recompute the rows of hulpvragen p_ids and of every TLV of their pupils
-- (the overlap rule), under the locks described at the top.
CREATE FUNCTION verwerken_bijwerken(p_ids bigint[]) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = balie, pg_catalog AS $$
DECLARE
	v_ids   bigint[];
	v_weg   bigint[];
	v_nieuw bigint[];
BEGIN
	IF p_ids IS NULL OR cardinality(p_ids) = 0 THEN
		RETURN;
	END IF;
	IF cardinality(p_ids) > 1000 THEN
		-- a bulk statement (the demo's beschikkingen): one lock for all,
		-- not one per pupil (the lock table holds a few thousand)
		PERFORM pg_advisory_xact_lock(hashtext('balie.verwerken'));
	ELSE
		PERFORM pg_advisory_xact_lock_shared(hashtext('balie.verwerken'));
		PERFORM pg_advisory_xact_lock(hashtext('balie.verwerken.dossier'), (d.dossier_id % 2147483647)::integer)
		   FROM (SELECT DISTINCT h.dossier_id FROM hulpvraag h WHERE h.id = ANY (p_ids) ORDER BY 1) d;
	END IF;
	-- a new statement: a fresh snapshot, after the locks
	SELECT array_agg(DISTINCT x) INTO v_ids
	  FROM (SELECT unnest(p_ids) AS x
	        UNION
	        SELECT b.hulpvraag_id FROM hulpvraag h JOIN tlv_beschikking b ON b.dossier_id = h.dossier_id
	         WHERE h.id = ANY (p_ids)) u;
	WITH w AS (DELETE FROM verwerken_rij r WHERE r.hulpvraag_id = ANY (v_ids) RETURNING r.organisatie_id)
	SELECT array_agg(w.organisatie_id) INTO v_weg FROM w;
	WITH n AS (INSERT INTO verwerken_rij (hulpvraag_id, organisatie_id, datum, reden)
	           SELECT h.id, h.organisatie_id, h.datum, r FROM hulpvraag h, verwerken_redenen(h) r
	            WHERE h.id = ANY (v_ids)
	           ON CONFLICT DO NOTHING RETURNING organisatie_id)
	SELECT array_agg(n.organisatie_id) INTO v_nieuw FROM n;
	-- the count: only a net change (most recomputes change nothing)
	INSERT INTO verwerken_telling_delta (organisatie_id, aantal)
	SELECT u.o, sum(u.x) FROM (SELECT unnest(v_weg) AS o, -1 AS x UNION ALL SELECT unnest(v_nieuw), 1) u
	 GROUP BY u.o HAVING sum(u.x) <> 0;
END
$$;
REVOKE EXECUTE ON FUNCTION verwerken_bijwerken(bigint[]) FROM PUBLIC;

-- Everything again (after a bulk load with triggers off, a configuration
-- change, this migration).
CREATE FUNCTION verwerken_herbereken() RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = balie, pg_catalog AS $$
BEGIN
	PERFORM pg_advisory_xact_lock(hashtext('balie.verwerken'));
	DELETE FROM verwerken_rij;
	-- only the hulpvragen in a status that can give a row (the superset
	-- verwerken_status_telt, once per status, not per hulpvraag)
	INSERT INTO verwerken_rij (hulpvraag_id, organisatie_id, datum, reden)
	SELECT h.id, h.organisatie_id, h.datum, r
	  FROM (SELECT fs.aanvraagtype_id, fs.naam FROM flow_status fs
	         WHERE verwerken_status_telt(fs.aanvraagtype_id, fs.naam)) s
	  JOIN hulpvraag h ON h.aanvraagtype_id = s.aanvraagtype_id AND h.status = s.naam,
	       verwerken_redenen(h) r
	ON CONFLICT DO NOTHING;
	-- the count from scratch (the folder's lock: no fold in between)
	PERFORM pg_advisory_xact_lock(hashtext('balie.telling_vouwen'));
	DELETE FROM verwerken_telling_delta;
	DELETE FROM verwerken_telling_basis;
	INSERT INTO verwerken_telling_basis (organisatie_id, aantal)
	SELECT organisatie_id, count(*) FROM verwerken_rij GROUP BY 1;
END
$$;
REVOKE EXECUTE ON FUNCTION verwerken_herbereken() FROM PUBLIC;

-- ---------------------------------------------------------------- triggers

CREATE FUNCTION verwerken_hulpvraag_bij() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = balie, pg_catalog AS $$
BEGIN
	-- only the status moved (and its categorie, which hulpvraag_status_sync
	-- takes from the flow), between two statuses that never give a row:
	-- no lock, nothing written
	IF TG_OP = 'UPDATE'
	   AND (OLD.aanvraagtype_id, OLD.datum, OLD.voorlopig, OLD.school_id, OLD.organisatie_id)
	       IS NOT DISTINCT FROM
	       (NEW.aanvraagtype_id, NEW.datum, NEW.voorlopig, NEW.school_id, NEW.organisatie_id)
	   AND NOT verwerken_status_telt(OLD.aanvraagtype_id, OLD.status)
	   AND NOT verwerken_status_telt(NEW.aanvraagtype_id, NEW.status) THEN
		RETURN NULL;
	END IF;
	IF TG_OP = 'INSERT' AND NOT verwerken_status_telt(NEW.aanvraagtype_id, NEW.status) THEN
		RETURN NULL;
	END IF;
	PERFORM verwerken_bijwerken(ARRAY[NEW.id]);
	RETURN NULL;
END
$$;
REVOKE EXECUTE ON FUNCTION verwerken_hulpvraag_bij() FROM PUBLIC;
CREATE TRIGGER verwerken_bij AFTER INSERT OR UPDATE OF status, status_categorie, aanvraagtype_id, datum, voorlopig,
	school_id, organisatie_id ON hulpvraag FOR EACH ROW EXECUTE FUNCTION verwerken_hulpvraag_bij();

-- tlv_beschikking, aanpak: per statement, the hulpvragen of the rows it
-- touched (a bulk insert recomputes once).
CREATE FUNCTION verwerken_rijen_bij() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = balie, pg_catalog AS $$
BEGIN
	IF TG_OP = 'DELETE' THEN
		PERFORM verwerken_bijwerken((SELECT array_agg(DISTINCT o.hulpvraag_id) FROM oud o));
	ELSE
		PERFORM verwerken_bijwerken((SELECT array_agg(DISTINCT n.hulpvraag_id) FROM nieuw n));
	END IF;
	RETURN NULL;
END
$$;
REVOKE EXECUTE ON FUNCTION verwerken_rijen_bij() FROM PUBLIC;
CREATE TRIGGER verwerken_bij_nieuw AFTER INSERT ON tlv_beschikking REFERENCING NEW TABLE AS nieuw
	FOR EACH STATEMENT EXECUTE FUNCTION verwerken_rijen_bij();
CREATE TRIGGER verwerken_bij_wijzig AFTER UPDATE ON tlv_beschikking REFERENCING NEW TABLE AS nieuw
	FOR EACH STATEMENT EXECUTE FUNCTION verwerken_rijen_bij();
CREATE TRIGGER verwerken_bij_weg AFTER DELETE ON tlv_beschikking REFERENCING OLD TABLE AS oud
	FOR EACH STATEMENT EXECUTE FUNCTION verwerken_rijen_bij();
CREATE TRIGGER verwerken_bij_nieuw AFTER INSERT ON aanpak REFERENCING NEW TABLE AS nieuw
	FOR EACH STATEMENT EXECUTE FUNCTION verwerken_rijen_bij();
CREATE TRIGGER verwerken_bij_wijzig AFTER UPDATE ON aanpak REFERENCING NEW TABLE AS nieuw
	FOR EACH STATEMENT EXECUTE FUNCTION verwerken_rijen_bij();
CREATE TRIGGER verwerken_bij_weg AFTER DELETE ON aanpak REFERENCING OLD TABLE AS oud
	FOR EACH STATEMENT EXECUTE FUNCTION verwerken_rijen_bij();

-- The emb field of a form (tlv_fouten's EMB rule), and a form removed or
-- restored.
CREATE FUNCTION verwerken_emb_bij() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = balie, pg_catalog AS $$
BEGIN
	IF TG_OP = 'DELETE' THEN
		PERFORM verwerken_bijwerken((SELECT array_agg(DISTINCT f.hulpvraag_id) FROM oud o
		                              JOIN formulier f ON f.id = o.formulier_id WHERE o.veld = 'emb'));
	ELSE
		PERFORM verwerken_bijwerken((SELECT array_agg(DISTINCT f.hulpvraag_id) FROM nieuw n
		                              JOIN formulier f ON f.id = n.formulier_id WHERE n.veld = 'emb'));
	END IF;
	RETURN NULL;
END
$$;
REVOKE EXECUTE ON FUNCTION verwerken_emb_bij() FROM PUBLIC;
CREATE TRIGGER verwerken_bij_nieuw AFTER INSERT ON formulier_waarde REFERENCING NEW TABLE AS nieuw
	FOR EACH STATEMENT EXECUTE FUNCTION verwerken_emb_bij();
CREATE TRIGGER verwerken_bij_wijzig AFTER UPDATE ON formulier_waarde REFERENCING NEW TABLE AS nieuw
	FOR EACH STATEMENT EXECUTE FUNCTION verwerken_emb_bij();
CREATE TRIGGER verwerken_bij_weg AFTER DELETE ON formulier_waarde REFERENCING OLD TABLE AS oud
	FOR EACH STATEMENT EXECUTE FUNCTION verwerken_emb_bij();

CREATE FUNCTION verwerken_formulier_bij() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = balie, pg_catalog AS $$
BEGIN
	IF EXISTS (SELECT 1 FROM formulier_waarde w WHERE w.formulier_id = NEW.id AND w.veld = 'emb') THEN
		PERFORM verwerken_bijwerken(ARRAY[NEW.hulpvraag_id]);
	END IF;
	RETURN NULL;
END
$$;
REVOKE EXECUTE ON FUNCTION verwerken_formulier_bij() FROM PUBLIC;
CREATE TRIGGER verwerken_bij AFTER UPDATE OF verwijderd_op, hulpvraag_id ON formulier
	FOR EACH ROW WHEN (OLD.verwijderd_op IS DISTINCT FROM NEW.verwijderd_op OR OLD.hulpvraag_id <> NEW.hulpvraag_id)
	EXECUTE FUNCTION verwerken_formulier_bij();

-- The name of a school: its hulpvragen with a TLV beschikking.
CREATE FUNCTION verwerken_school_bij() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = balie, pg_catalog AS $$
BEGIN
	PERFORM verwerken_bijwerken((SELECT array_agg(b.hulpvraag_id) FROM hulpvraag h
	                              JOIN tlv_beschikking b ON b.hulpvraag_id = h.id WHERE h.school_id = NEW.id));
	RETURN NULL;
END
$$;
REVOKE EXECUTE ON FUNCTION verwerken_school_bij() FROM PUBLIC;
CREATE TRIGGER verwerken_bij AFTER UPDATE OF naam ON school
	FOR EACH ROW WHEN (OLD.naam IS DISTINCT FROM NEW.naam) EXECUTE FUNCTION verwerken_school_bij();

-- Configuration: mark, and recompute whole once at commit (a deferred
-- constraint trigger on the one mark row; a second statement in the same
-- transaction finds the mark and adds no second recompute).
CREATE TABLE verwerken_herbouw (
	id integer PRIMARY KEY DEFAULT 1 CHECK (id = 1)
);
ALTER TABLE verwerken_herbouw ENABLE ROW LEVEL SECURITY;
CREATE FUNCTION verwerken_config_bij() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = balie, pg_catalog AS $$
BEGIN
	INSERT INTO verwerken_herbouw DEFAULT VALUES ON CONFLICT DO NOTHING;
	RETURN NULL;
END
$$;
CREATE FUNCTION verwerken_herbouw_nu() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = balie, pg_catalog AS $$
BEGIN
	PERFORM verwerken_herbereken();
	DELETE FROM verwerken_herbouw;
	RETURN NULL;
END
$$;
REVOKE EXECUTE ON FUNCTION verwerken_config_bij(), verwerken_herbouw_nu() FROM PUBLIC;
CREATE CONSTRAINT TRIGGER verwerken_herbouw AFTER INSERT ON verwerken_herbouw DEFERRABLE INITIALLY DEFERRED
	FOR EACH ROW EXECUTE FUNCTION verwerken_herbouw_nu();
DO $$
DECLARE
	t text;
BEGIN
	FOREACH t IN ARRAY ARRAY['flow_status', 'flow_transitie', 'aanvraagtype', 'beschikking_status',
	                         'beschikking_soort'] LOOP
		EXECUTE format('CREATE TRIGGER verwerken_config AFTER INSERT OR UPDATE OR DELETE ON %I '
		               'FOR EACH STATEMENT EXECUTE FUNCTION verwerken_config_bij()', t);
	END LOOP;
END
$$;

-- The fold of 024 and these deltas with it (the same lock: one folder).
ALTER FUNCTION telling_vouwen() RENAME TO telling_vouwen_plannen;
REVOKE EXECUTE ON FUNCTION telling_vouwen_plannen() FROM PUBLIC, balie_app, balie_mail;
CREATE FUNCTION telling_vouwen() RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = balie, pg_catalog AS $$
DECLARE
	v_n bigint;
BEGIN
	IF NOT pg_try_advisory_xact_lock(hashtext('balie.telling_vouwen')) THEN
		RETURN 0;
	END IF;
	WITH d AS (DELETE FROM verwerken_telling_delta RETURNING *),
	     s AS (SELECT organisatie_id, sum(aantal) AS a, count(*) AS c FROM d GROUP BY 1),
	     u AS (UPDATE verwerken_telling_basis t SET aantal = t.aantal + s.a FROM s
	            WHERE t.organisatie_id = s.organisatie_id AND s.a <> 0),
	     i AS (INSERT INTO verwerken_telling_basis (organisatie_id, aantal)
	           SELECT organisatie_id, a FROM s
	            WHERE NOT EXISTS (SELECT 1 FROM verwerken_telling_basis t WHERE t.organisatie_id = s.organisatie_id))
	SELECT coalesce(sum(c), 0) INTO v_n FROM s;
	RETURN v_n + telling_vouwen_plannen();
END
$$;
REVOKE EXECUTE ON FUNCTION telling_vouwen() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION telling_vouwen() TO balie_app, balie_mail;

-- ---------------------------------------------------------------- readers

-- The list: the oldest p_max rows through verwerken_rij_lijst, of the
-- hulpvragen the acting account sees (row-level security on hulpvraag, not
-- SECURITY DEFINER), with the aanpak's amount.  The same columns as 015.
DROP FUNCTION te_verwerken_telling(bigint);
DROP FUNCTION te_verwerken(bigint, integer);
CREATE FUNCTION te_verwerken(p_org bigint, p_max integer)
RETURNS TABLE (hulpvraag_id bigint, nummer bigint, datum date, status text, reden text, bedrag_cent bigint)
LANGUAGE sql STABLE AS $$
	SELECT h.id, h.nummer, r.datum, h.status, r.reden, a.bedrag_cent
	  FROM balie.verwerken_rij r JOIN balie.hulpvraag h ON h.id = r.hulpvraag_id
	  LEFT JOIN balie.aanpak a ON a.hulpvraag_id = r.hulpvraag_id AND r.reden LIKE 'Arrangement%'
	 WHERE r.organisatie_id = p_org
	 ORDER BY r.datum, r.hulpvraag_id
	 LIMIT p_max
$$;
GRANT EXECUTE ON FUNCTION te_verwerken(bigint, integer) TO balie_app, balie_report;

-- Per reden, with the amounts (their sum is verwerken_telling's count).
CREATE FUNCTION te_verwerken_telling(p_org bigint)
RETURNS TABLE (reden text, aantal bigint, bedrag_cent numeric)
LANGUAGE sql STABLE AS $$
	SELECT r.reden, count(*), coalesce(sum(a.bedrag_cent), 0)
	  FROM balie.verwerken_rij r
	  LEFT JOIN balie.aanpak a ON a.hulpvraag_id = r.hulpvraag_id AND r.reden LIKE 'Arrangement%'
	 WHERE r.organisatie_id = p_org
	 GROUP BY r.reden ORDER BY r.reden
$$;
GRANT EXECUTE ON FUNCTION te_verwerken_telling(bigint) TO balie_app, balie_report;

SELECT verwerken_herbereken();

-- ---------------------------------------------------------------- kengetallen
-- The kengetallen pane (issue 10 §5) took 2.6 s at 1,066,666 hulpvragen
-- (target 2 s): kengetallen() joined every one of its ~65,000 rows to
-- school and schoolbestuur before grouping (a nested loop and a sort on
-- disk), and doorlooptijden() grouped the whole statushistorie of every
-- year to find each hulpvraag's first "afgegeven".

-- doorlooptijd: per hulpvraag the moment of its first statushistorie row
-- into a status of beschikking_status (what 022's doorlooptijden() found
-- with min(op) over all of them), kept by a trigger on statushistorie
-- (append-only: a new row can only lower it) and recomputed whole after a
-- bulk load or a change of beschikking_status.  doorlooptijden() reads the
-- school year's rows through (organisatie_id, op).
CREATE TABLE doorlooptijd (
	hulpvraag_id   bigint PRIMARY KEY,
	organisatie_id bigint NOT NULL,
	op             timestamptz NOT NULL,
	tlv            boolean NOT NULL, -- one of those rows into a status of soort 'tlv'
	FOREIGN KEY (hulpvraag_id, organisatie_id) REFERENCES hulpvraag (id, organisatie_id)
		ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX doorlooptijd_jaar ON doorlooptijd (organisatie_id, op);
ALTER TABLE doorlooptijd ENABLE ROW LEVEL SECURITY;
-- as statushistorie (013): whoever sees the hulpvraag; the back office
-- without a lookup per row
CREATE POLICY zichtbaar ON doorlooptijd FOR SELECT TO balie_app, balie_report
	USING (organisatie_id IN (SELECT internal_orgs())
	       OR EXISTS (SELECT 1 FROM hulpvraag h WHERE h.id = doorlooptijd.hulpvraag_id));
GRANT SELECT ON doorlooptijd TO balie_app, balie_report;

CREATE FUNCTION doorlooptijd_bij() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = balie, pg_catalog AS $$
DECLARE
	v_soort text;
BEGIN
	SELECT s.soort INTO v_soort FROM beschikking_status s
	 WHERE s.organisatie_id = NEW.organisatie_id AND s.status = NEW.naar;
	IF FOUND THEN
		INSERT INTO doorlooptijd AS d (hulpvraag_id, organisatie_id, op, tlv)
		VALUES (NEW.hulpvraag_id, NEW.organisatie_id, NEW.op, v_soort = 'tlv')
		ON CONFLICT (hulpvraag_id) DO UPDATE SET op = least(d.op, excluded.op), tlv = d.tlv OR excluded.tlv
		 WHERE excluded.op < d.op OR (excluded.tlv AND NOT d.tlv);
	END IF;
	RETURN NULL;
END
$$;
REVOKE EXECUTE ON FUNCTION doorlooptijd_bij() FROM PUBLIC;
CREATE TRIGGER doorlooptijd_bij AFTER INSERT ON statushistorie
	FOR EACH ROW EXECUTE FUNCTION doorlooptijd_bij();

CREATE FUNCTION doorlooptijd_herbereken() RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = balie, pg_catalog AS $$
	DELETE FROM doorlooptijd;
	INSERT INTO doorlooptijd (hulpvraag_id, organisatie_id, op, tlv)
	SELECT sh.hulpvraag_id, min(sh.organisatie_id), min(sh.op), bool_or(s.soort = 'tlv')
	  FROM statushistorie sh
	  JOIN beschikking_status s ON s.organisatie_id = sh.organisatie_id AND s.status = sh.naar
	 GROUP BY sh.hulpvraag_id;
$$;
REVOKE EXECUTE ON FUNCTION doorlooptijd_herbereken() FROM PUBLIC;

-- a change of beschikking_status: at commit, with the queue's recompute
CREATE OR REPLACE FUNCTION verwerken_herbouw_nu() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = balie, pg_catalog AS $$
BEGIN
	PERFORM verwerken_herbereken();
	PERFORM doorlooptijd_herbereken();
	DELETE FROM verwerken_herbouw;
	RETURN NULL;
END
$$;

-- The same rows as 022's text: the first "afgegeven" of each hulpvraag the
-- caller sees, in school year p_jaar (a date in Europe/Amsterdam).
-- SECURITY DEFINER with the hulpvraag's visibility asked as its policy
-- does (hulpvraag_zichtbaar), for the back office only of a voorlopige one:
-- the policy per row cost as much as the rest.
CREATE OR REPLACE FUNCTION doorlooptijden(p_org bigint, p_jaar integer)
RETURNS TABLE (aanvraagtype text, dagen integer)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = balie, pg_catalog AS $$
	SELECT t.naam, (d.op AT TIME ZONE 'Europe/Amsterdam')::date - h.datum
	  FROM doorlooptijd d
	  JOIN hulpvraag h ON h.id = d.hulpvraag_id
	  JOIN aanvraagtype t ON t.id = h.aanvraagtype_id
	 WHERE d.organisatie_id = p_org
	   AND d.op >= make_date(p_jaar, 8, 1)::timestamp AT TIME ZONE 'Europe/Amsterdam'
	   AND d.op < make_date(p_jaar + 1, 8, 1)::timestamp AT TIME ZONE 'Europe/Amsterdam'
	   AND ((NOT h.voorlopig AND h.organisatie_id IN (SELECT internal_orgs()))
	        OR hulpvraag_zichtbaar(h.id, h.organisatie_id, h.voorlopig, h.aanvrager_id))
	 ORDER BY 1, 2
$$;

-- kengetallen: the same rows and sums as 022's text.  For the back office
-- of p_org (who sees every hulpvraag of it but the voorlopige, so the
-- per-row policies of tlv_beschikking, aanpak, hulpvraag and statushistorie
-- answer yes for every row they are asked about — four index lookups a
-- row, 80,000 rows at a million hulpvragen) through kengetallen_intern: the
-- same joins as the owner, the visibility asked only of a voorlopige
-- hulpvraag (hulpvraag_zichtbaar, as the policy), "ever afgegeven" from
-- doorlooptijd, the school year through an index on the start, grouped
-- per school id before the names are joined.  Everyone else: 022's branches.
CREATE INDEX tlv_beschikking_start ON tlv_beschikking (organisatie_id, startdatum);
CREATE INDEX aanpak_start ON aanpak (organisatie_id, startdatum);

CREATE FUNCTION kengetallen_intern(p_org bigint, p_jaar integer)
RETURNS TABLE (school_id bigint, soort text, categorie text, aantal bigint, bedrag bigint)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = balie, pg_catalog AS $$
	SELECT x.school_id, x.soort, x.categorie, count(*), sum(x.bedrag)::bigint FROM (
		SELECT h.school_id, 'tlv'::text AS soort, coalesce(b.soort, '') AS categorie, 0::bigint AS bedrag
		  FROM tlv_beschikking b JOIN hulpvraag h ON h.id = b.hulpvraag_id
		 WHERE b.organisatie_id = p_org
		   AND b.startdatum >= make_date(p_jaar, 8, 1) AND b.startdatum < make_date(p_jaar + 1, 8, 1)
		   AND (NOT h.voorlopig OR hulpvraag_zichtbaar(h.id, h.organisatie_id, h.voorlopig, h.aanvrager_id))
		   AND EXISTS (SELECT 1 FROM doorlooptijd d WHERE d.hulpvraag_id = h.id AND d.tlv)
		UNION ALL
		SELECT h.school_id, 'arrangement', concat_ws(' ', nullif(a.type, ''), nullif(a.categorie, '')),
		       coalesce(a.bedrag_cent, 0)
		  FROM aanpak a JOIN hulpvraag h ON h.id = a.hulpvraag_id
		 WHERE a.organisatie_id = p_org
		   AND a.startdatum >= make_date(p_jaar, 8, 1) AND a.startdatum < make_date(p_jaar + 1, 8, 1)
		   AND (NOT h.voorlopig OR hulpvraag_zichtbaar(h.id, h.organisatie_id, h.voorlopig, h.aanvrager_id))) x
	 WHERE p_org IN (SELECT internal_orgs())
	 GROUP BY 1, 2, 3
$$;
REVOKE EXECUTE ON FUNCTION kengetallen_intern(bigint, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION kengetallen_intern(bigint, integer) TO balie_app, balie_report;

CREATE OR REPLACE FUNCTION kengetallen(p_org bigint, p_jaar integer)
RETURNS TABLE (bestuur text, school text, brin text, soort text, categorie text, aantal bigint, bedrag_cent bigint)
LANGUAGE sql STABLE SET search_path = balie, pg_catalog AS $$
	WITH x AS (
		SELECT i.school_id, i.soort, i.categorie, i.aantal, i.bedrag FROM kengetallen_intern(p_org, p_jaar) i
		UNION ALL
		-- not the back office: plain joins under row-level security (an
		-- aanvrager, someone with toegang) …
		SELECT h.school_id, 'tlv'::text, coalesce(b.soort, ''), 1::bigint, 0::bigint
		  FROM tlv_beschikking b JOIN hulpvraag h ON h.id = b.hulpvraag_id
		 WHERE b.organisatie_id = p_org AND NOT p_org IN (SELECT internal_orgs())
		   AND b.startdatum >= make_date(p_jaar, 8, 1) AND b.startdatum < make_date(p_jaar + 1, 8, 1)
		   AND EXISTS (SELECT 1 FROM statushistorie sh
		                 JOIN beschikking_status s ON s.organisatie_id = sh.organisatie_id AND s.status = sh.naar
		                                          AND s.soort = 'tlv'
		                WHERE sh.hulpvraag_id = h.id)
		UNION ALL
		SELECT h.school_id, 'arrangement', concat_ws(' ', nullif(a.type, ''), nullif(a.categorie, '')), 1,
		       coalesce(a.bedrag_cent, 0)
		  FROM aanpak a JOIN hulpvraag h ON h.id = a.hulpvraag_id
		 WHERE a.organisatie_id = p_org AND NOT p_org IN (SELECT internal_orgs())
		   AND a.startdatum >= make_date(p_jaar, 8, 1) AND a.startdatum < make_date(p_jaar + 1, 8, 1)
		UNION ALL
		-- … and the bestuur's contact, who never sees the hulpvraag,
		-- through the helpers, only for those rows
		SELECT kengetal_school(b.hulpvraag_id), 'tlv', coalesce(b.soort, ''), 1, 0::bigint
		  FROM tlv_beschikking b
		 WHERE b.organisatie_id = p_org AND NOT p_org IN (SELECT internal_orgs())
		   AND b.startdatum >= make_date(p_jaar, 8, 1) AND b.startdatum < make_date(p_jaar + 1, 8, 1)
		   AND NOT EXISTS (SELECT 1 FROM hulpvraag h WHERE h.id = b.hulpvraag_id)
		   AND ooit_afgegeven(b.hulpvraag_id)
		UNION ALL
		SELECT kengetal_school(a.hulpvraag_id), 'arrangement', concat_ws(' ', nullif(a.type, ''), nullif(a.categorie, '')),
		       1, coalesce(a.bedrag_cent, 0)
		  FROM aanpak a
		 WHERE a.organisatie_id = p_org AND NOT p_org IN (SELECT internal_orgs())
		   AND a.startdatum >= make_date(p_jaar, 8, 1) AND a.startdatum < make_date(p_jaar + 1, 8, 1)
		   AND NOT EXISTS (SELECT 1 FROM hulpvraag h WHERE h.id = a.hulpvraag_id)
	)
	SELECT coalesce(sb.naam, '(geen bestuur)'), coalesce(sc.naam, '(geen school)'),
	       coalesce(sc.brin || coalesce(sc.vestiging, ''), ''), x.soort, x.categorie, sum(x.aantal)::bigint,
	       sum(x.bedrag)::bigint
	  FROM x LEFT JOIN school sc ON sc.id = x.school_id LEFT JOIN schoolbestuur sb ON sb.id = sc.schoolbestuur_id
	 GROUP BY 1, 2, 3, 4, 5
	 ORDER BY 1, 3, 4 DESC, 5
$$;

SELECT doorlooptijd_herbereken();
