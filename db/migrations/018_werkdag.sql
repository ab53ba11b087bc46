-- 018_werkdag: a working day for every role (issue 13).
SET LOCAL ROLE balie_owner;

-- ---------------------------------------------------------------- te laat
-- A closed hulpvraag (final status, flow_status.eindstatus) is never late:
-- queue_rijen's geen_reactie is false for it, so the werkvoorraad shows no
-- `!` (hulpvraag 10 in "Ondersteuningsaanvraag>afgerond" did).  The same
-- rule as core/werkdag.h werkdag_reactie_te_laat and the telaat: filter of
-- db/queue.c.  Otherwise the body of 013's queue_rijen, unchanged.
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
	       to_char(h.status_sinds, 'YYYY-MM-DD'),
	       h.eerste_reactie IS NULL AND NOT coalesce(fs.eindstatus, false), h.datum, u.sleutel
	  FROM unnest(p_ids, p_keys) WITH ORDINALITY AS u(id, sleutel, n)
	  JOIN hulpvraag h ON h.id = u.id
	  JOIN dossier d ON d.id = h.dossier_id AND d.organisatie_id = h.organisatie_id
	  JOIN aanvraagtype t ON t.id = h.aanvraagtype_id
	  LEFT JOIN school s ON s.id = h.school_id
	  LEFT JOIN school ds ON ds.id = d.school_id
	  LEFT JOIN account c ON c.id = h.coordinator_id
	  LEFT JOIN flow_status fs ON fs.aanvraagtype_id = h.aanvraagtype_id AND fs.naam = h.status
	 WHERE (h.organisatie_id IN (SELECT internal_orgs()) AND NOT h.voorlopig)
	    OR (h.voorlopig AND mag('voorlopig-zien', h.organisatie_id))
	    OR h.aanvrager_id = acting_account()
	    OR EXISTS (SELECT 1 FROM hulpvraag_toegang ht
	                WHERE ht.hulpvraag_id = h.id AND ht.account_id = acting_account()
	                  AND (ht.tot IS NULL OR ht.tot >= current_date))
	 ORDER BY u.n;
END
$$;

-- ---------------------------------------------------------------- home
-- "Nieuw zonder reactie (> 5 werkdagen)" and a coördinator's "te laat" on
-- the home screen without counting over hulpvraag: open hulpvragen without
-- a first reaction (no eindstatus, no Voorlopige aanmelding) per
-- organisatie, coördinator (0: none) and day of receipt, kept by a trigger
-- beside hulpvraag_telling's.  "> 5 werkdagen" depends on today, so the
-- home screen sums the days up to a cut-off it computes with the werkdagen
-- calendar: one row per day, a few hundred rows, never the big table.
--
-- Like hulpvraag_telling since 014 (issue 15): a writer only APPENDS its -1
-- and +1 to a delta table (no counter row held until its commit, no
-- deadlock between opposite moves); hulpvraag_telling_reactie is a view of
-- base + deltas, exact at every moment; telling_vouwen() folds the deltas
-- into the base every tick of `balie notify --daemon`.
CREATE TABLE hulpvraag_telling_reactie_basis (
	organisatie_id bigint NOT NULL REFERENCES organisatie,
	coordinator_id bigint NOT NULL DEFAULT 0,   -- 0: no coördinator yet
	datum          date NOT NULL,
	aantal         bigint NOT NULL DEFAULT 0 CHECK (aantal >= 0),
	PRIMARY KEY (organisatie_id, coordinator_id, datum)
);
CREATE TABLE hulpvraag_telling_reactie_delta (
	organisatie_id bigint NOT NULL,
	coordinator_id bigint NOT NULL,
	datum          date NOT NULL,
	aantal         integer NOT NULL CHECK (aantal IN (-1, 1))
);
CREATE VIEW hulpvraag_telling_reactie WITH (security_invoker = true) AS
SELECT organisatie_id, coordinator_id, datum, sum(aantal)::bigint AS aantal
  FROM (SELECT organisatie_id, coordinator_id, datum, aantal FROM hulpvraag_telling_reactie_basis
        UNION ALL
        SELECT organisatie_id, coordinator_id, datum, aantal FROM hulpvraag_telling_reactie_delta) u
 GROUP BY organisatie_id, coordinator_id, datum;

CREATE FUNCTION hulpvraag_wacht_op_reactie(p_type bigint, p_status text, p_voorlopig boolean,
                                           p_reactie timestamptz) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = balie, pg_catalog AS $$
	SELECT p_reactie IS NULL AND NOT p_voorlopig
	   AND NOT coalesce((SELECT eindstatus FROM flow_status WHERE aanvraagtype_id = p_type AND naam = p_status), false)
$$;

CREATE FUNCTION hulpvraag_telling_reactie_bij() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = balie, pg_catalog AS $$
DECLARE
	v_oud boolean := TG_OP IN ('UPDATE', 'DELETE')
	                 AND hulpvraag_wacht_op_reactie(OLD.aanvraagtype_id, OLD.status, OLD.voorlopig, OLD.eerste_reactie);
	v_nieuw boolean := TG_OP IN ('UPDATE', 'INSERT')
	                   AND hulpvraag_wacht_op_reactie(NEW.aanvraagtype_id, NEW.status, NEW.voorlopig, NEW.eerste_reactie);
BEGIN
	IF v_oud AND v_nieuw AND (OLD.organisatie_id, coalesce(OLD.coordinator_id, 0), OLD.datum)
	   IS NOT DISTINCT FROM (NEW.organisatie_id, coalesce(NEW.coordinator_id, 0), NEW.datum) THEN
		RETURN NULL;
	END IF;
	IF v_oud THEN
		INSERT INTO hulpvraag_telling_reactie_delta
		VALUES (OLD.organisatie_id, coalesce(OLD.coordinator_id, 0), OLD.datum, -1);
	END IF;
	IF v_nieuw THEN
		INSERT INTO hulpvraag_telling_reactie_delta
		VALUES (NEW.organisatie_id, coalesce(NEW.coordinator_id, 0), NEW.datum, 1);
	END IF;
	RETURN NULL;
END
$$;
CREATE TRIGGER hulpvraag_telling_reactie_bij
	AFTER INSERT OR DELETE OR UPDATE OF status, coordinator_id, eerste_reactie, voorlopig, datum, aanvraagtype_id
	ON hulpvraag FOR EACH ROW EXECUTE FUNCTION hulpvraag_telling_reactie_bij();

-- The fold of 014, and these deltas with it (the same lock: one folder).
ALTER FUNCTION telling_vouwen() RENAME TO telling_vouwen_status;
REVOKE EXECUTE ON FUNCTION telling_vouwen_status() FROM PUBLIC;
CREATE FUNCTION telling_vouwen() RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = balie, pg_catalog AS $$
DECLARE
	v_n bigint;
BEGIN
	IF NOT pg_try_advisory_xact_lock(hashtext('balie.telling_vouwen')) THEN
		RETURN 0;
	END IF;
	WITH d AS (DELETE FROM hulpvraag_telling_reactie_delta RETURNING *),
	     s AS (SELECT organisatie_id, coordinator_id, datum, sum(aantal) AS a, count(*) AS c FROM d GROUP BY 1, 2, 3),
	     u AS (UPDATE hulpvraag_telling_reactie_basis t SET aantal = t.aantal + s.a FROM s
	            WHERE t.organisatie_id = s.organisatie_id AND t.coordinator_id = s.coordinator_id
	              AND t.datum = s.datum AND s.a <> 0),
	     i AS (INSERT INTO hulpvraag_telling_reactie_basis (organisatie_id, coordinator_id, datum, aantal)
	           SELECT organisatie_id, coordinator_id, datum, a FROM s
	            WHERE NOT EXISTS (SELECT 1 FROM hulpvraag_telling_reactie_basis t
	                               WHERE t.organisatie_id = s.organisatie_id AND t.coordinator_id = s.coordinator_id
	                                 AND t.datum = s.datum))
	SELECT coalesce(sum(c), 0) INTO v_n FROM s;
	RETURN v_n + telling_vouwen_status();
END
$$;
REVOKE EXECUTE ON FUNCTION telling_vouwen() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION telling_vouwen() TO balie_app, balie_mail;

-- After a bulk load with triggers disabled (demodata, after
-- telling_herbereken) and once now.
CREATE FUNCTION telling_reactie_herbereken() RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = balie, pg_catalog AS $$
	SELECT pg_advisory_xact_lock(hashtext('balie.telling_vouwen'));
	DELETE FROM hulpvraag_telling_reactie_basis;
	DELETE FROM hulpvraag_telling_reactie_delta;
	INSERT INTO hulpvraag_telling_reactie_basis (organisatie_id, coordinator_id, datum, aantal)
	SELECT h.organisatie_id, coalesce(h.coordinator_id, 0), h.datum, count(*)
	  FROM hulpvraag h LEFT JOIN flow_status s ON s.aanvraagtype_id = h.aanvraagtype_id AND s.naam = h.status
	 WHERE h.eerste_reactie IS NULL AND NOT h.voorlopig AND NOT coalesce(s.eindstatus, false)
	 GROUP BY 1, 2, 3;
$$;
SELECT telling_reactie_herbereken();

-- Read by the back office of the organisatie only; written only by the
-- trigger and the fold (no write grant to balie_app).
ALTER TABLE hulpvraag_telling_reactie_basis ENABLE ROW LEVEL SECURITY;
CREATE POLICY lezen ON hulpvraag_telling_reactie_basis FOR SELECT TO balie_app, balie_report
	USING (organisatie_id IN (SELECT internal_orgs()));
ALTER TABLE hulpvraag_telling_reactie_delta ENABLE ROW LEVEL SECURITY;
CREATE POLICY lezen ON hulpvraag_telling_reactie_delta FOR SELECT TO balie_app, balie_report
	USING (organisatie_id IN (SELECT internal_orgs()));
GRANT SELECT ON hulpvraag_telling_reactie, hulpvraag_telling_reactie_basis, hulpvraag_telling_reactie_delta
	TO balie_app, balie_report;

-- ---------------------------------------------------------------- mails
-- The status mail addresses the aanvrager by name ("Beste {aanvrager},",
-- core/mailtpl.h): status_lezen (008) with one more column at the end, the
-- aanvrager's name (an adult at the school, never the pupil).  A new
-- result type needs DROP + CREATE; the body is 008's otherwise.
DROP FUNCTION status_lezen(bigint);
CREATE FUNCTION status_lezen(p_id bigint)
RETURNS TABLE (version integer, organisatie_id bigint, aanvraagtype_id bigint, nummer bigint, geen_mail boolean,
               status text, aanvrager_email text, organisatie text, profiel text, aanvraagtype text,
               school text, contact text, roepnaam text, tussenvoegsel text, achternaam text, rollen text,
               naar text, rol text, reden_verplicht boolean, gewijzigd_door text, gewijzigd_op text,
               aanvrager_naam text)
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
	       coalesce(to_char(h.updated_at AT TIME ZONE 'Europe/Amsterdam', 'DD-MM-YYYY HH24:MI'), '')::text,
	       coalesce(h.aanvrager_naam, '')::text
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

-- ---------------------------------------------------------------- voorlopige aanmelding
-- 000: a Voorlopige Aanmelding "is niet meer zichtbaar voor PPO Rotterdam
-- (met uitzondering van de kindkans-applicatiebeheerders)": the rulebook's
-- voorlopig-zien (core/recht.c, applicatiebeheer) may read it — not edit it
-- (the UPDATE policy intern still says NOT voorlopig).  The read rule is
-- written three times and kept the same (tests/db/recht_test.c compares
-- them for every account): the policy, hulpvraag_zichtbaar, and queue_rijen
-- above.  Its dossier follows through the dossier policy's EXISTS
-- (SELECT … FROM hulpvraag), which runs under this policy.
CREATE OR REPLACE FUNCTION hulpvraag_zichtbaar(p_id bigint, p_org bigint, p_voorlopig boolean, p_aanvrager bigint)
RETURNS boolean
LANGUAGE sql STABLE AS $$
	SELECT (p_org IN (SELECT balie.internal_orgs()) AND NOT p_voorlopig)
	    OR (p_voorlopig AND balie.mag('voorlopig-zien', p_org))
	    OR p_aanvrager = balie.acting_account()
	    OR EXISTS (SELECT 1 FROM balie.hulpvraag_toegang t
	                WHERE t.hulpvraag_id = p_id AND t.account_id = balie.acting_account()
	                  AND (t.tot IS NULL OR t.tot >= current_date))
$$;

DROP POLICY zichtbaar ON hulpvraag;
CREATE POLICY zichtbaar ON hulpvraag FOR SELECT TO balie_app, balie_report
	USING ((organisatie_id IN (SELECT internal_orgs()) AND NOT voorlopig)
	       OR (voorlopig AND mag('voorlopig-zien', organisatie_id))
	       OR aanvrager_id = acting_account()
	       OR EXISTS (SELECT 1 FROM hulpvraag_toegang t
	                   WHERE t.hulpvraag_id = hulpvraag.id AND t.account_id = acting_account()
	                     AND (t.tot IS NULL OR t.tot >= current_date)));
