SET LOCAL ROLE balie_owner;
-- 005_queue: the werkvoorraad (tui/pane_queue.c, db/queue.c).
--
-- The queue pages with keyset pagination: ORDER BY <column>, id and
-- WHERE (<column>, id) > (<last row seen>) LIMIT n — never OFFSET — so page
-- 10.000 costs what page 1 costs, provided an index delivers the rows in that
-- order for the node of the status tree being shown.  The indexes below match
-- the ORDER BYs of db/queue.c per node (Alle: organisatie; a category; a
-- status; Mijn werkvoorraad: coördinator) for the sorts people use most
-- (datum, nummer, werkdagen in status = status_sinds).  002 already has
-- (organisatie_id, status_categorie, status, datum, id) and
-- (organisatie_id, nummer).  Sorting by leerling goes through dossier's
-- (organisatie_id, sorteernaam) index in a nested loop: measured on 1M rows
-- in bench/results.tsv (queue_sort_leerling_*).
CREATE INDEX hulpvraag_queue_org_datum ON hulpvraag (organisatie_id, datum, id);
CREATE INDEX hulpvraag_queue_cat_datum ON hulpvraag (organisatie_id, status_categorie, datum, id);
CREATE INDEX hulpvraag_queue_status_nummer ON hulpvraag (organisatie_id, status_categorie, status, nummer);
CREATE INDEX hulpvraag_queue_status_sinds ON hulpvraag (organisatie_id, status_categorie, status, status_sinds, id);
CREATE INDEX hulpvraag_queue_coord_datum ON hulpvraag (coordinator_id, datum, id);

-- "Mijn werkvoorraad" counts without COUNT(*): open hulpvragen (status not an
-- eindstatus, no Voorlopige aanmelding) per coördinator, kept by a trigger
-- like hulpvraag_telling.
CREATE TABLE hulpvraag_telling_coord (
	organisatie_id   bigint NOT NULL REFERENCES organisatie,
	coordinator_id   bigint NOT NULL REFERENCES account,
	status_categorie text NOT NULL,
	status           text NOT NULL,
	aantal           bigint NOT NULL DEFAULT 0 CHECK (aantal >= 0),
	PRIMARY KEY (organisatie_id, coordinator_id, status_categorie, status)
);

-- True when the row counts as open work of its coördinator.
CREATE FUNCTION hulpvraag_open(p_type bigint, p_status text, p_voorlopig boolean, p_coord bigint)
RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = balie, pg_catalog AS $$
	SELECT p_coord IS NOT NULL AND NOT p_voorlopig
	   AND NOT coalesce((SELECT eindstatus FROM flow_status WHERE aanvraagtype_id = p_type AND naam = p_status), false)
$$;

CREATE FUNCTION hulpvraag_telling_coord_bij() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = balie, pg_catalog AS $$
BEGIN
	IF TG_OP IN ('UPDATE', 'DELETE')
	   AND hulpvraag_open(OLD.aanvraagtype_id, OLD.status, OLD.voorlopig, OLD.coordinator_id) THEN
		UPDATE hulpvraag_telling_coord SET aantal = aantal - 1
		 WHERE organisatie_id = OLD.organisatie_id AND coordinator_id = OLD.coordinator_id
		   AND status_categorie = OLD.status_categorie AND status = OLD.status;
	END IF;
	IF TG_OP IN ('UPDATE', 'INSERT')
	   AND hulpvraag_open(NEW.aanvraagtype_id, NEW.status, NEW.voorlopig, NEW.coordinator_id) THEN
		INSERT INTO hulpvraag_telling_coord AS t (organisatie_id, coordinator_id, status_categorie, status, aantal)
		VALUES (NEW.organisatie_id, NEW.coordinator_id, NEW.status_categorie, NEW.status, 1)
		ON CONFLICT (organisatie_id, coordinator_id, status_categorie, status)
		DO UPDATE SET aantal = t.aantal + 1;
	END IF;
	RETURN NULL;
END
$$;
CREATE TRIGGER hulpvraag_telling_coord_bij AFTER INSERT OR DELETE OR UPDATE OF status, coordinator_id
	ON hulpvraag FOR EACH ROW EXECUTE FUNCTION hulpvraag_telling_coord_bij();

ALTER TABLE hulpvraag_telling_coord ENABLE ROW LEVEL SECURITY;
CREATE POLICY intern ON hulpvraag_telling_coord TO balie_app, balie_report
	USING (organisatie_id IN (SELECT internal_orgs()));
GRANT SELECT ON hulpvraag_telling_coord TO balie_app, balie_report;

-- After a bulk load with triggers disabled (demodata): recount both.  Same
-- body as in 003, plus the coördinator counts.
CREATE OR REPLACE FUNCTION telling_herbereken() RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = balie, pg_catalog AS $$
	DELETE FROM hulpvraag_telling;
	INSERT INTO hulpvraag_telling (organisatie_id, status_categorie, status, voorlopig, aantal)
	SELECT organisatie_id, status_categorie, status, voorlopig, count(*)
	  FROM hulpvraag GROUP BY 1, 2, 3, 4;
	INSERT INTO hulpvraag_nummer (organisatie_id, laatste)
	SELECT organisatie_id, max(nummer) FROM hulpvraag GROUP BY 1
	ON CONFLICT (organisatie_id) DO UPDATE SET laatste = excluded.laatste;
	DELETE FROM hulpvraag_telling_coord;
	INSERT INTO hulpvraag_telling_coord (organisatie_id, coordinator_id, status_categorie, status, aantal)
	SELECT h.organisatie_id, h.coordinator_id, h.status_categorie, h.status, count(*)
	  FROM hulpvraag h JOIN flow_status s ON s.aanvraagtype_id = h.aanvraagtype_id AND s.naam = h.status
	 WHERE h.coordinator_id IS NOT NULL AND NOT h.voorlopig AND NOT s.eindstatus
	 GROUP BY 1, 2, 3, 4;
$$;

-- A database that already holds hulpvragen gets its coördinator counts now.
SELECT telling_herbereken();

-- Saved filters ("bewaarde filters") per account, shown in the status tree:
-- a name, the filter text (core/filter.h) and the sort ("datum",
-- "-werkdagen").  Only the owner sees and changes their own.
CREATE TABLE queue_filter (
	id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	account_id     bigint NOT NULL REFERENCES account ON DELETE CASCADE,
	organisatie_id bigint NOT NULL REFERENCES organisatie,
	naam           text NOT NULL CHECK (naam <> '' AND length(naam) <= 60),
	filter         text NOT NULL CHECK (length(filter) <= 1000),
	sortering      text NOT NULL DEFAULT 'datum' CHECK (sortering ~ '^-?[a-z]+$'),
	aangemaakt_op  timestamptz NOT NULL DEFAULT now(),
	version        integer NOT NULL DEFAULT 1,
	UNIQUE (account_id, organisatie_id, naam)
);
ALTER TABLE queue_filter ENABLE ROW LEVEL SECURITY;
ALTER TABLE queue_filter FORCE ROW LEVEL SECURITY;
CREATE POLICY eigenaar ON queue_filter TO balie_owner USING (true) WITH CHECK (true);
CREATE POLICY eigen ON queue_filter TO balie_app
	USING (account_id = acting_account())
	WITH CHECK (account_id = acting_account() AND organisatie_id IN (SELECT member_orgs()));
GRANT SELECT, INSERT, UPDATE, DELETE ON queue_filter TO balie_app;

REVOKE EXECUTE ON FUNCTION hulpvraag_open(bigint, text, boolean, bigint), hulpvraag_telling_coord_bij() FROM PUBLIC;

-- The werkvoorraad's filters on names and labels.  Evaluating the dossier
-- and hulpvraag_label policies on every row a filtered queue scans costs
-- ~30 µs a row (22 s over a million); these return the matching ids once,
-- and the page query keeps only rows of hulpvraag the caller may see (its
-- own policy still applies).  Only for the organisatie's back office, who
-- see those dossiers and labels anyway; ids only, never a name.
CREATE FUNCTION queue_dossier_match(p_org bigint, p_folded text, p_lower text) RETURNS SETOF bigint
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = balie, pg_catalog AS $$
	SELECT id FROM dossier
	 WHERE organisatie_id = p_org AND p_org IN (SELECT internal_orgs())
	   AND (sorteernaam LIKE p_folded OR lower(coalesce(groepsnaam, '')) LIKE p_lower)
$$;

CREATE FUNCTION queue_label_match(p_org bigint, p_lower text) RETURNS SETOF bigint
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = balie, pg_catalog AS $$
	SELECT hl.hulpvraag_id FROM hulpvraag_label hl JOIN label l ON l.id = hl.label_id
	 WHERE l.organisatie_id = p_org AND p_org IN (SELECT internal_orgs()) AND lower(l.naam) LIKE p_lower
$$;
REVOKE EXECUTE ON FUNCTION queue_dossier_match(bigint, text, text), queue_label_match(bigint, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION queue_dossier_match(bigint, text, text), queue_label_match(bigint, text) TO balie_app;
