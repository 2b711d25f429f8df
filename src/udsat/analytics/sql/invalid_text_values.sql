-- Text values outside the microdata contract, counted in one pass over the text columns
-- (ingest checks numbers from Parquet statistics; it names the rows only if this finds any).
-- Grain: one row. Inputs: view person_years.
-- Parameters: $area, $sex, $origin, $labour_status, $education_level, $household_type -
--   the allowed values of each column (udsat.ingest.microdata.allowed_text_values).
SELECT
    count(*) FILTER (WHERE area IS NOT NULL AND NOT list_contains($area, area)) AS area,
    count(*) FILTER (WHERE NOT list_contains($sex, sex)) AS sex,
    count(*) FILTER (WHERE NOT list_contains($origin, origin)) AS origin,
    count(*) FILTER (WHERE NOT list_contains($labour_status, labour_status)) AS labour_status,
    count(*) FILTER (WHERE NOT list_contains($education_level, education_level))
        AS education_level,
    count(*) FILTER (WHERE NOT list_contains($household_type, household_type))
        AS household_type
FROM person_years
