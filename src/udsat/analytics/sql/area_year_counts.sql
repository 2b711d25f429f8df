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
-- The statutory criterion counts have a query of their own (criterion_counts.sql): they
-- are needed per area, per region and for the country only, never per municipality.
WITH fine AS (
SELECT
    year, area, municipality, region,
    count(*) AS residents,
    count(*) FILTER (WHERE origin IN ('nonwestern_immigrant', 'nonwestern_descendant'))
        AS nonwestern,
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
    sum(COLUMNS(c -> c NOT IN ('year', 'area', 'municipality', 'region')
                     AND NOT c LIKE '%\_\_top' ESCAPE '\')),
    -- the two largest contributions of a magnitude (<id>__top): merged, not summed
    list_slice(list_reverse_sort(flatten(list(COLUMNS('.*__top$')))), 1, 2)
FROM fine
GROUP BY GROUPING SETS ((year, area), (year, municipality), (year, region), (year))
