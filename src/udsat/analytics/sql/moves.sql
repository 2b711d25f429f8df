-- Moves out of social-housing areas (level 3 and the level 4 flow table).
-- Grain: one row per move year, origin area, destination (area or NULL) and move type.
--   A move in year Y: the area on 1 January Y differs from the area on 1 January Y+1.
-- Inputs: temp table tracks.
-- Parameters: none.
SELECT
    year,
    area AS origin,
    next_area AS destination,
    CASE WHEN NOT has_next THEN 'unknown'
         WHEN next_area IS NULL THEN 'outside_social_housing'
         ELSE 'social_housing' END AS destination_kind,
    CASE WHEN planned_move THEN 'planned_rehousing' ELSE 'other' END AS move_type,
    count(*) AS n_persons
FROM tracks
WHERE area IS NOT NULL AND (NOT has_next OR next_area IS DISTINCT FROM area)
    AND year < (SELECT max(year) FROM tracks)
GROUP BY ALL
