-- Area-year outcome panel for the effect estimators (analytics/effects).
-- Grain: one row per year and social-housing area (residence on 1 January).
-- Inputs: view person_years (docs/microdata.md).
-- Parameters: none. The catalogue_measures slot holds one <id>__num / <id>__den pair per
--   outcome in catalogue/effects.toml (analytics/indicators.py: measures_sql).
SELECT
    year,
    area,
    count(*) AS residents
    {catalogue_measures}
FROM person_years
WHERE area IS NOT NULL
GROUP BY year, area
ORDER BY area, year
