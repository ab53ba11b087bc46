-- 003_rls: who may see and do what, decided by the database.
--
-- The acting account is set per transaction by the program:
--     SELECT set_config('balie.account', '<id>', true)
-- Unset means no pupil or hulpvraag rows at all.  Internal (back-office)
-- roles see every hulpvraag of their organisatie(s), except a Voorlopige
-- aanmelding (seed 000: not visible to the SWV); external accounts only the
-- hulpvragen linked to them (aanvrager, hulpvraag_toegang until its end date).
-- Row-level security is enabled and FORCED on every table with pupil or
-- hulpvraag data.  balie_owner (NOLOGIN) keeps an explicit all-rows policy so
-- the SECURITY DEFINER functions below and migrations can work.
SET LOCAL ROLE balie_owner;

CREATE FUNCTION acting_account() RETURNS bigint
LANGUAGE sql STABLE AS $$
	SELECT nullif(current_setting('balie.account', true), '')::bigint
$$;

CREATE FUNCTION internal_orgs() RETURNS SETOF bigint
LANGUAGE sql STABLE AS $$
	SELECT organisatie_id FROM balie.account_rol
	 WHERE account_id = balie.acting_account()
	   AND rol IN ('secretariaat', 'financieel', 'coordinator', 'admin')
$$;

CREATE FUNCTION member_orgs() RETURNS SETOF bigint
LANGUAGE sql STABLE AS $$
	SELECT organisatie_id FROM balie.account_rol WHERE account_id = balie.acting_account()
$$;

-- True when every hulpvraag of the dossier is a Voorlopige aanmelding (and
-- there is at least one): such a dossier is the school's, not yet the SWV's.
CREATE FUNCTION dossier_alleen_voorlopig(p_dossier bigint) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = balie, pg_catalog AS $$
	SELECT EXISTS (SELECT 1 FROM hulpvraag WHERE dossier_id = p_dossier AND voorlopig)
	   AND NOT EXISTS (SELECT 1 FROM hulpvraag WHERE dossier_id = p_dossier AND NOT voorlopig)
$$;

-- ---------------------------------------------------------------- triggers

-- Status bookkeeping: category and visibility follow the flow_status row;
-- a status change is only allowed along a flow_transitie for one of the
-- acting account's roles (or 'automatisch' when the program says so).
CREATE FUNCTION hulpvraag_status_sync() RETURNS trigger
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
CREATE TRIGGER hulpvraag_status_sync BEFORE INSERT OR UPDATE ON hulpvraag
	FOR EACH ROW EXECUTE FUNCTION hulpvraag_status_sync();

-- hulpvraag_telling follows every insert, status change and delete.
CREATE FUNCTION hulpvraag_telling_bij() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = balie, pg_catalog AS $$
BEGIN
	IF TG_OP IN ('UPDATE', 'DELETE') THEN
		UPDATE hulpvraag_telling SET aantal = aantal - 1
		 WHERE organisatie_id = OLD.organisatie_id AND status_categorie = OLD.status_categorie
		   AND status = OLD.status AND voorlopig = OLD.voorlopig;
	END IF;
	IF TG_OP IN ('UPDATE', 'INSERT') THEN
		INSERT INTO hulpvraag_telling AS t (organisatie_id, status_categorie, status, voorlopig, aantal)
		VALUES (NEW.organisatie_id, NEW.status_categorie, NEW.status, NEW.voorlopig, 1)
		ON CONFLICT (organisatie_id, status_categorie, status, voorlopig)
		DO UPDATE SET aantal = t.aantal + 1;
	END IF;
	RETURN NULL;
END
$$;
CREATE TRIGGER hulpvraag_telling_bij AFTER INSERT OR DELETE OR UPDATE OF status ON hulpvraag
	FOR EACH ROW EXECUTE FUNCTION hulpvraag_telling_bij();

-- After a bulk load with triggers disabled: recount once.
CREATE FUNCTION telling_herbereken() RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = balie, pg_catalog AS $$
	DELETE FROM hulpvraag_telling;
	INSERT INTO hulpvraag_telling (organisatie_id, status_categorie, status, voorlopig, aantal)
	SELECT organisatie_id, status_categorie, status, voorlopig, count(*)
	  FROM hulpvraag GROUP BY 1, 2, 3, 4;
	INSERT INTO hulpvraag_nummer (organisatie_id, laatste)
	SELECT organisatie_id, max(nummer) FROM hulpvraag GROUP BY 1
	ON CONFLICT (organisatie_id) DO UPDATE SET laatste = excluded.laatste;
$$;

-- ---------------------------------------------------------------- login

CREATE FUNCTION auth_lookup(p_username text)
RETURNS TABLE (id bigint, wachtwoord_hash text, totp_secret text, totp_last_step bigint, blocked boolean)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = balie, pg_catalog AS $$
	SELECT id, wachtwoord_hash, totp_secret, totp_last_step, blocked FROM account WHERE username = p_username
$$;

-- One more failure, atomically; the fifth in a row blocks the account.
CREATE FUNCTION auth_fail(p_id bigint) RETURNS TABLE (failed integer, blocked boolean)
LANGUAGE sql SECURITY DEFINER SET search_path = balie, pg_catalog AS $$
	UPDATE account SET failed_attempts = failed_attempts + 1,
	                   blocked = blocked OR failed_attempts + 1 >= 5,
	                   blocked_at = CASE WHEN NOT blocked AND failed_attempts + 1 >= 5 THEN now() ELSE blocked_at END
	 WHERE id = p_id
	RETURNING failed_attempts, blocked
$$;

-- The same for a username that does not exist (see login_onbekend); returns
-- the count so far.  Counts older than a day start again.
CREATE FUNCTION auth_fail_onbekend(p_naam text) RETURNS integer
LANGUAGE sql SECURITY DEFINER SET search_path = balie, pg_catalog AS $$
	INSERT INTO login_onbekend AS l (naam_sha256, mislukt)
	VALUES (encode(sha256(convert_to(p_naam, 'UTF8')), 'hex'), 1)
	ON CONFLICT (naam_sha256) DO UPDATE
	   SET mislukt = CASE WHEN l.laatste < now() - interval '1 day' THEN 1 ELSE l.mislukt + 1 END,
	       laatste = now()
	RETURNING mislukt
$$;

CREATE FUNCTION auth_ok(p_id bigint, p_new_hash text) RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = balie, pg_catalog AS $$
	UPDATE account SET failed_attempts = 0, last_login = now(),
	                   wachtwoord_hash = coalesce(p_new_hash, wachtwoord_hash)
	 WHERE id = p_id AND NOT blocked
$$;

-- A verified password whose hash has old parameters gets a new hash (used
-- before the second factor, so 2FA accounts are rehashed too).
CREATE FUNCTION auth_rehash(p_id bigint, p_new_hash text) RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = balie, pg_catalog AS $$
	UPDATE account SET wachtwoord_hash = p_new_hash WHERE id = p_id
$$;

-- A TOTP time step is accepted once: only when it is newer than the last one.
CREATE FUNCTION auth_totp_use(p_id bigint, p_step bigint) RETURNS boolean
LANGUAGE sql SECURITY DEFINER SET search_path = balie, pg_catalog AS $$
	WITH u AS (
		UPDATE account SET totp_last_step = p_step
		 WHERE id = p_id AND (totp_last_step IS NULL OR totp_last_step < p_step)
		RETURNING 1)
	SELECT EXISTS (SELECT 1 FROM u)
$$;

-- ---------------------------------------------------------------- accounts (balie admin user)

CREATE FUNCTION account_add(p_username text, p_naam text, p_email text, p_hash text, p_totp text)
RETURNS bigint
LANGUAGE sql SECURITY DEFINER SET search_path = balie, pg_catalog AS $$
	INSERT INTO account (username, naam, email, wachtwoord_hash, totp_secret)
	VALUES (p_username, p_naam, nullif(p_email, ''), p_hash, nullif(p_totp, ''))
	RETURNING id
$$;

CREATE FUNCTION account_passwd(p_username text, p_hash text) RETURNS bigint
LANGUAGE sql SECURITY DEFINER SET search_path = balie, pg_catalog AS $$
	UPDATE account SET wachtwoord_hash = p_hash, version = version + 1 WHERE username = p_username RETURNING id
$$;

CREATE FUNCTION account_block(p_username text, p_blocked boolean) RETURNS bigint
LANGUAGE sql SECURITY DEFINER SET search_path = balie, pg_catalog AS $$
	UPDATE account SET blocked = p_blocked, failed_attempts = 0,
	                   blocked_at = CASE WHEN p_blocked THEN now() END, version = version + 1
	 WHERE username = p_username RETURNING id
$$;

CREATE FUNCTION account_totp(p_username text, p_secret text) RETURNS bigint
LANGUAGE sql SECURITY DEFINER SET search_path = balie, pg_catalog AS $$
	UPDATE account SET totp_secret = nullif(p_secret, ''), totp_last_step = NULL, version = version + 1
	 WHERE username = p_username RETURNING id
$$;

-- ---------------------------------------------------------------- row-level security

DO $$
DECLARE
	t text;
BEGIN
	FOREACH t IN ARRAY ARRAY['dossier', 'adres', 'relatie', 'schoolgegevens', 'hulpvraag',
	                         'statushistorie', 'hulpvraag_label', 'bijlage', 'bijlage_inhoud',
	                         'notitie', 'outbox', 'audit_log'] LOOP
		EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
		EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
		EXECUTE format('CREATE POLICY eigenaar ON %I TO balie_owner USING (true) WITH CHECK (true)', t);
	END LOOP;
END
$$;

CREATE POLICY zichtbaar ON hulpvraag TO balie_app, balie_report
	USING ((organisatie_id IN (SELECT internal_orgs()) AND NOT voorlopig)
	       OR aanvrager_id = acting_account()
	       OR EXISTS (SELECT 1 FROM hulpvraag_toegang t
	                   WHERE t.hulpvraag_id = hulpvraag.id AND t.account_id = acting_account()
	                     AND (t.tot IS NULL OR t.tot >= current_date)))
	WITH CHECK (organisatie_id IN (SELECT internal_orgs()) OR aanvrager_id = acting_account());

CREATE POLICY zichtbaar ON dossier TO balie_app, balie_report
	USING ((organisatie_id IN (SELECT internal_orgs()) AND NOT dossier_alleen_voorlopig(id))
	       OR EXISTS (SELECT 1 FROM hulpvraag h WHERE h.dossier_id = dossier.id))
	WITH CHECK (organisatie_id IN (SELECT member_orgs()));

CREATE POLICY zichtbaar ON adres TO balie_app, balie_report
	USING (EXISTS (SELECT 1 FROM dossier d WHERE d.id = adres.dossier_id));
CREATE POLICY zichtbaar ON relatie TO balie_app, balie_report
	USING (EXISTS (SELECT 1 FROM dossier d WHERE d.id = relatie.dossier_id));
CREATE POLICY zichtbaar ON schoolgegevens TO balie_app, balie_report
	USING (EXISTS (SELECT 1 FROM dossier d WHERE d.id = schoolgegevens.dossier_id));

CREATE POLICY zichtbaar ON statushistorie TO balie_app, balie_report
	USING (EXISTS (SELECT 1 FROM hulpvraag h WHERE h.id = statushistorie.hulpvraag_id));
CREATE POLICY zichtbaar ON hulpvraag_label TO balie_app, balie_report
	USING (EXISTS (SELECT 1 FROM hulpvraag h WHERE h.id = hulpvraag_label.hulpvraag_id));
CREATE POLICY zichtbaar ON bijlage TO balie_app, balie_report
	USING (EXISTS (SELECT 1 FROM hulpvraag h WHERE h.id = bijlage.hulpvraag_id));
CREATE POLICY zichtbaar ON bijlage_inhoud TO balie_app, balie_report
	USING (EXISTS (SELECT 1 FROM bijlage b WHERE b.id = bijlage_inhoud.bijlage_id));
CREATE POLICY eigen ON notitie TO balie_app
	USING (account_id = acting_account() AND EXISTS (SELECT 1 FROM hulpvraag h WHERE h.id = notitie.hulpvraag_id));
CREATE POLICY intern ON outbox TO balie_app
	USING (organisatie_id IN (SELECT internal_orgs()));
CREATE POLICY schrijven ON audit_log FOR INSERT TO balie_app WITH CHECK (true);

-- Counts: not pupil data; readable for the organisatie's back office.
ALTER TABLE hulpvraag_telling ENABLE ROW LEVEL SECURITY;
CREATE POLICY intern ON hulpvraag_telling TO balie_app, balie_report
	USING (organisatie_id IN (SELECT internal_orgs()));

-- ---------------------------------------------------------------- privileges

-- Functions: nothing for PUBLIC; the app gets login and account functions,
-- both roles the helpers the policies call.  telling_herbereken is for the
-- owner (bulk loads) only.
REVOKE EXECUTE ON ALL FUNCTIONS IN SCHEMA balie FROM PUBLIC;
GRANT EXECUTE ON FUNCTION acting_account(), internal_orgs(), member_orgs(),
	dossier_alleen_voorlopig(bigint) TO balie_app, balie_report;
GRANT EXECUTE ON FUNCTION auth_lookup(text), auth_fail(bigint), auth_fail_onbekend(text), auth_ok(bigint, text),
	auth_rehash(bigint, text),
	auth_totp_use(bigint, bigint), account_add(text, text, text, text, text),
	account_passwd(text, text), account_block(text, boolean), account_totp(text, text) TO balie_app;

GRANT SELECT ON organisatie, account_rol, account_school, schoolbestuur, scholenkring, school,
	flow_version, aanvraagtype, aanvraagtype_titel, flow_status, flow_transitie,
	label, hulpvraag_telling, hulpvraag_toegang TO balie_app, balie_report;
GRANT SELECT (id, username, naam, email, blocked, last_login, created_at, version) ON account
	TO balie_app, balie_report;
GRANT INSERT, UPDATE ON organisatie, account_rol, account_school, schoolbestuur, scholenkring, school,
	label, flow_version, aanvraagtype, aanvraagtype_titel, flow_status, flow_transitie TO balie_app;
GRANT DELETE ON account_rol, account_school TO balie_app;
GRANT SELECT, INSERT, UPDATE ON dossier, adres, relatie, schoolgegevens, hulpvraag, bijlage,
	bijlage_inhoud, notitie, outbox TO balie_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON hulpvraag_label, hulpvraag_toegang TO balie_app;
GRANT DELETE ON notitie TO balie_app;
GRANT SELECT, INSERT ON statushistorie TO balie_app;
GRANT INSERT ON audit_log TO balie_app;
GRANT SELECT ON dossier, adres, relatie, schoolgegevens, hulpvraag, statushistorie,
	hulpvraag_label, bijlage TO balie_report;
