-- 026_mailin: documents by mail (issue 14 §4).
--
--   * balie's outgoing mail about a hulpvraag says Reply-To: local+TOKEN@domain.
--     The token is made by `balie mail` (role balie_mail) when it delivers
--     the mail: 32 hex digits from gen_random_uuid (PostgreSQL's strong
--     random), stored only as its SHA-256, valid 90 days (aanname: long
--     enough for a school to gather an OPP, short enough that an old thread
--     stops filing).  Nobody reads antwoord_token directly: RLS is on with
--     no policy, and two SECURITY DEFINER functions stand in for reading
--     (antwoord_token_zoek, as the acting account) and writing
--     (antwoord_token_maak, as balie_mail).
--   * `balie mail-in` acts as a back-office account (balie.conf / --als)
--     that may "post" (rulebook).  A reply whose token is valid, whose
--     sender is the hulpvraag's aanvrager and whose hulpvraag is not in an
--     eindstatus is filed: a mail_in row (the text, as a note on the
--     hulpvraag) and its attachments through bijlage_toevoegen, in one
--     transaction.  Anything else becomes a mail_in row with a reden and
--     the whole message: the "post" list of the secretariaat.  The sender
--     of a post row gets a short answer (post_antwoord), never with the
--     hulpvraag's data and never with a pupil's name in the subject.
--   * a message is received once: the idempotency key is the SHA-256 of
--     the message, so an MTA that delivers it again files nothing twice.
SET LOCAL ROLE balie_owner;

CREATE TABLE antwoord_token (
	id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	hulpvraag_id   bigint NOT NULL,
	organisatie_id bigint NOT NULL REFERENCES organisatie,
	sha256         text NOT NULL UNIQUE CHECK (sha256 ~ '^[0-9a-f]{64}$'),
	aangemaakt_op  timestamptz NOT NULL DEFAULT now(),
	verloopt_op    timestamptz NOT NULL,
	FOREIGN KEY (hulpvraag_id, organisatie_id) REFERENCES hulpvraag (id, organisatie_id) ON DELETE CASCADE
);
CREATE INDEX antwoord_token_hulpvraag ON antwoord_token (hulpvraag_id);
CREATE INDEX antwoord_token_verloopt ON antwoord_token (verloopt_op);
ALTER TABLE antwoord_token ENABLE ROW LEVEL SECURITY;
ALTER TABLE antwoord_token FORCE ROW LEVEL SECURITY;
-- read and write: no policy for any role; only the functions below (owner)
CREATE POLICY eigenaar_lezen ON antwoord_token FOR SELECT TO balie_owner USING (true);
CREATE POLICY eigenaar_schrijven ON antwoord_token FOR INSERT TO balie_owner WITH CHECK (true);
CREATE POLICY eigenaar_wissen ON antwoord_token FOR DELETE TO balie_owner USING (true);

-- A fresh token for outbox row p_outbox (a mail about a hulpvraag), or NULL
-- when the mail is about none.  For balie_mail, which sees every outbox row.
CREATE FUNCTION antwoord_token_maak(p_outbox bigint) RETURNS text
LANGUAGE plpgsql SECURITY DEFINER SET search_path = balie, pg_catalog AS $$
DECLARE
	o record;
	t text;
BEGIN
	SELECT hulpvraag_id, organisatie_id INTO o FROM balie.outbox WHERE id = p_outbox;
	IF o.hulpvraag_id IS NULL THEN
		RETURN NULL;
	END IF;
	t := replace(gen_random_uuid()::text, '-', '');
	-- tokens long expired say nothing any more ("verlopen" is said for a
	-- month after the end): the table does not grow for ever
	DELETE FROM balie.antwoord_token WHERE verloopt_op < now() - interval '30 days';
	INSERT INTO balie.antwoord_token (hulpvraag_id, organisatie_id, sha256, verloopt_op)
	VALUES (o.hulpvraag_id, o.organisatie_id, encode(sha256(convert_to(t, 'UTF8')), 'hex'), now() + interval '90 days');
	RETURN t;
END
$$;
REVOKE EXECUTE ON FUNCTION antwoord_token_maak(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION antwoord_token_maak(bigint) TO balie_mail;

-- What a token in a reply from p_afzender says, for an acting account that
-- may handle the post of the token's organisatie (else no row: a token is
-- no way into another organisatie).  reden NULL: file it on hulpvraag_id.
CREATE FUNCTION antwoord_token_zoek(p_token text, p_afzender text)
RETURNS TABLE (hulpvraag_id bigint, organisatie_id bigint, reden text)
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = balie, pg_catalog AS $$
DECLARE
	t record;
	h record;
BEGIN
	SELECT a.hulpvraag_id, a.organisatie_id, a.verloopt_op INTO t FROM balie.antwoord_token a
	 WHERE a.sha256 = encode(sha256(convert_to(lower(p_token), 'UTF8')), 'hex');
	IF NOT FOUND OR NOT balie.mag('post', t.organisatie_id) THEN
		RETURN;
	END IF;
	SELECT x.status, s.eindstatus, lower(x.aanvrager_email) AS email, lower(acc.email) AS acc_email INTO h
	  FROM balie.hulpvraag x
	  JOIN balie.flow_status s ON s.aanvraagtype_id = x.aanvraagtype_id AND s.naam = x.status
	  LEFT JOIN balie.account acc ON acc.id = x.aanvrager_id
	 WHERE x.id = t.hulpvraag_id;
	hulpvraag_id := t.hulpvraag_id;
	organisatie_id := t.organisatie_id;
	IF t.verloopt_op < now() THEN
		reden := 'antwoordcode verlopen op ' || to_char(t.verloopt_op AT TIME ZONE 'Europe/Amsterdam', 'DD-MM-YYYY');
	ELSIF lower(p_afzender) IS DISTINCT FROM h.email AND lower(p_afzender) IS DISTINCT FROM h.acc_email THEN
		reden := 'afzender is niet de aanvrager van deze hulpvraag';
	ELSIF h.eindstatus THEN
		reden := 'hulpvraag is afgesloten (status ' || h.status || ')';
	END IF;
	RETURN NEXT;
END
$$;
REVOKE EXECUTE ON FUNCTION antwoord_token_zoek(text, text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION antwoord_token_zoek(text, text) TO balie_app;

CREATE TABLE mail_in (
	id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	organisatie_id   bigint NOT NULL REFERENCES organisatie,
	hulpvraag_id     bigint,          -- filed on, or (post) the one the token named
	afzender         text NOT NULL,
	onderwerp        text NOT NULL,
	tekst            text NOT NULL,   -- the note: the message's text
	reden            text CHECK (reden <> ''),  -- NULL: filed; else in the post list, why
	bericht          bytea,           -- post: the whole message as received
	grootte          bigint NOT NULL CHECK (grootte >= 0),
	bijlagen         integer NOT NULL DEFAULT 0 CHECK (bijlagen >= 0),
	ontvangen_op     timestamptz NOT NULL DEFAULT now(),
	ontvangen_door   bigint NOT NULL REFERENCES account,
	antwoord_outbox  bigint REFERENCES outbox,
	afgehandeld_op   timestamptz,
	afgehandeld_door bigint REFERENCES account,
	idempotentie     text NOT NULL CHECK (idempotentie ~ '^[0-9a-f]{64}$'),
	version          integer NOT NULL DEFAULT 1,
	UNIQUE (organisatie_id, idempotentie),
	FOREIGN KEY (hulpvraag_id, organisatie_id) REFERENCES hulpvraag (id, organisatie_id),
	CHECK (reden IS NOT NULL OR (hulpvraag_id IS NOT NULL AND bericht IS NULL)),
	CHECK ((afgehandeld_op IS NULL) = (afgehandeld_door IS NULL)),
	CHECK (afgehandeld_op IS NULL OR reden IS NOT NULL)
);
-- the post list: open rows of an organisatie, oldest first, keyset-paged
CREATE INDEX mail_in_post ON mail_in (organisatie_id, ontvangen_op, id)
	WHERE reden IS NOT NULL AND afgehandeld_op IS NULL;
CREATE INDEX mail_in_hulpvraag ON mail_in (hulpvraag_id) WHERE hulpvraag_id IS NOT NULL;

ALTER TABLE mail_in ENABLE ROW LEVEL SECURITY;
-- read: a filed note with its hulpvraag; a post row by whoever handles the
-- post, and then only when its hulpvraag (if any) is visible too
CREATE POLICY lezen ON mail_in FOR SELECT TO balie_app
	USING (CASE WHEN reden IS NULL
	            THEN EXISTS (SELECT 1 FROM hulpvraag h WHERE h.id = mail_in.hulpvraag_id)
	            ELSE mag('post', organisatie_id)
	                 AND (hulpvraag_id IS NULL OR EXISTS (SELECT 1 FROM hulpvraag h WHERE h.id = mail_in.hulpvraag_id))
	       END);
-- write: mail-in's acting account receives; a filed note needs the right
-- to add bijlagen to a hulpvraag it sees
CREATE POLICY ontvangen ON mail_in FOR INSERT TO balie_app
	WITH CHECK (ontvangen_door = acting_account() AND mag('post', organisatie_id)
	            AND afgehandeld_op IS NULL AND antwoord_outbox IS NULL
	            AND (hulpvraag_id IS NULL OR EXISTS (SELECT 1 FROM hulpvraag h WHERE h.id = mail_in.hulpvraag_id))
	            AND (reden IS NOT NULL OR mag('bijlage-toevoegen', organisatie_id)));
-- handling a post row: marked afgehandeld by the acting account
CREATE POLICY afhandelen ON mail_in FOR UPDATE TO balie_app
	USING (reden IS NOT NULL AND mag('post', organisatie_id))
	WITH CHECK (reden IS NOT NULL AND mag('post', organisatie_id)
	            AND (afgehandeld_door IS NULL OR afgehandeld_door = acting_account()));
GRANT SELECT ON mail_in TO balie_app;
GRANT INSERT (organisatie_id, hulpvraag_id, afzender, onderwerp, tekst, reden, bericht, grootte, bijlagen,
              ontvangen_door, idempotentie) ON mail_in TO balie_app;
GRANT UPDATE (afgehandeld_op, afgehandeld_door, version) ON mail_in TO balie_app;

-- The short answer to the sender of post row p_id, queued once, in the
-- transaction that received it, by the account that received it.  No
-- hulpvraag on the outbox row and a fixed subject: the answer says nothing
-- about a child.  The id of the outbox row, or NULL when the address cannot
-- take mail (then nothing is sent).
CREATE FUNCTION post_antwoord(p_id bigint) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = balie, pg_catalog AS $$
DECLARE
	m record;
	o bigint;
BEGIN
	SELECT * INTO m FROM balie.mail_in WHERE id = p_id;
	IF NOT FOUND OR m.reden IS NULL OR m.antwoord_outbox IS NOT NULL
	   OR m.ontvangen_door IS DISTINCT FROM balie.acting_account() OR m.ontvangen_op <> now()
	   OR NOT balie.mag('post', m.organisatie_id) THEN
		RAISE EXCEPTION 'Geen antwoord mogelijk op dit bericht' USING ERRCODE = 'P0001';
	END IF;
	IF m.afzender !~ '^[^@\s]+@[^@\s]+\.[^@\s]+$' THEN
		RETURN NULL;
	END IF;
	INSERT INTO balie.outbox (organisatie_id, hulpvraag_id, aan, onderwerp, tekst)
	VALUES (m.organisatie_id, NULL, m.afzender, 'Uw bericht is ontvangen',
	        'Uw bericht van ' || to_char(m.ontvangen_op AT TIME ZONE 'Europe/Amsterdam', 'DD-MM-YYYY HH24:MI')
	        || ' is ontvangen, maar niet vanzelf bij een aanvraag gevoegd: ' || m.reden || E'.\n\n'
	        || E'Het secretariaat bekijkt het bericht en neemt zo nodig contact met u op. '
	        || E'Stuurt u documenten na, beantwoord dan de laatste mail die u over de aanvraag kreeg.\n')
	RETURNING id INTO o;
	UPDATE balie.mail_in SET antwoord_outbox = o WHERE id = p_id;
	RETURN o;
END
$$;
REVOKE EXECUTE ON FUNCTION post_antwoord(bigint) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION post_antwoord(bigint) TO balie_app;

-- ---------------------------------------------------------------- removing a relatie
-- (issue 14 §3) An ouder, verzorger or voogd taken out of a dossier is
-- marked, not deleted: the dossier's history keeps who was there and who
-- took them out (dossier-bewerken, as any other change of a relatie; the
-- policy intern of 017 and the version check apply).  A removed relatie is
-- never changed again.
ALTER TABLE relatie ADD COLUMN verwijderd_op timestamptz,
	ADD COLUMN verwijderd_door bigint REFERENCES account,
	ADD CONSTRAINT relatie_verwijderd_samen CHECK ((verwijderd_op IS NULL) = (verwijderd_door IS NULL));

CREATE FUNCTION relatie_niet_terug() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
	IF OLD.verwijderd_op IS NOT NULL AND current_user = 'balie_app' THEN
		RAISE EXCEPTION 'Deze relatie is uit het dossier gehaald en wordt niet meer gewijzigd' USING ERRCODE = 'P0001';
	END IF;
	IF NEW.verwijderd_op IS NOT NULL AND OLD.verwijderd_op IS NULL AND current_user = 'balie_app'
	   AND NEW.verwijderd_door IS DISTINCT FROM balie.acting_account() THEN
		RAISE EXCEPTION 'Alleen jijzelf haalt een relatie uit het dossier' USING ERRCODE = 'P0001';
	END IF;
	RETURN NEW;
END
$$;
REVOKE EXECUTE ON FUNCTION relatie_niet_terug() FROM PUBLIC;
CREATE TRIGGER relatie_niet_terug BEFORE UPDATE ON relatie FOR EACH ROW EXECUTE FUNCTION relatie_niet_terug();
