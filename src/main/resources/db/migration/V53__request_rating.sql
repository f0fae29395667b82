-- Satisfaction (issue 11): once a request is « Terminée », its collectivity rates it, once, from 1 to 5 with an
-- optional comment. One row per request (the primary key makes « once » hold even for two posts at the same time);
-- read on the request's page by staff and by the collectivity, and counted per offer and domain in /statistiques.
CREATE TABLE request_rating (
    request_id  BIGINT        PRIMARY KEY REFERENCES request (id),
    rating      SMALLINT      NOT NULL CHECK (rating BETWEEN 1 AND 5),
    comment     VARCHAR(2000),
    rated_by    BIGINT        NOT NULL REFERENCES app_user (id),
    rated_at    TIMESTAMPTZ   NOT NULL
);
