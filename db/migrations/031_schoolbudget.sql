-- 031_schoolbudget: the schoolbudget of PO2806, EMB, the behandelaar of a
-- TLV and the forecast for the application (issue 10 §1, §2, §5).
--
-- 1. "In te vullen door PPO" (seed 000, the schoolbudget forms: "De andere
--    vragen worden ingevuld door medewerkers van PPO").  A form field marked
--    `intern = true` (balie-forms(5)) is written only by the back office:
--    formulier_definitie.intern_velden names those fields (filled by
--    `balie admin forms load`, db/formstore.c), and a trigger on
--    formulier_waarde refuses a write, change or removal of such a field by
--    an account that has no internal role in the organisatie — whatever
--    statement the application role sends.  A school saving its form
--    leaves the SWV's answers as they are (db/formulier.c writes only what
--    changed).
-- 2. "Niet ontvankelijk financieën" (000: "het genomen besluit niet conform
--    de mandaatregeling … de beschikking derhalve nog niet kan worden
--    opgemaakt"): a status the profile lists under `geblokkeerd`
--    (beschikking.conf, table beschikking_blokkade) keeps the
--    aanpak of its hulpvraag from being written, with the reason given at
--    the status change.
-- 3. A fixed amount ("budget inclusief onderwijs": 000 "de hoogte … is reeds
--    vastgesteld"): an aanpak type with a tariff under its own name (tarief,
--    categorie = the type, per school year, `balie admin tarief`) gets
--    exactly that amount; another amount is refused.
-- 4. EMB (004 §4.4): an EMB pupil's TLV beschikking is only ever the
--    profile's emb soort, also as a draft.
-- 5. The behandelaar of a TLV (004 §4.6 "het veld Behandelaar van de TLV
--    (dus net onder het veld Ontvangende school)"): access to the hulpvraag
--    until the TLV's einddatum (hulpvraag_toegang soort 'tlv') and a mail
--    without the pupil's name, as the aanpak's behandelaar (021).
-- 6. The forecast of 021 (budget_prognose) for the back office's screen.
SET LOCAL ROLE balie_owner;

-- ---------------------------------------------------------------- 1. fields for the back office

ALTER TABLE formulier_definitie ADD COLUMN intern_velden text[] NOT NULL DEFAULT '{}';
-- Aanname: the versions loaded before this migration mark the two PPO
-- fields of the schoolbudget forms (the next `forms load` publishes the
-- files' own marks).
UPDATE formulier_definitie SET intern_velden = ARRAY(SELECT k FROM unnest(ARRAY['besluit_ppo', 'toegekend_bedrag']) k
                                                    WHERE bron LIKE '%"' || k || '"%')
 WHERE code LIKE 'aanvraag-%budget%';

-- Runs as the caller: the owner's own writes (the demo, migrations) pass.
CREATE FUNCTION formulier_waarde_intern() RETURNS trigger
LANGUAGE plpgsql SET search_path = balie, pg_catalog AS $$
DECLARE
	r     formulier_waarde;
	v_lab text;
BEGIN
	IF current_user <> 'balie_app' THEN
		RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
	END IF;
	r := CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
	IF TG_OP = 'UPDATE' AND NEW.veld = OLD.veld AND NEW.waarde = OLD.waarde THEN
		RETURN NEW;
	END IF;
	IF EXISTS (SELECT 1 FROM formulier f JOIN formulier_definitie d ON d.id = f.definitie_id
	            WHERE f.id = r.formulier_id
	              AND (r.veld = ANY (d.intern_velden) OR (TG_OP = 'UPDATE' AND OLD.veld = ANY (d.intern_velden))))
	   AND r.organisatie_id NOT IN (SELECT internal_orgs()) THEN
		v_lab := replace(r.veld, '_', ' ');
		RAISE EXCEPTION 'Het veld "%" vullen medewerkers van het samenwerkingsverband in', v_lab
			USING ERRCODE = '42501';
	END IF;
	RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END
$$;
REVOKE EXECUTE ON FUNCTION formulier_waarde_intern() FROM PUBLIC;
CREATE TRIGGER formulier_waarde_intern BEFORE INSERT OR UPDATE OR DELETE ON formulier_waarde
	FOR EACH ROW EXECUTE FUNCTION formulier_waarde_intern();

-- ---------------------------------------------------------------- 2. a status that blocks the beschikking

-- The profile's blocking statuses (beschikking.conf `geblokkeerd`, published
-- by `balie admin forms load`).  A table of its own: every reader of
-- beschikking_status takes a row there for an "afgegeven" or "financieel
-- verwerkt" status.  Configuration: read-only for the application, audited.
CREATE TABLE beschikking_blokkade (
	organisatie_id bigint NOT NULL REFERENCES organisatie,
	status         text NOT NULL,
	PRIMARY KEY (organisatie_id, status)
);
GRANT SELECT ON beschikking_blokkade TO balie_app, balie_report;
CREATE TRIGGER config_audit AFTER INSERT OR UPDATE OR DELETE ON beschikking_blokkade
	FOR EACH STATEMENT EXECUTE FUNCTION config_audit();

-- Why the beschikking of hulpvraag p_hv cannot be drawn up ("" when it
-- can): the blocking status it is in and the reason given when it was set.
-- SECURITY DEFINER for the reason of the history row; only for a hulpvraag
-- the acting account sees.
CREATE FUNCTION beschikking_geblokkeerd(p_hv bigint) RETURNS text
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = balie, pg_catalog AS $$
DECLARE
	h hulpvraag%ROWTYPE;
	v_reden text;
BEGIN
	SELECT * INTO h FROM hulpvraag WHERE id = p_hv;
	IF NOT FOUND OR NOT hulpvraag_zichtbaar(h.id, h.organisatie_id, h.voorlopig, h.aanvrager_id)
	   OR NOT EXISTS (SELECT 1 FROM beschikking_blokkade s WHERE s.organisatie_id = h.organisatie_id
	                    AND s.status = h.status) THEN
		RETURN '';
	END IF;
	SELECT x.reden INTO v_reden FROM statushistorie x WHERE x.hulpvraag_id = p_hv AND x.naar = h.status
	 ORDER BY x.id DESC LIMIT 1;
	RETURN h.status || CASE WHEN coalesce(v_reden, '') ~ '\S' THEN ': ' || btrim(v_reden) ELSE '' END;
END
$$;
REVOKE EXECUTE ON FUNCTION beschikking_geblokkeerd(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION beschikking_geblokkeerd(bigint) TO balie_app;

-- The trigger (after aanpak_stempel, before aanpak_zz_budget: names in
-- order) refuses any write of the aanpak while blocked, and fills or
-- checks a fixed amount.
CREATE FUNCTION aanpak_vast() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = balie, pg_catalog AS $$
DECLARE
	v_blok text;
	v_vast bigint;
BEGIN
	IF EXISTS (SELECT 1 FROM hulpvraag h JOIN beschikking_blokkade s ON s.organisatie_id = h.organisatie_id
	                                                               AND s.status = h.status
	            WHERE h.id = NEW.hulpvraag_id) THEN
		SELECT h.status || coalesce(': ' || nullif(btrim(x.reden), ''), '') INTO v_blok
		  FROM hulpvraag h LEFT JOIN LATERAL (SELECT y.reden FROM statushistorie y
		                                       WHERE y.hulpvraag_id = h.id AND y.naar = h.status
		                                       ORDER BY y.id DESC LIMIT 1) x ON true
		 WHERE h.id = NEW.hulpvraag_id;
		RAISE EXCEPTION 'Geen beschikking: %', v_blok USING ERRCODE = 'P0001';
	END IF;
	IF NEW.startdatum IS NOT NULL AND NEW.type <> '' THEN
		v_vast := tarief_bedrag(NEW.organisatie_id, NEW.type, NEW.startdatum);
	END IF;
	IF v_vast IS NOT NULL THEN
		IF NEW.bedrag_cent IS NULL THEN
			NEW.bedrag_cent := v_vast;
		ELSIF NEW.bedrag_cent <> v_vast THEN
			RAISE EXCEPTION 'Een % heeft een vast bedrag: % in schooljaar %-%', NEW.type, euro(v_vast),
				extract(year FROM NEW.startdatum - interval '7 months'),
				extract(year FROM NEW.startdatum - interval '7 months') + 1 USING ERRCODE = 'P0001';
		END IF;
		NEW.tarief_cent := v_vast;
	END IF;
	RETURN NEW;
END
$$;
REVOKE EXECUTE ON FUNCTION aanpak_vast() FROM PUBLIC;
CREATE TRIGGER aanpak_vast BEFORE INSERT OR UPDATE ON aanpak
	FOR EACH ROW EXECUTE FUNCTION aanpak_vast();

-- ---------------------------------------------------------------- 4. EMB, also for a draft

CREATE FUNCTION tlv_emb_check() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = balie, pg_catalog AS $$
DECLARE
	v_emb  boolean;
	v_embs text;
BEGIN
	IF NEW.soort IS NULL THEN
		RETURN NEW;
	END IF;
	SELECT s.naam INTO v_embs FROM beschikking_soort s WHERE s.organisatie_id = NEW.organisatie_id AND s.emb;
	IF v_embs IS NULL OR NEW.soort = v_embs THEN
		RETURN NEW;
	END IF;
	SELECT bool_or(w.waarde = 'ja') INTO v_emb
	  FROM formulier fo JOIN formulier_waarde w ON w.formulier_id = fo.id AND w.veld = 'emb'
	 WHERE fo.hulpvraag_id = NEW.hulpvraag_id AND fo.verwijderd_op IS NULL;
	IF coalesce(v_emb, false) THEN
		RAISE EXCEPTION 'Een EMB-leerling krijgt alleen %', v_embs USING ERRCODE = 'P0001';
	END IF;
	RETURN NEW;
END
$$;
REVOKE EXECUTE ON FUNCTION tlv_emb_check() FROM PUBLIC;
CREATE TRIGGER tlv_emb_check BEFORE INSERT OR UPDATE OF soort ON tlv_beschikking
	FOR EACH ROW EXECUTE FUNCTION tlv_emb_check();

-- ---------------------------------------------------------------- 5. the behandelaar of a TLV

-- A new kind of access, 'tlv', added to whatever kinds the check allows
-- now (so a migration of another issue that added its own kind before this
-- one keeps it).
DO $$
DECLARE
	v text[];
BEGIN
	SELECT array_agg(DISTINCT m[1]) INTO v
	  FROM pg_constraint c, regexp_matches(pg_get_constraintdef(c.oid), '''([a-z_]+)''', 'g') m
	 WHERE c.conname = 'hulpvraag_toegang_soort_check' AND c.conrelid = 'balie.hulpvraag_toegang'::regclass;
	ALTER TABLE hulpvraag_toegang DROP CONSTRAINT hulpvraag_toegang_soort_check;
	EXECUTE format('ALTER TABLE hulpvraag_toegang ADD CONSTRAINT hulpvraag_toegang_soort_check '
	               'CHECK (soort = ANY (%L::text[]))', array_append(v, 'tlv'));
END
$$;

-- One behandelaar rule for both beschikkingen (021's aanpak_behandelaar
-- and aanpak_behandelaars now call it too): p_soort 'aanpak' (rulebook
-- aanpak-bewerken, an external deskundige — or a regierolhouder, 003 §3,
-- where that role exists — access while the aanpak runs) or 'tlv' (rulebook
-- beschikking-bewerken; aanname: the receiving school's IB'er or
-- administratie — role aanvrager, 004 §4.6 — or an external deskundige;
-- access until the TLV's einddatum).  Makes p_account behandelaar (p_aan)
-- or no longer: hulpvraag_toegang of that soort, a mail that names the
-- hulpvraag's number and the period but never the pupil, an audit row.
CREATE FUNCTION behandelaar_rollen(p_soort text) RETURNS text[]
LANGUAGE sql IMMUTABLE AS $$
	SELECT CASE WHEN p_soort = 'tlv' THEN ARRAY['aanvrager', 'extern'] ELSE ARRAY['extern', 'regierolhouder'] END
$$;

CREATE FUNCTION behandelaar_zetten(p_hv bigint, p_account bigint, p_aan boolean, p_soort text)
RETURNS TABLE (naam text, tot date, mail boolean)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = balie, pg_catalog AS $$
#variable_conflict use_column
DECLARE
	h     hulpvraag%ROWTYPE;
	x     account%ROWTYPE;
	v_id  bigint;
	v_van date;
	v_tot date;
	v_wat text;
BEGIN
	IF p_soort NOT IN ('tlv', 'aanpak') THEN
		RAISE EXCEPTION 'behandelaar_zetten: onbekende soort %', p_soort;
	END IF;
	h := hulpvraag_voor(p_hv, CASE WHEN p_soort = 'tlv' THEN 'beschikking-bewerken' ELSE 'aanpak-bewerken' END,
	                    'Een behandelaar kiezen');
	IF p_soort = 'tlv' THEN
		SELECT b.id, b.startdatum, b.einddatum, 'de TLV' INTO v_id, v_van, v_tot, v_wat
		  FROM tlv_beschikking b WHERE b.hulpvraag_id = p_hv;
	ELSE
		SELECT a.id, a.startdatum, a.einddatum, coalesce(nullif(a.type, ''), 'aanpak') INTO v_id, v_van, v_tot, v_wat
		  FROM aanpak a WHERE a.hulpvraag_id = p_hv;
	END IF;
	IF v_id IS NULL OR v_tot IS NULL THEN
		RAISE EXCEPTION '%', CASE WHEN p_soort = 'tlv'
			THEN 'Eerst een TLV-beschikking met een einddatum bewaren: zo lang heeft de behandelaar toegang'
			ELSE 'Eerst een aanpak met een einddatum bewaren: zo lang heeft de behandelaar toegang' END
			USING ERRCODE = 'P0001';
	END IF;
	SELECT a.* INTO x FROM account a
	 WHERE a.id = p_account AND EXISTS (SELECT 1 FROM account_rol r WHERE r.account_id = a.id
	                                      AND r.organisatie_id = h.organisatie_id
	                                      AND r.rol = ANY (behandelaar_rollen(p_soort)));
	IF NOT FOUND THEN
		RAISE EXCEPTION '%', CASE WHEN p_soort = 'tlv'
			THEN 'Een behandelaar van de TLV is een schoolaccount of externe deskundige in deze organisatie'
			ELSE 'Een behandelaar is een externe deskundige met een account in deze organisatie' END
			USING ERRCODE = 'P0001';
	END IF;
	IF p_aan THEN
		INSERT INTO hulpvraag_toegang (hulpvraag_id, account_id, soort, tot)
		VALUES (p_hv, p_account, p_soort, v_tot)
		ON CONFLICT (hulpvraag_id, account_id, soort) DO UPDATE SET tot = EXCLUDED.tot;
		IF x.email IS NOT NULL THEN
			-- no pupil's name: the number, the kind and the period only
			INSERT INTO outbox (organisatie_id, hulpvraag_id, aan, onderwerp, tekst)
			VALUES (h.organisatie_id, p_hv, x.email, format('Behandelaar van hulpvraag %s', h.nummer),
			        format(E'Beste %s,\n\nU bent behandelaar van hulpvraag %s (%s, %s tot en met %s).\n%s\n',
			               x.naam, h.nummer, v_wat, coalesce(to_char(v_van, 'DD-MM-YYYY'), '?'),
			               to_char(v_tot, 'DD-MM-YYYY'),
			               CASE WHEN p_soort = 'tlv' THEN 'Tot en met die datum ziet u de hulpvraag in balie.'
			                    ELSE 'Zolang de aanpak loopt, ziet u de hulpvraag in balie.' END));
		END IF;
	ELSE
		DELETE FROM hulpvraag_toegang t WHERE t.hulpvraag_id = p_hv AND t.account_id = p_account AND t.soort = p_soort;
	END IF;
	INSERT INTO audit_log (account_id, organisatie_id, actie, object, object_id, detail)
	VALUES (acting_account(), h.organisatie_id, CASE WHEN p_aan THEN 'behandelaar' ELSE 'behandelaar-weg' END,
	        CASE WHEN p_soort = 'tlv' THEN 'tlv_beschikking' ELSE 'aanpak' END, v_id, format('account %s', p_account));
	RETURN QUERY SELECT x.naam, CASE WHEN p_aan THEN v_tot END, p_aan AND x.email IS NOT NULL;
END
$$;
REVOKE EXECUTE ON FUNCTION behandelaar_zetten(bigint, bigint, boolean, text) FROM PUBLIC;

CREATE FUNCTION tlv_behandelaar(p_hv bigint, p_account bigint, p_aan boolean)
RETURNS TABLE (naam text, tot date, mail boolean)
LANGUAGE sql SECURITY DEFINER SET search_path = balie, pg_catalog AS $$
	SELECT * FROM behandelaar_zetten(p_hv, p_account, p_aan, 'tlv')
$$;
REVOKE EXECUTE ON FUNCTION tlv_behandelaar(bigint, bigint, boolean) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION tlv_behandelaar(bigint, bigint, boolean) TO balie_app;
CREATE OR REPLACE FUNCTION aanpak_behandelaar(p_hv bigint, p_account bigint, p_aan boolean)
RETURNS TABLE (naam text, tot date, mail boolean)
LANGUAGE sql SECURITY DEFINER SET search_path = balie, pg_catalog AS $$
	SELECT * FROM behandelaar_zetten(p_hv, p_account, p_aan, 'aanpak')
$$;

-- Who can be behandelaar of hulpvraag p_hv's TLV or aanpak (p_soort), and
-- who is: for the pick list.  Only for the back office.
CREATE FUNCTION behandelaars(p_hv bigint, p_soort text)
RETURNS TABLE (account_id bigint, naam text, is_behandelaar boolean, tot date)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = balie, pg_catalog AS $$
	SELECT x.id, x.naam, t.account_id IS NOT NULL, t.tot
	  FROM hulpvraag h JOIN account x
	    ON EXISTS (SELECT 1 FROM account_rol r WHERE r.account_id = x.id AND r.organisatie_id = h.organisatie_id
	                 AND r.rol = ANY (behandelaar_rollen(p_soort)))
	  LEFT JOIN hulpvraag_toegang t ON t.hulpvraag_id = h.id AND t.account_id = x.id AND t.soort = p_soort
	 WHERE h.id = p_hv AND h.organisatie_id IN (SELECT internal_orgs()) AND p_soort IN ('tlv', 'aanpak')
	 ORDER BY x.naam
$$;
REVOKE EXECUTE ON FUNCTION behandelaars(bigint, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION behandelaars(bigint, text) TO balie_app;
CREATE OR REPLACE FUNCTION aanpak_behandelaars(p_hv bigint)
RETURNS TABLE (account_id bigint, naam text, is_behandelaar boolean, tot date)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = balie, pg_catalog AS $$
	SELECT * FROM behandelaars(p_hv, 'aanpak')
$$;

-- The access ends with the beschikking: a changed einddatum moves it along
-- (TG_ARGV[0]: the soort of access).  Replaces 021's aanpak_toegang_tot.
CREATE FUNCTION behandelaar_tot() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = balie, pg_catalog AS $$
BEGIN
	IF NEW.einddatum IS DISTINCT FROM OLD.einddatum AND NEW.einddatum IS NOT NULL THEN
		UPDATE hulpvraag_toegang SET tot = NEW.einddatum WHERE hulpvraag_id = NEW.hulpvraag_id AND soort = TG_ARGV[0];
	END IF;
	RETURN NULL;
END
$$;
REVOKE EXECUTE ON FUNCTION behandelaar_tot() FROM PUBLIC;
DROP TRIGGER aanpak_toegang_tot ON aanpak;
DROP FUNCTION aanpak_toegang_tot();
CREATE TRIGGER aanpak_toegang_tot AFTER UPDATE OF einddatum ON aanpak
	FOR EACH ROW EXECUTE FUNCTION behandelaar_tot('aanpak');
CREATE TRIGGER tlv_toegang_tot AFTER UPDATE OF einddatum ON tlv_beschikking
	FOR EACH ROW EXECUTE FUNCTION behandelaar_tot('tlv');

-- ---------------------------------------------------------------- 6. the forecast for the screen

-- Every budget of school year p_jaar of organisatie p_org with its
-- forecast (budget_prognose of 021: cumulative per month, vastgelegd and
-- verwacht).  Only for the back office with the right to the kengetallen
-- (the budgets are the SWV's own, not a bestuur's): else no rows.
CREATE FUNCTION budget_prognose_alle(p_org bigint, p_jaar integer)
RETURNS TABLE (soort text, budget_cent bigint, maand date, vastgelegd_cent bigint, verwacht_cent bigint)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = balie, pg_catalog AS $$
	SELECT b.soort, b.bedrag_cent, p.maand, p.vastgelegd_cent, p.verwacht_cent
	  FROM budget b CROSS JOIN LATERAL budget_prognose(b.organisatie_id, b.schooljaar, b.soort) p
	 WHERE b.organisatie_id = p_org AND b.schooljaar = p_jaar
	   AND p_org IN (SELECT internal_orgs()) AND mag('kengetallen', p_org)
	 ORDER BY b.soort, p.maand
$$;
REVOKE EXECUTE ON FUNCTION budget_prognose_alle(bigint, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION budget_prognose_alle(bigint, integer) TO balie_app;
