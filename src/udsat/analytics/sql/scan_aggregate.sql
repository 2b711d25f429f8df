-- The engine's limit, for the benchmark: one bare scan-and-aggregate over all person-years.
-- Grain: one row per year and area (NULL = outside social housing).
-- Inputs: view person_years. Parameters: none.
SELECT year, area, count(*) AS persons, sum(gross_income) AS income,
       count(*) FILTER (WHERE convicted) AS convicted
FROM person_years
GROUP BY ALL
