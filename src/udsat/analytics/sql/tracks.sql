-- Residence tracks of everyone who ever lived in a social-housing area.
-- Grain: one row per person per year (only persons with at least one year in an area;
--   about a tenth of the population, so the window below sorts a fraction of the rows).
-- Inputs: view person_years; view rehousing_events.
-- Parameters: $base_year - the base year of levels 2-3 (the 2018 list of the 15 areas).
-- Only the columns the level 2-4 queries and their catalogue predicates use are kept
-- (a narrower table sorts faster); add one here before a new indicator needs it.
-- prev_area/next_area are the areas on 1 January a year before/after, NULL when the person
-- lived outside social housing then; has_prev/has_next say whether that year exists.
CREATE OR REPLACE TEMP TABLE tracks AS
WITH ever AS (
    SELECT DISTINCT person_id FROM person_years WHERE area IS NOT NULL
),
rows AS (
    SELECT p.person_id, p.year, p.area, p.age, p.labour_status, p.in_education,
           p.education_level, p.gross_income, p.taxpayer, p.student
    FROM person_years AS p
    SEMI JOIN ever ON p.person_id = ever.person_id
),
planned AS (
    SELECT person_id, CAST(year(date) AS BIGINT) AS year, from_area
    FROM rehousing_events
    GROUP BY ALL
)
SELECT
    r.*,
    lag(r.area) OVER w AS prev_area,
    coalesce(lag(r.year) OVER w = r.year - 1, false) AS has_prev,
    lead(r.area) OVER w AS next_area,
    coalesce(lead(r.year) OVER w = r.year + 1, false) AS has_next,
    max(CASE WHEN r.year = $base_year THEN r.area END) OVER whole AS base_area,
    pl.person_id IS NOT NULL AS planned_move,
    min(pl.year) OVER whole AS first_planned_year
FROM rows AS r
LEFT JOIN planned AS pl
    ON pl.person_id = r.person_id AND pl.year = r.year AND pl.from_area = r.area
-- One sort serves every window: the same partition and order, different frames.
WINDOW w AS (PARTITION BY r.person_id ORDER BY r.year),
    whole AS (PARTITION BY r.person_id ORDER BY r.year
              ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)
