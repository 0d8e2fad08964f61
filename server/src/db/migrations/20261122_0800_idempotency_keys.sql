-- Idempotency-Key (DESIGN §5): a state-changing request sent again with the same key by the same
-- account — a phone retrying on a bad network, a double click — gets the first answer back instead
-- of acting twice. The first request claims (user, key) with the request's fingerprint; its reply
-- is stored when it is sent. Rows live 24 hours (the scheduler sweeps them).
CREATE TABLE idempotency_keys (
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  key text NOT NULL,
  -- sha256 of method, path and body: the same key with another request is refused.
  fingerprint text NOT NULL,
  -- NULL while the first request is being handled.
  status integer,
  content_type text,
  body text,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, key)
);
CREATE INDEX idempotency_keys_created_idx ON idempotency_keys (created_at);
