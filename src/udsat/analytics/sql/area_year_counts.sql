-- Level 1 in one pass over all person-years.
-- Grain: one row per year and place: an area (level 'area'; area NULL = outside social
--   housing), a municipality, a region, or the country. One scan aggregates to year x area
--   x municipality (a few thousand rows); the places are rolled up from that.
-- Inputs: view person_years (docs/microdata.md).
-- Parameters: $area, $sex, $origin, $labour_status, $education_level, $household_type -
--   the allowed text values (udsat.ingest.microdata.allowed_text_values); rows outside them
--   are counted in invalid_text so the contract check costs no extra pass.
--   The catalogue_measures slot (below) is filled with one numerator/denominator pair
--   per catalogue indicator computed from predicates (analytics/indicators.py).
-- Age bands are those of every rule version in catalogue/criteria (checked in
--   analytics/criteria.py): 18-64, 18+, 30-59, 15-64.
WITH fine AS (
SELECT
    year, area, municipality, region,
    count(*) AS residents,
    count(*) FILTER (WHERE origin IN ('nonwestern_immigrant', 'nonwestern_descendant'))
        AS nonwestern,
    count(*) FILTER (WHERE age BETWEEN 18 AND 64) AS n_18_64,
    count(*) FILTER (WHERE age BETWEEN 18 AND 64 AND labour_status <> 'employed'
                       AND NOT in_education) AS outside_work_edu,
    count(*) FILTER (WHERE age >= 18) AS n_18plus,
    count(*) FILTER (WHERE age >= 18 AND convicted) AS convicted,
    count(*) FILTER (WHERE age BETWEEN 30 AND 59) AS n_30_59,
    -- L 45 (2013): "uoplyst" education counts as basic schooling.
    count(*) FILTER (WHERE age BETWEEN 30 AND 59
                       AND education_level IN ('none', 'basic', 'unknown')) AS basic_incl_unknown,
    -- L 38 (2018) onwards: only education taken or approved in Denmark counts.
    count(*) FILTER (WHERE age BETWEEN 30 AND 59 AND education_level <> 'unknown'
                       AND education_danish) AS n_30_59_danish,
    count(*) FILTER (WHERE age BETWEEN 30 AND 59 AND education_level IN ('none', 'basic')
                       AND education_danish) AS basic_danish,
    count(*) FILTER (WHERE age BETWEEN 15 AND 64 AND taxpayer AND NOT student) AS n_income,
    sum(gross_income) FILTER (WHERE age BETWEEN 15 AND 64 AND taxpayer AND NOT student)
        AS income_sum,
    count(*) FILTER (WHERE (area IS NOT NULL AND NOT list_contains($area, area))
                       OR NOT list_contains($sex, sex)
                       OR NOT list_contains($origin, origin)
                       OR NOT list_contains($labour_status, labour_status)
                       OR NOT list_contains($education_level, education_level)
                       OR NOT list_contains($household_type, household_type)) AS invalid_text
    {catalogue_measures}
FROM person_years
GROUP BY year, area, municipality, region
)
SELECT
    year,
    CASE GROUPING(area, municipality, region)
        WHEN 3 THEN 'area' WHEN 5 THEN 'municipality' WHEN 6 THEN 'region' ELSE 'country'
    END AS place_level,
    area, municipality, region,
    sum(COLUMNS(* EXCLUDE (year, area, municipality, region)))
FROM fine
GROUP BY GROUPING SETS ((year, area), (year, municipality), (year, region), (year))
