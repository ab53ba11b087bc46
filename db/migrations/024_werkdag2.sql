-- 024_werkdag2: the home screen's "Te plannen" and "nieuw toegewezen"
-- (issue 13 §2).
SET LOCAL ROLE balie_owner;

-- ---------------------------------------------------------------- te plannen
-- The agenda's te-plannen set (db/agenda.c db_agenda_te_plannen): a
-- hulpvraag whose status its flow marks as ready for a commissie
-- (flow_agenda.van, or .naar) and that is on no open meeting.  Counted per
-- organisatie and commissie the way 014 counts statuses: a writer only
-- APPENDS -1 / +1 to a delta table (nothing held until its commit, no
-- deadlock between opposite moves), the view adds base and deltas, and
-- telling_vouwen() folds them every tick of `balie notify --daemon`.
--
-- Two things move a hulpvraag in or out: its status (trigger on hulpvraag)
-- and an open agendapunt (trigger on agendapunt).  Each trigger reads the
-- other half as it is now, so the deltas add up to the set whatever order
-- a transaction does them in (plannen moves the status and inserts the
-- agendapunt in one transaction; both lock the hulpvraag row first).
-- Aanname: a hulpvraag that two commissies could take counts once for
-- each (as each commissie's agenda lists it).
CREATE TABLE hulpvraag_telling_plannen_basis (
	organisatie_id bigint NOT NULL REFERENCES organisatie,
	commissie      text NOT NULL,
	aantal         bigint NOT NULL DEFAULT 0 CHECK (aantal >= 0),
	PRIMARY KEY (organisatie_id, commissie)
);
CREATE TABLE hulpvraag_telling_plannen_delta (
	organisatie_id bigint NOT NULL,
	commissie      text NOT NULL,
	aantal         integer NOT NULL CHECK (aantal IN (-1, 1))
);
CREATE VIEW hulpvraag_telling_plannen WITH (security_invoker = true) AS
SELECT organisatie_id, commissie, sum(aantal)::bigint AS aantal
  FROM (SELECT organisatie_id, commissie, aantal FROM hulpvraag_telling_plannen_basis
        UNION ALL
        SELECT organisatie_id, commissie, aantal FROM hulpvraag_telling_plannen_delta) u
 GROUP BY organisatie_id, commissie;

-- The commissies whose agenda a hulpvraag of type p_type in status
-- p_status waits for (none when it waits for none).
CREATE FUNCTION plannen_commissies(p_type bigint, p_status text) RETURNS SETOF text
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = balie, pg_catalog AS $$
	SELECT f.commissie FROM flow_agenda f
	 WHERE f.aanvraagtype_id = p_type AND (p_status = ANY (f.van) OR p_status = f.naar)
$$;

CREATE FUNCTION hulpvraag_telling_plannen_bij() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = balie, pg_catalog AS $$
DECLARE
	v_id bigint := CASE WHEN TG_OP = 'DELETE' THEN OLD.id ELSE NEW.id END;
	v_open boolean := EXISTS (SELECT 1 FROM agendapunt a WHERE a.hulpvraag_id = v_id AND a.open);
BEGIN
	IF v_open THEN
		RETURN NULL; -- on a meeting: in the set neither before nor after
	END IF;
	IF TG_OP = 'UPDATE' AND (OLD.organisatie_id, OLD.aanvraagtype_id, OLD.status)
	   IS NOT DISTINCT FROM (NEW.organisatie_id, NEW.aanvraagtype_id, NEW.status) THEN
		RETURN NULL;
	END IF;
	IF TG_OP IN ('UPDATE', 'DELETE') THEN
		INSERT INTO hulpvraag_telling_plannen_delta
		SELECT OLD.organisatie_id, c, -1 FROM plannen_commissies(OLD.aanvraagtype_id, OLD.status) c;
	END IF;
	IF TG_OP IN ('UPDATE', 'INSERT') THEN
		INSERT INTO hulpvraag_telling_plannen_delta
		SELECT NEW.organisatie_id, c, 1 FROM plannen_commissies(NEW.aanvraagtype_id, NEW.status) c;
	END IF;
	RETURN NULL;
END
$$;
CREATE TRIGGER hulpvraag_telling_plannen_bij
	AFTER INSERT OR DELETE OR UPDATE OF status, aanvraagtype_id, organisatie_id
	ON hulpvraag FOR EACH ROW EXECUTE FUNCTION hulpvraag_telling_plannen_bij();

-- An agendapunt opens or closes: the hulpvraag leaves or joins the set
-- (at most one open agendapunt per hulpvraag: agendapunt_een_open).
CREATE FUNCTION agendapunt_telling_plannen_bij() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = balie, pg_catalog AS $$
DECLARE
	v_oud boolean := TG_OP IN ('UPDATE', 'DELETE') AND OLD.open;
	v_nieuw boolean := TG_OP IN ('UPDATE', 'INSERT') AND NEW.open;
	v_h bigint := CASE WHEN TG_OP = 'DELETE' THEN OLD.hulpvraag_id ELSE NEW.hulpvraag_id END;
	h hulpvraag%ROWTYPE;
BEGIN
	IF v_oud = v_nieuw THEN
		RETURN NULL;
	END IF;
	SELECT * INTO h FROM hulpvraag WHERE id = v_h;
	IF NOT FOUND THEN
		RETURN NULL;
	END IF;
	-- open before, not now: te plannen again (+1); the other way round: -1
	INSERT INTO hulpvraag_telling_plannen_delta
	SELECT h.organisatie_id, c, CASE WHEN v_oud THEN 1 ELSE -1 END
	  FROM plannen_commissies(h.aanvraagtype_id, h.status) c;
	RETURN NULL;
END
$$;
CREATE TRIGGER agendapunt_telling_plannen_bij
	AFTER INSERT OR DELETE OR UPDATE OF open
	ON agendapunt FOR EACH ROW EXECUTE FUNCTION agendapunt_telling_plannen_bij();

-- Recounted after a bulk load with triggers off (db/demodata.c, after
-- telling_reactie_herbereken) and once now.
CREATE FUNCTION telling_plannen_herbereken() RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = balie, pg_catalog AS $$
	SELECT pg_advisory_xact_lock(hashtext('balie.telling_vouwen'));
	DELETE FROM hulpvraag_telling_plannen_basis;
	DELETE FROM hulpvraag_telling_plannen_delta;
	INSERT INTO hulpvraag_telling_plannen_basis (organisatie_id, commissie, aantal)
	SELECT h.organisatie_id, f.commissie, count(*)
	  FROM flow_agenda f
	  JOIN hulpvraag h ON h.aanvraagtype_id = f.aanvraagtype_id AND (h.status = ANY (f.van) OR h.status = f.naar)
	 WHERE NOT EXISTS (SELECT 1 FROM agendapunt a WHERE a.hulpvraag_id = h.id AND a.open)
	 GROUP BY 1, 2;
$$;
REVOKE EXECUTE ON FUNCTION telling_plannen_herbereken() FROM PUBLIC;
SELECT telling_plannen_herbereken();

-- The fold of 018 and these deltas with it (the same lock: one folder).
ALTER FUNCTION telling_vouwen() RENAME TO telling_vouwen_reactie;
REVOKE EXECUTE ON FUNCTION telling_vouwen_reactie() FROM PUBLIC, balie_app, balie_mail;
CREATE FUNCTION telling_vouwen() RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = balie, pg_catalog AS $$
DECLARE
	v_n bigint;
BEGIN
	IF NOT pg_try_advisory_xact_lock(hashtext('balie.telling_vouwen')) THEN
		RETURN 0;
	END IF;
	WITH d AS (DELETE FROM hulpvraag_telling_plannen_delta RETURNING *),
	     s AS (SELECT organisatie_id, commissie, sum(aantal) AS a, count(*) AS c FROM d GROUP BY 1, 2),
	     u AS (UPDATE hulpvraag_telling_plannen_basis t SET aantal = t.aantal + s.a FROM s
	            WHERE t.organisatie_id = s.organisatie_id AND t.commissie = s.commissie AND s.a <> 0),
	     i AS (INSERT INTO hulpvraag_telling_plannen_basis (organisatie_id, commissie, aantal)
	           SELECT organisatie_id, commissie, a FROM s
	            WHERE NOT EXISTS (SELECT 1 FROM hulpvraag_telling_plannen_basis t
	                               WHERE t.organisatie_id = s.organisatie_id AND t.commissie = s.commissie))
	SELECT coalesce(sum(c), 0) INTO v_n FROM s;
	RETURN v_n + telling_vouwen_reactie();
END
$$;
REVOKE EXECUTE ON FUNCTION telling_vouwen() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION telling_vouwen() TO balie_app, balie_mail;

-- Read by the back office of the organisatie only; written only by the
-- triggers and the fold (no write grant to balie_app).
ALTER TABLE hulpvraag_telling_plannen_basis ENABLE ROW LEVEL SECURITY;
CREATE POLICY lezen ON hulpvraag_telling_plannen_basis FOR SELECT TO balie_app, balie_report
	USING (organisatie_id IN (SELECT internal_orgs()));
ALTER TABLE hulpvraag_telling_plannen_delta ENABLE ROW LEVEL SECURITY;
CREATE POLICY lezen ON hulpvraag_telling_plannen_delta FOR SELECT TO balie_app, balie_report
	USING (organisatie_id IN (SELECT internal_orgs()));
GRANT SELECT ON hulpvraag_telling_plannen, hulpvraag_telling_plannen_basis, hulpvraag_telling_plannen_delta
	TO balie_app, balie_report;

-- ---------------------------------------------------------------- nieuw toegewezen
-- "Mijn werkvoorraad … what was newly assigned to them since they last
-- looked" (issue 13 §2; 004 §2.7/§3.7 say the coördinator is told of a new
-- hulpvraag assigned to them).  Every assignment by someone else is one
-- appended row (the trigger; nothing is updated, so no row is held), and
-- each coördinator's moment of last looking is one row of their own.  The
-- home screen counts the assignments after that moment that still hold:
-- few rows, through the index, never a count over hulpvraag.
CREATE TABLE toewijzing (
	id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	organisatie_id bigint NOT NULL,
	hulpvraag_id   bigint NOT NULL,
	coordinator_id bigint NOT NULL REFERENCES account,
	door           bigint REFERENCES account, -- NULL: balie itself (a rule, an import)
	op             timestamptz NOT NULL DEFAULT now(),
	FOREIGN KEY (hulpvraag_id, organisatie_id) REFERENCES hulpvraag (id, organisatie_id) ON DELETE CASCADE
);
CREATE INDEX toewijzing_coordinator ON toewijzing (coordinator_id, organisatie_id, op);
CREATE INDEX toewijzing_hulpvraag ON toewijzing (hulpvraag_id);

CREATE TABLE werkvoorraad_gezien (
	account_id     bigint NOT NULL REFERENCES account,
	organisatie_id bigint NOT NULL REFERENCES organisatie,
	op             timestamptz NOT NULL DEFAULT now(),
	PRIMARY KEY (account_id, organisatie_id)
);

-- toewijzing_bij (the trigger that appends, and mails) is below, with the
-- mails to the coördinator.

-- The acting account has looked at its own werkvoorraad in organisatie
-- p_org now (the home screen's m, or :mijn).  Only one's own row; an
-- account without the werkvoorraad in p_org is refused (42501).
CREATE FUNCTION werkvoorraad_bekeken(p_org bigint) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = balie, pg_catalog AS $$
BEGIN
	IF acting_account() IS NULL OR NOT mag('werkvoorraad', p_org) THEN
		RAISE EXCEPTION 'geen werkvoorraad in deze organisatie' USING ERRCODE = '42501';
	END IF;
	INSERT INTO werkvoorraad_gezien (account_id, organisatie_id, op)
	VALUES (acting_account(), p_org, now())
	ON CONFLICT (account_id, organisatie_id) DO UPDATE SET op = excluded.op;
END
$$;
REVOKE EXECUTE ON FUNCTION werkvoorraad_bekeken(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION werkvoorraad_bekeken(bigint) TO balie_app;

-- Read: one's own rows only (a colleague's assignments and moments are not
-- one's business).  Write: only the trigger and werkvoorraad_bekeken (no
-- INSERT/UPDATE/DELETE grant; the write policies refuse all the same).
ALTER TABLE toewijzing ENABLE ROW LEVEL SECURITY;
CREATE POLICY lezen ON toewijzing FOR SELECT TO balie_app, balie_report
	USING (coordinator_id = acting_account() AND organisatie_id IN (SELECT internal_orgs()));
CREATE POLICY schrijven ON toewijzing FOR INSERT TO balie_app WITH CHECK (false);
CREATE POLICY wijzigen ON toewijzing FOR UPDATE TO balie_app USING (false);
CREATE POLICY wissen ON toewijzing FOR DELETE TO balie_app USING (false);
ALTER TABLE werkvoorraad_gezien ENABLE ROW LEVEL SECURITY;
CREATE POLICY lezen ON werkvoorraad_gezien FOR SELECT TO balie_app
	USING (account_id = acting_account());
CREATE POLICY schrijven ON werkvoorraad_gezien FOR INSERT TO balie_app WITH CHECK (false);
CREATE POLICY wijzigen ON werkvoorraad_gezien FOR UPDATE TO balie_app USING (false);
CREATE POLICY wissen ON werkvoorraad_gezien FOR DELETE TO balie_app USING (false);
GRANT SELECT ON toewijzing TO balie_app, balie_report;
GRANT SELECT ON werkvoorraad_gezien TO balie_app;

-- ---------------------------------------------------------------- mails to the coördinator
-- 004 §2.7 / §3.7: the coördinator is told of a new hulpvraag assigned to
-- them; 004 §3.6: of "Arrangement>geëvalueerd door school".  Queued in the
-- outbox in the same transaction as the change (the mail daemon sends it),
-- only to a coördinator with an e-mail address.  No pupil name in subject or
-- text: the nummer and the aanvraagtype say which one (`:nummer` opens it).
-- Aanname: fixed Dutch texts here, not a template in forms/ (the status
-- mails' templates address the aanvrager).
CREATE FUNCTION coordinator_mail(p_h bigint, p_coord bigint, p_onderwerp text, p_tekst text) RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = balie, pg_catalog AS $$
	INSERT INTO outbox (organisatie_id, hulpvraag_id, aan, onderwerp, tekst)
	SELECT h.organisatie_id, h.id, a.email, p_onderwerp, p_tekst
	  FROM hulpvraag h JOIN account a ON a.id = p_coord
	 WHERE h.id = p_h AND a.email IS NOT NULL AND NOT a.blocked;
$$;
REVOKE EXECUTE ON FUNCTION coordinator_mail(bigint, bigint, text, text) FROM PUBLIC;

CREATE FUNCTION toewijzing_bij() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = balie, pg_catalog AS $$
DECLARE
	v_type text;
	v_door text;
BEGIN
	IF NEW.coordinator_id IS NULL OR NEW.coordinator_id IS NOT DISTINCT FROM acting_account()
	   OR (TG_OP = 'UPDATE' AND OLD.coordinator_id IS NOT DISTINCT FROM NEW.coordinator_id) THEN
		RETURN NULL; -- nobody, oneself, or no change: no news
	END IF;
	INSERT INTO toewijzing (organisatie_id, hulpvraag_id, coordinator_id, door)
	VALUES (NEW.organisatie_id, NEW.id, NEW.coordinator_id, acting_account());
	SELECT naam INTO v_type FROM aanvraagtype WHERE id = NEW.aanvraagtype_id;
	SELECT naam INTO v_door FROM account WHERE id = acting_account();
	PERFORM coordinator_mail(NEW.id, NEW.coordinator_id,
		format('Hulpvraag %s is aan je toegewezen', NEW.nummer),
		format(E'Hulpvraag %s (%s) is aan jou als coördinator toegewezen%s.\n\n'
		       'Open hem in balie met :%s; op het overzicht telt hij mee bij Mijn werkvoorraad (nieuw).\n',
		       NEW.nummer, coalesce(v_type, ''), coalesce(' door ' || v_door, ''), NEW.nummer));
	RETURN NULL;
END
$$;

CREATE TRIGGER toewijzing_bij AFTER INSERT OR UPDATE OF coordinator_id
	ON hulpvraag FOR EACH ROW EXECUTE FUNCTION toewijzing_bij();

CREATE FUNCTION geevalueerd_mail() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = balie, pg_catalog AS $$
BEGIN
	IF NEW.status = 'Arrangement>geëvalueerd door school' AND OLD.status IS DISTINCT FROM NEW.status
	   AND NEW.coordinator_id IS NOT NULL THEN
		PERFORM coordinator_mail(NEW.id, NEW.coordinator_id,
			format('Hulpvraag %s: arrangement geëvalueerd door school', NEW.nummer),
			format(E'De school heeft het arrangement van hulpvraag %s geëvalueerd '
			       '(status "Arrangement>geëvalueerd door school").\n\nOpen hem in balie met :%s.\n',
			       NEW.nummer, NEW.nummer));
	END IF;
	RETURN NULL;
END
$$;
CREATE TRIGGER geevalueerd_mail AFTER UPDATE OF status ON hulpvraag
	FOR EACH ROW EXECUTE FUNCTION geevalueerd_mail();
