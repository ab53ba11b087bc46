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

-- ------------------------------------------------ the bestuur's financial contact
-- 004 §3.5/§4.2: "de contactpersoon van de financiële administratie
-- schoolbestuur" downloads the beschikkingen of the arrangements of its
-- bestuur's schools (tab "kengetallen").  Role 'bestuur' (external, no
-- back-office rights), linked to one or more schoolbesturen of its
-- organisatie in account_bestuur (maintained by the administrator as the
-- owner role).  It reads, by the extra policies below, only:
--   aanpak rows with a beschikkingsnummer (aanname: an arrangement
--     "toegewezen" has its number) of hulpvragen of its schools;
--   tlv_beschikking rows of its schools that were ever afgegeven.
-- Never the hulpvraag, dossier, formulieren or bijlagen themselves.
ALTER TABLE account_rol DROP CONSTRAINT account_rol_rol_check;
ALTER TABLE account_rol ADD CONSTRAINT account_rol_rol_check
	CHECK (rol IN ('secretariaat', 'financieel', 'coordinator', 'admin', 'aanvrager', 'ouder', 'extern', 'bestuur'));
ALTER TABLE schoolbestuur ADD CONSTRAINT schoolbestuur_id_org UNIQUE (id, organisatie_id);

CREATE TABLE account_bestuur (
	account_id       bigint NOT NULL REFERENCES account ON DELETE CASCADE,
	organisatie_id   bigint NOT NULL REFERENCES organisatie,
	schoolbestuur_id bigint NOT NULL,
	PRIMARY KEY (account_id, schoolbestuur_id),
	FOREIGN KEY (schoolbestuur_id, organisatie_id) REFERENCES schoolbestuur (id, organisatie_id)
);
ALTER TABLE account_bestuur ENABLE ROW LEVEL SECURITY;
ALTER TABLE account_bestuur FORCE ROW LEVEL SECURITY;
CREATE POLICY eigenaar ON account_bestuur TO balie_owner USING (true) WITH CHECK (true);
-- read: the account itself and the SWV's back office; no write policy: only
-- the owner role (the administrator's tools) links an account to a bestuur
CREATE POLICY zichtbaar ON account_bestuur FOR SELECT TO balie_app, balie_report
	USING (account_id = acting_account() OR organisatie_id IN (SELECT internal_orgs()));
GRANT SELECT ON account_bestuur TO balie_app, balie_report;
CREATE TRIGGER config_audit AFTER INSERT OR UPDATE OR DELETE ON account_bestuur
	FOR EACH STATEMENT EXECUTE FUNCTION config_audit();

-- Is hulpvraag p_hv of a school of a bestuur the acting account is the
-- financial contact of (with the role in that organisatie)?
CREATE FUNCTION bestuur_ziet(p_hv bigint) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = balie, pg_catalog AS $$
	SELECT EXISTS (
		SELECT 1 FROM hulpvraag h
		  JOIN school s ON s.id = h.school_id
		  JOIN account_bestuur ab ON ab.schoolbestuur_id = s.schoolbestuur_id AND ab.organisatie_id = h.organisatie_id
		  JOIN account_rol r ON r.account_id = ab.account_id AND r.organisatie_id = h.organisatie_id
		                    AND r.rol = 'bestuur'
		 WHERE h.id = p_hv AND ab.account_id = acting_account() AND NOT h.voorlopig)
$$;
REVOKE EXECUTE ON FUNCTION bestuur_ziet(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION bestuur_ziet(bigint) TO balie_app, balie_report;

-- Was hulpvraag p_hv ever in a TLV "afgegeven" status?  (Its statushistorie
-- is not the bestuur's to read; this answers only the yes/no.)
CREATE FUNCTION ooit_afgegeven(p_hv bigint) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = balie, pg_catalog AS $$
	SELECT EXISTS (SELECT 1 FROM statushistorie sh
	                 JOIN beschikking_status s ON s.organisatie_id = sh.organisatie_id AND s.status = sh.naar
	                                          AND s.soort = 'tlv'
	                WHERE sh.hulpvraag_id = p_hv)
$$;
REVOKE EXECUTE ON FUNCTION ooit_afgegeven(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION ooit_afgegeven(bigint) TO balie_app, balie_report;

-- The school of hulpvraag p_hv, for the kengetallen: only when the acting
-- account may see the hulpvraag or is its bestuur's contact (NULL else).
CREATE FUNCTION kengetal_school(p_hv bigint) RETURNS bigint
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = balie, pg_catalog AS $$
	SELECT h.school_id FROM hulpvraag h
	 WHERE h.id = p_hv
	   AND (hulpvraag_zichtbaar(h.id, h.organisatie_id, h.voorlopig, h.aanvrager_id) OR bestuur_ziet(h.id))
$$;
REVOKE EXECUTE ON FUNCTION kengetal_school(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION kengetal_school(bigint) TO balie_app, balie_report;

CREATE POLICY bestuur ON aanpak FOR SELECT TO balie_app, balie_report
	USING (nummer IS NOT NULL AND bestuur_ziet(hulpvraag_id));
CREATE POLICY bestuur ON tlv_beschikking FOR SELECT TO balie_app, balie_report
	USING (bestuur_ziet(hulpvraag_id) AND ooit_afgegeven(hulpvraag_id));

-- Schools and besturen are not pupil data: readable as before.

CREATE FUNCTION kengetallen(p_org bigint, p_jaar integer)
RETURNS TABLE (bestuur text, school text, brin text, soort text, categorie text, aantal bigint, bedrag_cent bigint)
LANGUAGE sql STABLE SET search_path = balie, pg_catalog AS $$
	-- Whoever sees the hulpvraag (the back office): plain joins under
	-- row-level security.  The bestuur's contact, who never sees the
	-- hulpvraag, through the helpers — only for those rows, because a
	-- SECURITY DEFINER call per row costs seconds at a million hulpvragen.
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
		UNION ALL
		SELECT kengetal_school(b.hulpvraag_id), 'tlv', coalesce(b.soort, ''), 0::bigint
		  FROM tlv_beschikking b
		 WHERE b.organisatie_id = p_org AND NOT p_org IN (SELECT internal_orgs())
		   AND b.startdatum >= make_date(p_jaar, 8, 1) AND b.startdatum < make_date(p_jaar + 1, 8, 1)
		   AND NOT EXISTS (SELECT 1 FROM hulpvraag h WHERE h.id = b.hulpvraag_id)
		   AND ooit_afgegeven(b.hulpvraag_id)
		UNION ALL
		SELECT kengetal_school(a.hulpvraag_id), 'arrangement', concat_ws(' ', nullif(a.type, ''), nullif(a.categorie, '')),
		       coalesce(a.bedrag_cent, 0)
		  FROM aanpak a
		 WHERE a.organisatie_id = p_org AND NOT p_org IN (SELECT internal_orgs())
		   AND a.startdatum >= make_date(p_jaar, 8, 1) AND a.startdatum < make_date(p_jaar + 1, 8, 1)
		   AND NOT EXISTS (SELECT 1 FROM hulpvraag h WHERE h.id = a.hulpvraag_id)
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

-- ------------------------------------------------ the mail to the bestuur's financial contact
-- 004 §4.2: "De aanvrager en financiële contactpersoon van het schoolbestuur
-- krijgen de melding dat de beschikking is afgegeven."  The aanvrager's mail
-- is the status mail (status_wijzigen); this one goes to
-- schoolbestuur.email_financieel of the hulpvraag's school when a hulpvraag
-- first reaches an 'arrangement' status of beschikking_status ("financieel
-- verwerkt"), in the same transaction as the statushistorie row.  No pupil
-- data: the number, school, period and amount (aanname: this text).
CREATE FUNCTION bestuur_mail() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = balie, pg_catalog AS $$
DECLARE
	v record;
BEGIN
	IF NOT EXISTS (SELECT 1 FROM beschikking_status s WHERE s.organisatie_id = NEW.organisatie_id
	                 AND s.status = NEW.naar AND s.soort = 'arrangement')
	   OR EXISTS (SELECT 1 FROM statushistorie x WHERE x.hulpvraag_id = NEW.hulpvraag_id AND x.id <> NEW.id
	                AND x.naar = NEW.naar) THEN
		RETURN NULL;
	END IF;
	SELECT sb.naam AS bestuur, sb.email_financieel AS aan, sc.naam AS school, o.naam AS organisatie,
	       a.nummer, a.startdatum, a.einddatum, a.bedrag_cent
	  INTO v
	  FROM hulpvraag h JOIN school sc ON sc.id = h.school_id
	  JOIN schoolbestuur sb ON sb.id = sc.schoolbestuur_id
	  JOIN organisatie o ON o.id = h.organisatie_id
	  LEFT JOIN aanpak a ON a.hulpvraag_id = h.id
	 WHERE h.id = NEW.hulpvraag_id;
	IF NOT FOUND OR v.aan IS NULL OR v.aan !~ '^[^@\s]+@[^@\s]+\.[^@\s]+$' THEN
		RETURN NULL;
	END IF;
	INSERT INTO outbox (organisatie_id, hulpvraag_id, aan, onderwerp, tekst)
	VALUES (NEW.organisatie_id, NEW.hulpvraag_id, v.aan,
	        format('Beschikking arrangement %s afgegeven (%s)', coalesce(v.nummer, 'zonder nummer'),
	               regexp_replace(v.school, '[\r\n]', ' ', 'g')),
	        format(E'Beste financiële administratie van %s,\n\n'
	               'De beschikking van arrangement %s voor %s is afgegeven:\n\n'
	               '    periode %s t/m %s, bedrag %s\n\n'
	               'U vindt de beschikking in balie onder Kengetallen (toets k).\n\n'
	               'Met vriendelijke groet,\n%s',
	               v.bestuur, coalesce(v.nummer, '(zonder nummer)'), v.school,
	               coalesce(to_char(v.startdatum, 'DD-MM-YYYY'), '?'), coalesce(to_char(v.einddatum, 'DD-MM-YYYY'), '?'),
	               coalesce('€ ' || translate(to_char(v.bedrag_cent / 100.0, 'FM999,999,990.00'), ',.', '.,'), '?'),
	               v.organisatie));
	RETURN NULL;
END
$$;
CREATE TRIGGER bestuur_mail AFTER INSERT ON statushistorie
	FOR EACH ROW EXECUTE FUNCTION bestuur_mail();
