-- 016_agenda: the commission agenda (issue 11) — commissies, vergaderingen,
-- their leden and the agendapunten (one hulpvraag on one vergadering).
--
-- Who may do what is the rulebook (core/recht.c): vergadering-beheren
-- (create, edit, cancel a meeting and its members), plannen (put a hulpvraag
-- on a meeting, take it off), uitkomst-vastleggen (the outcome of an
-- agendapunt).  Vergaderingen and leden are written under policies that ask
-- balie.mag(); agendapunten only through the SECURITY DEFINER functions
-- below, because planning also moves the hulpvraag along its flow
-- (status_wijzigen, same transaction) and gives the meeting's external
-- members a hulpvraag_toegang of kind 'vergadering' until N days after the
-- meeting (004 §7.5: external users see the hulpvragen they are linked to
-- "via aanpak of een vergadering").  Which statuses are ready for which
-- commissie, and which status planning and each outcome make, is data of
-- the flow (`agenda` in a .flow file, table flow_agenda), published by
-- `balie admin forms load`.
SET LOCAL ROLE balie_owner;

-- ---------------------------------------------------------------- configuration

-- The schoolvakantie regio of the organisatie (forms/schoolvakanties/):
-- meeting series skip its holidays.  NULL: none skipped, only feestdagen.
ALTER TABLE organisatie ADD COLUMN regio text CHECK (regio IN ('noord', 'midden', 'zuid'));

-- The commissies of an organisatie (CT, AC, Kans!overleg, PCL/ZAT, …): data
-- of the profile, written by `balie admin` / the demo, never by balie_app.
CREATE TABLE commissie (
	id                 bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	organisatie_id     bigint NOT NULL REFERENCES organisatie,
	code               text NOT NULL CHECK (code ~ '^[[:alnum:]!/ -]{1,40}$'),
	naam               text NOT NULL CHECK (naam <> ''),
	deadline_werkdagen integer NOT NULL DEFAULT 5 CHECK (deadline_werkdagen BETWEEN 0 AND 60),
	toegang_dagen      integer NOT NULL DEFAULT 14 CHECK (toegang_dagen BETWEEN 0 AND 365),
	UNIQUE (organisatie_id, code),
	UNIQUE (id, organisatie_id)
);
GRANT SELECT ON commissie TO balie_app, balie_report;

-- Per aanvraagtype and commissie: the statuses ready to be planned (van),
-- the status planning makes (naar, NULL: it stays) and the status each
-- outcome makes (aangehouden: back to one that is ready again).
CREATE TABLE flow_agenda (
	aanvraagtype_id bigint NOT NULL REFERENCES aanvraagtype ON DELETE CASCADE,
	commissie       text NOT NULL,
	van             text[] NOT NULL CHECK (cardinality(van) > 0),
	naar            text,
	toegekend       text,
	afgewezen       text,
	aangehouden     text,
	PRIMARY KEY (aanvraagtype_id, commissie)
);
GRANT SELECT ON flow_agenda TO balie_app, balie_report;

-- ---------------------------------------------------------------- meetings

CREATE TABLE vergadering (
	id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	organisatie_id   bigint NOT NULL REFERENCES organisatie,
	commissie_id     bigint NOT NULL,
	datum            date NOT NULL,
	begintijd        time NOT NULL,
	eindtijd         time NOT NULL,
	locatie          text NOT NULL DEFAULT '',
	link             text,                    -- online: the meeting's link
	capaciteit_zaken integer NOT NULL DEFAULT 0 CHECK (capaciteit_zaken BETWEEN 0 AND 99),
	minuten_per_zaak integer NOT NULL DEFAULT 0 CHECK (minuten_per_zaak BETWEEN 0 AND 480),
	deadline         date NOT NULL,
	status           text NOT NULL DEFAULT 'gepland' CHECK (status IN ('gepland', 'geannuleerd')),
	annuleer_reden   text,
	idempotentie     text UNIQUE CHECK (idempotentie ~ '^[0-9a-f]{32}$'),
	gewijzigd_door   bigint REFERENCES account,
	created_at       timestamptz NOT NULL DEFAULT now(),
	updated_at       timestamptz NOT NULL DEFAULT now(),
	version          integer NOT NULL DEFAULT 1,
	CHECK (eindtijd > begintijd),
	CHECK (capaciteit_zaken > 0 OR minuten_per_zaak > 0),
	CHECK (deadline < datum),
	UNIQUE (id, organisatie_id),
	FOREIGN KEY (commissie_id, organisatie_id) REFERENCES commissie (id, organisatie_id)
);
CREATE INDEX vergadering_org_datum ON vergadering (organisatie_id, datum, id);
CREATE INDEX vergadering_commissie ON vergadering (commissie_id, datum);

-- How many cases fit: the number, or the meeting's minutes per case.
CREATE FUNCTION vergadering_capaciteit(v vergadering) RETURNS integer
LANGUAGE sql IMMUTABLE AS $$
	SELECT CASE WHEN v.capaciteit_zaken > 0 THEN v.capaciteit_zaken
	            ELSE (extract(epoch FROM v.eindtijd - v.begintijd)::integer / 60) / v.minuten_per_zaak END
$$;
GRANT EXECUTE ON FUNCTION vergadering_capaciteit(vergadering) TO balie_app, balie_report;

CREATE TABLE vergadering_lid (
	vergadering_id bigint NOT NULL,
	organisatie_id bigint NOT NULL,
	account_id     bigint NOT NULL REFERENCES account,
	rol            text NOT NULL CHECK (rol IN ('voorzitter', 'secretaris', 'deskundige', 'orthopedagoog', 'lid')),
	PRIMARY KEY (vergadering_id, account_id),
	FOREIGN KEY (vergadering_id, organisatie_id) REFERENCES vergadering (id, organisatie_id) ON DELETE CASCADE
);
CREATE INDEX vergadering_lid_account ON vergadering_lid (account_id);

CREATE TABLE agendapunt (
	id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	organisatie_id bigint NOT NULL,
	vergadering_id bigint NOT NULL,
	hulpvraag_id   bigint NOT NULL,
	volgorde       integer NOT NULL CHECK (volgorde >= 0),
	open           boolean NOT NULL DEFAULT true, -- planned, no outcome yet, not taken off
	uitkomst       text CHECK (uitkomst IN ('toegekend', 'afgewezen', 'aangehouden')),
	notitie        text NOT NULL DEFAULT '',
	override_reden text,                          -- planned after the aanleverdeadline: why
	gepland_door   bigint REFERENCES account,
	gepland_op     timestamptz NOT NULL DEFAULT now(),
	besloten_door  bigint REFERENCES account,
	besloten_op    timestamptz,
	idempotentie   text UNIQUE CHECK (idempotentie ~ '^[0-9a-f]{32}$'),
	version        integer NOT NULL DEFAULT 1,
	CHECK (NOT open OR uitkomst IS NULL),
	FOREIGN KEY (vergadering_id, organisatie_id) REFERENCES vergadering (id, organisatie_id),
	FOREIGN KEY (hulpvraag_id, organisatie_id) REFERENCES hulpvraag (id, organisatie_id)
);
-- a hulpvraag is on at most one open meeting
CREATE UNIQUE INDEX agendapunt_een_open ON agendapunt (hulpvraag_id) WHERE open;
CREATE INDEX agendapunt_vergadering ON agendapunt (vergadering_id, volgorde);

-- ---------------------------------------------------------------- who sees what

ALTER TABLE commissie ENABLE ROW LEVEL SECURITY;
ALTER TABLE commissie FORCE ROW LEVEL SECURITY;
CREATE POLICY eigenaar ON commissie TO balie_owner USING (true) WITH CHECK (true);
CREATE POLICY zichtbaar ON commissie FOR SELECT TO balie_app, balie_report
	USING (organisatie_id IN (SELECT member_orgs()));

ALTER TABLE vergadering_lid ENABLE ROW LEVEL SECURITY;
ALTER TABLE vergadering_lid FORCE ROW LEVEL SECURITY;
CREATE POLICY eigenaar ON vergadering_lid TO balie_owner USING (true) WITH CHECK (true);
-- the back office sees every member; a member sees its own rows (no look at
-- vergadering, whose policy looks here)
CREATE POLICY zichtbaar ON vergadering_lid FOR SELECT TO balie_app, balie_report
	USING (organisatie_id IN (SELECT internal_orgs()) OR account_id = acting_account());
CREATE POLICY beheren ON vergadering_lid FOR INSERT TO balie_app
	WITH CHECK (mag('vergadering-beheren', organisatie_id));
CREATE POLICY verwijderen ON vergadering_lid FOR DELETE TO balie_app
	USING (mag('vergadering-beheren', organisatie_id));
GRANT SELECT, INSERT, DELETE ON vergadering_lid TO balie_app;
GRANT SELECT ON vergadering_lid TO balie_report;

ALTER TABLE vergadering ENABLE ROW LEVEL SECURITY;
ALTER TABLE vergadering FORCE ROW LEVEL SECURITY;
CREATE POLICY eigenaar ON vergadering TO balie_owner USING (true) WITH CHECK (true);
CREATE POLICY zichtbaar ON vergadering FOR SELECT TO balie_app, balie_report
	USING (organisatie_id IN (SELECT internal_orgs())
	       OR EXISTS (SELECT 1 FROM vergadering_lid l WHERE l.vergadering_id = vergadering.id
	                                                 AND l.account_id = acting_account()));
CREATE POLICY beheren ON vergadering FOR INSERT TO balie_app
	WITH CHECK (mag('vergadering-beheren', organisatie_id));
CREATE POLICY wijzigen ON vergadering FOR UPDATE TO balie_app
	USING (mag('vergadering-beheren', organisatie_id))
	WITH CHECK (mag('vergadering-beheren', organisatie_id));
GRANT SELECT, INSERT, UPDATE ON vergadering TO balie_app;
GRANT SELECT ON vergadering TO balie_report;

ALTER TABLE agendapunt ENABLE ROW LEVEL SECURITY;
ALTER TABLE agendapunt FORCE ROW LEVEL SECURITY;
CREATE POLICY eigenaar ON agendapunt TO balie_owner USING (true) WITH CHECK (true);
-- a point is seen by who sees both its meeting and its hulpvraag
CREATE POLICY zichtbaar ON agendapunt FOR SELECT TO balie_app, balie_report
	USING (EXISTS (SELECT 1 FROM vergadering v WHERE v.id = agendapunt.vergadering_id)
	       AND EXISTS (SELECT 1 FROM hulpvraag h WHERE h.id = agendapunt.hulpvraag_id));
GRANT SELECT ON agendapunt TO balie_app, balie_report;

-- ---------------------------------------------------------------- the meeting's version and members' access

CREATE FUNCTION vergadering_bij() RETURNS trigger
LANGUAGE plpgsql SET search_path = balie, pg_catalog AS $$
BEGIN
	NEW.updated_at := now();
	-- the acting account when it is one (admin and demo work set none)
	NEW.gewijzigd_door := (SELECT a.id FROM account a WHERE a.id = acting_account());
	IF TG_OP = 'UPDATE' AND (NEW.organisatie_id <> OLD.organisatie_id OR NEW.commissie_id <> OLD.commissie_id) THEN
		RAISE EXCEPTION 'Organisatie en commissie van een vergadering veranderen niet' USING ERRCODE = '42501';
	END IF;
	RETURN NEW;
END
$$;
CREATE TRIGGER vergadering_bij BEFORE INSERT OR UPDATE ON vergadering
	FOR EACH ROW EXECUTE FUNCTION vergadering_bij();

-- Gives the external (not back-office) members of meeting p_v access to
-- hulpvraag p_h until N days after the meeting (N: the commissie's
-- toegang_dagen); an existing link keeps the later end.
CREATE FUNCTION vergadering_toegang(p_v bigint, p_h bigint) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = balie, pg_catalog AS $$
BEGIN
	INSERT INTO hulpvraag_toegang AS t (hulpvraag_id, account_id, soort, tot, organisatie_id)
	SELECT p_h, l.account_id, 'vergadering', v.datum + c.toegang_dagen, v.organisatie_id
	  FROM vergadering v JOIN commissie c ON c.id = v.commissie_id
	  JOIN vergadering_lid l ON l.vergadering_id = v.id
	 WHERE v.id = p_v
	   AND NOT EXISTS (SELECT 1 FROM account_rol r WHERE r.account_id = l.account_id
	                      AND r.organisatie_id = v.organisatie_id
	                      AND r.rol IN ('secretariaat', 'financieel', 'coordinator', 'admin'))
	ON CONFLICT (hulpvraag_id, account_id, soort) DO UPDATE SET tot = greatest(t.tot, EXCLUDED.tot);
END
$$;
REVOKE EXECUTE ON FUNCTION vergadering_toegang(bigint, bigint) FROM PUBLIC;

-- A member added after planning sees the open cases of the meeting too.
CREATE FUNCTION vergadering_lid_bij() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = balie, pg_catalog AS $$
BEGIN
	PERFORM vergadering_toegang(NEW.vergadering_id, a.hulpvraag_id)
	   FROM agendapunt a WHERE a.vergadering_id = NEW.vergadering_id AND a.open;
	RETURN NULL;
END
$$;
REVOKE EXECUTE ON FUNCTION vergadering_lid_bij() FROM PUBLIC;
CREATE TRIGGER vergadering_lid_bij AFTER INSERT ON vergadering_lid
	FOR EACH ROW EXECUTE FUNCTION vergadering_lid_bij();

-- A cancelled meeting lets go of its open cases: they are "te plannen"
-- again (their status still says planned; the list and agendapunt_plannen
-- treat that status without an open meeting as ready).
CREATE FUNCTION vergadering_geannuleerd() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = balie, pg_catalog AS $$
BEGIN
	IF NEW.status = 'geannuleerd' AND OLD.status <> 'geannuleerd' THEN
		UPDATE agendapunt SET open = false, notitie = 'vergadering geannuleerd', version = version + 1
		 WHERE vergadering_id = NEW.id AND open;
	END IF;
	RETURN NULL;
END
$$;
REVOKE EXECUTE ON FUNCTION vergadering_geannuleerd() FROM PUBLIC;
CREATE TRIGGER vergadering_geannuleerd AFTER UPDATE OF status ON vergadering
	FOR EACH ROW EXECUTE FUNCTION vergadering_geannuleerd();

-- ---------------------------------------------------------------- planning

-- Puts hulpvraag p_h (at the version the person saw) on meeting p_v and
-- moves it along its flow (flow_agenda) in the same transaction; the
-- status mail (p_onderwerp/p_tekst, composed by the program with the date,
-- time and place and without the pupil's name in the subject) goes to the
-- aanvrager.  Refused (P0001) with the Dutch reason: no right, cancelled or
-- past meeting, full meeting, aanleverdeadline passed without a reason,
-- a status not ready for this commissie, already on an open meeting.  The
-- meeting row is locked first, so two people planning its last place at
-- once are served one after the other: the second is told it is full.
-- Returns the agendapunt, the hulpvraag's new version and status, whether
-- it was an earlier send of the same key, and whether a mail was queued
-- (not when the aanvrager has no address or asked for none).
CREATE FUNCTION agendapunt_plannen(p_h bigint, p_version integer, p_v bigint, p_override text,
                                   p_onderwerp text, p_tekst text, p_idempotentie text)
RETURNS TABLE (id bigint, versie integer, status text, herhaald boolean, mail boolean)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = balie, pg_catalog AS $$
#variable_conflict use_column
DECLARE
	v    vergadering%ROWTYPE;
	h    hulpvraag%ROWTYPE;
	c    commissie%ROWTYPE;
	r    flow_agenda%ROWTYPE;
	n    integer;
	cap  integer;
	v_id bigint;
	v_versie integer;
	v_status text;
	w    record;
BEGIN
	IF p_idempotentie IS NOT NULL THEN
		SELECT a.id, hv.version, hv.status INTO v_id, v_versie, v_status
		  FROM agendapunt a JOIN hulpvraag hv ON hv.id = a.hulpvraag_id WHERE a.idempotentie = p_idempotentie;
		IF FOUND THEN
			RETURN QUERY SELECT v_id, v_versie, v_status, true, false;
			RETURN;
		END IF;
	END IF;
	SELECT * INTO v FROM vergadering x WHERE x.id = p_v FOR UPDATE;
	IF NOT FOUND OR v.organisatie_id NOT IN (SELECT internal_orgs()) THEN
		RAISE EXCEPTION 'Vergadering niet gevonden' USING ERRCODE = 'P0001';
	END IF;
	IF NOT mag('plannen', v.organisatie_id) THEN
		RAISE EXCEPTION 'Plannen op de agenda mag jouw rol niet' USING ERRCODE = '42501';
	END IF;
	SELECT * INTO h FROM hulpvraag x WHERE x.id = p_h;
	IF NOT FOUND OR NOT hulpvraag_zichtbaar(h.id, h.organisatie_id, h.voorlopig, h.aanvrager_id)
	   OR h.organisatie_id <> v.organisatie_id THEN
		RAISE EXCEPTION 'hulpvraag niet gevonden, of je hebt er geen toegang toe' USING ERRCODE = 'P0001';
	END IF;
	SELECT * INTO c FROM commissie x WHERE x.id = v.commissie_id;
	IF v.status = 'geannuleerd' THEN
		RAISE EXCEPTION 'De vergadering van % is geannuleerd', to_char(v.datum, 'DD-MM-YYYY') USING ERRCODE = 'P0001';
	END IF;
	IF v.datum < current_date THEN
		RAISE EXCEPTION 'De vergadering van % is al geweest', to_char(v.datum, 'DD-MM-YYYY') USING ERRCODE = 'P0001';
	END IF;
	SELECT count(*) INTO n FROM agendapunt a WHERE a.vergadering_id = v.id AND a.open;
	cap := vergadering_capaciteit(v);
	IF n >= cap THEN
		RAISE EXCEPTION 'De vergadering is vol (% van % zaken)', n, cap USING ERRCODE = 'P0001';
	END IF;
	IF current_date > v.deadline AND coalesce(btrim(p_override), '') = '' THEN
		RAISE EXCEPTION 'De aanleverdeadline (%) is verstreken; plannen kan met een reden',
			to_char(v.deadline, 'DD-MM-YYYY') USING ERRCODE = 'P0001';
	END IF;
	SELECT * INTO r FROM flow_agenda x WHERE x.aanvraagtype_id = h.aanvraagtype_id AND x.commissie = c.code;
	-- ready: a status the flow names, or already the planned status without
	-- an open meeting (its meeting was cancelled, or it was taken off)
	IF NOT FOUND OR NOT (h.status = ANY (r.van) OR h.status IS NOT DISTINCT FROM r.naar) THEN
		RAISE EXCEPTION 'Deze hulpvraag (status %) staat niet klaar voor de %', h.status, c.code
			USING ERRCODE = 'P0001';
	END IF;
	SELECT a.vergadering_id, x.datum INTO w FROM agendapunt a JOIN vergadering x ON x.id = a.vergadering_id
	 WHERE a.hulpvraag_id = h.id AND a.open;
	IF FOUND THEN
		RAISE EXCEPTION 'Deze hulpvraag staat al op de agenda van %', to_char(w.datum, 'DD-MM-YYYY')
			USING ERRCODE = 'P0001';
	END IF;
	INSERT INTO agendapunt (organisatie_id, vergadering_id, hulpvraag_id, volgorde, override_reden,
	                        gepland_door, idempotentie)
	VALUES (v.organisatie_id, v.id, h.id,
	        coalesce((SELECT max(a.volgorde) + 1 FROM agendapunt a WHERE a.vergadering_id = v.id AND a.open), 0),
	        CASE WHEN current_date > v.deadline THEN btrim(p_override) END, acting_account(), p_idempotentie)
	RETURNING agendapunt.id INTO v_id;
	PERFORM vergadering_toegang(v.id, h.id);
	v_versie := h.version;
	v_status := h.status;
	IF r.naar IS NOT NULL AND r.naar <> h.status THEN
		SELECT s.uitkomst, s.versie, s.status INTO w
		  FROM status_wijzigen(h.id, p_version, r.naar,
		                       format('Geagendeerd: %s %s', c.code, to_char(v.datum, 'DD-MM-YYYY')),
		                       NULL, p_onderwerp, p_tekst) s;
		IF w.uitkomst <> 'ok' THEN
			RAISE EXCEPTION 'De hulpvraag is intussen gewijzigd; laad opnieuw' USING ERRCODE = 'P0001';
		END IF;
		v_versie := w.versie;
		v_status := w.status;
	ELSIF p_onderwerp IS NOT NULL AND h.aanvrager_email IS NOT NULL AND NOT h.geen_mail THEN
		-- the status stays (001: "in behandeling" shows the bespreekdatum): only the mail
		INSERT INTO outbox (organisatie_id, hulpvraag_id, aan, onderwerp, tekst)
		VALUES (h.organisatie_id, h.id, h.aanvrager_email, p_onderwerp, p_tekst);
	END IF;
	INSERT INTO audit_log (account_id, organisatie_id, actie, object, object_id, detail)
	VALUES (acting_account(), v.organisatie_id, 'plannen', 'agendapunt', v_id,
	        format('hulpvraag %s vergadering %s%s', h.id, v.id,
	               CASE WHEN current_date > v.deadline THEN ' na deadline' ELSE '' END));
	RETURN QUERY SELECT v_id, v_versie, v_status, false,
		p_onderwerp IS NOT NULL AND h.aanvrager_email IS NOT NULL AND NOT h.geen_mail;
END
$$;
REVOKE EXECUTE ON FUNCTION agendapunt_plannen(bigint, integer, bigint, text, text, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION agendapunt_plannen(bigint, integer, bigint, text, text, text, text) TO balie_app;

-- Records the outcome of agendapunt p_id (at the version the person saw)
-- and makes the flow's transition for it; "aangehouden" puts the hulpvraag
-- back among those to plan (001 stap 12) with the note as its reason.
-- Returns the point's new version ('conflict' and the current version when
-- someone else was first).
CREATE FUNCTION agendapunt_uitkomst(p_id bigint, p_version integer, p_uitkomst text, p_notitie text,
                                    p_onderwerp text, p_tekst text)
RETURNS TABLE (uitkomst text, versie integer, status text)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = balie, pg_catalog AS $$
#variable_conflict use_column
DECLARE
	a    agendapunt%ROWTYPE;
	h    hulpvraag%ROWTYPE;
	v    vergadering%ROWTYPE;
	c    commissie%ROWTYPE;
	r    flow_agenda%ROWTYPE;
	naar text;
	w    record;
	v_status text;
BEGIN
	SELECT * INTO a FROM agendapunt x WHERE x.id = p_id FOR UPDATE;
	IF NOT FOUND OR a.organisatie_id NOT IN (SELECT internal_orgs()) THEN
		RETURN QUERY SELECT 'weg'::text, NULL::integer, ''::text;
		RETURN;
	END IF;
	IF NOT mag('uitkomst-vastleggen', a.organisatie_id) THEN
		RAISE EXCEPTION 'Een uitkomst vastleggen mag jouw rol niet' USING ERRCODE = '42501';
	END IF;
	IF a.version <> p_version THEN
		RETURN QUERY SELECT 'conflict'::text, a.version, coalesce(a.uitkomst, '');
		RETURN;
	END IF;
	IF p_uitkomst NOT IN ('toegekend', 'afgewezen', 'aangehouden') THEN
		RAISE EXCEPTION 'Uitkomst is toegekend, afgewezen of aangehouden' USING ERRCODE = 'P0001';
	END IF;
	IF NOT a.open THEN
		RAISE EXCEPTION 'Dit agendapunt heeft al een uitkomst of is van de agenda gehaald' USING ERRCODE = 'P0001';
	END IF;
	IF p_uitkomst = 'aangehouden' AND coalesce(btrim(p_notitie), '') = '' THEN
		RAISE EXCEPTION 'Zeg bij aanhouden waarom (de reden gaat naar de school)' USING ERRCODE = 'P0001';
	END IF;
	SELECT * INTO v FROM vergadering x WHERE x.id = a.vergadering_id;
	SELECT * INTO c FROM commissie x WHERE x.id = v.commissie_id;
	SELECT * INTO h FROM hulpvraag x WHERE x.id = a.hulpvraag_id;
	SELECT * INTO r FROM flow_agenda x WHERE x.aanvraagtype_id = h.aanvraagtype_id AND x.commissie = c.code;
	naar := CASE p_uitkomst WHEN 'toegekend' THEN r.toegekend WHEN 'afgewezen' THEN r.afgewezen
	                        ELSE r.aangehouden END;
	UPDATE agendapunt x SET open = false, uitkomst = p_uitkomst, notitie = coalesce(p_notitie, ''),
	       besloten_door = acting_account(), besloten_op = now(), version = x.version + 1
	 WHERE x.id = a.id;
	v_status := h.status;
	IF naar IS NOT NULL AND naar <> h.status THEN
		SELECT s.uitkomst, s.versie, s.status INTO w
		  FROM status_wijzigen(h.id, h.version, naar,
		                       format('%s %s: %s%s', c.code, to_char(v.datum, 'DD-MM-YYYY'), p_uitkomst,
		                              CASE WHEN coalesce(p_notitie, '') <> '' THEN ' — ' || p_notitie ELSE '' END),
		                       NULL, p_onderwerp, p_tekst) s;
		IF w.uitkomst <> 'ok' THEN
			RAISE EXCEPTION 'De hulpvraag kon niet verder: %', w.uitkomst USING ERRCODE = 'P0001';
		END IF;
		v_status := w.status;
	END IF;
	INSERT INTO audit_log (account_id, organisatie_id, actie, object, object_id, detail)
	VALUES (acting_account(), a.organisatie_id, 'uitkomst', 'agendapunt', a.id,
	        format('hulpvraag %s %s', h.id, p_uitkomst));
	RETURN QUERY SELECT 'ok'::text, a.version + 1, v_status;
END
$$;
REVOKE EXECUTE ON FUNCTION agendapunt_uitkomst(bigint, integer, text, text, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION agendapunt_uitkomst(bigint, integer, text, text, text, text) TO balie_app;

-- Configuration changes leave an audit row, as in 013.
CREATE TRIGGER config_audit AFTER INSERT OR UPDATE OR DELETE ON commissie
	FOR EACH STATEMENT EXECUTE FUNCTION config_audit();
CREATE TRIGGER config_audit AFTER INSERT OR UPDATE OR DELETE ON flow_agenda
	FOR EACH STATEMENT EXECUTE FUNCTION config_audit();

-- ---------------------------------------------------------------- within a meeting

-- Takes agendapunt p_id (at the version the person saw) off its meeting:
-- the hulpvraag is "te plannen" again (a status the flow names as ready, or
-- the planned status without an open meeting).  p_reden is kept.
CREATE FUNCTION agendapunt_ontplannen(p_id bigint, p_version integer, p_reden text)
RETURNS TABLE (uitkomst text, versie integer)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = balie, pg_catalog AS $$
#variable_conflict use_column
DECLARE
	a agendapunt%ROWTYPE;
BEGIN
	SELECT * INTO a FROM agendapunt x WHERE x.id = p_id FOR UPDATE;
	IF NOT FOUND OR a.organisatie_id NOT IN (SELECT internal_orgs()) THEN
		RETURN QUERY SELECT 'weg'::text, NULL::integer;
		RETURN;
	END IF;
	IF NOT mag('plannen', a.organisatie_id) THEN
		RAISE EXCEPTION 'Van de agenda halen mag jouw rol niet' USING ERRCODE = '42501';
	END IF;
	IF a.version <> p_version THEN
		RETURN QUERY SELECT 'conflict'::text, a.version;
		RETURN;
	END IF;
	IF NOT a.open THEN
		RAISE EXCEPTION 'Dit agendapunt heeft al een uitkomst of is al van de agenda gehaald' USING ERRCODE = 'P0001';
	END IF;
	UPDATE agendapunt x SET open = false, notitie = 'van de agenda gehaald: ' || coalesce(btrim(p_reden), ''),
	       version = x.version + 1 WHERE x.id = a.id;
	INSERT INTO audit_log (account_id, organisatie_id, actie, object, object_id, detail)
	VALUES (acting_account(), a.organisatie_id, 'ontplannen', 'agendapunt', a.id,
	        format('hulpvraag %s vergadering %s', a.hulpvraag_id, a.vergadering_id));
	RETURN QUERY SELECT 'ok'::text, a.version + 1;
END
$$;
REVOKE EXECUTE ON FUNCTION agendapunt_ontplannen(bigint, integer, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION agendapunt_ontplannen(bigint, integer, text) TO balie_app;

-- Moves agendapunt p_id one place earlier (p_richting -1) or later (+1)
-- among the open cases of its meeting: it swaps with its neighbour, so the
-- order stays 0, 1, 2 … and each keeps a time slot.
CREATE FUNCTION agendapunt_volgorde(p_id bigint, p_version integer, p_richting integer)
RETURNS TABLE (uitkomst text, versie integer)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = balie, pg_catalog AS $$
#variable_conflict use_column
DECLARE
	a agendapunt%ROWTYPE;
	b agendapunt%ROWTYPE;
BEGIN
	SELECT * INTO a FROM agendapunt x WHERE x.id = p_id;
	IF NOT FOUND OR a.organisatie_id NOT IN (SELECT internal_orgs()) THEN
		RETURN QUERY SELECT 'weg'::text, NULL::integer;
		RETURN;
	END IF;
	IF NOT mag('plannen', a.organisatie_id) THEN
		RAISE EXCEPTION 'De volgorde wijzigen mag jouw rol niet' USING ERRCODE = '42501';
	END IF;
	-- the meeting's row first: one reordering of a meeting at a time
	PERFORM 1 FROM vergadering v WHERE v.id = a.vergadering_id FOR UPDATE;
	SELECT * INTO a FROM agendapunt x WHERE x.id = p_id;
	IF a.version <> p_version THEN
		RETURN QUERY SELECT 'conflict'::text, a.version;
		RETURN;
	END IF;
	SELECT * INTO b FROM agendapunt x
	 WHERE x.vergadering_id = a.vergadering_id AND x.open AND x.id <> a.id
	   AND CASE WHEN p_richting < 0 THEN x.volgorde < a.volgorde ELSE x.volgorde > a.volgorde END
	 ORDER BY CASE WHEN p_richting < 0 THEN -x.volgorde ELSE x.volgorde END LIMIT 1;
	IF NOT FOUND OR NOT a.open THEN
		RETURN QUERY SELECT 'ok'::text, a.version; -- already first / last
		RETURN;
	END IF;
	UPDATE agendapunt x SET volgorde = b.volgorde, version = x.version + 1 WHERE x.id = a.id;
	UPDATE agendapunt x SET volgorde = a.volgorde, version = x.version + 1 WHERE x.id = b.id;
	RETURN QUERY SELECT 'ok'::text, a.version + 1;
END
$$;
REVOKE EXECUTE ON FUNCTION agendapunt_volgorde(bigint, integer, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION agendapunt_volgorde(bigint, integer, integer) TO balie_app;

-- Moves agendapunt p_id to meeting p_v in one transaction: off the old one,
-- then planned on the new one with every check of agendapunt_plannen (room,
-- deadline or a reason, not cancelled or past) and the mail with the new
-- date.  Nothing changes when the new meeting refuses.
CREATE FUNCTION agendapunt_verplaatsen(p_id bigint, p_version integer, p_v bigint, p_override text,
                                       p_onderwerp text, p_tekst text, p_idempotentie text)
RETURNS TABLE (id bigint, versie integer, status text, herhaald boolean, mail boolean)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = balie, pg_catalog AS $$
#variable_conflict use_column
DECLARE
	a agendapunt%ROWTYPE;
	w record;
BEGIN
	IF p_idempotentie IS NOT NULL AND EXISTS (SELECT 1 FROM agendapunt x WHERE x.idempotentie = p_idempotentie) THEN
		RETURN QUERY SELECT * FROM agendapunt_plannen(NULL, NULL, p_v, NULL, NULL, NULL, p_idempotentie);
		RETURN;
	END IF;
	SELECT * INTO w FROM agendapunt_ontplannen(p_id, p_version, 'verplaatst');
	IF w.uitkomst = 'weg' THEN
		RAISE EXCEPTION 'Dit agendapunt bestaat niet (meer)' USING ERRCODE = 'P0001';
	ELSIF w.uitkomst = 'conflict' THEN
		RAISE EXCEPTION 'Dit agendapunt is intussen gewijzigd; laad opnieuw' USING ERRCODE = 'P0001';
	END IF;
	SELECT * INTO a FROM agendapunt x WHERE x.id = p_id;
	IF a.vergadering_id = p_v THEN
		RAISE EXCEPTION 'De zaak staat al op deze vergadering' USING ERRCODE = 'P0001';
	END IF;
	RETURN QUERY SELECT * FROM agendapunt_plannen(a.hulpvraag_id, (SELECT h.version FROM hulpvraag h
	                                                               WHERE h.id = a.hulpvraag_id),
	                                              p_v, p_override, p_onderwerp, p_tekst, p_idempotentie);
END
$$;
REVOKE EXECUTE ON FUNCTION agendapunt_verplaatsen(bigint, integer, bigint, text, text, text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION agendapunt_verplaatsen(bigint, integer, bigint, text, text, text, text) TO balie_app;

-- ---------------------------------------------------------------- verlengingen

-- 001 stap 13: once a year a deadline by which every TLV-verlenging must be
-- in; later ones are discussed after the zomervakantie.  One date per
-- organisatie and school year (the year it starts), written by the admin.
CREATE TABLE verlenging_deadline (
	organisatie_id bigint NOT NULL REFERENCES organisatie,
	schooljaar     integer NOT NULL CHECK (schooljaar BETWEEN 2000 AND 2999),
	datum          date NOT NULL,
	PRIMARY KEY (organisatie_id, schooljaar),
	CHECK (datum BETWEEN make_date(schooljaar, 8, 1) AND make_date(schooljaar + 1, 7, 31))
);
GRANT SELECT ON verlenging_deadline TO balie_app, balie_report;
CREATE TRIGGER config_audit AFTER INSERT OR UPDATE OR DELETE ON verlenging_deadline
	FOR EACH STATEMENT EXECUTE FUNCTION config_audit();

-- ---------------------------------------------------------------- editing a meeting

-- After an edit: the capacity may not drop below the cases already on it,
-- and a later date moves the external members' access along (it never
-- shortens: greatest() in vergadering_toegang).
CREATE FUNCTION vergadering_gewijzigd() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = balie, pg_catalog AS $$
DECLARE
	n integer;
BEGIN
	SELECT count(*) INTO n FROM agendapunt a WHERE a.vergadering_id = NEW.id AND a.open;
	IF NEW.status = 'gepland' AND vergadering_capaciteit(NEW) < n THEN
		RAISE EXCEPTION 'Er staan al % zaken op deze vergadering: de capaciteit kan niet lager', n
			USING ERRCODE = 'P0001';
	END IF;
	IF NEW.datum IS DISTINCT FROM OLD.datum THEN
		PERFORM vergadering_toegang(NEW.id, a.hulpvraag_id) FROM agendapunt a WHERE a.vergadering_id = NEW.id AND a.open;
	END IF;
	RETURN NULL;
END
$$;
REVOKE EXECUTE ON FUNCTION vergadering_gewijzigd() FROM PUBLIC;
CREATE TRIGGER vergadering_gewijzigd AFTER UPDATE ON vergadering
	FOR EACH ROW EXECUTE FUNCTION vergadering_gewijzigd();
