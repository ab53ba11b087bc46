-- 022_kengetallen: the kengetallen and the exports of issue 10 §5.
--
-- kengetallen(org, jaar): per schoolbestuur, school (BRIN + vestiging) and
--   soort/categorie the number of TLVs and arrangements and the
--   arrangements' amount (cents) of one school year (1 August – 31 July,
--   jaar = the year it starts in), by startdatum.  A TLV counts once it was
--   ever afgegeven (a statushistorie row into a status of
--   beschikking_status 'tlv'): "on hold" or "in archief" later keep it.  An
--   arrangement counts with its aanpak's startdatum and amount.
-- doorlooptijden(org, jaar): per hulpvraag the days from its date of
--   receipt (hulpvraag.datum) to the first time it reached an "afgegeven"
--   status (TLV afgegeven or arrangement financieel verwerkt, both
--   beschikking_status), for the hulpvragen that got there in the school
--   year; core/kengetal makes median and p90 of them per aanvraagtype.
-- tlv_export(org, van, tot): the afgegeven TLVs whose period overlaps
--   van…tot with the fields a DUO registration needs.
-- All three are SECURITY INVOKER: row-level security decides what the
-- acting account counts, on the primary or on a report replica alike (the
-- balie_report role has the same read policies).
SET LOCAL ROLE balie_owner;

-- The first arrival in a status per organisatie: doorlooptijden() and the
-- "ever afgegeven" test look statushistorie up by (organisatie, naar).
CREATE INDEX statushistorie_org_naar ON statushistorie (organisatie_id, naar, hulpvraag_id, op);

CREATE FUNCTION kengetallen(p_org bigint, p_jaar integer)
RETURNS TABLE (bestuur text, school text, brin text, soort text, categorie text, aantal bigint, bedrag_cent bigint)
LANGUAGE sql STABLE SET search_path = balie, pg_catalog AS $$
	WITH x AS (
		SELECT h.school_id, 'tlv'::text AS soort, coalesce(b.soort, '') AS categorie, 0::bigint AS bedrag
		  FROM tlv_beschikking b JOIN hulpvraag h ON h.id = b.hulpvraag_id
		 WHERE b.organisatie_id = p_org
		   AND b.startdatum >= make_date(p_jaar, 8, 1) AND b.startdatum < make_date(p_jaar + 1, 8, 1)
		   AND EXISTS (SELECT 1 FROM statushistorie sh
		                 JOIN beschikking_status s ON s.organisatie_id = sh.organisatie_id AND s.status = sh.naar
		                                          AND s.soort = 'tlv'
		                WHERE sh.hulpvraag_id = h.id)
		UNION ALL
		SELECT h.school_id, 'arrangement', concat_ws(' ', nullif(a.type, ''), nullif(a.categorie, '')),
		       coalesce(a.bedrag_cent, 0)
		  FROM aanpak a JOIN hulpvraag h ON h.id = a.hulpvraag_id
		 WHERE a.organisatie_id = p_org
		   AND a.startdatum >= make_date(p_jaar, 8, 1) AND a.startdatum < make_date(p_jaar + 1, 8, 1)
	)
	SELECT coalesce(sb.naam, '(geen bestuur)'), coalesce(sc.naam, '(geen school)'),
	       coalesce(sc.brin || coalesce(sc.vestiging, ''), ''), x.soort, x.categorie, count(*), sum(x.bedrag)::bigint
	  FROM x LEFT JOIN school sc ON sc.id = x.school_id LEFT JOIN schoolbestuur sb ON sb.id = sc.schoolbestuur_id
	 GROUP BY 1, 2, 3, 4, 5
	 ORDER BY 1, 3, 4 DESC, 5
$$;
REVOKE EXECUTE ON FUNCTION kengetallen(bigint, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION kengetallen(bigint, integer) TO balie_app, balie_report;

CREATE FUNCTION doorlooptijden(p_org bigint, p_jaar integer)
RETURNS TABLE (aanvraagtype text, dagen integer)
LANGUAGE sql STABLE SET search_path = balie, pg_catalog AS $$
	SELECT t.naam, (min(sh.op) AT TIME ZONE 'Europe/Amsterdam')::date - h.datum
	  FROM statushistorie sh
	  JOIN beschikking_status s ON s.organisatie_id = sh.organisatie_id AND s.status = sh.naar
	  JOIN hulpvraag h ON h.id = sh.hulpvraag_id
	  JOIN aanvraagtype t ON t.id = h.aanvraagtype_id
	 WHERE sh.organisatie_id = p_org
	 GROUP BY h.id, t.naam, h.datum
	HAVING (min(sh.op) AT TIME ZONE 'Europe/Amsterdam')::date >= make_date(p_jaar, 8, 1)
	   AND (min(sh.op) AT TIME ZONE 'Europe/Amsterdam')::date < make_date(p_jaar + 1, 8, 1)
	 ORDER BY 1, 2
$$;
REVOKE EXECUTE ON FUNCTION doorlooptijden(bigint, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION doorlooptijden(bigint, integer) TO balie_app, balie_report;

CREATE FUNCTION tlv_export(p_org bigint, p_van date, p_tot date)
RETURNS TABLE (nummer text, achternaam text, tussenvoegsel text, voornamen text, geboortedatum date,
               brin text, vestiging text, soort text, startdatum date, einddatum date, hulpvraag bigint)
LANGUAGE sql STABLE SET search_path = balie, pg_catalog AS $$
	SELECT b.nummer, d.achternaam, coalesce(d.tussenvoegsel, ''), coalesce(nullif(d.voornamen, ''), d.roepnaam),
	       d.geboortedatum, coalesce(sc.brin, ''), coalesce(sc.vestiging, ''), b.soort, b.startdatum, b.einddatum,
	       h.nummer
	  FROM tlv_beschikking b JOIN hulpvraag h ON h.id = b.hulpvraag_id
	  JOIN dossier d ON d.id = b.dossier_id
	  LEFT JOIN school sc ON sc.id = h.school_id
	 WHERE b.organisatie_id = p_org
	   AND b.startdatum <= p_tot AND b.einddatum >= p_van
	   AND EXISTS (SELECT 1 FROM statushistorie sh
	                 JOIN beschikking_status s ON s.organisatie_id = sh.organisatie_id AND s.status = sh.naar
	                                          AND s.soort = 'tlv'
	                WHERE sh.hulpvraag_id = h.id)
	 ORDER BY b.startdatum, b.nummer
$$;
REVOKE EXECUTE ON FUNCTION tlv_export(bigint, date, date) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION tlv_export(bigint, date, date) TO balie_app, balie_report;
