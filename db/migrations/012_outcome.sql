-- 012_outcome: idempotency keys for every create (db/outcome.h).
--
-- idempotentie: a random key the program makes when a create form opens
--   (outcome_key_new) and sends with the INSERT.  UNIQUE, so the same
--   create sent twice — F2 again after the connection broke during COMMIT —
--   finds the first row instead of inserting a second: never a duplicate
--   dossier, hulpvraag, bijlage, formulier or notitie.  NULL for rows made
--   before this migration and by bulk loads; UNIQUE allows many NULLs.
--   Labels need none: a label is found by (organisatie_id, naam) already.
SET LOCAL ROLE balie_owner;

ALTER TABLE dossier   ADD COLUMN idempotentie text UNIQUE CHECK (idempotentie ~ '^[0-9a-f]{32}$');
ALTER TABLE hulpvraag ADD COLUMN idempotentie text UNIQUE CHECK (idempotentie ~ '^[0-9a-f]{32}$');
ALTER TABLE bijlage   ADD COLUMN idempotentie text UNIQUE CHECK (idempotentie ~ '^[0-9a-f]{32}$');
ALTER TABLE formulier ADD COLUMN idempotentie text UNIQUE CHECK (idempotentie ~ '^[0-9a-f]{32}$');
ALTER TABLE notitie   ADD COLUMN idempotentie text UNIQUE CHECK (idempotentie ~ '^[0-9a-f]{32}$');
