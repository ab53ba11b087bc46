-- 025_beheer: the admin verbs a real rollout needs (issue 13 §6,
-- balie-admin(8)): accounts edited, a role or an organisatie added to or
-- taken from an account (003: one username for PO2811 and VO2805), schools,
-- besturen and scholenkringen added, edited, closed and merged, a new BRIN
-- for a vestiging (000 FAQ "Mijn school verhuist / fuseert / … krijgt een
-- nieuwe BRIN"), the coördinator of each scholenkring (004 §7.1), DUO's list
-- of school locations imported, and the staff handover of 000's FAQ ("Wat te
-- doen bij een personeelwissel?").
--
-- Configuration is written only through the beheer_* functions below: each
-- checks what it is given, makes the change and writes its own audit row
-- (ids, codes and the operator; never a name or an address: a staff
-- member's name is personal data too).  They run as balie_owner (SECURITY
-- DEFINER) and only the administrator's database role may call them:
-- EXECUTE is revoked from PUBLIC, and balie_app has no write privilege on
-- these tables (013_rulebook.sql) — tests/db/beheer_test.c tries both.
-- Refusals are Dutch (RAISE, SQLSTATE P0001) so `balie admin` prints them
-- as they are.
SET LOCAL ROLE balie_owner;

-- ---------------------------------------------------------------- history of schools

-- A school closes (opgeheven) or merges into another (opgegaan_in); its row
-- stays, so hulpvragen and onderwijsloopbanen that point at it keep pointing
-- at the school the pupil was at.
ALTER TABLE school
	ADD COLUMN gesloten_op date,
	ADD COLUMN opgegaan_in bigint REFERENCES school,
	ADD CONSTRAINT school_id_org UNIQUE (id, organisatie_id),
	ADD CONSTRAINT school_niet_in_zichzelf CHECK (opgegaan_in IS NULL OR opgegaan_in <> id);
-- (schoolbestuur's UNIQUE (id, organisatie_id) came with 022)
ALTER TABLE schoolbestuur
	ADD COLUMN gesloten_op date;
ALTER TABLE scholenkring
	ADD COLUMN gesloten_op date,
	ADD CONSTRAINT scholenkring_id_org UNIQUE (id, organisatie_id);

-- What changed about a school and from when: a former BRIN stays findable
-- (`balie admin school show 12AB` after 12AB became 34CD), a rename, a new
-- bestuur or scholenkring, closing and merging.  oud/nieuw are codes and
-- school names, never a person.
CREATE TABLE school_historie (
	id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	organisatie_id bigint NOT NULL REFERENCES organisatie,
	school_id      bigint NOT NULL,
	per            date NOT NULL,
	wat            text NOT NULL CHECK (wat IN ('nieuw', 'brin', 'naam', 'bestuur', 'scholenkring', 'plaats',
	                                            'gesloten', 'fusie', 'import')),
	oud            text,
	nieuw          text,
	door           text NOT NULL DEFAULT session_user,
	op             timestamptz NOT NULL DEFAULT now(),
	FOREIGN KEY (school_id, organisatie_id) REFERENCES school (id, organisatie_id)
);
CREATE INDEX school_historie_school ON school_historie (school_id, per);
CREATE INDEX school_historie_brin ON school_historie (organisatie_id, oud) WHERE wat = 'brin';

-- Which staff member (an aanvrager account: the IB'er) works at which school
-- from when (000 FAQ personeelwissel: "welke IB'er, per wanneer, op uw school
-- werkzaam is cq vertrekt").  tot NULL: still there.
CREATE TABLE school_medewerker (
	id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	organisatie_id bigint NOT NULL REFERENCES organisatie,
	school_id      bigint NOT NULL,
	account_id     bigint NOT NULL REFERENCES account,
	functie        text NOT NULL DEFAULT 'IB''er' CHECK (functie <> ''),
	vanaf          date NOT NULL,
	tot            date CHECK (tot IS NULL OR tot >= vanaf),
	FOREIGN KEY (school_id, organisatie_id) REFERENCES school (id, organisatie_id)
);
CREATE UNIQUE INDEX school_medewerker_nu ON school_medewerker (school_id, account_id) WHERE tot IS NULL;

GRANT SELECT ON school_historie, school_medewerker TO balie_app, balie_report;
DO $$
DECLARE
	t text;
BEGIN
	FOREACH t IN ARRAY ARRAY['school_historie', 'school_medewerker'] LOOP
		EXECUTE format('CREATE TRIGGER config_audit AFTER INSERT OR UPDATE OR DELETE ON %I '
		               'FOR EACH STATEMENT EXECUTE FUNCTION config_audit()', t);
	END LOOP;
END
$$;

-- ---------------------------------------------------------------- shared helpers

-- The audit row of one admin action: the operator (Unix user, "door …") and
-- the database role, ids only.
CREATE FUNCTION beheer_audit(p_org bigint, p_actie text, p_object text, p_object_id bigint, p_door text,
                             p_detail text DEFAULT NULL) RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = balie, pg_catalog AS $$
	INSERT INTO audit_log (account_id, organisatie_id, actie, object, object_id, detail)
	VALUES (acting_account(), p_org, p_actie, p_object, p_object_id,
	        concat_ws('; ', coalesce(nullif(p_door, ''), 'door ?') || ' (rol ' || session_user || ')', p_detail))
$$;

CREATE FUNCTION beheer_org(p_code text) RETURNS bigint
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = balie, pg_catalog AS $$
DECLARE
	v bigint;
BEGIN
	SELECT id INTO v FROM organisatie WHERE code = upper(p_code);
	IF v IS NULL THEN
		RAISE EXCEPTION 'organisatie % bestaat niet', p_code;
	END IF;
	RETURN v;
END
$$;

CREATE FUNCTION beheer_account(p_username text) RETURNS account
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = balie, pg_catalog AS $$
DECLARE
	a account;
BEGIN
	SELECT * INTO a FROM account WHERE username = p_username;
	IF NOT FOUND THEN
		RAISE EXCEPTION 'account ''%'' bestaat niet', p_username;
	END IF;
	RETURN a;
END
$$;

-- A school by what the administrator types: its BRIN ("12AB"), BRIN with
-- vestiging ("12AB01"; "12AB00" is the hoofdvestiging, stored without
-- vestiging) or a former BRIN of it.
CREATE FUNCTION beheer_school(p_org bigint, p_ref text) RETURNS school
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = balie, pg_catalog AS $$
DECLARE
	s school;
	v_brin text := upper(left(p_ref, 4));
	v_vest text := nullif(substr(p_ref, 5, 2), '');
	v_n integer;
BEGIN
	SELECT count(*) INTO v_n FROM school
	 WHERE organisatie_id = p_org AND brin = v_brin
	   AND (v_vest IS NULL OR coalesce(vestiging, '00') = v_vest);
	IF v_n > 1 THEN
		RAISE EXCEPTION 'BRIN % heeft % vestigingen in deze organisatie; geef ook het vestigingsnummer (bijv. %01)',
			v_brin, v_n, v_brin;
	END IF;
	SELECT * INTO s FROM school
	 WHERE organisatie_id = p_org AND brin = v_brin
	   AND (v_vest IS NULL OR coalesce(vestiging, '00') = v_vest);
	IF FOUND THEN
		RETURN s;
	END IF;
	-- a former BRIN: the newest school that had it
	SELECT sc.* INTO s FROM school_historie h JOIN school sc ON sc.id = h.school_id
	 WHERE h.organisatie_id = p_org AND h.wat = 'brin' AND left(h.oud, 4) = v_brin
	   AND (v_vest IS NULL OR coalesce(nullif(substr(h.oud, 5, 2), ''), '00') = v_vest)
	 ORDER BY h.per DESC, h.id DESC LIMIT 1;
	IF FOUND THEN
		RETURN s;
	END IF;
	RAISE EXCEPTION 'school met BRIN % bestaat niet in deze organisatie', upper(p_ref);
END
$$;

CREATE FUNCTION beheer_bestuur(p_org bigint, p_ref text) RETURNS schoolbestuur
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = balie, pg_catalog AS $$
DECLARE
	b schoolbestuur;
BEGIN
	-- by bevoegd-gezagnummer (5 digits) or by name
	SELECT * INTO b FROM schoolbestuur
	 WHERE organisatie_id = p_org AND (bevoegd_gezag = p_ref OR lower(naam) = lower(p_ref));
	IF NOT FOUND THEN
		RAISE EXCEPTION 'schoolbestuur ''%'' bestaat niet in deze organisatie (naam of bevoegd-gezagnummer)', p_ref;
	END IF;
	RETURN b;
END
$$;

CREATE FUNCTION beheer_kring(p_org bigint, p_ref text) RETURNS scholenkring
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = balie, pg_catalog AS $$
DECLARE
	k scholenkring;
BEGIN
	SELECT * INTO k FROM scholenkring WHERE organisatie_id = p_org AND lower(naam) = lower(p_ref);
	IF NOT FOUND THEN
		RAISE EXCEPTION 'scholenkring ''%'' bestaat niet in deze organisatie', p_ref;
	END IF;
	RETURN k;
END
$$;

CREATE FUNCTION beheer_brin_tekst(p_brin text, p_vest text) RETURNS text
LANGUAGE sql IMMUTABLE AS $$
	SELECT p_brin || coalesce(p_vest, '')
$$;

-- Refuses an account without role p_rol in organisatie p_org.
CREATE FUNCTION beheer_eis_rol(p_account account, p_org bigint, p_rol text) RETURNS void
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = balie, pg_catalog AS $$
BEGIN
	IF NOT EXISTS (SELECT 1 FROM account_rol WHERE account_id = p_account.id AND organisatie_id = p_org
	                AND rol = p_rol) THEN
		RAISE EXCEPTION '% heeft geen rol % in %; geef die eerst (balie admin user rol add)', p_account.username,
			CASE p_rol WHEN 'coordinator' THEN 'coördinator' ELSE p_rol END,
			(SELECT code FROM organisatie WHERE id = p_org);
	END IF;
	IF p_account.blocked THEN
		RAISE EXCEPTION 'account % is geblokkeerd', p_account.username;
	END IF;
END
$$;

-- Moves the open schools of one bestuur or scholenkring (p_kolom:
-- schoolbestuur_id or scholenkring_id) to another per p_per, each with a
-- history row (p_wat, p_oud → p_nieuw); returns how many.  Without p_naar
-- (closing without a successor) it refuses while open schools remain.
CREATE FUNCTION beheer_scholen_verhuizen(p_org bigint, p_kolom text, p_van bigint, p_naar bigint, p_per date,
                                         p_wat text, p_oud text, p_nieuw text) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = balie, pg_catalog AS $$
DECLARE
	v_n integer;
BEGIN
	IF p_naar = p_van THEN
		RAISE EXCEPTION 'een % gaat niet in zichzelf op', p_wat;
	END IF;
	EXECUTE format('SELECT count(*) FROM school WHERE %I = $1 AND gesloten_op IS NULL', p_kolom) INTO v_n USING p_van;
	IF p_naar IS NULL AND v_n > 0 THEN
		RAISE EXCEPTION '% % heeft nog open scholen; geef --naar of sluit ze eerst', p_wat, p_oud;
	END IF;
	EXECUTE format('INSERT INTO school_historie (organisatie_id, school_id, per, wat, oud, nieuw) '
	               'SELECT $1, id, $2, $3, $4, $5 FROM school WHERE %I = $6 AND gesloten_op IS NULL', p_kolom)
	  USING p_org, p_per, CASE p_kolom WHEN 'schoolbestuur_id' THEN 'bestuur' ELSE 'scholenkring' END, p_oud, p_nieuw,
	        p_van;
	EXECUTE format('UPDATE school SET %I = $1, version = version + 1 WHERE %I = $2 AND gesloten_op IS NULL',
	               p_kolom, p_kolom) USING p_naar, p_van;
	RETURN v_n;
END
$$;

-- The open hulpvragen (status not an eindstatus of their flow) of a school.
CREATE FUNCTION beheer_open_hulpvragen(p_school bigint) RETURNS SETOF bigint
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = balie, pg_catalog AS $$
	SELECT h.id FROM hulpvraag h JOIN flow_status f ON f.aanvraagtype_id = h.aanvraagtype_id AND f.naam = h.status
	 WHERE h.school_id = p_school AND NOT f.eindstatus
$$;

-- ---------------------------------------------------------------- accounts

-- Name and e-mail address of an account (NULL: unchanged; e-mail '': none).
CREATE FUNCTION beheer_account_bewerken(p_username text, p_naam text, p_email text, p_door text) RETURNS text
LANGUAGE plpgsql SECURITY DEFINER SET search_path = balie, pg_catalog AS $$
DECLARE
	a account := beheer_account(p_username);
	v_wat text[] := '{}';
BEGIN
	IF p_naam IS NOT NULL AND p_naam IS DISTINCT FROM a.naam THEN
		v_wat := v_wat || 'naam'::text;
	END IF;
	IF p_email IS NOT NULL AND nullif(p_email, '') IS DISTINCT FROM a.email THEN
		v_wat := v_wat || 'e-mail'::text;
	END IF;
	IF cardinality(v_wat) = 0 THEN
		RETURN format('Account %s: niets gewijzigd.', p_username);
	END IF;
	UPDATE account SET naam = coalesce(p_naam, naam),
	                   email = CASE WHEN p_email IS NULL THEN email ELSE nullif(p_email, '') END,
	                   version = version + 1
	 WHERE id = a.id;
	PERFORM beheer_audit(NULL, 'user-edit', 'account', a.id, p_door, array_to_string(v_wat, ', '));
	RETURN format('Account %s: %s gewijzigd.', p_username, array_to_string(v_wat, ' en '));
END
$$;

CREATE FUNCTION beheer_rol_erbij(p_username text, p_org text, p_rol text, p_door text) RETURNS text
LANGUAGE plpgsql SECURITY DEFINER SET search_path = balie, pg_catalog AS $$
DECLARE
	a account := beheer_account(p_username);
	v_org bigint := beheer_org(p_org);
BEGIN
	IF EXISTS (SELECT 1 FROM account_rol WHERE account_id = a.id AND organisatie_id = v_org AND rol = p_rol) THEN
		RAISE EXCEPTION '% heeft de rol % in % al', p_username, p_rol, upper(p_org);
	END IF;
	INSERT INTO account_rol (account_id, organisatie_id, rol) VALUES (a.id, v_org, p_rol);
	PERFORM beheer_audit(v_org, 'user-rol-add', 'account', a.id, p_door, 'rol ' || p_rol);
	RETURN format('%s heeft nu de rol %s in %s.', p_username, p_rol, upper(p_org));
END
$$;

-- p_rol NULL: every role in the organisatie (the account leaves it).  The
-- last role of an account is not taken (block the account instead: its
-- name stays in the statushistorie and the audit log), nor the coordinator
-- role of the coördinator of a scholenkring (name another one first).
CREATE FUNCTION beheer_rol_eraf(p_username text, p_org text, p_rol text, p_door text) RETURNS text
LANGUAGE plpgsql SECURITY DEFINER SET search_path = balie, pg_catalog AS $$
DECLARE
	a account := beheer_account(p_username);
	v_org bigint := beheer_org(p_org);
	v_n integer;
	v_kring text;
BEGIN
	SELECT count(*) INTO v_n FROM account_rol
	 WHERE account_id = a.id AND organisatie_id = v_org AND (p_rol IS NULL OR rol = p_rol);
	IF v_n = 0 THEN
		RAISE EXCEPTION '% heeft % in %', p_username,
			CASE WHEN p_rol IS NULL THEN 'geen rol' ELSE 'de rol ' || p_rol || ' niet' END, upper(p_org);
	END IF;
	IF NOT EXISTS (SELECT 1 FROM account_rol WHERE account_id = a.id
	                AND NOT (organisatie_id = v_org AND (p_rol IS NULL OR rol = p_rol))) THEN
		RAISE EXCEPTION '% zou geen enkele rol meer hebben; blokkeer het account in plaats daarvan '
			'(balie admin user block %)', p_username, p_username;
	END IF;
	IF p_rol IS NULL OR p_rol = 'coordinator' THEN
		SELECT naam INTO v_kring FROM scholenkring
		 WHERE organisatie_id = v_org AND coordinator_id = a.id AND gesloten_op IS NULL LIMIT 1;
		IF v_kring IS NOT NULL THEN
			RAISE EXCEPTION '% is coördinator van scholenkring %; wijs eerst een ander aan '
				'(balie admin scholenkring coordinator)', p_username, v_kring;
		END IF;
	END IF;
	DELETE FROM account_rol WHERE account_id = a.id AND organisatie_id = v_org AND (p_rol IS NULL OR rol = p_rol);
	PERFORM beheer_audit(v_org, 'user-rol-remove', 'account', a.id, p_door, 'rol ' || coalesce(p_rol, 'alle'));
	RETURN CASE WHEN p_rol IS NULL THEN format('%s heeft geen rol meer in %s.', p_username, upper(p_org))
	            ELSE format('%s heeft de rol %s in %s niet meer.', p_username, p_rol, upper(p_org)) END;
END
$$;

-- ---------------------------------------------------------------- besturen

CREATE FUNCTION beheer_bestuur_nieuw(p_org text, p_naam text, p_bg text, p_email text, p_door text) RETURNS text
LANGUAGE plpgsql SECURITY DEFINER SET search_path = balie, pg_catalog AS $$
DECLARE
	v_org bigint := beheer_org(p_org);
	v_id bigint;
BEGIN
	IF EXISTS (SELECT 1 FROM schoolbestuur WHERE organisatie_id = v_org
	            AND (lower(naam) = lower(p_naam) OR bevoegd_gezag = p_bg)) THEN
		RAISE EXCEPTION 'er is al een schoolbestuur met deze naam of dit bevoegd-gezagnummer in %', upper(p_org);
	END IF;
	INSERT INTO schoolbestuur (organisatie_id, naam, bevoegd_gezag, email_financieel)
	VALUES (v_org, p_naam, p_bg, nullif(p_email, '')) RETURNING id INTO v_id;
	PERFORM beheer_audit(v_org, 'bestuur-add', 'schoolbestuur', v_id, p_door, p_bg);
	RETURN format('Schoolbestuur %s toegevoegd aan %s.', coalesce(p_bg, p_naam), upper(p_org));
END
$$;

CREATE FUNCTION beheer_bestuur_bewerken(p_org text, p_ref text, p_naam text, p_bg text, p_email text, p_door text)
RETURNS text
LANGUAGE plpgsql SECURITY DEFINER SET search_path = balie, pg_catalog AS $$
DECLARE
	v_org bigint := beheer_org(p_org);
	b schoolbestuur := beheer_bestuur(v_org, p_ref);
BEGIN
	UPDATE schoolbestuur SET naam = coalesce(p_naam, naam), bevoegd_gezag = coalesce(p_bg, bevoegd_gezag),
	                         email_financieel = CASE WHEN p_email IS NULL THEN email_financieel
	                                                 ELSE nullif(p_email, '') END,
	                         version = version + 1
	 WHERE id = b.id;
	PERFORM beheer_audit(v_org, 'bestuur-edit', 'schoolbestuur', b.id, p_door);
	RETURN format('Schoolbestuur %s bijgewerkt.', coalesce(p_bg, b.bevoegd_gezag, p_naam, b.naam));
END
$$;

-- Closes a bestuur per a date; with p_naar its open schools go to that
-- bestuur (a merger of besturen), otherwise it may have no open school left.
CREATE FUNCTION beheer_bestuur_opheffen(p_org text, p_ref text, p_naar text, p_per date, p_door text) RETURNS text
LANGUAGE plpgsql SECURITY DEFINER SET search_path = balie, pg_catalog AS $$
DECLARE
	v_org bigint := beheer_org(p_org);
	b schoolbestuur := beheer_bestuur(v_org, p_ref);
	n schoolbestuur;
	v_n integer;
BEGIN
	IF b.gesloten_op IS NOT NULL THEN
		RAISE EXCEPTION 'schoolbestuur % is al opgeheven (per %)', p_ref, to_char(b.gesloten_op, 'DD-MM-YYYY');
	END IF;
	IF p_naar IS NOT NULL THEN
		n := beheer_bestuur(v_org, p_naar);
	END IF;
	v_n := beheer_scholen_verhuizen(v_org, 'schoolbestuur_id', b.id, n.id, p_per, 'schoolbestuur',
	                                coalesce(b.bevoegd_gezag, b.naam), coalesce(n.bevoegd_gezag, n.naam));
	UPDATE schoolbestuur SET gesloten_op = p_per, version = version + 1 WHERE id = b.id;
	PERFORM beheer_audit(v_org, 'bestuur-close', 'schoolbestuur', b.id, p_door,
	                     CASE WHEN n.id IS NOT NULL THEN 'naar schoolbestuur ' || n.id END);
	RETURN format('Schoolbestuur %s opgeheven per %s%s.', p_ref, to_char(p_per, 'DD-MM-YYYY'),
	              CASE WHEN n.id IS NOT NULL THEN format('; %s school(en) naar %s', v_n, p_naar) ELSE '' END);
END
$$;

-- ---------------------------------------------------------------- scholenkringen

CREATE FUNCTION beheer_kring_nieuw(p_org text, p_naam text, p_gemeenten text[], p_door text) RETURNS text
LANGUAGE plpgsql SECURITY DEFINER SET search_path = balie, pg_catalog AS $$
DECLARE
	v_org bigint := beheer_org(p_org);
	v_id bigint;
BEGIN
	IF EXISTS (SELECT 1 FROM scholenkring WHERE organisatie_id = v_org AND lower(naam) = lower(p_naam)) THEN
		RAISE EXCEPTION 'scholenkring ''%'' bestaat al in %', p_naam, upper(p_org);
	END IF;
	INSERT INTO scholenkring (organisatie_id, naam, gemeenten) VALUES (v_org, p_naam, coalesce(p_gemeenten, '{}'))
	RETURNING id INTO v_id;
	PERFORM beheer_audit(v_org, 'scholenkring-add', 'scholenkring', v_id, p_door);
	RETURN format('Scholenkring %s toegevoegd aan %s.', p_naam, upper(p_org));
END
$$;

CREATE FUNCTION beheer_kring_bewerken(p_org text, p_ref text, p_naam text, p_gemeenten text[], p_door text)
RETURNS text
LANGUAGE plpgsql SECURITY DEFINER SET search_path = balie, pg_catalog AS $$
DECLARE
	v_org bigint := beheer_org(p_org);
	k scholenkring := beheer_kring(v_org, p_ref);
BEGIN
	UPDATE scholenkring SET naam = coalesce(p_naam, naam), gemeenten = coalesce(p_gemeenten, gemeenten),
	                        version = version + 1
	 WHERE id = k.id;
	PERFORM beheer_audit(v_org, 'scholenkring-edit', 'scholenkring', k.id, p_door);
	RETURN format('Scholenkring %s bijgewerkt.', coalesce(p_naam, k.naam));
END
$$;

-- The coördinator of a scholenkring (004 §7.1): new hulpvragen of its
-- schools go to this account; it must have the coordinator role there.
CREATE FUNCTION beheer_kring_coordinator(p_org text, p_ref text, p_username text, p_door text) RETURNS text
LANGUAGE plpgsql SECURITY DEFINER SET search_path = balie, pg_catalog AS $$
DECLARE
	v_org bigint := beheer_org(p_org);
	k scholenkring := beheer_kring(v_org, p_ref);
	a account := beheer_account(p_username);
BEGIN
	PERFORM beheer_eis_rol(a, v_org, 'coordinator');
	UPDATE scholenkring SET coordinator_id = a.id, version = version + 1 WHERE id = k.id;
	PERFORM beheer_audit(v_org, 'scholenkring-coordinator', 'scholenkring', k.id, p_door, 'account ' || a.id);
	RETURN format('Coördinator van scholenkring %s: %s.', k.naam, p_username);
END
$$;

-- Closes a scholenkring; its open schools go to p_naar (a merger) or, without
-- it, it may have no open school left.
CREATE FUNCTION beheer_kring_opheffen(p_org text, p_ref text, p_naar text, p_per date, p_door text) RETURNS text
LANGUAGE plpgsql SECURITY DEFINER SET search_path = balie, pg_catalog AS $$
DECLARE
	v_org bigint := beheer_org(p_org);
	k scholenkring := beheer_kring(v_org, p_ref);
	n scholenkring;
	v_n integer;
BEGIN
	IF k.gesloten_op IS NOT NULL THEN
		RAISE EXCEPTION 'scholenkring % is al opgeheven', k.naam;
	END IF;
	IF p_naar IS NOT NULL THEN
		n := beheer_kring(v_org, p_naar);
	END IF;
	v_n := beheer_scholen_verhuizen(v_org, 'scholenkring_id', k.id, n.id, p_per, 'scholenkring', k.naam, n.naam);
	IF n.id IS NOT NULL THEN
		UPDATE scholenkring SET gemeenten = ARRAY(SELECT DISTINCT unnest(n.gemeenten || k.gemeenten) ORDER BY 1),
		                        version = version + 1
		 WHERE id = n.id;
	END IF;
	UPDATE scholenkring SET gesloten_op = p_per, version = version + 1 WHERE id = k.id;
	PERFORM beheer_audit(v_org, 'scholenkring-close', 'scholenkring', k.id, p_door,
	                     CASE WHEN n.id IS NOT NULL THEN 'naar scholenkring ' || n.id END);
	RETURN format('Scholenkring %s opgeheven per %s%s.', k.naam, to_char(p_per, 'DD-MM-YYYY'),
	              CASE WHEN n.id IS NOT NULL THEN format('; %s school(en) en de gemeenten naar %s', v_n, n.naam)
	                   ELSE '' END);
END
$$;

-- ---------------------------------------------------------------- schools

CREATE FUNCTION beheer_school_nieuw(p_org text, p_brin text, p_vest text, p_naam text, p_bestuur text,
                                    p_kring text, p_soort text, p_plaats text, p_gemeente text, p_per date,
                                    p_door text) RETURNS text
LANGUAGE plpgsql SECURITY DEFINER SET search_path = balie, pg_catalog AS $$
DECLARE
	v_org bigint := beheer_org(p_org);
	b schoolbestuur := beheer_bestuur(v_org, p_bestuur);
	v_kring bigint;
	v_id bigint;
	v_vest text := nullif(p_vest, '00');
BEGIN
	IF p_kring IS NOT NULL THEN
		v_kring := (beheer_kring(v_org, p_kring)).id;
	ELSE
		-- the scholenkring whose gemeenten hold the school's gemeente
		IF (SELECT count(*) FROM scholenkring WHERE organisatie_id = v_org AND gesloten_op IS NULL
		     AND lower(p_gemeente) = ANY (SELECT lower(unnest(gemeenten)))) > 1 THEN
			RAISE EXCEPTION 'gemeente % hoort bij meer dan één scholenkring; geef --scholenkring', p_gemeente;
		END IF;
		SELECT id INTO v_kring FROM scholenkring
		 WHERE organisatie_id = v_org AND gesloten_op IS NULL
		   AND lower(p_gemeente) = ANY (SELECT lower(unnest(gemeenten)));
	END IF;
	IF EXISTS (SELECT 1 FROM school WHERE organisatie_id = v_org AND brin = p_brin
	            AND coalesce(vestiging, '00') = coalesce(v_vest, '00')) THEN
		RAISE EXCEPTION 'er is al een school met BRIN % in %', beheer_brin_tekst(p_brin, v_vest), upper(p_org);
	END IF;
	INSERT INTO school (organisatie_id, schoolbestuur_id, scholenkring_id, brin, vestiging, naam, soort, plaats,
	                    gemeente)
	VALUES (v_org, b.id, v_kring, p_brin, v_vest, p_naam, coalesce(p_soort, 'bao'), p_plaats, p_gemeente)
	RETURNING id INTO v_id;
	INSERT INTO school_historie (organisatie_id, school_id, per, wat, nieuw)
	VALUES (v_org, v_id, p_per, 'nieuw', beheer_brin_tekst(p_brin, v_vest));
	PERFORM beheer_audit(v_org, 'school-add', 'school', v_id, p_door, beheer_brin_tekst(p_brin, v_vest));
	RETURN format('School %s toegevoegd aan %s%s.', beheer_brin_tekst(p_brin, v_vest), upper(p_org),
	              CASE WHEN v_kring IS NULL THEN ' (geen scholenkring: geef --scholenkring)' ELSE '' END);
END
$$;

-- Name, bestuur, scholenkring, plaats/gemeente of a school, each change a
-- history row per p_per.
CREATE FUNCTION beheer_school_bewerken(p_org text, p_ref text, p_naam text, p_bestuur text, p_kring text,
                                       p_plaats text, p_gemeente text, p_soort text, p_per date, p_door text)
RETURNS text
LANGUAGE plpgsql SECURITY DEFINER SET search_path = balie, pg_catalog AS $$
DECLARE
	v_org bigint := beheer_org(p_org);
	s school := beheer_school(v_org, p_ref);
	b schoolbestuur;
	k scholenkring;
	v_wat text[] := '{}';
BEGIN
	IF p_naam IS NOT NULL AND p_naam <> s.naam THEN
		INSERT INTO school_historie (organisatie_id, school_id, per, wat, oud, nieuw)
		VALUES (v_org, s.id, p_per, 'naam', s.naam, p_naam);
		v_wat := v_wat || 'naam'::text;
	END IF;
	IF p_bestuur IS NOT NULL THEN
		b := beheer_bestuur(v_org, p_bestuur);
		IF b.id <> s.schoolbestuur_id THEN
			INSERT INTO school_historie (organisatie_id, school_id, per, wat, oud, nieuw)
			SELECT v_org, s.id, p_per, 'bestuur', coalesce(o.bevoegd_gezag, o.naam), coalesce(b.bevoegd_gezag, b.naam)
			  FROM schoolbestuur o WHERE o.id = s.schoolbestuur_id;
			v_wat := v_wat || 'bestuur'::text;
		END IF;
	END IF;
	IF p_kring IS NOT NULL THEN
		k := beheer_kring(v_org, p_kring);
		IF k.id IS DISTINCT FROM s.scholenkring_id THEN
			INSERT INTO school_historie (organisatie_id, school_id, per, wat, oud, nieuw)
			VALUES (v_org, s.id, p_per, 'scholenkring', (SELECT naam FROM scholenkring WHERE id = s.scholenkring_id),
			        k.naam);
			v_wat := v_wat || 'scholenkring'::text;
		END IF;
	END IF;
	IF (p_plaats IS NOT NULL AND p_plaats IS DISTINCT FROM s.plaats)
	   OR (p_gemeente IS NOT NULL AND p_gemeente IS DISTINCT FROM s.gemeente) THEN
		INSERT INTO school_historie (organisatie_id, school_id, per, wat, oud, nieuw)
		VALUES (v_org, s.id, p_per, 'plaats', concat_ws(', ', s.plaats, s.gemeente),
		        concat_ws(', ', coalesce(p_plaats, s.plaats), coalesce(p_gemeente, s.gemeente)));
		v_wat := v_wat || 'plaats'::text;
	END IF;
	IF p_soort IS NOT NULL AND p_soort <> s.soort THEN
		v_wat := v_wat || 'soort'::text;
	END IF;
	IF cardinality(v_wat) = 0 THEN
		RETURN format('School %s: niets gewijzigd.', beheer_brin_tekst(s.brin, s.vestiging));
	END IF;
	UPDATE school SET naam = coalesce(p_naam, naam), schoolbestuur_id = coalesce(b.id, schoolbestuur_id),
	                  scholenkring_id = coalesce(k.id, scholenkring_id), plaats = coalesce(p_plaats, plaats),
	                  gemeente = coalesce(p_gemeente, gemeente), soort = coalesce(p_soort, soort),
	                  version = version + 1
	 WHERE id = s.id;
	PERFORM beheer_audit(v_org, 'school-edit', 'school', s.id, p_door, array_to_string(v_wat, ', '));
	RETURN format('School %s: %s gewijzigd per %s.', beheer_brin_tekst(s.brin, s.vestiging),
	              array_to_string(v_wat, ', '), to_char(p_per, 'DD-MM-YYYY'));
END
$$;

-- A new BRIN (or vestigingsnummer) for the same school: the row keeps its
-- id, so every hulpvraag, onderwijsloopbaan and account keeps pointing at
-- it; the former BRIN stays findable through school_historie.
CREATE FUNCTION beheer_school_brin(p_org text, p_ref text, p_brin text, p_vest text, p_per date, p_door text)
RETURNS text
LANGUAGE plpgsql SECURITY DEFINER SET search_path = balie, pg_catalog AS $$
DECLARE
	v_org bigint := beheer_org(p_org);
	s school := beheer_school(v_org, p_ref);
	v_vest text := nullif(p_vest, '00');
	v_oud text := beheer_brin_tekst(s.brin, s.vestiging);
	v_nieuw text := beheer_brin_tekst(p_brin, v_vest);
BEGIN
	IF v_oud = v_nieuw THEN
		RAISE EXCEPTION 'school % heeft BRIN % al', v_oud, v_nieuw;
	END IF;
	IF EXISTS (SELECT 1 FROM school WHERE organisatie_id = v_org AND brin = p_brin
	            AND coalesce(vestiging, '00') = coalesce(v_vest, '00')) THEN
		RAISE EXCEPTION 'BRIN % is al van een andere school in %; voeg de scholen samen '
			'(balie admin school merge)', v_nieuw, upper(p_org);
	END IF;
	UPDATE school SET brin = p_brin, vestiging = v_vest, version = version + 1 WHERE id = s.id;
	INSERT INTO school_historie (organisatie_id, school_id, per, wat, oud, nieuw)
	VALUES (v_org, s.id, p_per, 'brin', v_oud, v_nieuw);
	PERFORM beheer_audit(v_org, 'school-brin', 'school', s.id, p_door, v_oud || ' → ' || v_nieuw);
	RETURN format('School %s heet voortaan %s (per %s); %s blijft vindbaar.', v_oud, v_nieuw,
	              to_char(p_per, 'DD-MM-YYYY'), v_oud);
END
$$;

-- Closes a school (opgeheven).  Its hulpvragen keep pointing at it; the
-- answer says how many are still open.
CREATE FUNCTION beheer_school_sluiten(p_org text, p_ref text, p_per date, p_door text) RETURNS text
LANGUAGE plpgsql SECURITY DEFINER SET search_path = balie, pg_catalog AS $$
DECLARE
	v_org bigint := beheer_org(p_org);
	s school := beheer_school(v_org, p_ref);
	v_open integer;
BEGIN
	IF s.gesloten_op IS NOT NULL THEN
		RAISE EXCEPTION 'school % is al gesloten (per %)', beheer_brin_tekst(s.brin, s.vestiging),
			to_char(s.gesloten_op, 'DD-MM-YYYY');
	END IF;
	UPDATE school SET gesloten_op = p_per, version = version + 1 WHERE id = s.id;
	UPDATE school_medewerker SET tot = greatest(vanaf, p_per - 1) WHERE school_id = s.id AND tot IS NULL;
	INSERT INTO school_historie (organisatie_id, school_id, per, wat) VALUES (v_org, s.id, p_per, 'gesloten');
	SELECT count(*) INTO v_open FROM beheer_open_hulpvragen(s.id);
	PERFORM beheer_audit(v_org, 'school-close', 'school', s.id, p_door);
	RETURN format('School %s gesloten per %s; %s open hulpvra%s blijven bij deze school.',
	              beheer_brin_tekst(s.brin, s.vestiging), to_char(p_per, 'DD-MM-YYYY'), v_open,
	              CASE WHEN v_open = 1 THEN 'ag' ELSE 'gen' END);
END
$$;

-- A school merges into another (fusie): it closes per p_per, its open
-- hulpvragen, its staff and its accounts move to the school it merged into;
-- closed hulpvragen keep the school they were handled at.
CREATE FUNCTION beheer_school_samenvoegen(p_org text, p_ref text, p_naar text, p_per date, p_door text)
RETURNS text
LANGUAGE plpgsql SECURITY DEFINER SET search_path = balie, pg_catalog AS $$
DECLARE
	v_org bigint := beheer_org(p_org);
	s school := beheer_school(v_org, p_ref);
	n school := beheer_school(v_org, p_naar);
	v_n integer := 0;
	h record;
BEGIN
	IF s.id = n.id THEN
		RAISE EXCEPTION 'een school gaat niet in zichzelf op';
	END IF;
	IF s.gesloten_op IS NOT NULL OR n.gesloten_op IS NOT NULL THEN
		RAISE EXCEPTION 'school % is gesloten', beheer_brin_tekst(CASE WHEN s.gesloten_op IS NOT NULL THEN s.brin
		                                                              ELSE n.brin END,
		                                                         CASE WHEN s.gesloten_op IS NOT NULL THEN s.vestiging
		                                                              ELSE n.vestiging END);
	END IF;
	FOR h IN SELECT hv.id FROM hulpvraag hv WHERE hv.id IN (SELECT beheer_open_hulpvragen(s.id)) FOR UPDATE LOOP
		UPDATE hulpvraag SET school_id = n.id, version = version + 1, updated_at = now() WHERE id = h.id;
		PERFORM beheer_audit(v_org, 'school-merge-hulpvraag', 'hulpvraag', h.id, p_door,
		                     'school ' || s.id || ' → ' || n.id);
		v_n := v_n + 1;
	END LOOP;
	INSERT INTO account_school (account_id, school_id)
	SELECT account_id, n.id FROM account_school WHERE school_id = s.id ON CONFLICT DO NOTHING;
	INSERT INTO school_medewerker (organisatie_id, school_id, account_id, functie, vanaf)
	SELECT v_org, n.id, m.account_id, m.functie, p_per FROM school_medewerker m
	 WHERE m.school_id = s.id AND m.tot IS NULL
	   AND NOT EXISTS (SELECT 1 FROM school_medewerker x WHERE x.school_id = n.id AND x.account_id = m.account_id
	                    AND x.tot IS NULL);
	UPDATE school_medewerker SET tot = greatest(vanaf, p_per - 1) WHERE school_id = s.id AND tot IS NULL;
	UPDATE school SET gesloten_op = p_per, opgegaan_in = n.id, version = version + 1 WHERE id = s.id;
	INSERT INTO school_historie (organisatie_id, school_id, per, wat, oud, nieuw)
	VALUES (v_org, s.id, p_per, 'fusie', beheer_brin_tekst(s.brin, s.vestiging), beheer_brin_tekst(n.brin, n.vestiging)),
	       (v_org, n.id, p_per, 'fusie', beheer_brin_tekst(s.brin, s.vestiging), beheer_brin_tekst(n.brin, n.vestiging));
	PERFORM beheer_audit(v_org, 'school-merge', 'school', s.id, p_door, 'naar school ' || n.id);
	RETURN format('School %s is per %s opgegaan in %s; %s open hulpvra%s verhuisd, afgeronde blijven bij %s.',
	              beheer_brin_tekst(s.brin, s.vestiging), to_char(p_per, 'DD-MM-YYYY'),
	              beheer_brin_tekst(n.brin, n.vestiging), v_n, CASE WHEN v_n = 1 THEN 'ag' ELSE 'gen' END,
	              beheer_brin_tekst(s.brin, s.vestiging));
END
$$;

-- One row of DUO's "Adressen van alle schoolvestigingen" (03-alle-vestigingen-bo
-- and its sbo/so/vo siblings): matched on BRIN + vestigingsnummer ("00" is
-- the hoofdvestiging, stored without vestiging), so running the same file
-- again updates and never duplicates.  A new school is taken only when its
-- gemeente lies in one of the organisatie's scholenkringen (DUO's file holds
-- every school of the country); its bestuur is found by the bevoegd-gezag
-- number or added as "Bevoegd gezag NNNNN" (aanname: the addresses file
-- holds only the number; DUO's besturen file has the names).  Returns
-- 'nieuw', 'bijgewerkt', 'gelijk' or 'buiten' (not in the SWV's area).
CREATE FUNCTION beheer_school_import(p_org text, p_brin text, p_vest text, p_naam text, p_bg text,
                                     p_plaats text, p_gemeente text, p_soort text, p_door text) RETURNS text
LANGUAGE plpgsql SECURITY DEFINER SET search_path = balie, pg_catalog AS $$
DECLARE
	v_org bigint := beheer_org(p_org);
	v_vest text := nullif(p_vest, '00');
	s school;
	v_bestuur bigint;
	v_kring bigint;
	v_id bigint;
BEGIN
	SELECT * INTO s FROM school WHERE organisatie_id = v_org AND brin = p_brin
	                              AND coalesce(vestiging, '00') = coalesce(v_vest, '00');
	SELECT id INTO v_bestuur FROM schoolbestuur WHERE organisatie_id = v_org AND bevoegd_gezag = p_bg;
	IF s.id IS NOT NULL THEN
		IF s.naam = p_naam AND s.plaats IS NOT DISTINCT FROM p_plaats AND s.gemeente IS NOT DISTINCT FROM p_gemeente
		   AND (v_bestuur IS NULL OR v_bestuur = s.schoolbestuur_id) THEN
			RETURN 'gelijk';
		END IF;
		IF s.naam <> p_naam THEN
			INSERT INTO school_historie (organisatie_id, school_id, per, wat, oud, nieuw)
			VALUES (v_org, s.id, (now() AT TIME ZONE 'Europe/Amsterdam')::date, 'naam', s.naam, p_naam);
		END IF;
		UPDATE school SET naam = p_naam, plaats = p_plaats, gemeente = p_gemeente,
		                  schoolbestuur_id = coalesce(v_bestuur, schoolbestuur_id), version = version + 1
		 WHERE id = s.id;
		INSERT INTO school_historie (organisatie_id, school_id, per, wat, nieuw)
		VALUES (v_org, s.id, (now() AT TIME ZONE 'Europe/Amsterdam')::date, 'import', 'DUO');
		PERFORM beheer_audit(v_org, 'school-import', 'school', s.id, p_door, 'bijgewerkt');
		RETURN 'bijgewerkt';
	END IF;
	-- the oldest scholenkring of the gemeente, should two hold it
	SELECT id INTO v_kring FROM scholenkring
	 WHERE organisatie_id = v_org AND gesloten_op IS NULL AND lower(p_gemeente) = ANY (SELECT lower(unnest(gemeenten)))
	 ORDER BY id LIMIT 1;
	IF v_kring IS NULL THEN
		RETURN 'buiten';
	END IF;
	IF v_bestuur IS NULL THEN
		INSERT INTO schoolbestuur (organisatie_id, naam, bevoegd_gezag)
		VALUES (v_org, 'Bevoegd gezag ' || p_bg, p_bg) RETURNING id INTO v_bestuur;
		PERFORM beheer_audit(v_org, 'bestuur-add', 'schoolbestuur', v_bestuur, p_door, p_bg);
	END IF;
	INSERT INTO school (organisatie_id, schoolbestuur_id, scholenkring_id, brin, vestiging, naam, soort, plaats,
	                    gemeente)
	VALUES (v_org, v_bestuur, v_kring, p_brin, v_vest, p_naam, coalesce(p_soort, 'bao'), p_plaats, p_gemeente)
	RETURNING id INTO v_id;
	INSERT INTO school_historie (organisatie_id, school_id, per, wat, nieuw)
	VALUES (v_org, v_id, (now() AT TIME ZONE 'Europe/Amsterdam')::date, 'import', 'DUO');
	PERFORM beheer_audit(v_org, 'school-import', 'school', v_id, p_door, 'nieuw');
	RETURN 'nieuw';
END
$$;

-- ---------------------------------------------------------------- staff handover

-- Registers that an account (an aanvrager of the organisatie: the IB'er)
-- works at a school from p_vanaf.
CREATE FUNCTION beheer_medewerker(p_org text, p_school text, p_username text, p_functie text, p_vanaf date,
                                  p_door text) RETURNS text
LANGUAGE plpgsql SECURITY DEFINER SET search_path = balie, pg_catalog AS $$
DECLARE
	v_org bigint := beheer_org(p_org);
	s school := beheer_school(v_org, p_school);
	a account := beheer_account(p_username);
	v_id bigint;
BEGIN
	PERFORM beheer_eis_rol(a, v_org, 'aanvrager');
	IF EXISTS (SELECT 1 FROM school_medewerker WHERE school_id = s.id AND account_id = a.id AND tot IS NULL) THEN
		RAISE EXCEPTION '% werkt al op school %', p_username, beheer_brin_tekst(s.brin, s.vestiging);
	END IF;
	INSERT INTO school_medewerker (organisatie_id, school_id, account_id, functie, vanaf)
	VALUES (v_org, s.id, a.id, coalesce(p_functie, 'IB''er'), p_vanaf) RETURNING id INTO v_id;
	INSERT INTO account_school (account_id, school_id) VALUES (a.id, s.id) ON CONFLICT DO NOTHING;
	PERFORM beheer_audit(v_org, 'medewerker-add', 'school_medewerker', v_id, p_door);
	RETURN format('%s werkt vanaf %s op school %s.', p_username, to_char(p_vanaf, 'DD-MM-YYYY'),
	              beheer_brin_tekst(s.brin, s.vestiging));
END
$$;

-- The handover of 000's FAQ in one step: p_van leaves school p_school per
-- p_per (tot = the day before), p_naar works there from p_per, and on every
-- open hulpvraag of the school that p_van asked, the aanvrager (account,
-- name, e-mail address: where the status mails go) becomes p_naar, and so
-- does the open onderwijsloopbaan row's aanvrager/contactpersoon/e-mail.
-- p_proef: change nothing, only count.  Returns the number of hulpvragen.
CREATE FUNCTION beheer_overdracht(p_org text, p_school text, p_van text, p_naar text, p_per date, p_proef boolean,
                                  p_door text) RETURNS integer
LANGUAGE plpgsql SECURITY DEFINER SET search_path = balie, pg_catalog AS $$
DECLARE
	v_org bigint := beheer_org(p_org);
	s school := beheer_school(v_org, p_school);
	van account := beheer_account(p_van);
	naar account := beheer_account(p_naar);
	v_n integer := 0;
	h record;
BEGIN
	IF van.id = naar.id THEN
		RAISE EXCEPTION 'van en naar zijn hetzelfde account';
	END IF;
	PERFORM beheer_eis_rol(naar, v_org, 'aanvrager');
	FOR h IN SELECT hv.id, hv.dossier_id FROM hulpvraag hv
	          WHERE hv.id IN (SELECT beheer_open_hulpvragen(s.id)) AND hv.aanvrager_id = van.id
	          ORDER BY hv.id FOR UPDATE LOOP
		v_n := v_n + 1;
		CONTINUE WHEN p_proef;
		UPDATE hulpvraag SET aanvrager_id = naar.id, aanvrager_naam = naar.naam, aanvrager_email = naar.email,
		                     version = version + 1, updated_at = now()
		 WHERE id = h.id;
		UPDATE schoolgegevens
		   SET aanvrager = CASE WHEN aanvrager = van.naam THEN naar.naam ELSE aanvrager END,
		       contactpersoon = CASE WHEN contactpersoon = van.naam THEN naar.naam ELSE contactpersoon END,
		       email = CASE WHEN email = van.email THEN naar.email ELSE email END,
		       version = version + 1
		 WHERE dossier_id = h.dossier_id AND school_id = s.id AND tot IS NULL
		   AND (aanvrager = van.naam OR contactpersoon = van.naam OR email = van.email);
		PERFORM beheer_audit(v_org, 'overdracht-hulpvraag', 'hulpvraag', h.id, p_door,
		                     'account ' || van.id || ' → ' || naar.id);
	END LOOP;
	IF p_proef THEN
		RETURN v_n;
	END IF;
	UPDATE school_medewerker SET tot = greatest(vanaf, p_per - 1)
	 WHERE school_id = s.id AND account_id = van.id AND tot IS NULL;
	IF NOT EXISTS (SELECT 1 FROM school_medewerker WHERE school_id = s.id AND account_id = naar.id AND tot IS NULL) THEN
		INSERT INTO school_medewerker (organisatie_id, school_id, account_id, vanaf) VALUES (v_org, s.id, naar.id, p_per);
	END IF;
	INSERT INTO account_school (account_id, school_id) VALUES (naar.id, s.id) ON CONFLICT DO NOTHING;
	DELETE FROM account_school WHERE account_id = van.id AND school_id = s.id;
	PERFORM beheer_audit(v_org, 'overdracht', 'school', s.id, p_door,
	                     'account ' || van.id || ' → ' || naar.id || '; ' || v_n || ' hulpvragen');
	RETURN v_n;
END
$$;

-- Only the administrator's role (a member of balie_owner) calls these.
DO $$
DECLARE
	f regprocedure;
BEGIN
	FOR f IN SELECT p.oid::regprocedure FROM pg_proc p
	          WHERE p.pronamespace = 'balie'::regnamespace AND p.proname LIKE 'beheer\_%' LOOP
		EXECUTE format('REVOKE EXECUTE ON FUNCTION %s FROM PUBLIC', f);
	END LOOP;
END
$$;
