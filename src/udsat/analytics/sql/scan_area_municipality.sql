-- The municipality of each area (for the benchmark's criteria-only run).
-- Grain: one row per area. Inputs: view person_years. Parameters: none.
SELECT area, any_value(municipality) AS municipality
FROM person_years
WHERE area IS NOT NULL
GROUP BY area
