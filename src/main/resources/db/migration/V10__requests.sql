-- Requests (« demandes ») filed by collectivities on offers, with their history, comments and files.
-- Other modules' rows (collectivities, referents, accounts) are referred to by id.

ALTER TABLE offer ADD COLUMN chef_de_file_id BIGINT;
CREATE INDEX offer_chef_de_file_idx ON offer (chef_de_file_id);

CREATE SEQUENCE request_numero_seq START WITH 1;

CREATE TABLE request (
    id               BIGSERIAL PRIMARY KEY,
    numero           INTEGER      NOT NULL UNIQUE DEFAULT nextval('request_numero_seq'),
    offer_id         BIGINT       NOT NULL REFERENCES offer (id),
    collectivity_id  BIGINT       NOT NULL,
    referent_id      BIGINT,
    created_by       BIGINT       NOT NULL,
    chef_de_file_id  BIGINT,
    responsable_id   BIGINT,
    status           VARCHAR(20)  NOT NULL CHECK (status IN ('EN_ATTENTE', 'EN_COURS', 'TERMINEE', 'REJETEE', 'ANNULEE', 'SUPPRIMEE')),
    created_at       TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at       TIMESTAMPTZ  NOT NULL DEFAULT now(),
    version          BIGINT       NOT NULL DEFAULT 0
);
ALTER SEQUENCE request_numero_seq OWNED BY request.numero;
CREATE INDEX request_collectivity_idx ON request (collectivity_id, status, created_at DESC);
CREATE INDEX request_chef_idx ON request (chef_de_file_id, status, created_at DESC);
CREATE INDEX request_responsable_idx ON request (responsable_id, status);
CREATE INDEX request_offer_idx ON request (offer_id, collectivity_id, status);
CREATE INDEX request_status_idx ON request (status, created_at DESC);

-- Every change of a request: status changes (from, to, why), comments, files, contact changes.
CREATE TABLE request_event (
    id           BIGSERIAL PRIMARY KEY,
    request_id   BIGINT       NOT NULL REFERENCES request (id),
    kind         VARCHAR(30)  NOT NULL,
    actor_id     BIGINT       NOT NULL,
    from_status  VARCHAR(20),
    to_status    VARCHAR(20),
    reason       TEXT,
    created_at   TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX request_event_request_idx ON request_event (request_id, created_at);
