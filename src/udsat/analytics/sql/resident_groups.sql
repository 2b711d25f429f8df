-- Level 2 and 3: residents by group, from the base year on.
-- Grain: one row per year, area and group:
--   stayers   - in the area on 1 January of the base year and of this year
--   newcomers - in the area this year but not in the base year
--   existing  - in the area in the base year, wherever they live now
--   planned_rehousing / other_moves - in the area in the base year, elsewhere now, by
--               whether they left through planned rehousing (a rehousing event from it)
-- Inputs: temp table tracks.
-- Parameters: $base_year. The catalogue_measures slot: aggregates per catalogue indicator.
WITH grouped AS (
    SELECT year, area, CASE WHEN base_area = area THEN 'stayers' ELSE 'newcomers' END AS grp,
           * EXCLUDE (year, area)
    FROM tracks WHERE area IS NOT NULL AND year >= $base_year
    UNION ALL
    SELECT year, base_area, 'existing', * EXCLUDE (year, area)
    FROM tracks WHERE base_area IS NOT NULL AND year >= $base_year
    UNION ALL
    SELECT year, base_area,
           CASE WHEN first_planned_year BETWEEN $base_year AND year - 1
                THEN 'planned_rehousing' ELSE 'other_moves' END,
           * EXCLUDE (year, area)
    FROM tracks
    WHERE base_area IS NOT NULL AND year > $base_year AND area IS DISTINCT FROM base_area
)
SELECT year, area, grp, count(*) AS persons
    {catalogue_measures}
FROM grouped
GROUP BY year, area, grp
