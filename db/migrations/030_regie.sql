-- 030_regie: the regierolhouder of Team Schoolondersteuning (seed 003,
-- PO2811 and VO2805; issue 13 §7).
--
-- Until now the profile po2811 mapped the regierolhouder (CJG, SMW, TJG, BPO
-- SWV, orthopedagoog SWV) to the internal role coordinator, so each of them
-- saw every hulpvraag of the organisatie.  003 §4 stap 1: "Bij het tabblad
-- HULPVRAGEN ziet de regierolhouder alle hulpvragen waarbij haar
-- betrokkenheid gevraagd is."  So:
--   * a role 'regierolhouder', not internal (internal_orgs() does not list
--     it): it reads, by the existing row-level security, only the hulpvragen
--     linked to it in hulpvraag_toegang — as their regierolhouder (new kind
--     'regierol'), as behandelaar of an aanpak, as member of a vergadering,
--     through an overlegronde or extra toegang — and what hangs from those;
--   * it writes nothing directly: its rights in the rulebook (core/recht.c:
--     status-wijzigen, bijlage-toevoegen, bijlage-exporteren, werkvoorraad)
--     are all exercised through SECURITY DEFINER functions (status_wijzigen,
--     bijlage_toevoegen) that check visibility and the rulebook;
--   * the back office chooses a hulpvraag's regierolhouder (at most one) with
--     regierol_zetten (rulebook regierol-toewijzen), audited, with a mail to
--     the regierolhouder that names no pupil;
--   * existing PO2811/VO2805 data: every account that is coördinator of a
--     hulpvraag of a po2811 organisatie is the regierolhouder 003 describes
--     (§2 stap 1: the IB/COO puts the regierolhouder in the COÖRDINATOR
--     field); it gets the role regierolhouder and a regierol link to those
--     hulpvragen.  Its coordinator role stays, so nobody loses access by a
--     migration: the administrator takes it away with
--     `balie admin user rol-weg` (balie-admin(8), REGIEROLHOUDER).
--
-- Found on the way (tests/db/regie_test.c): hulpvraag_zichtbaar() answered
-- NULL, not false, for an account outside the back office on a hulpvraag
-- without aanvrager_id (NULL = acting_account() is NULL), and the SECURITY
-- DEFINER functions ask `IF NOT FOUND OR NOT hulpvraag_zichtbaar(…)`: NOT
-- NULL is NULL, the IF is not taken, and status_wijzigen, bijlage_toevoegen
-- and hulpvraag_voor went on for a hulpvraag the account cannot see (the
-- flow and the rulebook still applied).  Now the answer is never NULL.
SET LOCAL ROLE balie_owner;

CREATE OR REPLACE FUNCTION hulpvraag_zichtbaar(p_id bigint, p_org bigint, p_voorlopig boolean, p_aanvrager bigint)
RETURNS boolean
LANGUAGE sql STABLE AS $$
	SELECT (p_org IN (SELECT balie.internal_orgs()) AND NOT p_voorlopig)
	    OR (p_voorlopig AND balie.mag('voorlopig-zien', p_org))
	    OR coalesce(p_aanvrager = balie.acting_account(), false)
	    OR EXISTS (SELECT 1 FROM balie.hulpvraag_toegang t
	                WHERE t.hulpvraag_id = p_id AND t.account_id = balie.acting_account()
	                  AND (t.tot IS NULL OR t.tot >= current_date))
$$;

ALTER TABLE account_rol DROP CONSTRAINT account_rol_rol_check;
ALTER TABLE account_rol ADD CONSTRAINT account_rol_rol_check
	CHECK (rol IN ('secretariaat', 'financieel', 'coordinator', 'admin', 'aanvrager', 'ouder', 'extern', 'bestuur',
	               'regierolhouder'));

ALTER TABLE hulpvraag_toegang DROP CONSTRAINT hulpvraag_toegang_soort_check;
ALTER TABLE hulpvraag_toegang ADD CONSTRAINT hulpvraag_toegang_soort_check
	CHECK (soort IN ('aanpak', 'vergadering', 'overlegronde', 'extra_toegang', 'regierol'));
-- one regierolhouder per hulpvraag (003: the COÖRDINATOR field holds one name)
CREATE UNIQUE INDEX hulpvraag_toegang_regierol ON hulpvraag_toegang (hulpvraag_id) WHERE soort = 'regierol';

-- Sets (p_account) or removes (NULL) the regierolhouder of hulpvraag p_hv.
-- The caller must see the hulpvraag and may regierol-toewijzen in its
-- organisatie; the new one must have the role regierolhouder there and not be
-- blocked.  The row is locked, so two back-office people choosing at once
-- end with one regierolhouder.  A new regierolhouder gets a mail (number and
-- aanvraagtype only, never the pupil's name).  Returns the regierolhouder's
-- name ('' when removed) and whether a mail went out.
CREATE FUNCTION regierol_zetten(p_hv bigint, p_account bigint)
RETURNS TABLE (naam text, mail boolean)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = balie, pg_catalog AS $$
#variable_conflict use_column
DECLARE
	h      hulpvraag%ROWTYPE;
	b      account%ROWTYPE;
	v_oud  bigint;
	v_type text;
BEGIN
	h := hulpvraag_voor(p_hv, 'regierol-toewijzen', 'De regierolhouder kiezen');
	PERFORM 1 FROM hulpvraag x WHERE x.id = p_hv FOR UPDATE;
	IF h.voorlopig THEN
		RAISE EXCEPTION 'Een voorlopige aanmelding krijgt nog geen regierolhouder' USING ERRCODE = 'P0001';
	END IF;
	SELECT t.account_id INTO v_oud FROM hulpvraag_toegang t WHERE t.hulpvraag_id = p_hv AND t.soort = 'regierol';
	IF p_account IS NULL THEN
		DELETE FROM hulpvraag_toegang t WHERE t.hulpvraag_id = p_hv AND t.soort = 'regierol';
		INSERT INTO audit_log (account_id, organisatie_id, actie, object, object_id, detail)
		VALUES (acting_account(), h.organisatie_id, 'regierol-weg', 'hulpvraag', p_hv,
		        format('account %s', coalesce(v_oud::text, '-')));
		RETURN QUERY SELECT ''::text, false;
		RETURN;
	END IF;
	SELECT x.* INTO b FROM account x JOIN account_rol r ON r.account_id = x.id
	 WHERE x.id = p_account AND r.organisatie_id = h.organisatie_id AND r.rol = 'regierolhouder' AND NOT x.blocked;
	IF NOT FOUND THEN
		RAISE EXCEPTION 'Dit account is geen regierolhouder in deze organisatie' USING ERRCODE = 'P0001';
	END IF;
	IF v_oud IS NOT DISTINCT FROM p_account THEN
		RETURN QUERY SELECT b.naam, false; -- already: nothing changes, no second mail
		RETURN;
	END IF;
	DELETE FROM hulpvraag_toegang t WHERE t.hulpvraag_id = p_hv AND t.soort = 'regierol';
	INSERT INTO hulpvraag_toegang (hulpvraag_id, account_id, soort, organisatie_id)
	VALUES (p_hv, p_account, 'regierol', h.organisatie_id);
	INSERT INTO audit_log (account_id, organisatie_id, actie, object, object_id, detail)
	VALUES (acting_account(), h.organisatie_id, 'regierol', 'hulpvraag', p_hv,
	        format('account %s%s', p_account, CASE WHEN v_oud IS NOT NULL THEN format(' (was %s)', v_oud) ELSE '' END));
	IF b.email IS NOT NULL THEN
		SELECT t.naam INTO v_type FROM aanvraagtype t WHERE t.id = h.aanvraagtype_id;
		INSERT INTO outbox (organisatie_id, hulpvraag_id, aan, onderwerp, tekst)
		VALUES (h.organisatie_id, p_hv, b.email, format('Regierolhouder van hulpvraag %s', h.nummer),
		        format(E'Beste %s,\n\nU bent regierolhouder van hulpvraag %s (%s).\n'
		               'U vindt haar in balie onder "Mijn hulpvragen"; daar ziet u alleen de hulpvragen '
		               'waarbij uw betrokkenheid gevraagd is.\n',
		               b.naam, h.nummer, coalesce(v_type, 'hulpvraag')));
	END IF;
	RETURN QUERY SELECT b.naam, b.email IS NOT NULL;
END
$$;
REVOKE EXECUTE ON FUNCTION regierol_zetten(bigint, bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION regierol_zetten(bigint, bigint) TO balie_app;

-- The regierolhouder of p_hv, for whoever sees the hulpvraag (the links of
-- others are not readable in hulpvraag_toegang itself).
CREATE FUNCTION regierol_van(p_hv bigint)
RETURNS TABLE (account_id bigint, naam text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = balie, pg_catalog AS $$
	SELECT a.id, a.naam
	  FROM hulpvraag h JOIN hulpvraag_toegang t ON t.hulpvraag_id = h.id AND t.soort = 'regierol'
	  JOIN account a ON a.id = t.account_id
	 WHERE h.id = p_hv AND hulpvraag_zichtbaar(h.id, h.organisatie_id, h.voorlopig, h.aanvrager_id)
$$;
REVOKE EXECUTE ON FUNCTION regierol_van(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION regierol_van(bigint) TO balie_app, balie_report;

-- Who can be regierolhouder of p_hv, and who is: the pick list, for the back
-- office that may choose (nothing for anyone else).
CREATE FUNCTION regierolhouders(p_hv bigint)
RETURNS TABLE (account_id bigint, naam text, email text, is_huidig boolean)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = balie, pg_catalog AS $$
	SELECT x.id, x.naam, coalesce(x.email, ''), t.account_id IS NOT NULL
	  FROM hulpvraag h JOIN account_rol r ON r.organisatie_id = h.organisatie_id AND r.rol = 'regierolhouder'
	  JOIN account x ON x.id = r.account_id
	  LEFT JOIN hulpvraag_toegang t ON t.hulpvraag_id = h.id AND t.account_id = x.id AND t.soort = 'regierol'
	 WHERE h.id = p_hv AND NOT x.blocked AND mag('regierol-toewijzen', h.organisatie_id)
	 ORDER BY x.naam, x.id
$$;
REVOKE EXECUTE ON FUNCTION regierolhouders(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION regierolhouders(bigint) TO balie_app;

-- 003 §3: "Bij BEHANDELAAR voeg je regierolhouder toe": the behandelaar of
-- an aanpak (021) may be a regierolhouder as well as an external
-- deskundige; the rest of both functions is as in 021.
CREATE OR REPLACE FUNCTION aanpak_behandelaar(p_hv bigint, p_account bigint, p_aan boolean)
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
	SELECT x.* INTO b FROM account x
	 WHERE x.id = p_account AND EXISTS (SELECT 1 FROM account_rol r WHERE r.account_id = x.id
	                                     AND r.organisatie_id = h.organisatie_id AND r.rol IN ('extern', 'regierolhouder'));
	IF NOT FOUND THEN
		RAISE EXCEPTION 'Een behandelaar is een externe deskundige of regierolhouder met een account in deze organisatie'
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
CREATE OR REPLACE FUNCTION aanpak_behandelaars(p_hv bigint)
RETURNS TABLE (account_id bigint, naam text, is_behandelaar boolean, tot date)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = balie, pg_catalog AS $$
	SELECT x.id, x.naam, t.account_id IS NOT NULL, t.tot
	  FROM hulpvraag h JOIN account x
	    ON EXISTS (SELECT 1 FROM account_rol r WHERE r.account_id = x.id AND r.organisatie_id = h.organisatie_id
	                                              AND r.rol IN ('extern', 'regierolhouder'))
	  LEFT JOIN hulpvraag_toegang t ON t.hulpvraag_id = h.id AND t.account_id = x.id AND t.soort = 'aanpak'
	 WHERE h.id = p_hv AND h.organisatie_id IN (SELECT internal_orgs())
	 ORDER BY x.naam
$$;
REVOKE EXECUTE ON FUNCTION aanpak_behandelaars(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION aanpak_behandelaars(bigint) TO balie_app;

-- Existing data (see the top): the coördinators of po2811 hulpvragen.
INSERT INTO account_rol (account_id, organisatie_id, rol)
SELECT DISTINCT h.coordinator_id, h.organisatie_id, 'regierolhouder'
  FROM hulpvraag h JOIN organisatie o ON o.id = h.organisatie_id
 WHERE o.profiel = 'po2811' AND h.coordinator_id IS NOT NULL
ON CONFLICT DO NOTHING;
INSERT INTO hulpvraag_toegang (hulpvraag_id, account_id, soort, organisatie_id)
SELECT h.id, h.coordinator_id, 'regierol', h.organisatie_id
  FROM hulpvraag h JOIN organisatie o ON o.id = h.organisatie_id
 WHERE o.profiel = 'po2811' AND h.coordinator_id IS NOT NULL AND NOT h.voorlopig
ON CONFLICT DO NOTHING;
