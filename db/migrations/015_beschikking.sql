-- 015_beschikking: the TLV beschikking and the guard on "afgegeven" (issue 10).
--
-- beschikking_soort / beschikking_status: per organisatie, published from the
--   profile's beschikking.conf by `balie admin forms load` (db/beschikking.c):
--   the TLV soorten (one marked emb, 004 §4.4) and the statuses that mean
--   "afgegeven" — a hulpvraag can only move into one of them when its TLV
--   beschikking is complete and valid (trigger tlv_afgegeven_guard below).
--   Configuration: read-only for the application, audited.
-- tlv_beschikking: one per hulpvraag.  The number is typed by the financieel
--   medewerker (004 §4.2 "nummer wat door Kindkans automatisch toegekend
--   wordt, klopt niet"), unique per organisatie; the two deskundigenadviezen
--   are columns a1_… and a2_… (always exactly two, never a committee advice).
--   dossier_id (the pupil) is copied from the hulpvraag, for the overlap rule.
--   The rules are core/beschikking.c's; the ones that protect a decision are
--   repeated here (tlv_fouten) so no statement by the application role can
--   issue an invalid TLV.
SET LOCAL ROLE balie_owner;

CREATE TABLE beschikking_soort (
	organisatie_id bigint NOT NULL REFERENCES organisatie,
	naam           text NOT NULL CHECK (naam <> '' AND length(naam) <= 200),
	volgorde       integer NOT NULL,
	emb            boolean NOT NULL DEFAULT false,
	PRIMARY KEY (organisatie_id, naam)
);
CREATE TABLE beschikking_status (
	organisatie_id bigint NOT NULL REFERENCES organisatie,
	status         text NOT NULL,
	-- tlv: "afgegeven" (a valid TLV beschikking); arrangement: "financieel
	-- verwerkt" (an aanpak with number, period and amount)
	soort          text NOT NULL DEFAULT 'tlv' CHECK (soort IN ('tlv', 'arrangement')),
	PRIMARY KEY (organisatie_id, status)
);
CREATE TABLE aanpak_type (
	organisatie_id bigint NOT NULL REFERENCES organisatie,
	naam           text NOT NULL CHECK (naam <> '' AND length(naam) <= 200),
	volgorde       integer NOT NULL,
	PRIMARY KEY (organisatie_id, naam)
);
GRANT SELECT ON aanpak_type TO balie_app, balie_report;
CREATE TRIGGER config_audit AFTER INSERT OR UPDATE OR DELETE ON aanpak_type
	FOR EACH STATEMENT EXECUTE FUNCTION config_audit();
GRANT SELECT ON beschikking_soort, beschikking_status TO balie_app, balie_report;
CREATE TRIGGER config_audit AFTER INSERT OR UPDATE OR DELETE ON beschikking_soort
	FOR EACH STATEMENT EXECUTE FUNCTION config_audit();
CREATE TRIGGER config_audit AFTER INSERT OR UPDATE OR DELETE ON beschikking_status
	FOR EACH STATEMENT EXECUTE FUNCTION config_audit();

CREATE TABLE tlv_beschikking (
	id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	organisatie_id     bigint NOT NULL REFERENCES organisatie,
	hulpvraag_id       bigint NOT NULL UNIQUE,
	dossier_id         bigint NOT NULL,
	nummer             text CHECK (nummer ~ '^[A-Za-z0-9][A-Za-z0-9/._ -]{0,39}$'),
	soort              text CHECK (length(soort) <= 200),
	startdatum         date CHECK (extract(day FROM startdatum) = 1),
	einddatum          date CHECK (einddatum > startdatum),
	ontvangende_school text NOT NULL DEFAULT '' CHECK (length(ontvangende_school) <= 200),
	motivering         text NOT NULL DEFAULT '' CHECK (length(motivering) <= 4000),
	a1_naam text NOT NULL DEFAULT '', a1_discipline text NOT NULL DEFAULT '', a1_organisatie text NOT NULL DEFAULT '',
	a1_datum date, a1_advies text NOT NULL DEFAULT '', a1_tekst text NOT NULL DEFAULT '',
	a2_naam text NOT NULL DEFAULT '', a2_discipline text NOT NULL DEFAULT '', a2_organisatie text NOT NULL DEFAULT '',
	a2_datum date, a2_advies text NOT NULL DEFAULT '', a2_tekst text NOT NULL DEFAULT '',
	CHECK (length(a1_naam || a1_discipline || a1_organisatie || a1_advies) <= 800 AND length(a1_tekst) <= 4000),
	CHECK (length(a2_naam || a2_discipline || a2_organisatie || a2_advies) <= 800 AND length(a2_tekst) <= 4000),
	gewijzigd_door     bigint REFERENCES account,
	updated_at         timestamptz NOT NULL DEFAULT now(),
	version            integer NOT NULL DEFAULT 1,
	idempotentie       text UNIQUE CHECK (idempotentie ~ '^[0-9a-f]{32}$'),
	UNIQUE (organisatie_id, nummer),
	FOREIGN KEY (hulpvraag_id, organisatie_id) REFERENCES hulpvraag (id, organisatie_id),
	FOREIGN KEY (dossier_id, organisatie_id) REFERENCES dossier (id, organisatie_id)
);
CREATE INDEX tlv_beschikking_dossier ON tlv_beschikking (dossier_id);

-- organisatie and dossier come from the hulpvraag (the composite keys refuse
-- a wrong one); who and when from the session.
CREATE FUNCTION tlv_beschikking_stempel() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP = 'INSERT' THEN
		SELECT h.organisatie_id, h.dossier_id INTO NEW.organisatie_id, NEW.dossier_id
		  FROM balie.hulpvraag h WHERE h.id = NEW.hulpvraag_id;
	ELSIF NEW.hulpvraag_id <> OLD.hulpvraag_id OR NEW.organisatie_id <> OLD.organisatie_id
	      OR NEW.dossier_id <> OLD.dossier_id THEN
		RAISE EXCEPTION 'Een beschikking blijft bij haar hulpvraag' USING ERRCODE = 'P0001';
	END IF;
	NEW.gewijzigd_door := balie.acting_account();
	NEW.updated_at := now();
	RETURN NEW;
END
$$;
CREATE TRIGGER tlv_beschikking_stempel BEFORE INSERT OR UPDATE ON tlv_beschikking
	FOR EACH ROW EXECUTE FUNCTION tlv_beschikking_stempel();

ALTER TABLE tlv_beschikking ENABLE ROW LEVEL SECURITY;
ALTER TABLE tlv_beschikking FORCE ROW LEVEL SECURITY;
CREATE POLICY eigenaar ON tlv_beschikking TO balie_owner USING (true) WITH CHECK (true);
-- Read: whoever sees the hulpvraag and works for the SWV; the aanvrager (and
-- others with access) once it is afgegeven (004 §4.1: "in het dossier van de
-- leerling bij het tabblad TLV de beschikking TLV … downloaden").  Aanname:
-- a draft is the SWV's own.
CREATE POLICY zichtbaar ON tlv_beschikking FOR SELECT TO balie_app, balie_report
	USING (EXISTS (SELECT 1 FROM hulpvraag h WHERE h.id = tlv_beschikking.hulpvraag_id
	                 AND (h.organisatie_id IN (SELECT internal_orgs())
	                      OR EXISTS (SELECT 1 FROM beschikking_status s
	                                  WHERE s.organisatie_id = h.organisatie_id AND s.status = h.status
	                                    AND s.soort = 'tlv'))));
CREATE POLICY invoeren ON tlv_beschikking FOR INSERT TO balie_app
	WITH CHECK (mag('beschikking-bewerken', organisatie_id)
	            AND EXISTS (SELECT 1 FROM hulpvraag h WHERE h.id = tlv_beschikking.hulpvraag_id));
CREATE POLICY bewerken ON tlv_beschikking FOR UPDATE TO balie_app
	USING (mag('beschikking-bewerken', organisatie_id)
	       AND EXISTS (SELECT 1 FROM hulpvraag h WHERE h.id = tlv_beschikking.hulpvraag_id))
	WITH CHECK (mag('beschikking-bewerken', organisatie_id));
-- no DELETE: a beschikking is corrected, never thrown away
GRANT SELECT ON tlv_beschikking TO balie_app, balie_report;
GRANT INSERT (hulpvraag_id, organisatie_id, dossier_id, nummer, soort, startdatum, einddatum, ontvangende_school,
              motivering, a1_naam, a1_discipline, a1_organisatie, a1_datum, a1_advies, a1_tekst,
              a2_naam, a2_discipline, a2_organisatie, a2_datum, a2_advies, a2_tekst, idempotentie)
	ON tlv_beschikking TO balie_app;
GRANT UPDATE (nummer, soort, startdatum, einddatum, ontvangende_school, motivering,
              a1_naam, a1_discipline, a1_organisatie, a1_datum, a1_advies, a1_tekst,
              a2_naam, a2_discipline, a2_organisatie, a2_datum, a2_advies, a2_tekst, version,
              gewijzigd_door, updated_at)
	ON tlv_beschikking TO balie_app;

-- What keeps beschikking b from being afgegeven, as Dutch sentences (empty:
-- nothing).  The same rules as core/beschikking.c tlv_check with afgeven
-- (the lists of disciplines are the law's, written twice on purpose: here
-- they protect the decision, there they explain it beside the field).
CREATE FUNCTION tlv_fouten(b tlv_beschikking) RETURNS text[]
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = balie, pg_catalog AS $$
DECLARE
	f      text[] := '{}';
	v_emb  boolean;
	v_embs text;
	v_grp  text;
	v_school text;
	o      record;
BEGIN
	IF b.nummer IS NULL THEN f := f || 'beschikkingsnummer ontbreekt'::text; END IF;
	IF b.soort IS NULL OR NOT EXISTS (SELECT 1 FROM beschikking_soort s
	                                   WHERE s.organisatie_id = b.organisatie_id AND s.naam = b.soort) THEN
		f := f || 'soort ontbreekt of is onbekend'::text;
	END IF;
	IF b.startdatum IS NULL OR b.einddatum IS NULL THEN f := f || 'startdatum of einddatum ontbreekt'::text; END IF;
	IF b.motivering !~ '\S' THEN f := f || 'motivering ontbreekt'::text; END IF;
	IF b.a1_naam !~ '\S' OR b.a1_organisatie !~ '\S' OR b.a1_datum IS NULL OR b.a1_tekst !~ '\S'
	   OR b.a2_naam !~ '\S' OR b.a2_organisatie !~ '\S' OR b.a2_datum IS NULL OR b.a2_tekst !~ '\S' THEN
		f := f || 'twee volledige deskundigenadviezen nodig (naam, organisatie, datum, tekst)'::text;
	END IF;
	IF lower(b.a1_discipline) NOT IN ('orthopedagoog', 'psycholoog') THEN
		f := f || 'het eerste advies is van een orthopedagoog of psycholoog'::text;
	END IF;
	IF lower(b.a2_discipline) NOT IN ('kinderpsycholoog', 'jeugdpsycholoog', 'pedagoog', 'orthopedagoog', 'psycholoog',
	                                  'kinderpsychiater', 'maatschappelijk werker', 'arts') THEN
		f := f || 'de discipline van de tweede deskundige is niet toegestaan'::text;
	END IF;
	IF lower(btrim(b.a1_naam)) = lower(btrim(b.a2_naam)) THEN
		f := f || 'twee adviezen van twee verschillende deskundigen'::text;
	END IF;
	SELECT s.naam INTO v_school FROM hulpvraag h JOIN school s ON s.id = h.school_id WHERE h.id = b.hulpvraag_id;
	IF lower(btrim(b.a1_organisatie)) IN (lower(btrim(v_school)), lower(btrim(nullif(b.ontvangende_school, ''))))
	   OR lower(btrim(b.a2_organisatie)) IN (lower(btrim(v_school)), lower(btrim(nullif(b.ontvangende_school, '')))) THEN
		f := f || 'een deskundige van de aanvragende of ontvangende school mag niet adviseren'::text;
	END IF;
	IF lower(b.a1_advies) <> lower(b.a2_advies) THEN
		f := f || 'de adviezen verschillen: eerst een nieuw multidisciplinair overleg'::text;
	ELSIF lower(b.a1_advies) <> lower(coalesce(b.soort, '')) THEN
		f := f || 'de adviezen wijken af van de soort van de beschikking'::text;
	END IF;
	-- 004 §4.4: an EMB pupil only SO hoog (field emb of the Aanvraag TLV form)
	SELECT bool_or(w.waarde = 'ja') INTO v_emb
	  FROM formulier fo JOIN formulier_waarde w ON w.formulier_id = fo.id AND w.veld = 'emb'
	 WHERE fo.hulpvraag_id = b.hulpvraag_id AND fo.verwijderd_op IS NULL;
	SELECT s.naam INTO v_embs FROM beschikking_soort s WHERE s.organisatie_id = b.organisatie_id AND s.emb;
	IF coalesce(v_emb, false) AND v_embs IS NOT NULL AND b.soort IS DISTINCT FROM v_embs THEN
		f := f || format('een EMB-leerling krijgt alleen %s', v_embs);
	END IF;
	-- never two overlapping active TLVs of the same kind for one pupil
	IF b.startdatum IS NOT NULL AND b.einddatum IS NOT NULL THEN
		v_grp := tlv_soort_groep(b.soort);
		FOR o IN SELECT x.nummer, x.startdatum, x.einddatum FROM tlv_beschikking x JOIN hulpvraag h ON h.id = x.hulpvraag_id
		          JOIN beschikking_status s ON s.organisatie_id = h.organisatie_id AND s.status = h.status
		                                   AND s.soort = 'tlv'
		         WHERE x.dossier_id = b.dossier_id AND x.id <> b.id AND tlv_soort_groep(x.soort) = v_grp
		           AND daterange(x.startdatum, x.einddatum, '[]') && daterange(b.startdatum, b.einddatum, '[]')
		LOOP
			f := f || format('overlapt met TLV %s (%s t/m %s) van dezelfde leerling', o.nummer,
			                 to_char(o.startdatum, 'DD-MM-YYYY'), to_char(o.einddatum, 'DD-MM-YYYY'));
		END LOOP;
	END IF;
	RETURN f;
END
$$;
REVOKE EXECUTE ON FUNCTION tlv_fouten(tlv_beschikking) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION tlv_fouten(tlv_beschikking) TO balie_app;

-- The kind of a soort for the overlap rule (core/beschikking.c tlv_soort_groep).
CREATE FUNCTION tlv_soort_groep(p text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
	SELECT CASE WHEN lower(p) LIKE '%leerrecht%' THEN 'Leerrecht'
	            WHEN lower(p) ~ '\mvso\M' THEN 'VSO'
	            WHEN lower(p) ~ '\msbo\M' THEN 'SBO'
	            WHEN lower(p) ~ '\mso\M' THEN 'SO'
	            ELSE p END
$$;

-- The guard: into an "afgegeven" status only with a complete, valid TLV.
-- Runs inside status_wijzigen's transaction (and for any other UPDATE), so
-- the status change and the check are one.
CREATE FUNCTION tlv_afgegeven_guard() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = balie, pg_catalog AS $$
DECLARE
	b       tlv_beschikking%ROWTYPE;
	f       text[];
	v_soort text;
BEGIN
	IF NEW.status IS NOT DISTINCT FROM OLD.status THEN
		RETURN NEW;
	END IF;
	SELECT s.soort INTO v_soort FROM beschikking_status s WHERE s.organisatie_id = NEW.organisatie_id
	   AND s.status = NEW.status;
	IF v_soort IS NULL THEN
		RETURN NEW;
	ELSIF v_soort = 'arrangement' THEN
		f := aanpak_fouten(NEW.id);
		IF cardinality(f) > 0 THEN
			RAISE EXCEPTION 'Financieel verwerken kan niet: %', array_to_string(f, '; ') USING ERRCODE = 'P0001';
		END IF;
		RETURN NEW;
	END IF;
	-- a move between two afgegeven statuses ("school onbekend" → "bekend")
	-- re-checks too: the beschikking must still be valid
	SELECT * INTO b FROM tlv_beschikking WHERE hulpvraag_id = NEW.id FOR UPDATE;
	IF NOT FOUND THEN
		RAISE EXCEPTION 'Afgeven kan niet: deze hulpvraag heeft nog geen TLV-beschikking (tab TLV)'
			USING ERRCODE = 'P0001';
	END IF;
	f := tlv_fouten(b);
	IF cardinality(f) > 0 THEN
		RAISE EXCEPTION 'Afgeven kan niet: %', array_to_string(f, '; ') USING ERRCODE = 'P0001';
	END IF;
	RETURN NEW;
END
$$;
REVOKE EXECUTE ON FUNCTION tlv_afgegeven_guard() FROM PUBLIC;
CREATE TRIGGER tlv_afgegeven_guard BEFORE UPDATE OF status ON hulpvraag
	FOR EACH ROW EXECUTE FUNCTION tlv_afgegeven_guard();

-- An issued beschikking stays valid: an edit while its hulpvraag is
-- afgegeven is checked by the same rules.
CREATE FUNCTION tlv_bewerken_guard() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = balie, pg_catalog AS $$
DECLARE
	f text[];
BEGIN
	IF EXISTS (SELECT 1 FROM hulpvraag h JOIN beschikking_status s ON s.organisatie_id = h.organisatie_id
	                                                             AND s.status = h.status AND s.soort = 'tlv'
	            WHERE h.id = NEW.hulpvraag_id) THEN
		f := tlv_fouten(NEW);
		IF cardinality(f) > 0 THEN
			RAISE EXCEPTION 'De TLV is afgegeven en moet geldig blijven: %', array_to_string(f, '; ')
				USING ERRCODE = 'P0001';
		END IF;
	END IF;
	RETURN NEW;
END
$$;
REVOKE EXECUTE ON FUNCTION tlv_bewerken_guard() FROM PUBLIC;
CREATE TRIGGER tlv_bewerken_guard AFTER UPDATE ON tlv_beschikking
	FOR EACH ROW EXECUTE FUNCTION tlv_bewerken_guard();

-- The next free number to suggest: "<year>-<n+1>" with three digits after
-- the highest of this calendar year's numbers of that shape (aanname: the
-- seeds give no numbering; the person may type any other).
CREATE FUNCTION tlv_volgend_nummer(p_org bigint) RETURNS text
LANGUAGE sql STABLE AS $$
	SELECT y || '-' || lpad((coalesce(max(substr(b.nummer, 6)::integer), 0) + 1)::text, 3, '0')
	  FROM (SELECT extract(year FROM current_date)::text AS y) t
	  LEFT JOIN balie.tlv_beschikking b ON b.organisatie_id = p_org AND b.nummer ~ ('^' || t.y || '-[0-9]{1,6}$')
	 GROUP BY y
$$;
GRANT EXECUTE ON FUNCTION tlv_volgend_nummer(bigint) TO balie_app;

-- ---------------------------------------------------------------- tariffs

-- The amount of an arrangement per organisatie, school year (the one that
-- starts on 1 August of schooljaar) and categorie (004 §4.2: 2024-2025
-- Midden € 8.500, Hoog € 19.000).  Money is integer cents, at most
-- € 1.000.000,00 (core/beschikking.h BESCHIKKING_BEDRAG_MAX).  Maintained by
-- the administrator (`balie admin tarief`), configuration: read-only for the
-- application, every change in the audit log.
CREATE TABLE tarief (
	organisatie_id bigint NOT NULL REFERENCES organisatie,
	schooljaar     integer NOT NULL CHECK (schooljaar BETWEEN 1900 AND 9998),
	categorie      text NOT NULL CHECK (categorie ~ '\S' AND length(categorie) <= 100),
	bedrag_cent    bigint NOT NULL CHECK (bedrag_cent > 0 AND bedrag_cent <= 100000000),
	gewijzigd_op   timestamptz NOT NULL DEFAULT now(),
	gewijzigd_door text NOT NULL DEFAULT session_user,
	PRIMARY KEY (organisatie_id, schooljaar, categorie)
);
GRANT SELECT ON tarief TO balie_app, balie_report;
CREATE TRIGGER config_audit AFTER INSERT OR UPDATE OR DELETE ON tarief
	FOR EACH STATEMENT EXECUTE FUNCTION config_audit();

-- The tariff of categorie for a start on p_start: its school year by the
-- 1 August boundary (core/datum.h datum_schooljaar).  NULL when none.
CREATE FUNCTION tarief_bedrag(p_org bigint, p_categorie text, p_start date) RETURNS bigint
LANGUAGE sql STABLE AS $$
	SELECT t.bedrag_cent FROM balie.tarief t
	 WHERE t.organisatie_id = p_org AND lower(t.categorie) = lower(p_categorie)
	   AND t.schooljaar = extract(year FROM p_start - interval '7 months')::integer
$$;
GRANT EXECUTE ON FUNCTION tarief_bedrag(bigint, text, date) TO balie_app, balie_report;

-- ---------------------------------------------------------------- aanpak

-- The aanpak of a hulpvraag and its arrangement beschikking (003 §3, 004
-- §3.5, §4.2).  One per hulpvraag (aanname: a follow-up is a new hulpvraag,
-- 004 §2.4).  tarief_cent is the tariff of categorie in the school year of
-- the start, filled by the database (tarief_bedrag), so an amount other
-- than the tariff always carries its reason (bedrag_reden, kept with the
-- row; the audit log keeps every earlier amount).
CREATE TABLE aanpak (
	id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	organisatie_id bigint NOT NULL REFERENCES organisatie,
	hulpvraag_id   bigint NOT NULL UNIQUE,
	type           text NOT NULL DEFAULT '' CHECK (length(type) <= 200),
	categorie      text NOT NULL DEFAULT '' CHECK (length(categorie) <= 200),
	startdatum     date,
	einddatum      date CHECK (einddatum > startdatum),
	bedrag_cent    bigint CHECK (bedrag_cent > 0 AND bedrag_cent <= 100000000),
	tarief_cent    bigint,
	bedrag_reden   text NOT NULL DEFAULT '' CHECK (length(bedrag_reden) <= 4000),
	nummer         text CHECK (nummer ~ '^[A-Za-z0-9][A-Za-z0-9/._ -]{0,39}$'),
	omschrijving   text NOT NULL DEFAULT '' CHECK (length(omschrijving) <= 4000),
	gewijzigd_door bigint REFERENCES account,
	updated_at     timestamptz NOT NULL DEFAULT now(),
	version        integer NOT NULL DEFAULT 1,
	idempotentie   text UNIQUE CHECK (idempotentie ~ '^[0-9a-f]{32}$'),
	UNIQUE (organisatie_id, nummer),
	CONSTRAINT aanpak_bedrag_reden
		CHECK (bedrag_cent IS NULL OR tarief_cent IS NULL OR bedrag_cent = tarief_cent OR bedrag_reden ~ '\S'),
	FOREIGN KEY (hulpvraag_id, organisatie_id) REFERENCES hulpvraag (id, organisatie_id)
);

CREATE FUNCTION aanpak_stempel() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
	IF TG_OP = 'INSERT' THEN
		SELECT h.organisatie_id INTO NEW.organisatie_id FROM balie.hulpvraag h WHERE h.id = NEW.hulpvraag_id;
	ELSIF NEW.hulpvraag_id <> OLD.hulpvraag_id OR NEW.organisatie_id <> OLD.organisatie_id THEN
		RAISE EXCEPTION 'Een aanpak blijft bij haar hulpvraag' USING ERRCODE = 'P0001';
	END IF;
	NEW.tarief_cent := CASE WHEN NEW.startdatum IS NOT NULL AND NEW.categorie <> ''
	                        THEN balie.tarief_bedrag(NEW.organisatie_id, NEW.categorie, NEW.startdatum) END;
	NEW.gewijzigd_door := balie.acting_account();
	NEW.updated_at := now();
	RETURN NEW;
END
$$;
CREATE TRIGGER aanpak_stempel BEFORE INSERT OR UPDATE ON aanpak
	FOR EACH ROW EXECUTE FUNCTION aanpak_stempel();

ALTER TABLE aanpak ENABLE ROW LEVEL SECURITY;
ALTER TABLE aanpak FORCE ROW LEVEL SECURITY;
CREATE POLICY eigenaar ON aanpak TO balie_owner USING (true) WITH CHECK (true);
-- Read: whoever sees the hulpvraag (the aanvrager and the bestuur's
-- financial contact download the beschikking, 004 §4.2).
CREATE POLICY zichtbaar ON aanpak FOR SELECT TO balie_app, balie_report
	USING (EXISTS (SELECT 1 FROM hulpvraag h WHERE h.id = aanpak.hulpvraag_id));
CREATE POLICY invoeren ON aanpak FOR INSERT TO balie_app
	WITH CHECK (mag('aanpak-bewerken', organisatie_id)
	            AND EXISTS (SELECT 1 FROM hulpvraag h WHERE h.id = aanpak.hulpvraag_id));
CREATE POLICY bewerken ON aanpak FOR UPDATE TO balie_app
	USING (mag('aanpak-bewerken', organisatie_id)
	       AND EXISTS (SELECT 1 FROM hulpvraag h WHERE h.id = aanpak.hulpvraag_id))
	WITH CHECK (mag('aanpak-bewerken', organisatie_id));
GRANT SELECT ON aanpak TO balie_app, balie_report;
GRANT INSERT (hulpvraag_id, organisatie_id, type, categorie, startdatum, einddatum, bedrag_cent, bedrag_reden, nummer,
              omschrijving, idempotentie) ON aanpak TO balie_app;
GRANT UPDATE (type, categorie, startdatum, einddatum, bedrag_cent, bedrag_reden, nummer, omschrijving, version,
              tarief_cent, gewijzigd_door, updated_at) ON aanpak TO balie_app;

-- What keeps hulpvraag p_hv from "financieel verwerkt" (empty: nothing):
-- its aanpak has a number, a period of at most one year and an amount
-- (004 §4.2; core/beschikking.c aanpak_check with verwerken).
CREATE FUNCTION aanpak_fouten(p_hv bigint) RETURNS text[]
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = balie, pg_catalog AS $$
DECLARE
	a aanpak%ROWTYPE;
	f text[] := '{}';
BEGIN
	SELECT * INTO a FROM aanpak WHERE hulpvraag_id = p_hv;
	IF NOT FOUND THEN
		RETURN ARRAY['deze hulpvraag heeft nog geen aanpak met een beschikking (tab Aanpak)'];
	END IF;
	IF a.nummer IS NULL THEN f := f || 'beschikkingsnummer ontbreekt'::text; END IF;
	IF a.startdatum IS NULL OR a.einddatum IS NULL THEN
		f := f || 'periode ontbreekt'::text;
	ELSIF a.einddatum >= (a.startdatum + interval '1 year')::date THEN
		f := f || 'een arrangement duurt ten hoogste een jaar'::text;
	END IF;
	IF a.bedrag_cent IS NULL THEN f := f || 'bedrag ontbreekt'::text; END IF;
	RETURN f;
END
$$;
REVOKE EXECUTE ON FUNCTION aanpak_fouten(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION aanpak_fouten(bigint) TO balie_app;

-- ---------------------------------------------------------------- letters

-- A beschikking letter is a bijlage of categorie "beschikking" named
-- "Beschikking …" (tui/tlv_tab.c).  Regenerating after a correction adds a
-- new one; the earlier ones of the same hulpvraag stay, marked replaced, in
-- the same transaction as the add (a SECURITY DEFINER trigger: the
-- application may not update bijlagen itself beyond removing them).
ALTER TABLE bijlage ADD COLUMN vervangen_op timestamptz;
CREATE FUNCTION beschikking_brief_vervangen() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = balie, pg_catalog AS $$
BEGIN
	IF lower(NEW.categorie) = 'beschikking' AND NEW.naam LIKE 'Beschikking %' THEN
		UPDATE bijlage b SET vervangen_op = now()
		 WHERE b.hulpvraag_id = NEW.hulpvraag_id AND b.id <> NEW.id AND lower(b.categorie) = 'beschikking'
		   AND b.naam LIKE 'Beschikking %' AND b.vervangen_op IS NULL AND b.verwijderd_op IS NULL;
	END IF;
	RETURN NULL;
END
$$;
REVOKE EXECUTE ON FUNCTION beschikking_brief_vervangen() FROM PUBLIC;
CREATE TRIGGER beschikking_brief_vervangen AFTER INSERT ON bijlage
	FOR EACH ROW EXECUTE FUNCTION beschikking_brief_vervangen();

-- ---------------------------------------------------------------- the financial queue

-- "Te verwerken" for the financieel medewerker (issue 10 §4), of the
-- hulpvragen the acting account sees (row-level security applies: not
-- SECURITY DEFINER): TLV aanvragen to check (a controleren status of a TLV
-- flow), afgegeven TLVs without a complete beschikking, and arrangements
-- that can go to "financieel verwerkt" now (the number still missing, or
-- ready).  With the aanpak's amount.  Oldest first.
CREATE FUNCTION te_verwerken(p_org bigint, p_max integer)
RETURNS TABLE (hulpvraag_id bigint, nummer bigint, datum date, status text, reden text, bedrag_cent bigint)
LANGUAGE sql STABLE AS $$
	-- Each part starts from the few statuses that matter (with their
	-- aanvraagtype and categorie) and reaches the hulpvragen through the
	-- queue index (organisatie_id, status_categorie, status, …) of 005, so
	-- the cost follows the rows in the list, not all hulpvragen.
	WITH controleren AS (
		SELECT DISTINCT fs.aanvraagtype_id, fs.categorie, fs.naam
		  FROM balie.flow_status fs JOIN balie.aanvraagtype t ON t.id = fs.aanvraagtype_id
		 WHERE t.organisatie_id = p_org AND fs.controleren
		   AND EXISTS (SELECT 1 FROM balie.flow_status x JOIN balie.beschikking_status s
		                 ON s.status = x.naam AND s.soort = 'tlv' AND s.organisatie_id = p_org
		                WHERE x.aanvraagtype_id = fs.aanvraagtype_id)),
	afgegeven AS (
		SELECT DISTINCT fs.categorie, fs.naam
		  FROM balie.flow_status fs JOIN balie.aanvraagtype t ON t.id = fs.aanvraagtype_id
		  JOIN balie.beschikking_status s ON s.status = fs.naam AND s.soort = 'tlv' AND s.organisatie_id = p_org
		 WHERE t.organisatie_id = p_org),
	arr_van AS (
		SELECT DISTINCT ft.aanvraagtype_id, fs.categorie, ft.van
		  FROM balie.flow_transitie ft JOIN balie.aanvraagtype t ON t.id = ft.aanvraagtype_id
		  JOIN balie.beschikking_status s ON s.status = ft.naar AND s.soort = 'arrangement' AND s.organisatie_id = p_org
		  JOIN balie.flow_status fs ON fs.aanvraagtype_id = ft.aanvraagtype_id AND fs.naam = ft.van
		 WHERE t.organisatie_id = p_org AND ft.rol = 'financieel')
	SELECT * FROM (
		SELECT h.id, h.nummer, h.datum, h.status, 'TLV-aanvraag controleren'::text, NULL::bigint
		  FROM controleren c JOIN balie.hulpvraag h
		    ON h.organisatie_id = p_org AND h.status_categorie = c.categorie AND h.status = c.naam
		   AND h.aanvraagtype_id = c.aanvraagtype_id
		UNION ALL
		SELECT h.id, h.nummer, h.datum, h.status,
		       CASE WHEN b.id IS NULL THEN 'TLV afgegeven, geen beschikking' ELSE 'TLV afgegeven, beschikking onvolledig' END,
		       NULL
		  FROM afgegeven g JOIN balie.hulpvraag h
		    ON h.organisatie_id = p_org AND h.status_categorie = g.categorie AND h.status = g.naam
		  LEFT JOIN balie.tlv_beschikking b ON b.hulpvraag_id = h.id
		 WHERE b.id IS NULL OR cardinality(balie.tlv_fouten(b)) > 0
		UNION ALL
		SELECT h.id, h.nummer, h.datum, h.status,
		       CASE WHEN a.id IS NULL THEN 'Arrangement zonder aanpak'
		            WHEN a.nummer IS NULL THEN 'Arrangement: nummer invullen'
		            ELSE 'Arrangement financieel verwerken' END,
		       a.bedrag_cent
		  FROM arr_van v JOIN balie.hulpvraag h
		    ON h.organisatie_id = p_org AND h.status_categorie = v.categorie AND h.status = v.van
		   AND h.aanvraagtype_id = v.aanvraagtype_id
		  LEFT JOIN balie.aanpak a ON a.hulpvraag_id = h.id) x
	 ORDER BY 3, 1
	 LIMIT p_max
$$;
GRANT EXECUTE ON FUNCTION te_verwerken(bigint, integer) TO balie_app, balie_report;

-- What a home screen count needs: the rows of te_verwerken per reden, with
-- their amounts (the home screen itself belongs to another module).
CREATE FUNCTION te_verwerken_telling(p_org bigint)
RETURNS TABLE (reden text, aantal bigint, bedrag_cent numeric)
LANGUAGE sql STABLE AS $$
	SELECT t.reden, count(*), coalesce(sum(t.bedrag_cent), 0) FROM balie.te_verwerken(p_org, 1000000) t
	 GROUP BY t.reden ORDER BY t.reden
$$;
GRANT EXECUTE ON FUNCTION te_verwerken_telling(bigint) TO balie_app, balie_report;
