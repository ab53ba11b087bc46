-- 017_dossier: the dossier can be kept up after intake (issue 14 §1).
--
--   * a new business action dossier-bewerken (core/recht.c) decides who may
--     change basisgegevens, adressen, relaties and schoolgegevens; intake
--     may still add them while it makes a dossier.  External roles have no
--     direct write at all (migration 013).
--   * every row of the dossier records who changed it last and when, for
--     the conflict message of a version check (db/outcome.c).
--   * an address is history: a new one closes the open address of the same
--     kind the day before its vanaf; its street, number, postcode, place,
--     kind and vanaf never change afterwards (opmerking and tot may).  A
--     new woonadres also closes an open "woon- én postadres" (aanname: who
--     moves house gets his post there too unless a postadres says else).
--   * schoolgegevens are a history without overlapping periods: a new
--     open period (no end date yet) closes an open one that began before
--     it; any other overlap is refused with the period it overlaps.
-- The rules apply to the application role; bulk loads by the owner (the
-- demo data, COPY of a million rows) are trusted and skip them.
SET LOCAL ROLE balie_owner;

ALTER TABLE adres ADD COLUMN opmerking text;

DO $$
DECLARE
	t text;
BEGIN
	FOREACH t IN ARRAY ARRAY['dossier', 'adres', 'relatie', 'schoolgegevens'] LOOP
		EXECUTE format('ALTER TABLE %I ADD COLUMN gewijzigd_door bigint REFERENCES account', t);
		EXECUTE format('ALTER TABLE %I ADD COLUMN gewijzigd_op timestamptz', t);
	END LOOP;
END
$$;

CREATE FUNCTION dossier_gewijzigd() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
	NEW.gewijzigd_door := coalesce(balie.acting_account(), NEW.gewijzigd_door);
	NEW.gewijzigd_op := now();
	RETURN NEW;
END
$$;
REVOKE EXECUTE ON FUNCTION dossier_gewijzigd() FROM PUBLIC;

DO $$
DECLARE
	t text;
BEGIN
	FOREACH t IN ARRAY ARRAY['dossier', 'adres', 'relatie', 'schoolgegevens'] LOOP
		EXECUTE format('CREATE TRIGGER %I BEFORE INSERT OR UPDATE ON %I '
		               'FOR EACH ROW EXECUTE FUNCTION dossier_gewijzigd()', t || '_gewijzigd', t);
	END LOOP;
END
$$;

-- ---------------------------------------------------------------- who may write

DROP POLICY intern ON dossier;
CREATE POLICY intern ON dossier FOR UPDATE TO balie_app
	USING (mag('dossier-bewerken', organisatie_id) AND NOT dossier_alleen_voorlopig(id))
	WITH CHECK (mag('dossier-bewerken', organisatie_id));

DO $$
DECLARE
	t text;
BEGIN
	FOREACH t IN ARRAY ARRAY['adres', 'relatie', 'schoolgegevens'] LOOP
		EXECUTE format('DROP POLICY intake ON %I', t);
		EXECUTE format('DROP POLICY intern ON %I', t);
		EXECUTE format('CREATE POLICY intake ON %I FOR INSERT TO balie_app '
		               'WITH CHECK ((mag(''intake'', organisatie_id) OR mag(''dossier-bewerken'', organisatie_id)) '
		               '            AND EXISTS (SELECT 1 FROM dossier d WHERE d.id = %I.dossier_id))', t, t);
		EXECUTE format('CREATE POLICY intern ON %I FOR UPDATE TO balie_app '
		               'USING (mag(''dossier-bewerken'', organisatie_id) '
		               '       AND EXISTS (SELECT 1 FROM dossier d WHERE d.id = %I.dossier_id)) '
		               'WITH CHECK (mag(''dossier-bewerken'', organisatie_id))', t, t);
	END LOOP;
END
$$;

-- ---------------------------------------------------------------- address history

CREATE FUNCTION adres_nieuw() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
	later date;
BEGIN
	IF current_user <> 'balie_app' THEN
		RETURN NEW;
	END IF;
	-- one writer per dossier at a time, so two new addresses cannot both
	-- see the old one open
	PERFORM pg_advisory_xact_lock(hashtext('balie.dossier'), NEW.dossier_id::int);
	SELECT max(a.vanaf) INTO later FROM balie.adres a
	 WHERE a.dossier_id = NEW.dossier_id AND a.tot IS NULL AND a.vanaf >= NEW.vanaf
	   AND (a.soort = NEW.soort OR NEW.soort = 'beide' OR (a.soort = 'beide' AND NEW.soort = 'woonadres'));
	IF later IS NOT NULL AND NEW.tot IS NULL THEN
		RAISE EXCEPTION 'Er is al een adres vanaf %: een nieuw adres begint later (of geef het oude adres een einddatum)',
			to_char(later, 'DD-MM-YYYY') USING ERRCODE = 'P0001';
	END IF;
	UPDATE balie.adres a SET tot = NEW.vanaf - 1
	 WHERE a.dossier_id = NEW.dossier_id AND a.tot IS NULL AND a.vanaf < NEW.vanaf AND NEW.tot IS NULL
	   AND (a.soort = NEW.soort OR NEW.soort = 'beide' OR (a.soort = 'beide' AND NEW.soort = 'woonadres'));
	RETURN NEW;
END
$$;
REVOKE EXECUTE ON FUNCTION adres_nieuw() FROM PUBLIC;
CREATE TRIGGER adres_nieuw BEFORE INSERT ON adres FOR EACH ROW EXECUTE FUNCTION adres_nieuw();

CREATE FUNCTION adres_geen_overschrijving() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
	IF current_user = 'balie_app'
	   AND (NEW.soort, NEW.straat, NEW.huisnummer, NEW.postcode, NEW.plaats, NEW.vanaf, NEW.dossier_id, NEW.organisatie_id)
	       IS DISTINCT FROM
	       (OLD.soort, OLD.straat, OLD.huisnummer, OLD.postcode, OLD.plaats, OLD.vanaf, OLD.dossier_id, OLD.organisatie_id)
	THEN
		RAISE EXCEPTION 'Een adres wordt niet overschreven: voeg het nieuwe adres toe met de datum vanaf'
			USING ERRCODE = 'P0001';
	END IF;
	RETURN NEW;
END
$$;
REVOKE EXECUTE ON FUNCTION adres_geen_overschrijving() FROM PUBLIC;
CREATE TRIGGER adres_geen_overschrijving BEFORE UPDATE ON adres
	FOR EACH ROW EXECUTE FUNCTION adres_geen_overschrijving();

-- ---------------------------------------------------------------- school history

CREATE FUNCTION schoolgegevens_periode() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
	s record;
BEGIN
	IF current_user <> 'balie_app' THEN
		RETURN NEW;
	END IF;
	PERFORM pg_advisory_xact_lock(hashtext('balie.dossier'), NEW.dossier_id::int);
	IF TG_OP = 'INSERT' AND NEW.tot IS NULL THEN
		UPDATE balie.schoolgegevens g SET tot = NEW.vanaf - 1
		 WHERE g.dossier_id = NEW.dossier_id AND g.tot IS NULL AND g.vanaf < NEW.vanaf;
	END IF;
	SELECT sc.naam, g.vanaf, g.tot INTO s FROM balie.schoolgegevens g JOIN balie.school sc ON sc.id = g.school_id
	 WHERE g.dossier_id = NEW.dossier_id AND g.id IS DISTINCT FROM NEW.id
	   AND daterange(g.vanaf, g.tot, '[]') && daterange(NEW.vanaf, NEW.tot, '[]')
	 ORDER BY g.vanaf LIMIT 1;
	IF FOUND THEN
		RAISE EXCEPTION 'De periode overlapt met %, % – %', s.naam, to_char(s.vanaf, 'DD-MM-YYYY'),
			coalesce(to_char(s.tot, 'DD-MM-YYYY'), 'nu') USING ERRCODE = 'P0001';
	END IF;
	RETURN NEW;
END
$$;
REVOKE EXECUTE ON FUNCTION schoolgegevens_periode() FROM PUBLIC;
CREATE TRIGGER schoolgegevens_periode BEFORE INSERT OR UPDATE OF vanaf, tot ON schoolgegevens
	FOR EACH ROW EXECUTE FUNCTION schoolgegevens_periode();

-- Creates carry an idempotency key (as 012 for the other tables): a new
-- address, relatie or school period sent twice is made once.
ALTER TABLE adres          ADD COLUMN idempotentie text UNIQUE CHECK (idempotentie ~ '^[0-9a-f]{32}$');
ALTER TABLE relatie        ADD COLUMN idempotentie text UNIQUE CHECK (idempotentie ~ '^[0-9a-f]{32}$');
ALTER TABLE schoolgegevens ADD COLUMN idempotentie text UNIQUE CHECK (idempotentie ~ '^[0-9a-f]{32}$');

-- Per aanvraagtype the "Toelichting" (what is expected) and the
-- "Standaardtekst" the omschrijving starts with (004 §2.4 …, data in the
-- .flow, published by `balie admin forms load`).
ALTER TABLE aanvraagtype ADD COLUMN toelichting text;
ALTER TABLE aanvraagtype ADD COLUMN standaardtekst text;

-- The profile's `standaard = true` type takes a title that is no fixed
-- title ("Een andere titel mag ook", 000): intake offers a free title then.
ALTER TABLE aanvraagtype ADD COLUMN standaard boolean NOT NULL DEFAULT false;
