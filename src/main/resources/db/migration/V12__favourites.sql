-- Favourite offers of each account (« Favoris »).
CREATE TABLE favourite (
    user_id    BIGINT      NOT NULL,
    offer_id   BIGINT      NOT NULL REFERENCES offer (id) ON DELETE CASCADE,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (user_id, offer_id)
);
CREATE INDEX favourite_user_created_idx ON favourite (user_id, created_at DESC);
