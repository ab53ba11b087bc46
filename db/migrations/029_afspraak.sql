-- 029_afspraak: the coördinator's own appointments (issue 11 §2, last item).
--
-- 004 §2.4–2.5: "de coördinator zet de aanvraag op ondersteuningsvraag>plannen
-- en plant een afspraak in voor een telefonisch consult.  Als de afspraak is
-- gemaakt zet de coördinator de status op ondersteuningsaanvraag>telefonisch
-- consult"; 004 §4.2: the financieel medewerker "plant de aanvraag in bij de
-- coördinator passend onderwijs SWV" (Arrangement>categorie 2 en 3 bespreken).
--
-- An appointment is a meeting of one case of a commissie marked afspraak
-- (the flow's agenda rule says `afspraak = true`, forms/po3008: commissie
-- "CPO"), with the hulpvraag's coördinator as its only member (voorzitter).
-- So everything the agenda already does holds for it without a second
-- calendar: "Mijn week" (W) lists the meetings one sits in, the .ics export
-- shows "CPO, 1 zaak" without pupil data, the hulpvraag's header shows its
-- bespreekdatum, a status changed outside the agenda lets the point lapse
-- (023), and the flow rule (flow_agenda) names the transition planning makes.
--
-- What differs from a commission meeting: the appointment is created,
-- moved and cancelled together with its one case, by the rulebook action
-- afspraak-plannen (core/recht.c) instead of vergadering-beheren and
-- plannen, and a coördinator only for hulpvragen of which he is the
-- coördinator.  There is no aanleverdeadline (the meeting's deadline is the
-- day before it, to satisfy 016's check) and the capacity is one case.  A
-- second appointment of the coördinator at an overlapping time is allowed
-- with a warning (the coördinator decides), as a member in two meetings is
-- in 023.  All writes go through the SECURITY DEFINER functions below.
SET LOCAL ROLE balie_owner;

-- Aanname: a commissie of the coördinator's own appointments, per
-- organisatie, set by the flow's agenda rule (`afspraak = true`).
ALTER TABLE commissie ADD COLUMN afspraak boolean NOT NULL DEFAULT false;

-- ---------------------------------------------------------------- who may

-- Hulpvraag h (locked) for an appointment by the acting account: visible as
-- back office, the rulebook's afspraak-plannen, and — when the account's
-- only role with that right is coordinator — its own hulpvraag.  p_wat
-- names the act in the refusal.
CREATE FUNCTION afspraak_hulpvraag(p_h bigint, p_wat text) RETURNS hulpvraag
LANGUAGE plpgsql SECURITY DEFINER SET search_path = balie, pg_catalog AS $$
DECLARE
	h hulpvraag%ROWTYPE;
BEGIN
	SELECT * INTO h FROM hulpvraag x WHERE x.id = p_h FOR UPDATE;
	IF NOT FOUND OR h.organisatie_id NOT IN (SELECT internal_orgs())
	   OR NOT hulpvraag_zichtbaar(h.id, h.organisatie_id, h.voorlopig, h.aanvrager_id) THEN
		RAISE EXCEPTION 'hulpvraag niet gevonden, of je hebt er geen toegang toe' USING ERRCODE = 'P0001';
	END IF;
	IF NOT mag('afspraak-plannen', h.organisatie_id) THEN
		RAISE EXCEPTION '% mag jouw rol niet', p_wat USING ERRCODE = '42501';
	END IF;
	IF h.coordinator_id IS DISTINCT FROM (SELECT acting_account())
	   AND NOT EXISTS (SELECT 1 FROM account_rol r JOIN recht x ON x.rol = r.rol AND x.actie = 'afspraak-plannen'
	                    WHERE r.account_id = (SELECT acting_account()) AND r.organisatie_id = h.organisatie_id
	                      AND r.rol <> 'coordinator') THEN
		RAISE EXCEPTION '% doet alleen de coördinator van deze hulpvraag (of het secretariaat of de financieel medewerker)', p_wat
			USING ERRCODE = '42501';
	END IF;
	IF h.coordinator_id IS NULL THEN
		RAISE EXCEPTION 'Deze hulpvraag heeft nog geen coördinator; kies eerst een coördinator' USING ERRCODE = 'P0001';
	END IF;
	RETURN h;
END
$$;
REVOKE EXECUTE ON FUNCTION afspraak_hulpvraag(bigint, text) FROM PUBLIC;

-- The date and times of an appointment, refused with the Dutch reason.
CREATE FUNCTION afspraak_tijden(p_datum date, p_begin time, p_eind time) RETURNS void
LANGUAGE plpgsql SET search_path = balie, pg_catalog AS $$
BEGIN
	IF p_datum IS NULL OR p_begin IS NULL OR p_eind IS NULL THEN
		RAISE EXCEPTION 'Datum, begintijd en eindtijd zijn verplicht' USING ERRCODE = 'P0001';
	END IF;
	IF p_eind <= p_begin THEN
		RAISE EXCEPTION 'De eindtijd (%) ligt niet na de begintijd (%)', to_char(p_eind, 'HH24:MI'),
			to_char(p_begin, 'HH24:MI') USING ERRCODE = 'P0001';
	END IF;
	IF p_datum < current_date THEN
		RAISE EXCEPTION 'De datum % is al geweest', to_char(p_datum, 'DD-MM-YYYY') USING ERRCODE = 'P0001';
	END IF;
END
$$;
REVOKE EXECUTE ON FUNCTION afspraak_tijden(date, time, time) FROM PUBLIC;

-- The coördinator's other meetings (appointments and commission meetings he
-- sits in) that overlap, as one warning; NULL when none.
CREATE FUNCTION afspraak_dubbel(p_account bigint, p_v bigint, p_datum date, p_begin time, p_eind time)
RETURNS text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = balie, pg_catalog AS $$
	SELECT 'Let op: de coördinator heeft dan al ' ||
	       string_agg(format('%s %s–%s', c.code, to_char(x.begintijd, 'HH24:MI'), to_char(x.eindtijd, 'HH24:MI')),
	                  ', ' ORDER BY x.begintijd)
	  FROM vergadering x JOIN vergadering_lid l ON l.vergadering_id = x.id JOIN commissie c ON c.id = x.commissie_id
	 WHERE l.account_id = p_account AND x.id IS DISTINCT FROM p_v AND x.datum = p_datum AND x.status = 'gepland'
	   AND x.begintijd < p_eind AND p_begin < x.eindtijd
$$;
REVOKE EXECUTE ON FUNCTION afspraak_dubbel(bigint, bigint, date, time, time) FROM PUBLIC;

-- The mail p_onderwerp/p_tekst about hulpvraag h to its aanvrager, when
-- there is one and the aanvrager has an address and wants mail; whether it
-- was queued.
CREATE FUNCTION afspraak_mail(h hulpvraag, p_onderwerp text, p_tekst text) RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER SET search_path = balie, pg_catalog AS $$
BEGIN
	IF p_onderwerp IS NULL OR h.aanvrager_email IS NULL OR h.geen_mail THEN
		RETURN false;
	END IF;
	INSERT INTO outbox (organisatie_id, hulpvraag_id, aan, onderwerp, tekst)
	VALUES (h.organisatie_id, h.id, h.aanvrager_email, p_onderwerp, p_tekst);
	RETURN true;
END
$$;
REVOKE EXECUTE ON FUNCTION afspraak_mail(hulpvraag, text, text) FROM PUBLIC;

-- ---------------------------------------------------------------- planning

-- Plans an appointment for hulpvraag p_h (at the version the person saw) on
-- p_datum from p_begin to p_eind at p_locatie (a place or a telephone
-- number): the meeting of the afspraak commissie its flow names, the
-- hulpvraag's coördinator as its member, the case on it, the flow's
-- transition with the mail p_onderwerp/p_tekst (composed by the program
-- with date and time, no pupil name in the subject) to the aanvrager — one
-- transaction.  Refused (P0001/42501) with the Dutch reason.  Returns the
-- meeting, the hulpvraag's new version and status, whether it was an
-- earlier send of the same key, whether a mail was queued, and the
-- double-booking warning (NULL: none).
CREATE FUNCTION afspraak_plannen(p_h bigint, p_version integer, p_datum date, p_begin time, p_eind time,
                                 p_locatie text, p_onderwerp text, p_tekst text, p_idempotentie text)
RETURNS TABLE (id bigint, versie integer, status text, herhaald boolean, mail boolean, waarschuwing text)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = balie, pg_catalog AS $$
#variable_conflict use_column
DECLARE
	h    hulpvraag%ROWTYPE;
	c    commissie%ROWTYPE;
	r    flow_agenda%ROWTYPE;
	v_id bigint;
	p_id bigint;
	v_versie integer;
	v_status text;
	w    record;
	dubbel text;
BEGIN
	IF p_idempotentie IS NOT NULL THEN
		SELECT v.id, hv.version, hv.status INTO v_id, v_versie, v_status
		  FROM vergadering v JOIN agendapunt a ON a.vergadering_id = v.id JOIN hulpvraag hv ON hv.id = a.hulpvraag_id
		 WHERE v.idempotentie = p_idempotentie;
		IF FOUND THEN
			RETURN QUERY SELECT v_id, v_versie, v_status, true, false, NULL::text;
			RETURN;
		END IF;
	END IF;
	h := afspraak_hulpvraag(p_h, 'Een afspraak plannen');
	PERFORM afspraak_tijden(p_datum, p_begin, p_eind);
	IF h.version <> p_version THEN
		RAISE EXCEPTION 'De hulpvraag is intussen gewijzigd; laad opnieuw' USING ERRCODE = 'P0001';
	END IF;
	SELECT x.* INTO r FROM flow_agenda x JOIN commissie k ON k.code = x.commissie AND k.organisatie_id = h.organisatie_id
	 WHERE x.aanvraagtype_id = h.aanvraagtype_id AND k.afspraak
	   AND (h.status = ANY (x.van) OR h.status IS NOT DISTINCT FROM x.naar)
	 ORDER BY x.commissie LIMIT 1;
	IF NOT FOUND THEN
		RAISE EXCEPTION 'Deze hulpvraag (status %) staat niet klaar voor een afspraak met de coördinator', h.status
			USING ERRCODE = 'P0001';
	END IF;
	SELECT * INTO c FROM commissie x WHERE x.organisatie_id = h.organisatie_id AND x.code = r.commissie;
	SELECT a.vergadering_id, x.datum, k.code INTO w FROM agendapunt a JOIN vergadering x ON x.id = a.vergadering_id
	  JOIN commissie k ON k.id = x.commissie_id WHERE a.hulpvraag_id = h.id AND a.open;
	IF FOUND THEN
		RAISE EXCEPTION 'Deze hulpvraag staat al gepland: % %', w.code, to_char(w.datum, 'DD-MM-YYYY')
			USING ERRCODE = 'P0001';
	END IF;
	dubbel := afspraak_dubbel(h.coordinator_id, NULL, p_datum, p_begin, p_eind);
	INSERT INTO vergadering (organisatie_id, commissie_id, datum, begintijd, eindtijd, locatie, capaciteit_zaken,
	                         deadline, idempotentie)
	VALUES (h.organisatie_id, c.id, p_datum, p_begin, p_eind, coalesce(btrim(p_locatie), ''), 1, p_datum - 1,
	        p_idempotentie)
	RETURNING vergadering.id INTO v_id;
	INSERT INTO vergadering_lid (vergadering_id, organisatie_id, account_id, rol)
	VALUES (v_id, h.organisatie_id, h.coordinator_id, 'voorzitter');
	INSERT INTO agendapunt (organisatie_id, vergadering_id, hulpvraag_id, volgorde, gepland_door)
	VALUES (h.organisatie_id, v_id, h.id, 0, (SELECT acting_account()))
	RETURNING agendapunt.id INTO p_id;
	v_versie := h.version;
	v_status := h.status;
	IF r.naar IS NOT NULL AND r.naar <> h.status THEN
		SELECT s.uitkomst, s.versie, s.status INTO w
		  FROM status_wijzigen(h.id, p_version, r.naar,
		                       format('Afspraak %s %s %s–%s', c.code, to_char(p_datum, 'DD-MM-YYYY'),
		                              to_char(p_begin, 'HH24:MI'), to_char(p_eind, 'HH24:MI')),
		                       NULL, p_onderwerp, p_tekst) s;
		IF w.uitkomst <> 'ok' THEN
			RAISE EXCEPTION 'De hulpvraag is intussen gewijzigd; laad opnieuw' USING ERRCODE = 'P0001';
		END IF;
		v_versie := w.versie;
		v_status := w.status;
	ELSE
		PERFORM afspraak_mail(h, p_onderwerp, p_tekst);
	END IF;
	INSERT INTO audit_log (account_id, organisatie_id, actie, object, object_id, detail)
	VALUES ((SELECT acting_account()), h.organisatie_id, 'afspraak', 'vergadering', v_id,
	        format('hulpvraag %s agendapunt %s coördinator %s', h.id, p_id, h.coordinator_id));
	RETURN QUERY SELECT v_id, v_versie, v_status, false,
		p_onderwerp IS NOT NULL AND h.aanvrager_email IS NOT NULL AND NOT h.geen_mail, dubbel;
END
$$;
REVOKE EXECUTE ON FUNCTION afspraak_plannen(bigint, integer, date, time, time, text, text, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION afspraak_plannen(bigint, integer, date, time, time, text, text, text, text) TO balie_app;

-- The appointment p_v (at the version the person saw) with its open case,
-- locked, for who may plan it; refused otherwise.
CREATE FUNCTION afspraak_van(p_v bigint, p_version integer, p_wat text,
                             OUT v vergadering, OUT h hulpvraag)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = balie, pg_catalog AS $$
DECLARE
	pid bigint;
BEGIN
	SELECT x.* INTO v FROM vergadering x JOIN commissie c ON c.id = x.commissie_id
	 WHERE x.id = p_v AND c.afspraak FOR UPDATE OF x;
	IF NOT FOUND OR v.organisatie_id NOT IN (SELECT internal_orgs()) THEN
		RAISE EXCEPTION 'Afspraak niet gevonden' USING ERRCODE = 'P0001';
	END IF;
	SELECT a.hulpvraag_id INTO pid FROM agendapunt a WHERE a.vergadering_id = v.id ORDER BY a.open DESC, a.id DESC LIMIT 1;
	h := afspraak_hulpvraag(pid, p_wat);
	IF v.version <> p_version THEN
		RAISE EXCEPTION 'De afspraak is intussen gewijzigd; laad opnieuw' USING ERRCODE = 'P0001';
	END IF;
	IF v.status = 'geannuleerd' THEN
		RAISE EXCEPTION 'De afspraak van % is al geannuleerd', to_char(v.datum, 'DD-MM-YYYY') USING ERRCODE = 'P0001';
	END IF;
	IF NOT EXISTS (SELECT 1 FROM agendapunt a WHERE a.vergadering_id = v.id AND a.open) THEN
		RAISE EXCEPTION 'Deze afspraak is al geweest of vervallen' USING ERRCODE = 'P0001';
	END IF;
END
$$;
REVOKE EXECUTE ON FUNCTION afspraak_van(bigint, integer, text) FROM PUBLIC;

-- Moves appointment p_v to another date and time (and place): one
-- transaction with the mail of the new time to the aanvrager (not when the
-- aanvrager has no address or wants none).  Returns the meeting's new
-- version, whether a mail was queued and the double-booking warning.
CREATE FUNCTION afspraak_verplaatsen(p_v bigint, p_version integer, p_datum date, p_begin time, p_eind time,
                                     p_locatie text, p_onderwerp text, p_tekst text)
RETURNS TABLE (versie integer, mail boolean, waarschuwing text)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = balie, pg_catalog AS $$
#variable_conflict use_column
DECLARE
	x record;
	n integer;
	m boolean;
BEGIN
	SELECT * INTO x FROM afspraak_van(p_v, p_version, 'Een afspraak verplaatsen');
	PERFORM afspraak_tijden(p_datum, p_begin, p_eind);
	UPDATE vergadering v SET datum = p_datum, begintijd = p_begin, eindtijd = p_eind, deadline = p_datum - 1,
	       locatie = coalesce(btrim(p_locatie), v.locatie), version = v.version + 1
	 WHERE v.id = p_v RETURNING v.version INTO n;
	m := afspraak_mail(x.h, p_onderwerp, p_tekst);
	INSERT INTO audit_log (account_id, organisatie_id, actie, object, object_id, detail)
	VALUES ((SELECT acting_account()), (x.v).organisatie_id, 'afspraak-verplaatsen', 'vergadering', p_v,
	        format('hulpvraag %s van %s naar %s', (x.h).id, (x.v).datum, p_datum));
	PERFORM pg_notify('balie_changes', format('hulpvraag %s %s', (x.h).id, (x.h).organisatie_id));
	RETURN QUERY SELECT n, m, afspraak_dubbel((x.h).coordinator_id, p_v, p_datum, p_begin, p_eind);
END
$$;
REVOKE EXECUTE ON FUNCTION afspraak_verplaatsen(bigint, integer, date, time, time, text, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION afspraak_verplaatsen(bigint, integer, date, time, time, text, text, text) TO balie_app;

-- Cancels appointment p_v with a reason: its case is let go (016's
-- vergadering_geannuleerd) and the hulpvraag is ready for a new
-- appointment (its status stays: the planned status without an open
-- meeting counts as ready); the aanvrager gets the mail p_onderwerp/p_tekst.
-- Returns whether a mail was queued.
CREATE FUNCTION afspraak_annuleren(p_v bigint, p_version integer, p_reden text, p_onderwerp text, p_tekst text)
RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER SET search_path = balie, pg_catalog AS $$
DECLARE
	x record;
	m boolean;
BEGIN
	SELECT * INTO x FROM afspraak_van(p_v, p_version, 'Een afspraak annuleren');
	IF coalesce(btrim(p_reden), '') = '' THEN
		RAISE EXCEPTION 'Zeg waarom de afspraak niet doorgaat' USING ERRCODE = 'P0001';
	END IF;
	UPDATE vergadering v SET status = 'geannuleerd', annuleer_reden = btrim(p_reden), version = v.version + 1
	 WHERE v.id = p_v;
	m := afspraak_mail(x.h, p_onderwerp, p_tekst);
	INSERT INTO audit_log (account_id, organisatie_id, actie, object, object_id, detail)
	VALUES ((SELECT acting_account()), (x.v).organisatie_id, 'afspraak-annuleren', 'vergadering', p_v,
	        format('hulpvraag %s', (x.h).id));
	PERFORM pg_notify('balie_changes', format('hulpvraag %s %s', (x.h).id, (x.h).organisatie_id));
	RETURN m;
END
$$;
REVOKE EXECUTE ON FUNCTION afspraak_annuleren(bigint, integer, text, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION afspraak_annuleren(bigint, integer, text, text, text) TO balie_app;
