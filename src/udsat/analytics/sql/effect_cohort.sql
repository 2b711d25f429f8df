-- Base-year residents followed wherever they live (issue 18: levels 2 and 3 as cohorts).
-- Grain: one row per year, base-year area and matching cell (age band x whether outside
--   work and education in the base year) of the persons aged 18-64 who lived in a
--   social-housing area on 1 January of the base year; every later (and earlier) year
--   counts them wherever they live, out-movers included.
-- Inputs: view person_years.
-- Parameters: $base_year. The catalogue_measures slot: <id>__num / <id>__den per outcome
--   (analytics/indicators.py: measures_sql), over the person's row of that year.
WITH base AS (
    SELECT
        person_id,
        area AS base_area,
        CASE WHEN age < 30 THEN '18-29' WHEN age < 50 THEN '30-49' ELSE '50-64' END
            AS age_band,
        (labour_status <> 'employed' AND NOT in_education) AS base_outside
    FROM person_years
    WHERE year = $base_year AND area IS NOT NULL AND age BETWEEN 18 AND 64
)
SELECT
    person_years.year,
    base.base_area AS area,
    base.age_band,
    base.base_outside,
    count(*) AS cohort_persons
    {catalogue_measures}
FROM person_years
JOIN base USING (person_id)
GROUP BY ALL
ORDER BY area, year, age_band, base_outside
