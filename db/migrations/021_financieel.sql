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

-- The guard of 015, now with the dossier: into an "afgegeven" status from a
-- status that is not one only when the checklist is met in the status it
-- leaves and the TLV beschikking is complete and valid.  Aanname: a move
-- between two afgegeven statuses ("school onbekend" → "bekend") re-checks
-- the beschikking but not the dossier — the TLV is issued already, and a
-- bijlage growing old since must not hold back the school's name.
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
	IF NOT EXISTS (SELECT 1 FROM beschikking_status s WHERE s.organisatie_id = OLD.organisatie_id
	                  AND s.status = OLD.status AND s.soort = 'tlv') THEN
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
