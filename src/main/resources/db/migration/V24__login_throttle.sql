-- Sign-in throttling, counted atomically: one row per throttled key (an account, or a client address), updated by a
-- single INSERT … ON CONFLICT … DO UPDATE … WHERE … RETURNING, so parallel guesses cannot pass the limit. An attempt
-- is counted before its password is checked; while the key is locked nothing is counted (a lock ends on time,
-- whatever is tried meanwhile). A successful sign-in deletes the account's row.
DROP TABLE login_attempt;

CREATE TABLE login_throttle (
    throttle_key  VARCHAR(300) PRIMARY KEY,
    failures      INTEGER      NOT NULL,
    window_start  TIMESTAMPTZ  NOT NULL,
    locked_until  TIMESTAMPTZ
);
CREATE INDEX login_throttle_window_idx ON login_throttle (window_start);

-- Accounts that signed in successfully from a client address: the per-address limit (meant for an attacker trying
-- many accounts from one address) never stops them from that address, so a town hall behind one address is not
-- locked out as a whole. Forgotten after 90 days without a sign-in.
CREATE TABLE login_known_client (
    account_key      VARCHAR(254) NOT NULL,
    client           VARCHAR(64)  NOT NULL,
    last_success_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (account_key, client)
);
CREATE INDEX login_known_client_age_idx ON login_known_client (last_success_at);
