-- Level 4, the waterbed effect: receiving areas and residents who came from the 15 areas.
-- Grain: one row per year (after the base year) and area outside the 15.
-- Inputs: temp table tracks.
-- Parameters: $base_year; $evaluated - slugs of the 15 areas evaluated since 2018.
--   from_evaluated = lived in one of the 15 on 1 January of the base year;
--   inmovers_from_evaluated = lived in one of the 15 a year earlier (this year's in-movers).
SELECT
    year, area,
    count(*) FILTER (WHERE age BETWEEN 18 AND 64) AS n_all,
    count(*) FILTER (WHERE age BETWEEN 18 AND 64 AND labour_status <> 'employed'
                       AND NOT in_education) AS outside_all,
    count(*) FILTER (WHERE age BETWEEN 18 AND 64 AND list_contains($evaluated, base_area))
        AS n_from,
    count(*) FILTER (WHERE age BETWEEN 18 AND 64 AND list_contains($evaluated, base_area)
                       AND labour_status <> 'employed' AND NOT in_education) AS outside_from,
    count(*) FILTER (WHERE has_prev AND list_contains($evaluated, prev_area))
        AS inmovers_from_evaluated
FROM tracks
WHERE area IS NOT NULL AND year > $base_year AND NOT list_contains($evaluated, area)
GROUP BY ALL
