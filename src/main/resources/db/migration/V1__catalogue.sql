-- Catalogue: reference data (domains, thematics, typologies, organisations) and offers.
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- French full-text configuration that ignores accents: « amenagement » finds « Aménagement »,
-- the French stemmer makes a singular find its plural.
CREATE TEXT SEARCH CONFIGURATION id77_fr (COPY = french);
ALTER TEXT SEARCH CONFIGURATION id77_fr
    ALTER MAPPING FOR hword, hword_part, word WITH unaccent, french_stem;

CREATE TABLE domain (
    id         SMALLINT PRIMARY KEY,
    slug       VARCHAR(60)  NOT NULL UNIQUE,
    label      VARCHAR(120) NOT NULL,
    icon       VARCHAR(40)  NOT NULL,
    position   SMALLINT     NOT NULL
);

CREATE TABLE thematic (
    id         SMALLINT PRIMARY KEY,
    domain_id  SMALLINT     NOT NULL REFERENCES domain (id),
    slug       VARCHAR(60)  NOT NULL UNIQUE,
    label      VARCHAR(120) NOT NULL,
    position   SMALLINT     NOT NULL
);
CREATE INDEX thematic_domain_idx ON thematic (domain_id);

CREATE TABLE typology (
    id         SMALLINT PRIMARY KEY,
    slug       VARCHAR(60)  NOT NULL UNIQUE,
    label      VARCHAR(120) NOT NULL,
    position   SMALLINT     NOT NULL
);

CREATE TABLE organisation (
    id         BIGSERIAL PRIMARY KEY,
    slug       VARCHAR(60)  NOT NULL UNIQUE,
    name       VARCHAR(200) NOT NULL,
    kind       VARCHAR(20)  NOT NULL CHECK (kind IN ('DEPARTEMENT', 'PARTENAIRE'))
);

CREATE TABLE offer (
    id              BIGSERIAL PRIMARY KEY,
    code            VARCHAR(10)   NOT NULL UNIQUE CHECK (code ~ '^[A-Z][0-9]{1,4}$'),
    code_letter     CHAR(1)       GENERATED ALWAYS AS (left(code, 1)) STORED,
    code_number     INTEGER       GENERATED ALWAYS AS (substring(code from 2)::integer) STORED,
    title           VARCHAR(300)  NOT NULL,
    summary         VARCHAR(600)  NOT NULL,
    description     TEXT          NOT NULL,
    typology_id     SMALLINT      NOT NULL REFERENCES typology (id),
    organisation_id BIGINT        NOT NULL REFERENCES organisation (id),
    practical_info  TEXT          NOT NULL DEFAULT '',
    keywords        VARCHAR(1000) NOT NULL DEFAULT '',
    billed          BOOLEAN       NOT NULL DEFAULT FALSE,
    published       BOOLEAN       NOT NULL DEFAULT TRUE,
    published_on    DATE          NOT NULL,
    created_at      TIMESTAMPTZ   NOT NULL DEFAULT now(),
    updated_at      TIMESTAMPTZ   NOT NULL DEFAULT now(),
    version         BIGINT        NOT NULL DEFAULT 0,
    search_vector   TSVECTOR GENERATED ALWAYS AS (
        setweight(to_tsvector('id77_fr'::regconfig, code), 'A') ||
        setweight(to_tsvector('id77_fr'::regconfig, title), 'A') ||
        setweight(to_tsvector('id77_fr'::regconfig, keywords), 'B') ||
        setweight(to_tsvector('id77_fr'::regconfig, summary), 'C') ||
        setweight(to_tsvector('id77_fr'::regconfig, description), 'D')
    ) STORED
);
CREATE INDEX offer_search_idx ON offer USING GIN (search_vector);
CREATE INDEX offer_code_trgm_idx ON offer USING GIN (code gin_trgm_ops);
CREATE INDEX offer_listing_idx ON offer (published, code_letter, code_number);
CREATE INDEX offer_published_on_idx ON offer (published, published_on DESC);
CREATE INDEX offer_typology_idx ON offer (typology_id);

CREATE TABLE offer_domain (
    offer_id  BIGINT   NOT NULL REFERENCES offer (id) ON DELETE CASCADE,
    domain_id SMALLINT NOT NULL REFERENCES domain (id),
    PRIMARY KEY (offer_id, domain_id)
);
CREATE INDEX offer_domain_domain_idx ON offer_domain (domain_id, offer_id);

CREATE TABLE offer_thematic (
    offer_id    BIGINT   NOT NULL REFERENCES offer (id) ON DELETE CASCADE,
    thematic_id SMALLINT NOT NULL REFERENCES thematic (id),
    PRIMARY KEY (offer_id, thematic_id)
);
CREATE INDEX offer_thematic_thematic_idx ON offer_thematic (thematic_id, offer_id);

-- Reference data
INSERT INTO typology (id, slug, label, position) VALUES
 (1, 'ingenierie-de-projet', 'Ingénierie de projet', 1),
 (2, 'sensibilisation-formation', 'Action de sensibilisation / formation', 2),
 (3, 'exposition', 'Réservation / prêt d''exposition', 3);

-- Icons are Bootstrap Icons names; each domain's colour lives in the stylesheet (.domain-{slug}).
INSERT INTO domain (id, slug, label, icon, position) VALUES
 (1,  'amenagement-urbanisme',       'Aménagement / Urbanisme',        'buildings', 1),
 (2,  'equipements-espace-public',   'Équipements / Espace public',    'bank', 2),
 (3,  'mobilites-voirie',            'Mobilités / Voirie',             'sign-turn-right', 3),
 (4,  'environnement-paysage',       'Environnement / Paysage',        'tree', 4),
 (5,  'climat-energie',              'Climat / Énergie',               'sun', 5),
 (6,  'eau-assainissement',          'Eau / Assainissement',           'droplet', 6),
 (7,  'culture-patrimoine-archives', 'Culture / Patrimoine / Archives','book', 7),
 (8,  'insertion-emploi',            'Insertion / Emploi',             'people', 8),
 (9,  'strategie-territoriale',      'Stratégie territoriale',         'compass', 9),
 (10, 'tourisme',                    'Tourisme',                       'signpost', 10);

INSERT INTO thematic (id, domain_id, slug, label, position) VALUES
 (1, 1, 'amenagement', 'Aménagement', 1),
 (2, 1, 'urbanisme', 'Urbanisme', 2),
 (3, 1, 'foncier', 'Foncier', 3),
 (4, 1, 'habitat-logement', 'Habitat / Logement', 4),
 (5, 2, 'espace-public', 'Espace public', 1),
 (6, 2, 'equipements-publics', 'Équipements publics', 2),
 (7, 2, 'batiments-publics', 'Bâtiments publics', 3),
 (8, 2, 'accessibilite', 'Accessibilité', 4),
 (9, 3, 'voirie', 'Voirie', 1),
 (10, 3, 'securite-routiere', 'Sécurité routière', 2),
 (11, 3, 'mobilites-actives', 'Mobilités actives', 3),
 (12, 3, 'transports', 'Transports', 4),
 (13, 4, 'biodiversite-faune-flore', 'Biodiversité / Faune et flore', 1),
 (14, 4, 'environnement-nature', 'Environnement / Nature', 2),
 (15, 4, 'paysage', 'Paysage', 3),
 (16, 4, 'espaces-naturels-sensibles', 'Espaces naturels sensibles', 4),
 (17, 4, 'dechets', 'Déchets', 5),
 (18, 5, 'transition-energetique', 'Transition énergétique', 1),
 (19, 5, 'renovation-energetique', 'Rénovation énergétique', 2),
 (20, 5, 'adaptation-climat', 'Adaptation au changement climatique', 3),
 (21, 5, 'energies-renouvelables', 'Énergies renouvelables', 4),
 (22, 6, 'eau-potable', 'Eau potable', 1),
 (23, 6, 'assainissement', 'Assainissement', 2),
 (24, 6, 'rivieres-milieux-aquatiques', 'Rivières / Milieux aquatiques', 3),
 (25, 6, 'eaux-pluviales', 'Eaux pluviales', 4),
 (26, 7, 'archives', 'Archives', 1),
 (27, 7, 'patrimoine', 'Patrimoine', 2),
 (28, 7, 'lecture-publique', 'Lecture publique', 3),
 (29, 7, 'spectacle-vivant-arts', 'Spectacle vivant / Arts visuels', 4),
 (30, 7, 'musees', 'Musées', 5),
 (31, 8, 'insertion', 'Insertion', 1),
 (32, 8, 'emploi-formation', 'Emploi / Formation', 2),
 (33, 8, 'clauses-sociales', 'Clauses sociales', 3),
 (34, 9, 'projet-de-territoire', 'Projet de territoire', 1),
 (35, 9, 'financements-contractualisation', 'Financements / Contractualisation', 2),
 (36, 9, 'observation-territoriale', 'Observation territoriale', 3),
 (37, 9, 'developpement-economique', 'Développement économique', 4),
 (38, 10, 'developpement-touristique', 'Développement touristique', 1),
 (39, 10, 'randonnee-itinerance', 'Randonnée / Itinérance', 2),
 (40, 10, 'accueil-hebergement', 'Accueil / Hébergement', 3);

INSERT INTO organisation (slug, name, kind) VALUES
 ('dadt', 'Direction de l''aménagement et du développement des territoires (Département)', 'DEPARTEMENT'),
 ('routes', 'Direction des routes (Département)', 'DEPARTEMENT'),
 ('eau-environnement', 'Direction de l''eau, de l''environnement et de l''agriculture (Département)', 'DEPARTEMENT'),
 ('archives', 'Archives départementales de Seine-et-Marne', 'DEPARTEMENT'),
 ('culture', 'Direction des affaires culturelles (Département)', 'DEPARTEMENT'),
 ('insertion', 'Direction de l''insertion, de l''habitat et de la cohésion sociale (Département)', 'DEPARTEMENT'),
 ('batiments', 'Direction des bâtiments et du patrimoine (Département)', 'DEPARTEMENT'),
 ('caue77', 'CAUE 77', 'PARTENAIRE'),
 ('amenagement77', 'Aménagement 77', 'PARTENAIRE'),
 ('initiatives77', 'Initiatives 77', 'PARTENAIRE'),
 ('sme', 'Seine-et-Marne Environnement', 'PARTENAIRE'),
 ('actart', 'Act''Art', 'PARTENAIRE'),
 ('sma', 'Seine-et-Marne Attractivité', 'PARTENAIRE');
