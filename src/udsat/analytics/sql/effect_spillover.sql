-- Movers from treated areas into every other area (the spill-over caveat of issue 18).
-- Grain: one row per arrival year and destination area that received such movers.
--   A mover arrives in year Y when they lived in a treated area on 1 January Y-1 and in
--   another area on 1 January Y.
-- Inputs: view person_years.
-- Parameters: $treated - the treated areas' slugs.
WITH origin AS (
    SELECT person_id, year, area FROM person_years
    WHERE area IS NOT NULL AND list_contains($treated, area)
), arrival AS (
    SELECT person_id, year, area FROM person_years
    WHERE area IS NOT NULL AND NOT list_contains($treated, area)
)
SELECT arrival.year, arrival.area AS destination, count(*) AS movers_from_treated
FROM arrival
JOIN origin ON origin.person_id = arrival.person_id AND origin.year = arrival.year - 1
GROUP BY ALL
ORDER BY destination, year
