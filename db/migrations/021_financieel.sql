-- 021_financieel: the financieel medewerker's guards (issue 10, part A).
--
-- 1. "Afgegeven" only for a complete dossier.  The completeness checklist
--    of 011 was evaluated only by the program (core/compleet.c), so a TLV
--    could be issued by direct SQL on a dossier that fails it.  compleet_fouten
--    repeats core's evaluation here (the same nine kinds of condition) and the
--    guard of 015 now asks it as well as tlv_fouten, inside the transaction of
--    the status change.
SET LOCAL ROLE balie_owner;

-- ---------------------------------------------------------------- completeness

-- core/naam.c naam_fold for what a title check needs: lower case, Latin-1 and
-- Latin Extended-A letters to their base letter (aanname: the other
-- scripts are compared as they are, as core does).
CREATE FUNCTION naam_vouw(p text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
	SELECT replace(replace(replace(replace(replace(
	       translate(lower(coalesce(p, '')),
	                 'àáâãäåçèéêëìíîïðñòóôõöøùúûüýÿāăąćĉċčďđēĕėęěĝğġģĥħĩīĭįıķĺļľŀłńņňŉōŏőŕŗřśŝşšţťŧũūŭůűųŵŷźżž',
	                 'aaaaaaceeeeiiiidnoooooouuuuyyaaaccccddeeeeegggghhiiiiiklllllnnnnooorrrsssstttuuuuuuwyzzz'),
	       'æ', 'ae'), 'þ', 'th'), 'ß', 'ss'), 'ĳ', 'ij'), 'œ', 'oe')
$$;

-- core/titel.c titel_bevat_naam: the whole (folded) roepnaam or achternaam
-- as a word of the title, or one of its words of three letters or more.
-- Aanname: punctuation inside a name counts as a space on both sides
-- ("Jan-Willem" also matches "jan willem"), a little stricter than core.
CREATE FUNCTION titel_bevat_naam(p_titel text, p_roepnaam text, p_achternaam text) RETURNS boolean
LANGUAGE sql IMMUTABLE AS $$
	WITH hooi AS (SELECT ' ' || regexp_replace(naam_vouw(p_titel), '[^a-z0-9\u0080-\uffff]+', ' ', 'g') || ' ' AS h),
	deel AS (SELECT btrim(regexp_replace(naam_vouw(x), '[^a-z0-9\u0080-\uffff]+', ' ', 'g')) AS d
	           FROM unnest(ARRAY[p_roepnaam, p_achternaam]) x WHERE x IS NOT NULL)
	SELECT EXISTS (SELECT 1 FROM hooi, deel
	                WHERE (length(deel.d) >= 2 AND position(' ' || deel.d || ' ' IN hooi.h) > 0)
	                   OR EXISTS (SELECT 1 FROM regexp_split_to_table(deel.d, ' ') w
	                               WHERE w <> deel.d AND length(w) >= 3 AND position(' ' || w || ' ' IN hooi.h) > 0))
$$;

-- core/compleet.c compleet_naam_zegt_niets: a file name whose every run of
-- letters is a word scanners, cameras and phones name files by.
CREATE FUNCTION bestandsnaam_zegt_niets(p_naam text) RETURNS boolean
LANGUAGE sql IMMUTABLE AS $$
	WITH b AS (SELECT CASE WHEN strpos(reverse(coalesce(p_naam, '')), '.') BETWEEN 1 AND length(coalesce(p_naam, '')) - 1
	                       THEN left(p_naam, length(p_naam) - strpos(reverse(p_naam), '.'))
	                       ELSE coalesce(p_naam, '') END AS base)
	SELECT octet_length(base) < 256
	       AND NOT EXISTS (SELECT 1 FROM regexp_split_to_table(lower(base), '[^a-z\u0080-\uffff]+') w
	                        WHERE w <> '' AND w NOT IN (
	'scan', 'scans', 'scanned', 'scanner', 'document', 'documenten', 'doc', 'docx', 'img', 'image',
	'dsc', 'dscn', 'dcim', 'pic', 'picture', 'foto', 'photo', 'afbeelding', 'bestand', 'file',
	'nieuw', 'new', 'untitled', 'naamloos', 'kopie', 'copy', 'of', 'van', 'bijlage', 'pdf', 'wa',
	'screenshot', 'schermafbeelding', 'tmp', 'temp', 'page', 'pagina', 'adobe', 'cam', 'camscanner',
	'whatsapp', 'download', 'downloads', 'mail', 'attachment', 'x'))
	  FROM b
$$;

-- One condition of the checklist (compleet_voorwaarde) on hulpvraag p_hv;
-- the cases of core/compleet.c cond_holds.  "Today" in Europe/Amsterdam,
-- as the program's facts.
CREATE FUNCTION compleet_voorwaarde_geldt(v compleet_voorwaarde, p_hv bigint) RETURNS boolean
LANGUAGE plpgsql STABLE SET search_path = balie, pg_catalog AS $$
DECLARE
	h        record;
	vandaag  date := (now() AT TIME ZONE 'Europe/Amsterdam')::date;
BEGIN
	SELECT x.titel, x.dossier_id, d.niveau, d.roepnaam, d.achternaam, d.geboortedatum, d.geslacht
	  INTO h FROM hulpvraag x JOIN dossier d ON d.id = x.dossier_id WHERE x.id = p_hv;
	CASE v.soort
	WHEN 'bijlage' THEN
		RETURN EXISTS (SELECT 1 FROM bijlage b WHERE b.hulpvraag_id = p_hv AND b.verwijderd_op IS NULL
		                 AND b.categorie = v.arg);
	WHEN 'formulier' THEN
		RETURN EXISTS (SELECT 1 FROM formulier f JOIN formulier_definitie fd ON fd.id = f.definitie_id
		                WHERE f.hulpvraag_id = p_hv AND f.verwijderd_op IS NULL AND fd.code = v.arg AND f.compleet);
	WHEN 'veld' THEN
		RETURN EXISTS (SELECT 1 FROM formulier f JOIN formulier_definitie fd ON fd.id = f.definitie_id
		                 JOIN formulier_waarde w ON w.formulier_id = f.id AND w.veld = v.veld
		                WHERE f.hulpvraag_id = p_hv AND f.verwijderd_op IS NULL AND fd.code = v.arg
		                  AND w.waarde <> ''
		                  AND (v.waarde IS NULL OR w.waarde = v.waarde)
		                  AND (v.waarde IS NOT NULL OR NOT v.eerste
		                       OR w.waarde ~ '^[0-9]{4}-(0[1-9]|1[0-2])-01$'));
	WHEN 'basisgegeven' THEN
		RETURN CASE v.arg
		       WHEN 'geboortedatum' THEN h.geboortedatum IS NOT NULL
		       WHEN 'geslacht' THEN h.geslacht IS NOT NULL
		       WHEN 'woonadres' THEN EXISTS (SELECT 1 FROM adres a WHERE a.dossier_id = h.dossier_id
		                                       AND a.soort IN ('woonadres', 'beide')
		                                       AND (a.tot IS NULL OR a.tot >= vandaag))
		       ELSE false END;
	WHEN 'schoolgegevens' THEN
		RETURN EXISTS (SELECT 1 FROM schoolgegevens s WHERE s.dossier_id = h.dossier_id);
	WHEN 'actueel' THEN
		-- exactly getal months old is still fresh
		RETURN NOT EXISTS (SELECT 1 FROM bijlage b WHERE b.hulpvraag_id = p_hv AND b.verwijderd_op IS NULL
		                     AND b.categorie = v.arg
		                     AND ((b.geupload_op AT TIME ZONE 'Europe/Amsterdam')::date
		                          + make_interval(months => v.getal))::date < vandaag);
	WHEN 'max_bijlagen' THEN
		RETURN (SELECT count(*) FROM bijlage b WHERE b.hulpvraag_id = p_hv AND b.verwijderd_op IS NULL) <= v.getal;
	WHEN 'bestandsnamen' THEN
		RETURN NOT EXISTS (SELECT 1 FROM bijlage b WHERE b.hulpvraag_id = p_hv AND b.verwijderd_op IS NULL
		                     AND bestandsnaam_zegt_niets(b.naam));
	WHEN 'titel_zonder_naam' THEN
		RETURN h.niveau IS DISTINCT FROM 'leerling' OR NOT titel_bevat_naam(h.titel, h.roepnaam, h.achternaam);
	ELSE
		RETURN false;
	END CASE;
END
$$;

-- The checklist items of hulpvraag p_hv that are not met, by their
-- omschrijving, in rule order (empty: complete; an aanvraagtype without a
-- checklist is complete).  `alleen_in` is compared with p_status (the
-- status the person sees the checklist in).  Not SECURITY DEFINER: the
-- TLV tab reads it as the acting account; the guard runs it as the owner.
CREATE FUNCTION compleet_fouten(p_hv bigint, p_status text) RETURNS text[]
LANGUAGE sql STABLE SET search_path = balie, pg_catalog AS $$
	SELECT coalesce(array_agg(r.omschrijving ORDER BY r.nr), '{}')
	  FROM hulpvraag h JOIN compleet_regel r ON r.aanvraagtype_id = h.aanvraagtype_id
	 WHERE h.id = p_hv
	   AND (cardinality(r.alleen_in) = 0 OR p_status = ANY (r.alleen_in))
	   AND NOT EXISTS (SELECT 1 FROM compleet_voorwaarde v
	                    WHERE v.aanvraagtype_id = r.aanvraagtype_id AND v.nr = r.nr
	                      AND compleet_voorwaarde_geldt(v, p_hv))
$$;
GRANT EXECUTE ON FUNCTION compleet_fouten(bigint, text) TO balie_app, balie_report;

-- The guard of 015, now with the dossier: the first time a hulpvraag goes
-- into an "afgegeven" status, only when the checklist is met in the status
-- it leaves and the TLV beschikking is complete and valid.  Aanname: once
-- issued (a history row into an afgegeven status), later moves back into
-- one — "school onbekend" → "bekend", back from "on hold", an undo of a
-- mistaken archive — re-check the beschikking but not the dossier: a
-- bijlage growing old since must not hold back an issued TLV.
CREATE OR REPLACE FUNCTION tlv_afgegeven_guard() RETURNS trigger
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
	IF NOT EXISTS (SELECT 1 FROM statushistorie x JOIN beschikking_status s ON s.organisatie_id = x.organisatie_id
	                                           AND s.status = x.naar AND s.soort = 'tlv'
	                WHERE x.hulpvraag_id = NEW.id) THEN
		f := compleet_fouten(NEW.id, OLD.status);
		IF cardinality(f) > 0 THEN
			RAISE EXCEPTION 'Afgeven kan niet: het dossier is niet compleet (%)', array_to_string(f, '; ')
				USING ERRCODE = 'P0001';
		END IF;
	END IF;
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

-- ---------------------------------------------------------------- undo

-- 2. A status change done by mistake can be undone (issue 10 §4): by the
--    person who made it within 10 minutes (rulebook "status-terugdraaien"),
--    after that, or someone else's, only by an administrator
--    ("status-terugdraaien-altijd").  The undo is a status change of its
--    own: a statushistorie row with terug_van naming the row it undoes (a
--    change is undone at most once; an undo is not undone — make an ordinary
--    change instead).  It goes back against the flow, so the transition
--    trigger lets it through only when that very row was written in the
--    same transaction by status_terugdraaien (the application's own
--    statushistorie insert is an intake row, van NULL: it cannot pass for
--    one).  The guards on "afgegeven" and "financieel verwerkt" still apply
--    to where it goes back to.  No mail: aanname — the seeds say nothing;
--    a mail already queued for the mistaken change stays in the outbox.
ALTER TABLE statushistorie ADD COLUMN terug_van bigint REFERENCES statushistorie;
CREATE UNIQUE INDEX statushistorie_terug_van ON statushistorie (terug_van) WHERE terug_van IS NOT NULL;
REVOKE INSERT ON statushistorie FROM balie_app;
GRANT INSERT (hulpvraag_id, organisatie_id, van, naar, door, reden) ON statushistorie TO balie_app;

CREATE OR REPLACE FUNCTION hulpvraag_status_sync() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = balie, pg_catalog AS $$
DECLARE
	s flow_status%ROWTYPE;
BEGIN
	SELECT * INTO s FROM flow_status WHERE aanvraagtype_id = NEW.aanvraagtype_id AND naam = NEW.status;
	IF NOT FOUND THEN
		RAISE EXCEPTION 'Status "%" bestaat niet voor dit aanvraagtype', NEW.status
			USING ERRCODE = 'P0001';
	END IF;
	NEW.status_categorie := s.categorie;
	NEW.voorlopig := s.verborgen;
	IF TG_OP = 'INSERT' THEN
		IF NEW.nummer IS NULL THEN
			INSERT INTO hulpvraag_nummer AS n (organisatie_id, laatste) VALUES (NEW.organisatie_id, 1)
			ON CONFLICT (organisatie_id) DO UPDATE SET laatste = n.laatste + 1
			RETURNING laatste INTO NEW.nummer;
		END IF;
		RETURN NEW;
	END IF;
	IF NEW.status IS DISTINCT FROM OLD.status THEN
		IF NOT EXISTS (
			SELECT 1 FROM flow_transitie t
			 WHERE t.aanvraagtype_id = NEW.aanvraagtype_id AND t.van = OLD.status AND t.naar = NEW.status
			   AND (t.rol IN (SELECT rol FROM account_rol
			                   WHERE account_id = acting_account() AND organisatie_id = NEW.organisatie_id)
			        OR (t.rol = 'automatisch' AND current_setting('balie.automatisch', true) = 'on'))
		) AND NOT EXISTS (
			-- an undo, written just now by status_terugdraaien
			SELECT 1 FROM statushistorie u
			 WHERE u.hulpvraag_id = NEW.id AND u.terug_van IS NOT NULL AND u.van = OLD.status
			   AND u.naar = NEW.status AND u.xmin = pg_current_xact_id()::xid
		) THEN
			RAISE EXCEPTION 'Statuswijziging van "%" naar "%" is niet toegestaan voor jouw rol', OLD.status, NEW.status
				USING ERRCODE = 'P0001';
		END IF;
		NEW.status_sinds := now();
	END IF;
	NEW.updated_at := now();
	RETURN NEW;
END
$$;

-- What an undo of hulpvraag p_id would do, for the acting account: the last
-- change (its history row, from, to, who, when) and whether this account
-- may undo it now, else why not (Dutch).  No row when the hulpvraag is not
-- visible or has no change to undo.
CREATE FUNCTION status_terug_info(p_id bigint)
RETURNS TABLE (historie_id bigint, van text, naar text, door text, op text, mag boolean, waarom text,
               versie integer)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = balie, pg_catalog AS $$
#variable_conflict use_column
DECLARE
	h hulpvraag%ROWTYPE;
	r statushistorie%ROWTYPE;
	v_waarom text := '';
BEGIN
	SELECT * INTO h FROM hulpvraag WHERE id = p_id;
	IF NOT FOUND OR NOT hulpvraag_zichtbaar(h.id, h.organisatie_id, h.voorlopig, h.aanvrager_id) THEN
		RETURN;
	END IF;
	SELECT * INTO r FROM statushistorie s WHERE s.hulpvraag_id = p_id ORDER BY s.id DESC LIMIT 1;
	IF NOT FOUND OR r.van IS NULL THEN
		RETURN;
	END IF;
	IF r.terug_van IS NOT NULL THEN
		v_waarom := 'de laatste wijziging is zelf een terugdraaiing; kies de status gewoon opnieuw (s)';
	ELSIF r.naar IS DISTINCT FROM h.status THEN
		v_waarom := 'de status is intussen anders gewijzigd';
	ELSIF mag('status-terugdraaien-altijd', h.organisatie_id) THEN
		v_waarom := '';
	ELSIF NOT mag('status-terugdraaien', h.organisatie_id) THEN
		v_waarom := 'terugdraaien mag jouw rol niet';
	ELSIF r.door IS DISTINCT FROM acting_account() THEN
		v_waarom := 'alleen wie de wijziging deed mag die terugdraaien (daarna alleen een beheerder)';
	ELSIF r.op < now() - interval '10 minutes' THEN
		v_waarom := 'de wijziging is ouder dan 10 minuten; nu kan alleen een beheerder die terugdraaien';
	END IF;
	RETURN QUERY SELECT r.id, r.van, r.naar, coalesce((SELECT a.naam FROM account a WHERE a.id = r.door), 'balie (automatisch)'),
	                    to_char(r.op, 'DD-MM-YYYY HH24:MI'), v_waarom = '', v_waarom, h.version;
END
$$;
REVOKE EXECUTE ON FUNCTION status_terug_info(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION status_terug_info(bigint) TO balie_app;

-- The undo itself, with the version the person saw; answers like
-- status_wijzigen ('ok' with the new version and status, 'conflict' with
-- who and when, 'weg').  One transaction with its history and audit rows.
CREATE FUNCTION status_terugdraaien(p_id bigint, p_version integer, p_reden text)
RETURNS TABLE (uitkomst text, versie integer, door text, op text, status text)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = balie, pg_catalog AS $$
#variable_conflict use_column
DECLARE
	h        hulpvraag%ROWTYPE;
	i        record;
	v_versie integer;
BEGIN
	SELECT * INTO h FROM hulpvraag WHERE id = p_id FOR UPDATE;
	IF NOT FOUND OR NOT hulpvraag_zichtbaar(h.id, h.organisatie_id, h.voorlopig, h.aanvrager_id) THEN
		RETURN QUERY SELECT 'weg'::text, NULL::integer, ''::text, ''::text, ''::text;
		RETURN;
	END IF;
	IF h.version <> p_version THEN
		RETURN QUERY
		SELECT 'conflict'::text, h.version, coalesce(a.naam, ''), coalesce(to_char(h.updated_at, 'DD-MM-YYYY HH24:MI'), ''),
		       h.status
		  FROM (SELECT 1) x LEFT JOIN account a ON a.id = h.gewijzigd_door;
		RETURN;
	END IF;
	SELECT * INTO i FROM status_terug_info(p_id);
	IF NOT FOUND THEN
		RAISE EXCEPTION 'Terugdraaien kan niet: er is geen statuswijziging om terug te draaien' USING ERRCODE = 'P0001';
	ELSIF NOT i.mag THEN
		RAISE EXCEPTION 'Terugdraaien kan niet: %', i.waarom USING ERRCODE = 'P0001';
	END IF;
	INSERT INTO statushistorie (hulpvraag_id, organisatie_id, van, naar, door, reden, terug_van)
	VALUES (p_id, h.organisatie_id, h.status, i.van, acting_account(),
	        btrim('Teruggedraaid (wijziging van ' || i.door || ', ' || i.op || '). ' || coalesce(p_reden, '')),
	        i.historie_id);
	UPDATE hulpvraag x SET status = i.van, version = x.version + 1 WHERE x.id = p_id
	RETURNING x.version INTO v_versie;
	INSERT INTO audit_log (account_id, organisatie_id, actie, object, object_id, detail)
	VALUES (acting_account(), h.organisatie_id, 'status-terug', 'hulpvraag', p_id,
	        format('versie %s, historie %s teruggedraaid', v_versie, i.historie_id));
	RETURN QUERY SELECT 'ok'::text, v_versie, ''::text, ''::text, i.van;
END
$$;
REVOKE EXECUTE ON FUNCTION status_terugdraaien(bigint, integer, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION status_terugdraaien(bigint, integer, text) TO balie_app;

-- ---------------------------------------------------------------- bulk "financieel verwerkt"

-- For the marked rows of "Te verwerken": per hulpvraag the acting account
-- sees, the "financieel verwerkt" status its flow lets this account move it
-- to now, whether the status mail goes out (the aanvrager's address, not
-- geen_mail), its version, and what stops it (Dutch, "" when nothing): no
-- such status, or the guard's reasons (aanpak_fouten).  Read under the read
-- policies (not SECURITY DEFINER); the bulk then makes each change with the
-- ordinary status change, whose guard checks again.
CREATE FUNCTION verwerken_controle(p_ids bigint[])
RETURNS TABLE (hulpvraag_id bigint, nummer bigint, versie integer, naar text, mail boolean, waarom text)
LANGUAGE sql STABLE SET search_path = balie, pg_catalog AS $$
	SELECT h.id, h.nummer, h.version, t.naar,
	       h.aanvrager_email IS NOT NULL AND NOT h.geen_mail,
	       CASE WHEN t.naar IS NULL THEN 'geen overgang naar financieel verwerkt vanuit "' || h.status || '"'
	            ELSE array_to_string(aanpak_fouten(h.id), '; ') END
	  FROM hulpvraag h
	  LEFT JOIN LATERAL (
		SELECT ft.naar FROM flow_transitie ft JOIN beschikking_status s
		    ON s.organisatie_id = h.organisatie_id AND s.status = ft.naar AND s.soort = 'arrangement'
		 WHERE ft.aanvraagtype_id = h.aanvraagtype_id AND ft.van = h.status
		   AND ft.rol IN (SELECT r.rol FROM account_rol r WHERE r.account_id = acting_account()
		                    AND r.organisatie_id = h.organisatie_id)
		 ORDER BY ft.naar LIMIT 1) t ON true
	 WHERE h.id = ANY (p_ids)
	 ORDER BY h.nummer
$$;
GRANT EXECUTE ON FUNCTION verwerken_controle(bigint[]) TO balie_app;

-- ---------------------------------------------------------------- lists by end date

-- 3. "Verloopt binnenkort": issued TLVs and aanpakken of hulpvragen not in
--    an end status whose einddatum falls from today through p_maanden
--    months on (p_maanden from balie.conf, verloopt_maanden), soonest
--    first.  "Te evalueren" (004 §3.6: "Het secretariaat wijzigt de status
--    twee maanden voor afloop naar Arrangement>evalueren"): aanpakken ending
--    within two months (or already ended) whose hulpvraag can still go to
--    an "…>evalueren" status from where it is (so is not there yet; aanname:
--    the profile's evaluation status is the one whose name ends in
--    ">evalueren").  Both read under the read policies (not SECURITY
--    DEFINER).  "Today" in Europe/Amsterdam.
CREATE INDEX aanpak_einde ON aanpak (organisatie_id, einddatum);
CREATE INDEX tlv_beschikking_einde ON tlv_beschikking (organisatie_id, einddatum);

CREATE FUNCTION verloopt_binnenkort(p_org bigint, p_maanden integer)
RETURNS TABLE (hulpvraag_id bigint, nummer bigint, soort text, wat text, einddatum date, status text)
LANGUAGE sql STABLE SET search_path = balie, pg_catalog AS $$
	WITH d AS (SELECT (now() AT TIME ZONE 'Europe/Amsterdam')::date AS vandaag)
	SELECT * FROM (
		SELECT h.id, h.nummer, 'TLV'::text, coalesce(b.soort, ''), b.einddatum, h.status
		  FROM d, tlv_beschikking b JOIN hulpvraag h ON h.id = b.hulpvraag_id
		  JOIN beschikking_status s ON s.organisatie_id = h.organisatie_id AND s.status = h.status AND s.soort = 'tlv'
		 WHERE b.organisatie_id = p_org
		   AND b.einddatum BETWEEN d.vandaag AND (d.vandaag + make_interval(months => p_maanden))::date
		UNION ALL
		SELECT h.id, h.nummer, 'Aanpak'::text, concat_ws(' ', nullif(a.type, ''), nullif(a.categorie, '')), a.einddatum,
		       h.status
		  FROM d, aanpak a JOIN hulpvraag h ON h.id = a.hulpvraag_id
		  JOIN flow_status fs ON fs.aanvraagtype_id = h.aanvraagtype_id AND fs.naam = h.status
		 WHERE a.organisatie_id = p_org AND NOT fs.eindstatus
		   AND a.einddatum BETWEEN d.vandaag AND (d.vandaag + make_interval(months => p_maanden))::date) x
	 ORDER BY 5, 2
$$;
GRANT EXECUTE ON FUNCTION verloopt_binnenkort(bigint, integer) TO balie_app, balie_report;

CREATE FUNCTION te_evalueren(p_org bigint)
RETURNS TABLE (hulpvraag_id bigint, nummer bigint, versie integer, wat text, einddatum date, status text, naar text)
LANGUAGE sql STABLE SET search_path = balie, pg_catalog AS $$
	SELECT h.id, h.nummer, h.version, concat_ws(' ', nullif(a.type, ''), nullif(a.categorie, '')), a.einddatum,
	       h.status, t.naar
	  FROM aanpak a JOIN hulpvraag h ON h.id = a.hulpvraag_id
	  JOIN LATERAL (SELECT ft.naar FROM flow_transitie ft
	                 WHERE ft.aanvraagtype_id = h.aanvraagtype_id AND ft.van = h.status AND ft.naar LIKE '%>evalueren'
	                 ORDER BY ft.naar LIMIT 1) t ON true
	 WHERE a.organisatie_id = p_org
	   AND a.einddatum <= ((now() AT TIME ZONE 'Europe/Amsterdam')::date + interval '2 months')::date
	 ORDER BY a.einddatum, h.nummer
$$;
GRANT EXECUTE ON FUNCTION te_evalueren(bigint) TO balie_app, balie_report;

-- ---------------------------------------------------------------- budgets

-- 4. A budget per organisatie, school year (the one starting 1 August of
--    schooljaar) and kind (002: het samenwerkingsverband "bewaakt de
--    beschikbare budgetten").  Aanname: the kind is the aanpak's type
--    (arrangement, groepsarrangement, schoolbudget …).  Configuration, set
--    by the administrator (`balie admin budget`), read-only for the
--    application, every change in the audit log (config_audit).
CREATE TABLE budget (
	organisatie_id bigint NOT NULL REFERENCES organisatie,
	schooljaar     integer NOT NULL CHECK (schooljaar BETWEEN 1900 AND 9998),
	soort          text NOT NULL CHECK (soort ~ '\S' AND length(soort) <= 200),
	bedrag_cent    bigint NOT NULL CHECK (bedrag_cent > 0 AND bedrag_cent <= 100000000000),
	gewijzigd_op   timestamptz NOT NULL DEFAULT now(),
	gewijzigd_door text NOT NULL DEFAULT session_user,
	PRIMARY KEY (organisatie_id, schooljaar, soort)
);
GRANT SELECT ON budget TO balie_app, balie_report;
CREATE TRIGGER config_audit AFTER INSERT OR UPDATE OR DELETE ON budget
	FOR EACH STATEMENT EXECUTE FUNCTION config_audit();

-- Money as people read it: € 1.234,56.
CREATE FUNCTION euro(p_cent bigint) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
	SELECT '€ ' || translate(to_char(p_cent / 100.0, 'FM999,999,999,990.00'), ',.', '.,')
$$;

-- The budget of kind p_soort in the school year of p_start and what the
-- other aanpakken of that kind starting in that school year hold (all of
-- the organisatie, whoever can see them; p_zonder: the aanpak being
-- entered).  No row when there is no budget.  For the guard; not granted.
CREATE FUNCTION budget_reken(p_org bigint, p_soort text, p_start date, p_zonder bigint)
RETURNS TABLE (schooljaar integer, budget_cent bigint, vastgelegd_cent bigint)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = balie, pg_catalog AS $$
	SELECT b.schooljaar, b.bedrag_cent,
	       coalesce((SELECT sum(a.bedrag_cent) FROM aanpak a
	                  WHERE a.organisatie_id = p_org AND lower(a.type) = lower(p_soort) AND a.startdatum IS NOT NULL
	                    AND extract(year FROM a.startdatum - interval '7 months')::integer = b.schooljaar
	                    AND a.id IS DISTINCT FROM p_zonder), 0)::bigint
	  FROM budget b
	 WHERE b.organisatie_id = p_org AND lower(b.soort) = lower(p_soort)
	   AND b.schooljaar = extract(year FROM p_start - interval '7 months')::integer
$$;
REVOKE EXECUTE ON FUNCTION budget_reken(bigint, text, date, bigint) FROM PUBLIC;

-- Every budget of organisatie p_org with what the aanpakken hold, apart
-- from aanpak p_zonder: for the tab Aanpak (committed, this one, what
-- remains).  Only for someone who works for that organisatie.
CREATE FUNCTION budget_standen(p_org bigint, p_zonder bigint)
RETURNS TABLE (schooljaar integer, soort text, budget_cent bigint, vastgelegd_cent bigint)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = balie, pg_catalog AS $$
	SELECT b.schooljaar, b.soort, b.bedrag_cent,
	       coalesce((SELECT sum(a.bedrag_cent) FROM aanpak a
	                  WHERE a.organisatie_id = p_org AND lower(a.type) = lower(b.soort) AND a.startdatum IS NOT NULL
	                    AND extract(year FROM a.startdatum - interval '7 months')::integer = b.schooljaar
	                    AND a.id IS DISTINCT FROM p_zonder), 0)::bigint
	  FROM budget b
	 WHERE b.organisatie_id = p_org AND p_org IN (SELECT internal_orgs())
	 ORDER BY b.schooljaar, b.soort
$$;
REVOKE EXECUTE ON FUNCTION budget_standen(bigint, bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION budget_standen(bigint, bigint) TO balie_app;

-- The guard: an amount that takes its kind over the budget of its school
-- year is refused unless this very write says the person confirmed it
-- (budget_akkoord, a one-shot flag: it is false again in the row); the
-- confirmation is logged (audit_log 'budget-akkoord', amounts only).  Runs
-- after aanpak_stempel (trigger names run in order), which fills the
-- organisatie.  Two entries of one budget at the same moment are taken one
-- after the other (a transaction lock per organisatie, school year and
-- kind), so the second sees the first's amount and cannot pass unseen.
ALTER TABLE aanpak ADD COLUMN budget_akkoord boolean NOT NULL DEFAULT false;
GRANT INSERT (budget_akkoord), UPDATE (budget_akkoord) ON aanpak TO balie_app;
CREATE FUNCTION aanpak_zz_budget() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = balie, pg_catalog AS $$
DECLARE
	s record;
BEGIN
	IF NEW.bedrag_cent IS NULL OR NEW.startdatum IS NULL
	   OR (TG_OP = 'UPDATE' AND NEW.bedrag_cent IS NOT DISTINCT FROM OLD.bedrag_cent
	       AND NEW.startdatum IS NOT DISTINCT FROM OLD.startdatum AND lower(NEW.type) = lower(OLD.type)) THEN
		NEW.budget_akkoord := false;
		RETURN NEW;
	END IF;
	PERFORM pg_advisory_xact_lock(hashtextextended(format('budget %s %s %s', NEW.organisatie_id, lower(NEW.type),
	                                                      extract(year FROM NEW.startdatum - interval '7 months')), 0));
	SELECT * INTO s FROM budget_reken(NEW.organisatie_id, NEW.type, NEW.startdatum, NEW.id);
	IF FOUND AND s.vastgelegd_cent + NEW.bedrag_cent > s.budget_cent THEN
		IF NOT NEW.budget_akkoord THEN
			RAISE EXCEPTION 'Budget overschreden: budget % %-%: %, al vastgelegd %, deze %: % te veel',
				NEW.type, s.schooljaar, s.schooljaar + 1, euro(s.budget_cent), euro(s.vastgelegd_cent),
				euro(NEW.bedrag_cent), euro(s.vastgelegd_cent + NEW.bedrag_cent - s.budget_cent)
				USING ERRCODE = 'P0001';
		END IF;
		INSERT INTO audit_log (account_id, organisatie_id, actie, object, object_id, detail)
		VALUES (acting_account(), NEW.organisatie_id, 'budget-akkoord', 'aanpak', NEW.id,
		        format('schooljaar %s budget %s vastgelegd %s deze %s', s.schooljaar, s.budget_cent,
		               s.vastgelegd_cent, NEW.bedrag_cent));
	END IF;
	NEW.budget_akkoord := false;
	RETURN NEW;
END
$$;
REVOKE EXECUTE ON FUNCTION aanpak_zz_budget() FROM PUBLIC;
CREATE TRIGGER aanpak_zz_budget BEFORE INSERT OR UPDATE ON aanpak
	FOR EACH ROW EXECUTE FUNCTION aanpak_zz_budget();

-- The forecast of kind p_soort in school year p_jaar, per month from
-- August to July, cumulative: vastgelegd (aanpakken whose hulpvraag has
-- been "financieel verwerkt") and verwacht (drawn up, not yet processed:
-- the pipeline), each amount spread evenly over the months of its period
-- (aanname: an arrangement costs the same every month).  For the
-- administrator's `balie admin budget prognose`; not for the application.
CREATE FUNCTION budget_prognose(p_org bigint, p_jaar integer, p_soort text)
RETURNS TABLE (maand date, vastgelegd_cent bigint, verwacht_cent bigint)
LANGUAGE sql STABLE SET search_path = balie, pg_catalog AS $$
	WITH m AS (SELECT generate_series(make_date(p_jaar, 8, 1), make_date(p_jaar + 1, 7, 1), interval '1 month')::date AS maand),
	a AS (SELECT a.bedrag_cent, date_trunc('month', a.startdatum)::date AS van,
	             date_trunc('month', coalesce(a.einddatum, a.startdatum))::date AS tot,
	             EXISTS (SELECT 1 FROM statushistorie x JOIN beschikking_status s ON s.organisatie_id = x.organisatie_id
	                       AND s.status = x.naar AND s.soort = 'arrangement' WHERE x.hulpvraag_id = a.hulpvraag_id) AS verwerkt
	        FROM aanpak a
	       WHERE a.organisatie_id = p_org AND lower(a.type) = lower(p_soort) AND a.bedrag_cent IS NOT NULL
	         AND a.startdatum IS NOT NULL
	         AND extract(year FROM a.startdatum - interval '7 months')::integer = p_jaar),
	per AS (SELECT m.maand,
	               coalesce(sum(a.bedrag_cent / ((extract(year FROM age(a.tot, a.van)) * 12
	                                              + extract(month FROM age(a.tot, a.van)))::integer + 1))
	                          FILTER (WHERE a.verwerkt), 0) AS v,
	               coalesce(sum(a.bedrag_cent / ((extract(year FROM age(a.tot, a.van)) * 12
	                                              + extract(month FROM age(a.tot, a.van)))::integer + 1))
	                          FILTER (WHERE NOT a.verwerkt), 0) AS w
	          FROM m LEFT JOIN a ON m.maand BETWEEN a.van AND a.tot
	         GROUP BY m.maand)
	SELECT maand, (sum(v) OVER (ORDER BY maand))::bigint, (sum(w) OVER (ORDER BY maand))::bigint FROM per ORDER BY maand
$$;
REVOKE EXECUTE ON FUNCTION budget_prognose(bigint, integer, text) FROM PUBLIC;

-- ---------------------------------------------------------------- bezwaar

-- 6. A bezwaar against an issued TLV (issue 10 §1; the seeds say nothing
--    of it: the rules are the issue's and the law's, aanname where noted):
--    a record linked to the hulpvraag and its beschikking, received within
--    6 weeks of the date of issue (the first status change into an
--    "afgegeven" status) — a later one is registered, marked te_laat —
--    with its outcome gegrond / ongegrond / deels gegrond.  A gegrond (and,
--    aanname, a deels gegrond) outcome makes a new version of the
--    beschikking: the old content is kept in tlv_beschikking_versie,
--    marked replaced by this bezwaar, and the beschikking's version goes up
--    (the financieel medewerker then corrects it; the afgegeven guard keeps
--    it valid).  Written only through the two functions below (rulebook
--    "bezwaar"); read by the SWV only (aanname: a bezwaar is the SWV's
--    file, not the aanvrager's).
CREATE TABLE bezwaar (
	id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	organisatie_id bigint NOT NULL REFERENCES organisatie,
	hulpvraag_id   bigint NOT NULL,
	tlv_beschikking_id bigint NOT NULL REFERENCES tlv_beschikking,
	afgegeven_op   date NOT NULL,
	ontvangen      date NOT NULL CHECK (ontvangen >= afgegeven_op),
	te_laat        boolean NOT NULL,
	uitkomst       text CHECK (uitkomst IN ('gegrond', 'ongegrond', 'deels gegrond')),
	besloten_op    date,
	toelichting    text NOT NULL DEFAULT '' CHECK (length(toelichting) <= 4000),
	geregistreerd_door bigint REFERENCES account,
	besloten_door  bigint REFERENCES account,
	version        integer NOT NULL DEFAULT 1,
	idempotentie   text UNIQUE CHECK (idempotentie ~ '^[0-9a-f]{32}$'),
	CHECK ((uitkomst IS NULL) = (besloten_op IS NULL)),
	FOREIGN KEY (hulpvraag_id, organisatie_id) REFERENCES hulpvraag (id, organisatie_id)
);
CREATE INDEX bezwaar_hulpvraag ON bezwaar (hulpvraag_id);
CREATE TABLE tlv_beschikking_versie (
	id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	organisatie_id bigint NOT NULL REFERENCES organisatie,
	hulpvraag_id   bigint NOT NULL,
	tlv_beschikking_id bigint NOT NULL REFERENCES tlv_beschikking,
	versie         integer NOT NULL,
	inhoud         jsonb NOT NULL,      -- the row as it was
	vervangen_op   timestamptz NOT NULL DEFAULT now(),
	bezwaar_id     bigint REFERENCES bezwaar,
	FOREIGN KEY (hulpvraag_id, organisatie_id) REFERENCES hulpvraag (id, organisatie_id)
);
CREATE INDEX tlv_beschikking_versie_hulpvraag ON tlv_beschikking_versie (hulpvraag_id);
ALTER TABLE bezwaar ENABLE ROW LEVEL SECURITY;
ALTER TABLE bezwaar FORCE ROW LEVEL SECURITY;
ALTER TABLE tlv_beschikking_versie ENABLE ROW LEVEL SECURITY;
ALTER TABLE tlv_beschikking_versie FORCE ROW LEVEL SECURITY;
CREATE POLICY eigenaar ON bezwaar TO balie_owner USING (true) WITH CHECK (true);
CREATE POLICY eigenaar ON tlv_beschikking_versie TO balie_owner USING (true) WITH CHECK (true);
CREATE POLICY zichtbaar ON bezwaar FOR SELECT TO balie_app, balie_report
	USING (organisatie_id IN (SELECT internal_orgs())
	       AND EXISTS (SELECT 1 FROM hulpvraag h WHERE h.id = bezwaar.hulpvraag_id));
CREATE POLICY zichtbaar ON tlv_beschikking_versie FOR SELECT TO balie_app, balie_report
	USING (organisatie_id IN (SELECT internal_orgs())
	       AND EXISTS (SELECT 1 FROM hulpvraag h WHERE h.id = tlv_beschikking_versie.hulpvraag_id));
-- write policies: none for balie_app (no INSERT/UPDATE/DELETE granted):
-- only bezwaar_registreren and bezwaar_beslissen write
GRANT SELECT ON bezwaar, tlv_beschikking_versie TO balie_app, balie_report;

-- The hulpvraag p_hv for a SECURITY DEFINER function of business action
-- p_actie: refused in Dutch when the acting account cannot see it, or its
-- role may not (p_wat: "Een bezwaar registreren").
CREATE FUNCTION hulpvraag_voor(p_hv bigint, p_actie text, p_wat text) RETURNS hulpvraag
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = balie, pg_catalog AS $$
DECLARE
	h hulpvraag%ROWTYPE;
BEGIN
	SELECT * INTO h FROM hulpvraag WHERE id = p_hv;
	IF NOT FOUND OR NOT hulpvraag_zichtbaar(h.id, h.organisatie_id, h.voorlopig, h.aanvrager_id) THEN
		RAISE EXCEPTION 'Deze hulpvraag bestaat niet (meer) of je hebt er geen toegang toe' USING ERRCODE = 'P0001';
	END IF;
	IF NOT mag(p_actie, h.organisatie_id) THEN
		RAISE EXCEPTION '% mag jouw rol niet', p_wat USING ERRCODE = 'P0001';
	END IF;
	RETURN h;
END
$$;
REVOKE EXECUTE ON FUNCTION hulpvraag_voor(bigint, text, text) FROM PUBLIC;

-- Registers a bezwaar received on p_ontvangen against the issued TLV of
-- hulpvraag p_hv (idempotency key p_key: sent twice, made once).  Answers
-- the bezwaar's id, whether it is late and the date of issue.
CREATE FUNCTION bezwaar_registreren(p_hv bigint, p_ontvangen date, p_key text)
RETURNS TABLE (bezwaar_id bigint, te_laat boolean, afgegeven_op date)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = balie, pg_catalog AS $$
#variable_conflict use_column
DECLARE
	h   hulpvraag%ROWTYPE;
	b   tlv_beschikking%ROWTYPE;
	v_af date;
	v_id bigint;
BEGIN
	SELECT x.id, x.te_laat, x.afgegeven_op INTO v_id, te_laat, afgegeven_op FROM bezwaar x WHERE x.idempotentie = p_key;
	IF FOUND THEN
		bezwaar_id := v_id;
		RETURN NEXT;
		RETURN;
	END IF;
	h := hulpvraag_voor(p_hv, 'bezwaar', 'Een bezwaar registreren');
	SELECT * INTO b FROM tlv_beschikking WHERE hulpvraag_id = p_hv;
	SELECT min((x.op AT TIME ZONE 'Europe/Amsterdam')::date) INTO v_af
	  FROM statushistorie x JOIN beschikking_status s ON s.organisatie_id = x.organisatie_id AND s.status = x.naar
	                                                 AND s.soort = 'tlv'
	 WHERE x.hulpvraag_id = p_hv;
	IF b.id IS NULL OR v_af IS NULL THEN
		RAISE EXCEPTION 'Bezwaar kan alleen tegen een afgegeven TLV' USING ERRCODE = 'P0001';
	END IF;
	IF p_ontvangen IS NULL OR p_ontvangen < v_af OR p_ontvangen > (now() AT TIME ZONE 'Europe/Amsterdam')::date THEN
		RAISE EXCEPTION 'De datum van ontvangst ligt tussen de afgifte (%) en vandaag', to_char(v_af, 'DD-MM-YYYY')
			USING ERRCODE = 'P0001';
	END IF;
	INSERT INTO bezwaar (organisatie_id, hulpvraag_id, tlv_beschikking_id, afgegeven_op, ontvangen, te_laat,
	                     geregistreerd_door, idempotentie)
	VALUES (h.organisatie_id, p_hv, b.id, v_af, p_ontvangen, p_ontvangen > v_af + 42, acting_account(), p_key)
	RETURNING id INTO v_id;
	INSERT INTO audit_log (account_id, organisatie_id, actie, object, object_id, detail)
	VALUES (acting_account(), h.organisatie_id, 'bezwaar', 'bezwaar', v_id,
	        format('hulpvraag %s ontvangen %s%s', p_hv, p_ontvangen, CASE WHEN p_ontvangen > v_af + 42 THEN ' te laat' ELSE '' END));
	RETURN QUERY SELECT v_id, p_ontvangen > v_af + 42, v_af;
END
$$;
REVOKE EXECUTE ON FUNCTION bezwaar_registreren(bigint, date, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION bezwaar_registreren(bigint, date, text) TO balie_app;

-- The outcome of bezwaar p_id seen at p_version: 'ok' with the new version,
-- 'conflict', or 'weg'.  Gegrond / deels gegrond: the beschikking as it
-- was goes to tlv_beschikking_versie (replaced by this bezwaar) and its
-- version goes up — the new version.
CREATE FUNCTION bezwaar_beslissen(p_id bigint, p_version integer, p_uitkomst text, p_toelichting text)
RETURNS TABLE (uitkomst text, versie integer)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = balie, pg_catalog AS $$
#variable_conflict use_column
DECLARE
	z bezwaar%ROWTYPE;
	h hulpvraag%ROWTYPE;
	b tlv_beschikking%ROWTYPE;
	v integer;
BEGIN
	SELECT * INTO z FROM bezwaar WHERE id = p_id FOR UPDATE;
	IF FOUND THEN
		SELECT * INTO h FROM hulpvraag WHERE id = z.hulpvraag_id;
	END IF;
	IF NOT FOUND OR NOT hulpvraag_zichtbaar(h.id, h.organisatie_id, h.voorlopig, h.aanvrager_id)
	   OR z.organisatie_id NOT IN (SELECT internal_orgs()) THEN
		RETURN QUERY SELECT 'weg'::text, NULL::integer;
		RETURN;
	END IF;
	IF NOT mag('bezwaar', z.organisatie_id) THEN
		RAISE EXCEPTION 'Een bezwaar afhandelen mag jouw rol niet' USING ERRCODE = 'P0001';
	END IF;
	IF z.version <> p_version THEN
		RETURN QUERY SELECT 'conflict'::text, z.version;
		RETURN;
	END IF;
	IF z.uitkomst IS NOT NULL THEN
		RAISE EXCEPTION 'Over dit bezwaar is al beslist (%)', z.uitkomst USING ERRCODE = 'P0001';
	END IF;
	IF p_uitkomst IS NULL OR p_uitkomst NOT IN ('gegrond', 'ongegrond', 'deels gegrond') THEN
		RAISE EXCEPTION 'De uitkomst is gegrond, ongegrond of deels gegrond' USING ERRCODE = 'P0001';
	END IF;
	UPDATE bezwaar x SET uitkomst = p_uitkomst, besloten_op = (now() AT TIME ZONE 'Europe/Amsterdam')::date,
	       besloten_door = acting_account(), toelichting = coalesce(p_toelichting, ''), version = x.version + 1
	 WHERE x.id = p_id RETURNING x.version INTO v;
	IF p_uitkomst IN ('gegrond', 'deels gegrond') THEN
		SELECT * INTO b FROM tlv_beschikking WHERE id = z.tlv_beschikking_id FOR UPDATE;
		INSERT INTO tlv_beschikking_versie (organisatie_id, hulpvraag_id, tlv_beschikking_id, versie, inhoud, bezwaar_id)
		VALUES (b.organisatie_id, b.hulpvraag_id, b.id, b.version, to_jsonb(b), p_id);
		UPDATE tlv_beschikking SET version = version + 1 WHERE id = b.id;
	END IF;
	INSERT INTO audit_log (account_id, organisatie_id, actie, object, object_id, detail)
	VALUES (acting_account(), z.organisatie_id, 'bezwaar-besluit', 'bezwaar', p_id, p_uitkomst);
	RETURN QUERY SELECT 'ok'::text, v;
END
$$;
REVOKE EXECUTE ON FUNCTION bezwaar_beslissen(bigint, integer, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION bezwaar_beslissen(bigint, integer, text, text) TO balie_app;

-- ---------------------------------------------------------------- verlenging

-- 5. A verlenging names the earlier TLV by its number and einddatum (issue
--    10 §1).  When that TLV is in balie (same organisatie, that number) the
--    row is linked to it (vorige_id) and its einddatum filled in, or must
--    agree; a TLV of another pupil is refused.  A number balie does not
--    know (a TLV from before balie) is kept as typed.
ALTER TABLE tlv_beschikking ADD COLUMN vorige_nummer text CHECK (vorige_nummer ~ '^[A-Za-z0-9][A-Za-z0-9/._ -]{0,39}$');
ALTER TABLE tlv_beschikking ADD COLUMN vorige_einddatum date;
ALTER TABLE tlv_beschikking ADD COLUMN vorige_id bigint REFERENCES tlv_beschikking;
GRANT INSERT (vorige_nummer, vorige_einddatum), UPDATE (vorige_nummer, vorige_einddatum)
	ON tlv_beschikking TO balie_app;
-- runs after tlv_beschikking_stempel (names in order), which sets the dossier
CREATE FUNCTION tlv_beschikking_vorige() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = balie, pg_catalog AS $$
DECLARE
	x tlv_beschikking%ROWTYPE;
BEGIN
	NEW.vorige_id := NULL;
	IF NEW.vorige_nummer IS NULL THEN
		IF NEW.vorige_einddatum IS NOT NULL THEN
			RAISE EXCEPTION 'Verlenging: het nummer van de vorige TLV ontbreekt' USING ERRCODE = 'P0001';
		END IF;
		RETURN NEW;
	END IF;
	SELECT * INTO x FROM tlv_beschikking b WHERE b.organisatie_id = NEW.organisatie_id AND b.nummer = NEW.vorige_nummer
	   AND b.id IS DISTINCT FROM NEW.id;
	IF NOT FOUND THEN
		RETURN NEW;
	END IF;
	IF x.dossier_id <> NEW.dossier_id THEN
		RAISE EXCEPTION 'Verlenging: TLV % is van een andere leerling', NEW.vorige_nummer USING ERRCODE = 'P0001';
	END IF;
	IF NEW.vorige_einddatum IS NULL THEN
		NEW.vorige_einddatum := x.einddatum;
	ELSIF NEW.vorige_einddatum IS DISTINCT FROM x.einddatum THEN
		RAISE EXCEPTION 'Verlenging: TLV % loopt tot %', NEW.vorige_nummer, to_char(x.einddatum, 'DD-MM-YYYY')
			USING ERRCODE = 'P0001';
	END IF;
	NEW.vorige_id := x.id;
	RETURN NEW;
END
$$;
REVOKE EXECUTE ON FUNCTION tlv_beschikking_vorige() FROM PUBLIC;
CREATE TRIGGER tlv_beschikking_vorige BEFORE INSERT OR UPDATE ON tlv_beschikking
	FOR EACH ROW EXECUTE FUNCTION tlv_beschikking_vorige();

-- ---------------------------------------------------------------- behandelaars

-- 5. Behandelaars of an aanpak (issue 10 §2): an external account of the
--    organisatie (aanname: behandelaars are the external deskundigen with
--    an account, role extern) gets access to the hulpvraag through the
--    aanpak while it runs (hulpvraag_toegang soort 'aanpak', until the
--    aanpak's einddatum, which follows a changed einddatum) and a mail
--    without the pupil's name.  Set and removed only through
--    aanpak_behandelaar (rulebook aanpak-bewerken), audited.
CREATE FUNCTION aanpak_behandelaar(p_hv bigint, p_account bigint, p_aan boolean)
RETURNS TABLE (naam text, tot date, mail boolean)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = balie, pg_catalog AS $$
#variable_conflict use_column
DECLARE
	h hulpvraag%ROWTYPE;
	a aanpak%ROWTYPE;
	b account%ROWTYPE;
BEGIN
	h := hulpvraag_voor(p_hv, 'aanpak-bewerken', 'Een behandelaar kiezen');
	SELECT * INTO a FROM aanpak WHERE hulpvraag_id = p_hv;
	IF NOT FOUND OR a.einddatum IS NULL THEN
		RAISE EXCEPTION 'Eerst een aanpak met een einddatum bewaren: zo lang heeft de behandelaar toegang'
			USING ERRCODE = 'P0001';
	END IF;
	SELECT x.* INTO b FROM account x JOIN account_rol r ON r.account_id = x.id
	 WHERE x.id = p_account AND r.organisatie_id = h.organisatie_id AND r.rol = 'extern';
	IF NOT FOUND THEN
		RAISE EXCEPTION 'Een behandelaar is een externe deskundige met een account in deze organisatie'
			USING ERRCODE = 'P0001';
	END IF;
	IF p_aan THEN
		INSERT INTO hulpvraag_toegang (hulpvraag_id, account_id, soort, tot)
		VALUES (p_hv, p_account, 'aanpak', a.einddatum)
		ON CONFLICT (hulpvraag_id, account_id, soort) DO UPDATE SET tot = EXCLUDED.tot;
		IF b.email IS NOT NULL THEN
			-- no pupil's name: the number, the kind and the period only
			INSERT INTO outbox (organisatie_id, hulpvraag_id, aan, onderwerp, tekst)
			VALUES (h.organisatie_id, p_hv, b.email, format('Behandelaar van hulpvraag %s', h.nummer),
			        format(E'Beste %s,\n\nU bent behandelaar van hulpvraag %s (%s, %s tot en met %s).\n'
			               'Zolang de aanpak loopt, ziet u de hulpvraag in balie.\n',
			               b.naam, h.nummer, coalesce(nullif(a.type, ''), 'aanpak'),
			               to_char(a.startdatum, 'DD-MM-YYYY'), to_char(a.einddatum, 'DD-MM-YYYY')));
		END IF;
	ELSE
		DELETE FROM hulpvraag_toegang t WHERE t.hulpvraag_id = p_hv AND t.account_id = p_account AND t.soort = 'aanpak';
	END IF;
	INSERT INTO audit_log (account_id, organisatie_id, actie, object, object_id, detail)
	VALUES (acting_account(), h.organisatie_id, CASE WHEN p_aan THEN 'behandelaar' ELSE 'behandelaar-weg' END,
	        'aanpak', a.id, format('account %s', p_account));
	RETURN QUERY SELECT b.naam, CASE WHEN p_aan THEN a.einddatum END, p_aan AND b.email IS NOT NULL;
END
$$;
REVOKE EXECUTE ON FUNCTION aanpak_behandelaar(bigint, bigint, boolean) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION aanpak_behandelaar(bigint, bigint, boolean) TO balie_app;

-- Who can be behandelaar of hulpvraag p_hv, and who is: for the pick list.
CREATE FUNCTION aanpak_behandelaars(p_hv bigint)
RETURNS TABLE (account_id bigint, naam text, is_behandelaar boolean, tot date)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = balie, pg_catalog AS $$
	SELECT x.id, x.naam, t.account_id IS NOT NULL, t.tot
	  FROM hulpvraag h JOIN account_rol r ON r.organisatie_id = h.organisatie_id AND r.rol = 'extern'
	  JOIN account x ON x.id = r.account_id
	  LEFT JOIN hulpvraag_toegang t ON t.hulpvraag_id = h.id AND t.account_id = x.id AND t.soort = 'aanpak'
	 WHERE h.id = p_hv AND h.organisatie_id IN (SELECT internal_orgs())
	 ORDER BY x.naam
$$;
REVOKE EXECUTE ON FUNCTION aanpak_behandelaars(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION aanpak_behandelaars(bigint) TO balie_app;

-- The access ends with the aanpak: a changed einddatum moves it along.
CREATE FUNCTION aanpak_toegang_tot() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = balie, pg_catalog AS $$
BEGIN
	IF NEW.einddatum IS DISTINCT FROM OLD.einddatum AND NEW.einddatum IS NOT NULL THEN
		UPDATE hulpvraag_toegang SET tot = NEW.einddatum WHERE hulpvraag_id = NEW.hulpvraag_id AND soort = 'aanpak';
	END IF;
	RETURN NULL;
END
$$;
REVOKE EXECUTE ON FUNCTION aanpak_toegang_tot() FROM PUBLIC;
CREATE TRIGGER aanpak_toegang_tot AFTER UPDATE OF einddatum ON aanpak
	FOR EACH ROW EXECUTE FUNCTION aanpak_toegang_tot();
