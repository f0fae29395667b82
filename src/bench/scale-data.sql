-- A département's worth of data for the scale benchmark (src/bench/scale.sh), written set-based into a database that
-- Flyway migrated and the application filled with its initial catalogue (src/bench/scale-data.sh does both, then runs
-- this file). Reproducible (setseed), a few minutes on 2 cores.
--
--   1,000 collectivities (23 cantons, communes / EPCI / syndicats; adherent, suspended, awaiting validation, refused),
--   2-3 member accounts and 2-3 technical referents each; 4 admins, 30 chefs de file leading the catalogue's offers,
--   5 other agents named « responsable » on some requests; 100,000 requests over 3 years in every status with their
--   history (filed, accepted, completed, rejected, cancelled, deleted, reopened, responsable named, comments, files);
--   about 1,000,000 comments (1 % of the requests carry 50 to 110), 100,000 files attached to comments,
--   notifications as the application writes them (then what the nightly purge of read notifications older than
--   6 months would have removed is left out), favourites, and the journal of adhesion decisions.
--
-- Every account has the bench-only password « Bench77-Bench77 » (bcrypt, hashed once). Known accounts:
--   benchadmin (admin), benchchef (chef de file of every 12th offer: the busiest), benchmembre (member of the
--   collectivity that filed the most requests). This data set is for benchmarks only, never for production.
\set ON_ERROR_STOP on
SET client_min_messages = warning;
SELECT setseed(0.77);

DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM offer) THEN
        RAISE EXCEPTION 'Le catalogue est vide : démarrez l''application une fois sur cette base (scale-data.sh le fait).';
    END IF;
    IF EXISTS (SELECT 1 FROM app_user) OR EXISTS (SELECT 1 FROM collectivity) OR EXISTS (SELECT 1 FROM request) THEN
        RAISE EXCEPTION 'La base n''est pas vide : scale-data.sh part d''une base neuve.';
    END IF;
END
$$;

CREATE TEMP TABLE p AS SELECT
    date_trunc('minute', now()) AS t0,
    '{bcrypt}$2a$10$m3epTB6pSujImg9shHUC.uGMBi0Ya/j69Wc40fm.XBJKnosIle6lq'::text AS hash,
    ARRAY['Marie','Jean','Nathalie','Philippe','Isabelle','Michel','Sylvie','Pierre','Catherine','Alain','Sophie',
          'Nicolas','Christine','Laurent','Valérie','Stéphane','Sandrine','Olivier','Céline','Thierry','Claire',
          'Julien','Camille','Antoine','Élodie','Hugo','Léa','Mathieu','Aurélie','Bruno'] AS firsts,
    ARRAY['Martin','Bernard','Dubois','Thomas','Robert','Richard','Petit','Durand','Leroy','Moreau','Simon',
          'Laurent','Lefèvre','Michel','Garcia','David','Bertrand','Roux','Vincent','Fournier','Morel','Girard',
          'André','Lefort','Mercier','Dupont','Lambert','Bonnet','François','Martinez','Legrand','Garnier',
          'Faure','Rousseau','Blanc','Guérin','Muller','Henry','Roussel','Nicolas','Perrin','Morin'] AS lasts,
    ARRAY['CHAMPS_SUR_MARNE','CHELLES','CLAYE_SOUILLY','COMBS_LA_VILLE','COULOMMIERS','LA_FERTE_SOUS_JOUARRE',
          'FONTAINEBLEAU','FONTENAY_TRESIGNY','LAGNY_SUR_MARNE','MEAUX','MELUN','MITRY_MORY','MONTEREAU_FAULT_YONNE',
          'NANGIS','NEMOURS','OZOIR_LA_FERRIERE','PONTAULT_COMBAULT','PROVINS','SAINT_FARGEAU_PONTHIERRY',
          'SAVIGNY_LE_TEMPLE','SERRIS','TORCY','VILLEPARISIS'] AS cantons,
    ARRAY['Saint-Martin','Villiers','Bois-le-Roi','Châtenay','Montigny','Courtry','Boissy','Chaumes','Vaux',
          'Crécy','Jouy','Rozay','Donnemarie','Bray','Lizy','Nanteuil','Ury','Moret','Samois','Barbizon',
          'Chailly','Perthes','Fleury','Quincy','Voulangis','Guérard','Pommeuse','Mouroux','Saâcy','Citry',
          'Sept-Sorts','Mareuil','Congis','Varreddes','Trilport','Poincy','Germigny','Isles','Dammartin','Thieux']
        AS towns,
    ARRAY['', '-sur-Marne', '-en-Brie', '-sur-Seine', '-le-Châtel', '-la-Forêt', '-sur-Loing', '-en-Multien',
          '-le-Bourg', '-sur-Morin', '-la-Vallée', '-lès-Meaux', '-en-Gâtinais', '-sur-Yerres', '-le-Haut',
          '-la-Rivière', '-Saint-Denis', '-sur-Orvanne', '-en-Goële', '-la-Chapelle', '-les-Bois', '-sur-Ourcq',
          '-Notre-Dame', '-le-Petit', '-sur-Aubetin'] AS suffixes,
    ARRAY['Bonjour, pouvez-vous nous indiquer les pièces à fournir pour ce dossier ?',
          'Merci pour votre retour rapide. Le conseil municipal délibérera le mois prochain.',
          'Nous avons bien reçu les plans. Une visite sur place est proposée mardi prochain à 10 h.',
          'Le référent technique sera présent lors de la visite. Faut-il prévoir un accès aux bâtiments ?',
          'Vous trouverez ci-joint la note de présentation du projet et le plan de financement prévisionnel.',
          'Le diagnostic est en cours de rédaction ; nous vous le transmettrons avant la fin du mois.',
          'La commune souhaite élargir le périmètre de l''étude aux abords de l''école et de la mairie.',
          'Pour les subventions, le dossier doit être déposé avant le 15 du mois auprès de la région.',
          'Le compte rendu de la réunion du comité de pilotage est disponible. Merci de nous faire part de vos remarques.',
          'Nous confirmons la date de l''atelier de sensibilisation : jeudi 14 h, salle polyvalente.',
          'Le bureau d''études a rendu son avis ; il recommande une solution de gestion des eaux pluviales à la parcelle.',
          'Pouvez-vous préciser le calendrier des travaux et les éventuelles contraintes de circulation ?',
          'L''exposition sera livrée le lundi matin et reprise le vendredi suivant ; prévoyez deux personnes pour le montage.',
          'Nous vous remercions pour l''accompagnement. Les élus ont validé le scénario numéro 2.',
          'Après analyse, plusieurs options sont possibles. Nous vous proposons d''en discuter lors d''un échange téléphonique.',
          'Le marché de maîtrise d''œuvre a été attribué. La première réunion de chantier est prévue dans trois semaines.',
          'Les relevés topographiques montrent une pente plus forte que prévu : le projet de cheminement doit être revu.',
          'Merci, c''est noté.',
          'Nous attendons encore l''accord de l''architecte des bâtiments de France avant d''aller plus loin.',
          'Le cahier des charges de la consultation est prêt ; vous pouvez le relire avant sa publication.'] AS phrases;

-- Bench-only SIRET numbers that pass the checksum (SIREN and SIRET, Luhn).
CREATE FUNCTION pg_temp.luhn(base text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT base || ((10 - sum(d) % 10) % 10)::text
    FROM (SELECT CASE WHEN (length(base) - i) % 2 = 0
                      THEN (substr(base, i, 1)::int * 2) % 10 + (substr(base, i, 1)::int * 2) / 10
                      ELSE substr(base, i, 1)::int END AS d
          FROM generate_series(1, length(base)) i) digits
$$;

-- Staff ----------------------------------------------------------------------------------------------------------
-- kind: admin 0-3, chef de file 0-29 (0: benchchef), responsable 0-4 (agents with the chef de file role, leading nothing)
CREATE TEMP TABLE staff (kind text, k int, id bigint);
WITH s AS (
    SELECT 'admin' AS kind, k FROM generate_series(0, 3) k
    UNION ALL SELECT 'chef', k FROM generate_series(0, 29) k
    UNION ALL SELECT 'resp', k FROM generate_series(0, 4) k
), ins AS (
    INSERT INTO app_user (identifiant, email, civility, first_name, last_name, phone, role, status, password_hash,
                          email_confirmed_at, created_at)
    SELECT CASE WHEN k = 0 AND kind <> 'resp' THEN 'bench' || CASE kind WHEN 'admin' THEN 'admin' ELSE 'chef' END
                ELSE kind || lpad(k::text, 2, '0') END,
           CASE WHEN k = 0 AND kind <> 'resp' THEN 'bench' || kind || '@id77.example'
                ELSE kind || lpad(k::text, 2, '0') || '@id77.example' END,
           CASE WHEN k % 2 = 0 THEN 'MME' ELSE 'M' END,
           p.firsts[1 + (k * 7 + length(kind)) % 30], p.lasts[1 + (k * 11 + length(kind) * 3) % 42],
           '01 64 14 ' || lpad((10 + k)::text, 2, '0') || ' ' || lpad((20 + length(kind))::text, 2, '0'),
           CASE kind WHEN 'admin' THEN 'ADMIN' ELSE 'CHEF_DE_FILE' END, 'ACTIVE', p.hash,
           p.t0 - interval '4 years', p.t0 - interval '4 years'
    FROM s, p
    ORDER BY kind, k
    RETURNING id, identifiant
)
INSERT INTO staff
SELECT CASE WHEN identifiant = 'benchadmin' THEN 'admin' WHEN identifiant = 'benchchef' THEN 'chef'
            ELSE left(identifiant, length(identifiant) - 2) END,
       CASE WHEN identifiant LIKE 'bench%' THEN 0 ELSE right(identifiant, 2)::int END, id
FROM ins;

-- The catalogue's offers are led by the 30 chefs de file; benchchef leads every 12th offer (the busiest chef de file).
WITH o AS (SELECT id, row_number() OVER (ORDER BY code_letter, code_number) AS rn FROM offer)
UPDATE offer SET chef_de_file_id = s.id
FROM o, staff s
WHERE offer.id = o.id AND s.kind = 'chef'
  AND s.k = CASE WHEN o.rn % 12 = 1 THEN 0 ELSE 1 + o.rn % 29 END;

-- Collectivities ---------------------------------------------------------------------------------------------------
CREATE TEMP TABLE coll AS
SELECT g,
       CASE WHEN g % 20 = 0 THEN 'EPCI' WHEN g % 10 = 5 THEN 'SYNDICAT' ELSE 'COMMUNE' END AS category,
       p.towns[1 + g % 40] || p.suffixes[1 + (g / 40) % 25] AS town,
       CASE WHEN g % 50 = 3 THEN 'SUSPENDED' WHEN g % 67 = 4 THEN 'PENDING_VALIDATION' WHEN g % 200 = 7 THEN 'REFUSED'
            ELSE 'ACTIVE' END AS status,
       CASE WHEN g % 67 = 4 THEN p.t0 - (g % 9 + 1) * interval '1 day'
            ELSE p.t0 - interval '3 years 2 months' + (g % 60) * interval '1 day' END AS created_at
FROM generate_series(1, 1000) g, p;

ALTER TABLE coll ADD COLUMN id bigint;
WITH ins AS (
    INSERT INTO collectivity (name, category, siret, population, canton, representative_title, representative_civility,
                              representative_first_name, representative_last_name, referent_civility,
                              referent_first_name, referent_last_name, website, status, status_reason, created_at,
                              status_changed_at)
    SELECT CASE c.category WHEN 'COMMUNE' THEN 'Commune de ' WHEN 'EPCI' THEN 'Communauté de communes de '
                ELSE 'Syndicat intercommunal des eaux de ' END || c.town,
           c.category,
           pg_temp.luhn(pg_temp.luhn(lpad((21770000 + c.g * 7)::text, 8, '0')) || lpad(c.g::text, 4, '0')),
           CASE c.category WHEN 'COMMUNE' THEN 150 + (power(random(), 3) * 60000)::int
                ELSE 5000 + (random() * 90000)::int END,
           p.cantons[1 + c.g % 23],
           CASE c.category WHEN 'COMMUNE' THEN 'MAIRE' ELSE 'PRESIDENT' END,
           CASE WHEN c.g % 3 = 0 THEN 'MME' ELSE 'M' END,
           p.firsts[1 + c.g % 30], p.lasts[1 + (c.g * 5) % 42],
           CASE WHEN c.g % 4 = 0 THEN 'M' ELSE 'MME' END,
           p.firsts[1 + (c.g * 3) % 30], p.lasts[1 + (c.g * 7) % 42],
           CASE WHEN c.g % 3 = 0 THEN NULL ELSE 'https://www.collectivite' || c.g || '.example' END,
           c.status,
           CASE WHEN c.status = 'REFUSED' THEN 'Cette structure n''est pas une collectivité de Seine-et-Marne.' END,
           c.created_at,
           CASE c.status WHEN 'ACTIVE' THEN c.created_at + interval '2 days'
                         WHEN 'SUSPENDED' THEN p.t0 - (c.g % 30 + 10) * interval '1 day'
                         WHEN 'REFUSED' THEN c.created_at + interval '3 days'
                         ELSE c.created_at + interval '1 hour' END
    FROM coll c, p
    ORDER BY c.g
    RETURNING id, siret
)
UPDATE coll SET id = ins.id FROM ins
WHERE right(ins.siret, 5) = lpad(coll.g::text, 4, '0') || right(ins.siret, 1);
DO $$ BEGIN
    IF EXISTS (SELECT 1 FROM coll WHERE id IS NULL) THEN RAISE EXCEPTION 'collectivité non reliée'; END IF;
END $$;

-- 2 or 3 members each (identifiant c<g>m<k>; benchmembre: the first member of collectivity 1, the busiest)
CREATE TEMP TABLE member AS
SELECT c.g, c.id AS collectivity_id, k, c.status AS coll_status, c.created_at
FROM coll c, generate_series(1, 3) k
WHERE k <= 2 + (c.g % 2);
ALTER TABLE member ADD COLUMN id bigint;
WITH ins AS (
    INSERT INTO app_user (identifiant, email, civility, first_name, last_name, phone, role, status, password_hash,
                          collectivity_id, email_confirmed_at, created_at)
    SELECT CASE WHEN m.g = 1 AND m.k = 1 THEN 'benchmembre' ELSE 'c' || m.g || 'm' || m.k END,
           'agent' || m.k || '@collectivite' || m.g || '.example',
           CASE WHEN (m.g + m.k) % 2 = 0 THEN 'MME' ELSE 'M' END,
           p.firsts[1 + (m.g * 7 + m.k * 3) % 30], p.lasts[1 + (m.g * 13 + m.k) % 42],
           '01 60 ' || lpad((m.g % 100)::text, 2, '0') || ' ' || lpad((m.k * 11)::text, 2, '0') || ' 00',
           'ADHERENT',
           CASE m.coll_status WHEN 'ACTIVE' THEN 'ACTIVE' WHEN 'SUSPENDED' THEN 'SUSPENDED' WHEN 'REFUSED' THEN 'REFUSED'
                              ELSE 'PENDING' END,
           p.hash, m.collectivity_id, m.created_at + interval '1 hour', m.created_at + (m.k - 1) * interval '20 days'
    FROM member m, p
    ORDER BY m.g, m.k
    RETURNING id, collectivity_id, email
)
UPDATE member SET id = ins.id FROM ins
WHERE ins.collectivity_id = member.collectivity_id AND ins.email = 'agent' || member.k || '@collectivite' || member.g || '.example';

-- 2 or 3 technical referents each
CREATE TEMP TABLE referent AS
SELECT c.g, c.id AS collectivity_id, k FROM coll c, generate_series(1, 3) k WHERE k <= 2 + ((c.g + 1) % 2);
ALTER TABLE referent ADD COLUMN id bigint;
WITH ins AS (
    INSERT INTO technical_referent (collectivity_id, title, full_name, service, email, phone, created_at)
    SELECT r.collectivity_id,
           (ARRAY['Directeur des services techniques', 'Secrétaire de mairie', 'Chargée de mission urbanisme'])[r.k],
           p.firsts[1 + (r.g * 5 + r.k) % 30] || ' ' || p.lasts[1 + (r.g * 3 + r.k * 7) % 42],
           (ARRAY['Services techniques', 'Administration générale', 'Urbanisme'])[r.k],
           'referent' || r.k || '@collectivite' || r.g || '.example',
           '06 ' || lpad((r.g % 100)::text, 2, '0') || ' ' || lpad((r.k * 13)::text, 2, '0') || ' 45 67',
           c.created_at
    FROM referent r JOIN coll c ON c.g = r.g, p
    ORDER BY r.g, r.k
    RETURNING id, collectivity_id, email
)
UPDATE referent SET id = ins.id FROM ins
WHERE ins.collectivity_id = referent.collectivity_id AND ins.email = 'referent' || referent.k || '@collectivite' || referent.g || '.example';

-- The admins' decisions on adhesions (journal)
INSERT INTO audit_entry (occurred_at, actor_id, actor_name, action, subject_type, subject_id, subject_label, detail)
SELECT t, a.id, u.first_name || ' ' || u.last_name, action, 'COLLECTIVITY', c.id, cl.name, detail
FROM (
    SELECT c.*, c.created_at + interval '2 days' AS t, 'ADHESION_VALIDATED' AS action,
           'À valider par ID77 → Adhérente' AS detail
    FROM coll c WHERE c.status IN ('ACTIVE', 'SUSPENDED')
    UNION ALL
    SELECT c.*, cl.status_changed_at, 'COLLECTIVITY_SUSPENDED', 'Adhérente → Suspendue'
    FROM coll c JOIN collectivity cl ON cl.id = c.id WHERE c.status = 'SUSPENDED'
    UNION ALL
    SELECT c.*, c.created_at + interval '3 days', 'ADHESION_REFUSED',
           'Cette structure n''est pas une collectivité de Seine-et-Marne.'
    FROM coll c WHERE c.status = 'REFUSED'
) c
JOIN collectivity cl ON cl.id = c.id
JOIN staff a ON a.kind = 'admin' AND a.k = c.g % 4
JOIN app_user u ON u.id = a.id
ORDER BY t;

-- Requests -------------------------------------------------------------------------------------------------------
-- Filed by collectivities that are (or were, when suspended) adherent, the bigger ones more often; offers by
-- popularity; steps timed after the filing. Numbers follow the filing order, as the sequence gives them.
CREATE TEMP TABLE eligible AS
SELECT row_number() OVER (ORDER BY g) AS idx, g, id, created_at FROM coll WHERE status IN ('ACTIVE', 'SUSPENDED');
CREATE TEMP TABLE offer_pick AS
SELECT row_number() OVER (ORDER BY (id * 7919) % 1009) AS idx, id, chef_de_file_id FROM offer;

CREATE TEMP TABLE req AS
WITH base AS (
    SELECT g AS n,
           1 + floor(power(random(), 1.6) * (SELECT count(*) FROM eligible))::int AS coll_idx,
           1 + floor(power(random(), 1.3) * (SELECT count(*) FROM offer_pick))::int AS offer_idx,
           p.t0 - random() * interval '3 years' AS created_at,
           random() AS r_status, random() AS r1, random() AS r2, random() AS r3
    FROM generate_series(1, 100000) g, p
)
SELECT b.*, e.g AS coll_g, e.id AS collectivity_id, o.id AS offer_id, o.chef_de_file_id,
       extract(epoch FROM p.t0 - b.created_at) / 86400 AS age
FROM base b JOIN eligible e ON e.idx = b.coll_idx JOIN offer_pick o ON o.idx = b.offer_idx, p;
-- a request is never older than its collectivity's adhesion
UPDATE req SET created_at = e.created_at + interval '3 days' + (req.created_at - e.created_at) / 2
FROM eligible e WHERE e.id = req.collectivity_id AND req.created_at < e.created_at + interval '3 days';

ALTER TABLE req ADD COLUMN status text, ADD COLUMN reopened boolean DEFAULT false,
    ADD COLUMN t_accept timestamptz, ADD COLUMN t_close timestamptz, ADD COLUMN t_reopen timestamptz,
    ADD COLUMN created_by bigint, ADD COLUMN other_member bigint, ADD COLUMN referent_id bigint,
    ADD COLUMN responsable_id bigint, ADD COLUMN ncomments int, ADD COLUMN numero int;
UPDATE req SET status = CASE
    WHEN age < 30 THEN CASE WHEN r_status < .50 THEN 'EN_ATTENTE' WHEN r_status < .85 THEN 'EN_COURS'
                            WHEN r_status < .90 THEN 'REJETEE' WHEN r_status < .95 THEN 'ANNULEE'
                            WHEN r_status < .98 THEN 'TERMINEE' ELSE 'SUPPRIMEE' END
    WHEN age < 180 THEN CASE WHEN r_status < .10 THEN 'EN_ATTENTE' WHEN r_status < .55 THEN 'EN_COURS'
                             WHEN r_status < .85 THEN 'TERMINEE' WHEN r_status < .92 THEN 'REJETEE'
                             WHEN r_status < .97 THEN 'ANNULEE' ELSE 'SUPPRIMEE' END
    ELSE CASE WHEN r_status < .01 THEN 'EN_ATTENTE' WHEN r_status < .11 THEN 'EN_COURS'
              WHEN r_status < .81 THEN 'TERMINEE' WHEN r_status < .90 THEN 'REJETEE'
              WHEN r_status < .96 THEN 'ANNULEE' ELSE 'SUPPRIMEE' END END;
-- some old requests in progress were completed, then reopened
UPDATE req SET reopened = true WHERE status = 'EN_COURS' AND age >= 180 AND r2 < .3;
UPDATE req SET
    t_accept = CASE WHEN status IN ('EN_COURS', 'TERMINEE')
                    THEN created_at + r1 * least(age, 14) * interval '12 hours' END,
    t_close = CASE WHEN status IN ('REJETEE', 'ANNULEE', 'SUPPRIMEE')
                   THEN created_at + r1 * least(age, 10) * interval '1 day' END;
UPDATE req SET t_close = t_accept + r2 * least(extract(epoch FROM (SELECT t0 FROM p) - t_accept) / 86400, 120)
                                   * interval '1 day'
WHERE status = 'TERMINEE' OR reopened;
UPDATE req SET t_reopen = t_close + r3 * ((SELECT t0 FROM p) - t_close) / 2 WHERE reopened;
UPDATE req SET
    created_by = (SELECT id FROM member m WHERE m.collectivity_id = req.collectivity_id AND m.k = 1 + n % 2),
    other_member = (SELECT id FROM member m WHERE m.collectivity_id = req.collectivity_id AND m.k = 1 + (n + 1) % 2),
    referent_id = CASE WHEN r3 < .9 THEN (SELECT id FROM referent f WHERE f.collectivity_id = req.collectivity_id
                                                                    AND f.k = 1 + n % 2) END,
    responsable_id = CASE WHEN t_accept IS NOT NULL AND r3 < .25
                          THEN (SELECT id FROM staff WHERE kind = 'resp' AND k = n % 5) END,
    -- 1 % of the threads are long (50 to 110 comments); the filing message is the first comment
    ncomments = CASE WHEN r2 < .01 THEN 50 + (r1 * 60)::int ELSE 1 + (r1 * 18)::int END;
-- The bench's long thread: benchmembre's newest request in progress on one of benchchef's offers, 60 comments.
UPDATE req SET ncomments = 60, responsable_id = NULL WHERE n = (
    SELECT n FROM req WHERE coll_g = 1 AND status = 'EN_COURS' AND NOT reopened
      AND chef_de_file_id = (SELECT id FROM staff WHERE kind = 'chef' AND k = 0)
    ORDER BY created_at DESC LIMIT 1);
WITH o AS (SELECT n, row_number() OVER (ORDER BY created_at, n) AS numero FROM req)
UPDATE req SET numero = o.numero FROM o WHERE o.n = req.n;

CREATE TEMP TABLE req_ids (n int PRIMARY KEY, id bigint);
WITH ins AS (
    INSERT INTO request (numero, offer_id, collectivity_id, referent_id, created_by, chef_de_file_id, responsable_id,
                         status, created_at, updated_at, version, answer_due, due_on)
    SELECT numero, offer_id, collectivity_id, referent_id, created_by, chef_de_file_id, responsable_id, status,
           created_at, coalesce(t_reopen, t_close, t_accept, created_at),
           (t_accept IS NOT NULL)::int + (t_close IS NOT NULL)::int + (t_reopen IS NOT NULL)::int
               + (responsable_id IS NOT NULL)::int,
           -- deadlines (V44): ten working days, about two weeks here (the holidays only matter to the application)
           (created_at AT TIME ZONE 'Europe/Paris')::date + 14,
           CASE WHEN status = 'EN_ATTENTE' THEN (created_at AT TIME ZONE 'Europe/Paris')::date + 14 END
    FROM req ORDER BY numero
    RETURNING id, numero
)
INSERT INTO req_ids SELECT r.n, ins.id FROM ins JOIN req r ON r.numero = ins.numero;
SELECT setval('request_numero_seq', (SELECT max(numero) FROM request));
ALTER TABLE req ADD COLUMN id bigint;
UPDATE req SET id = i.id FROM req_ids i WHERE i.n = req.n;
CREATE INDEX ON req (id);
ANALYZE req;

-- The statistics rows (V40) follow each status line of the history through a row trigger, whose query is planned on
-- a table still empty in this transaction's statistics: 150,000 status lines made it run for more than half an hour.
-- It is off while the histories are written; their milestones are then computed once, set-based, as V40 does.
ALTER TABLE request_event DISABLE TRIGGER statistics_request_history_added;
-- Likewise each request's last exchange and each agent's unseen writings (V62), computed once at the end.
ALTER TABLE request_event DISABLE TRIGGER request_last_exchange_added;
ALTER TABLE request_event DISABLE TRIGGER request_news_written;
-- History: filed, then each status change (who, from, to, why), the responsable named
INSERT INTO request_event (request_id, kind, actor_id, from_status, to_status, reason, created_at)
SELECT id, kind, actor, from_s, to_s, reason, t FROM (
    SELECT id, 'CREATED' AS kind, created_by AS actor, NULL AS from_s, 'EN_ATTENTE' AS to_s, NULL AS reason,
           created_at AS t FROM req
    UNION ALL
    SELECT id, 'STATUS', chef_de_file_id, 'EN_ATTENTE', 'EN_COURS', NULL, t_accept FROM req WHERE t_accept IS NOT NULL
    UNION ALL
    SELECT id, 'RESPONSABLE', chef_de_file_id, NULL, NULL, NULL, t_accept + interval '1 hour' FROM req
    WHERE responsable_id IS NOT NULL
    UNION ALL
    SELECT id, 'STATUS', chef_de_file_id, 'EN_COURS', 'TERMINEE',
           CASE WHEN r3 < .5 THEN 'Le rapport a été remis et présenté en conseil municipal.' END, t_close
    FROM req WHERE status = 'TERMINEE' OR reopened
    UNION ALL
    SELECT id, 'STATUS', chef_de_file_id, 'TERMINEE', 'EN_COURS',
           'La commune a demandé un complément d''étude sur le second scénario.', t_reopen FROM req WHERE reopened
    UNION ALL
    SELECT id, 'STATUS', chef_de_file_id, 'EN_ATTENTE', 'REJETEE',
           'Cette demande relève d''une autre offre du catalogue ; nous vous invitons à la déposer sur celle-ci.',
           t_close FROM req WHERE status = 'REJETEE'
    UNION ALL
    SELECT id, 'STATUS', created_by, 'EN_ATTENTE', 'ANNULEE', NULL, t_close FROM req WHERE status = 'ANNULEE'
    UNION ALL
    SELECT id, 'STATUS', (SELECT id FROM staff WHERE kind = 'admin' AND k = n % 4), 'EN_ATTENTE', 'SUPPRIMEE',
           'Doublon d''une demande précédente.', t_close FROM req WHERE status = 'SUPPRIMEE'
) h ORDER BY t;
UPDATE statistics_request s SET decided_at = e.decided, completed_at = e.completed
FROM (SELECT request_id,
             min(created_at) FILTER (WHERE from_status = 'EN_ATTENTE' AND to_status IN ('EN_COURS', 'REJETEE')) AS decided,
             min(created_at) FILTER (WHERE to_status = 'TERMINEE') AS completed
      FROM request_event WHERE kind = 'STATUS' GROUP BY request_id) e
WHERE e.request_id = s.request_id;
ALTER TABLE request_event ENABLE TRIGGER statistics_request_history_added;

-- Comments -------------------------------------------------------------------------------------------------------
-- Comment 0 is the filing message (from the member who filed, at the filing instant); then the collectivity and
-- ID77 alternate, spread over the request's life (until its closing when closed).
INSERT INTO request_comment (request_id, author_id, from_staff, body, created_at)
SELECT r.id,
       CASE WHEN k % 2 = 0 THEN CASE WHEN k % 4 = 2 THEN r.other_member ELSE r.created_by END
            WHEN r.responsable_id IS NOT NULL AND k % 4 = 3 THEN r.responsable_id
            ELSE r.chef_de_file_id END,
       k % 2 = 1,
       CASE WHEN (r.n + k) % 5 = 0
            THEN p.phrases[1 + (r.n * 3 + k) % 20] || E'\n\n' || p.phrases[1 + (r.n + k * 7) % 20] || ' '
                 || p.phrases[1 + (r.n * 11 + k * 3) % 20]
            ELSE p.phrases[1 + (r.n * 3 + k) % 20] END,
       r.created_at + (coalesce(r.t_close, p.t0 - interval '1 hour') - r.created_at)
                      * (k::float8 / r.ncomments)
FROM req r CROSS JOIN LATERAL generate_series(0, r.ncomments - 1) k, p
ORDER BY r.id, k;
-- a reopened request's thread goes on after its reopening: its last third is moved after it
UPDATE request_comment c SET created_at = r.t_reopen + (c.created_at - r.created_at) / 3
FROM req r WHERE r.reopened AND c.request_id = r.id AND c.created_at > r.t_close - (r.t_close - r.created_at) / 3;
-- about one answer in seven quotes the comment before it (« Répondre »)
UPDATE request_comment c SET parent_id = prev.prev_id
FROM (SELECT id, lag(id) OVER (PARTITION BY request_id ORDER BY created_at, id) AS prev_id FROM request_comment) prev
WHERE prev.id = c.id AND prev.prev_id IS NOT NULL AND c.id % 7 = 0;
INSERT INTO request_event (request_id, kind, actor_id, created_at)
SELECT c.request_id, 'COMMENT', c.author_id, c.created_at
FROM request_comment c JOIN req r ON r.id = c.request_id
WHERE c.created_at > r.created_at;

-- Files: 100,000, each attached with a comment (10 % of them; the filing message's files are the request's own)
INSERT INTO request_attachment (request_id, comment_id, file_name, content_type, size_bytes, storage_key, uploaded_by,
                                created_at)
SELECT c.request_id, c.id,
       (ARRAY['plan-de-situation.pdf', 'note-de-presentation.pdf', 'photo-facade.jpg', 'deliberation.pdf',
              'budget-previsionnel.xlsx', 'compte-rendu.docx', 'releve-topographique.png'])[1 + c.id % 7],
       (ARRAY['application/pdf', 'application/pdf', 'image/jpeg', 'application/pdf',
              'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
              'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'image/png'])[1 + c.id % 7],
       20000 + (c.id * 7919) % 4000000, gen_random_uuid()::text, c.author_id, c.created_at
FROM request_comment c
WHERE c.id % 10 = 3
ORDER BY c.id;
INSERT INTO request_event (request_id, kind, actor_id, reason, created_at)
SELECT a.request_id, 'ATTACHMENT', a.uploaded_by, '1 fichier', a.created_at
FROM request_attachment a JOIN req r ON r.id = a.request_id
WHERE a.created_at > r.created_at;

-- Notifications --------------------------------------------------------------------------------------------------
-- As RequestNotifications writes them: the collectivity's (active) members for what ID77 does, the chef de file and
-- the responsable for what the collectivity does; never the author. The nightly purge removes read notifications
-- after 6 months: those are not written. Read: most of them, days after; the last month less.
CREATE TEMP TABLE offer_label AS SELECT id, code || ' – ' || title AS label FROM offer;
CREATE TEMP TABLE who AS SELECT id, first_name || ' ' || last_name AS name FROM app_user;
CREATE INDEX ON who (id);
CREATE TEMP TABLE coll_name AS SELECT id, name FROM collectivity;

CREATE TEMP TABLE notif AS
SELECT * FROM (
    -- new request: its chef de file
    SELECT r.chef_de_file_id AS user_id, 'NOUVELLE_DEMANDE' AS event, r.id AS request_id, r.numero,
           'Nouvelle demande N°' || r.numero AS title,
           w.name || ' a déposé la demande N°' || r.numero || ' sur l''offre ' || o.label || '.' AS body,
           r.created_at AS t, r.created_by AS actor
    FROM req r JOIN offer_label o ON o.id = r.offer_id JOIN who w ON w.id = r.created_by
    UNION ALL
    -- status changes told to the members
    SELECT m.id, e.event, r.id, r.numero, 'Demande N°' || r.numero || ' ' || e.done,
           w.name || ' ' || e.verb || ' la demande N°' || r.numero || ' (' || o.label || ')' || e.tail,
           e.t, e.actor
    FROM req r
    JOIN LATERAL (VALUES
        ('ACCEPTEE', 'acceptée', 'a accepté', ' : elle est maintenant « En cours ».', r.t_accept, r.chef_de_file_id),
        (CASE r.status WHEN 'TERMINEE' THEN 'TERMINEE' WHEN 'REJETEE' THEN 'REJETEE' WHEN 'SUPPRIMEE' THEN 'SUPPRIMEE'
                       WHEN 'EN_COURS' THEN 'TERMINEE' END,
         CASE r.status WHEN 'REJETEE' THEN 'rejetée' WHEN 'SUPPRIMEE' THEN 'supprimée' ELSE 'terminée' END,
         CASE r.status WHEN 'REJETEE' THEN 'a rejeté' WHEN 'SUPPRIMEE' THEN 'a supprimé' ELSE 'a terminé' END,
         '.', CASE WHEN r.status <> 'ANNULEE' THEN r.t_close END,
         CASE WHEN r.status = 'SUPPRIMEE' THEN (SELECT id FROM staff WHERE kind = 'admin' AND k = r.n % 4)
              ELSE r.chef_de_file_id END),
        ('ACCEPTEE', 'rouverte', 'a rouvert', ' : elle est de nouveau « En cours ».', r.t_reopen, r.chef_de_file_id)
    ) e(event, done, verb, tail, t, actor) ON e.t IS NOT NULL
    JOIN member m ON m.collectivity_id = r.collectivity_id
    JOIN offer_label o ON o.id = r.offer_id JOIN who w ON w.id = e.actor
    UNION ALL
    -- cancelled: its handlers
    SELECT h.user_id, 'ANNULEE', r.id, r.numero, 'Demande N°' || r.numero || ' annulée',
           w.name || ' a annulé la demande N°' || r.numero || ' (' || o.label || ').', r.t_close, r.created_by
    FROM req r
    CROSS JOIN LATERAL (VALUES (r.chef_de_file_id), (r.responsable_id)) h(user_id)
    JOIN offer_label o ON o.id = r.offer_id JOIN who w ON w.id = r.created_by
    WHERE r.status = 'ANNULEE' AND h.user_id IS NOT NULL
    UNION ALL
    -- comments: from ID77 to the members, from the collectivity to the chef de file and the responsable
    SELECT h.user_id, 'COMMENTAIRE', r.id, r.numero, 'Nouveau commentaire sur la demande N°' || r.numero,
           w.name || ' a écrit sur la demande N°' || r.numero || ' (' || o.label || ') :' || E'\n« '
               || left(regexp_replace(c.body, '\s+', ' ', 'g'), 300) || ' »',
           c.created_at, c.author_id
    FROM request_comment c
    JOIN req r ON r.id = c.request_id
    CROSS JOIN LATERAL (
        SELECT m.id AS user_id FROM member m WHERE c.from_staff AND m.collectivity_id = r.collectivity_id
        UNION ALL SELECT r.chef_de_file_id WHERE NOT c.from_staff
        UNION ALL SELECT r.responsable_id WHERE NOT c.from_staff AND r.responsable_id IS NOT NULL
    ) h
    JOIN offer_label o ON o.id = r.offer_id JOIN who w ON w.id = c.author_id
    WHERE c.created_at > r.created_at
) n
WHERE n.user_id <> n.actor;

INSERT INTO notification (user_id, event, request_id, request_numero, title, body, link, created_at, read_at)
SELECT user_id, event, request_id, numero, title, body, '/demandes/' || numero, t, read_at
FROM (
    SELECT n.*, CASE WHEN random() < CASE WHEN n.t > p.t0 - interval '30 days' THEN .6 ELSE .9 END
                     THEN least(n.t + random() * interval '5 days', p.t0) END AS read_at
    FROM notif n, p
) x, p
WHERE x.read_at IS NULL OR x.t > p.t0 - interval '183 days'
ORDER BY t;

-- Favourites: most members keep a few offers
INSERT INTO favourite (user_id, offer_id, created_at)
SELECT m.id, o.id, m.created_at + interval '1 day' + (o.id % 100) * interval '1 day'
FROM member m
CROSS JOIN LATERAL (SELECT id FROM offer WHERE published ORDER BY (id * 31 + m.id * 17) % 101 LIMIT (m.id % 7)) o;

-- The « nouveautés » markers (V39) as if they had existed since the first request: each person opened a request when he
-- last wrote on it and when he read a notification about it; what others did after is news to him
UPDATE request_view_start SET started_at = (SELECT min(created_at) FROM request);
ALTER TABLE request_view DISABLE TRIGGER request_news_seen;
INSERT INTO request_view (user_id, request_id, seen_at)
SELECT user_id, request_id, max(t)
FROM (SELECT author_id AS user_id, request_id, created_at AS t FROM request_comment
      UNION ALL
      SELECT user_id, request_id, read_at FROM notification WHERE read_at IS NOT NULL AND request_id IS NOT NULL) s
GROUP BY user_id, request_id;

-- Each request's last exchange and each agent's unseen writings (V62), as the migration computes them
UPDATE request r SET last_exchange_at = e.last
FROM (SELECT request_id, max(created_at) AS last FROM request_event WHERE kind IN ('COMMENT', 'ATTACHMENT')
      GROUP BY request_id) e
WHERE e.request_id = r.id;
SELECT request_news_compute(ARRAY(SELECT id FROM request));
ALTER TABLE request_event ENABLE TRIGGER request_last_exchange_added;
ALTER TABLE request_event ENABLE TRIGGER request_news_written;
ALTER TABLE request_view ENABLE TRIGGER request_news_seen;

ANALYZE;
SELECT 'collectivités' AS quoi, count(*) FROM collectivity
UNION ALL SELECT 'comptes', count(*) FROM app_user
UNION ALL SELECT 'référents', count(*) FROM technical_referent
UNION ALL SELECT 'demandes', count(*) FROM request
UNION ALL SELECT 'historique', count(*) FROM request_event
UNION ALL SELECT 'commentaires', count(*) FROM request_comment
UNION ALL SELECT 'fichiers', count(*) FROM request_attachment
UNION ALL SELECT 'notifications', count(*) FROM notification
UNION ALL SELECT 'favoris', count(*) FROM favourite
UNION ALL SELECT 'dernières vues', count(*) FROM request_view;
