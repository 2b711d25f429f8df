-- The statutory criterion counts: what analytics/criteria.py turns into each rule version's
-- measures. Grain: one row per year and place:
--   place_level 'area': every count, over the residents of one area;
--   place_level 'region': the income counts over everyone in the region (the regional
--     income of the same group: 15-64-year-old taxpayers who are not students);
--   place_level 'country': the conviction counts over every adult (the national average).
-- Inputs: view person_years (docs/microdata.md). Parameters: none. Every data year is counted;
-- which data years stand behind which list is the rule files' [counting] (analytics/criteria.py).
-- Each part reads only the rows and columns it needs. The area part reads the residents of
-- areas only: with the layout docs/microdata.md recommends (their rows in row groups of
-- their own) the reader skips the row groups of everyone else by their statistics.
-- Age bands are those of every rule version in catalogue/criteria (checked in
-- analytics/criteria.py): 18-64, 18+, 30-59, 15-64.
SELECT
    year, 'area' AS place_level, area,
    count(*) AS residents,
    count(*) FILTER (WHERE origin IN ('nonwestern_immigrant', 'nonwestern_descendant'))
        AS nonwestern,
    count(*) FILTER (WHERE age BETWEEN 18 AND 64) AS n_18_64,
    count(*) FILTER (WHERE age BETWEEN 18 AND 64 AND labour_status <> 'employed'
                       AND NOT in_education) AS outside_work_edu,
    count(*) FILTER (WHERE age >= 18) AS n_18plus,
    count(*) FILTER (WHERE age >= 18 AND convicted) AS convicted,
    count(*) FILTER (WHERE age BETWEEN 30 AND 59) AS n_30_59,
    -- Unknown ("uoplyst") as basic, foreign education at its own level: the ministry under L 45.
    count(*) FILTER (WHERE age BETWEEN 30 AND 59
                       AND education_level IN ('none', 'basic', 'unknown')) AS basic_incl_unknown,
    -- The rule file's [counting] says how unknown and foreign education count; these are the
    -- counts each treatment needs (analytics/criteria.py picks one pair per rule version).
    -- Unknown and foreign (not taken or approved in Denmark) as basic: the ministry from L 38.
    count(*) FILTER (WHERE age BETWEEN 30 AND 59
                       AND (education_level IN ('none', 'basic', 'unknown')
                            OR NOT coalesce(education_danish, TRUE))) AS basic_or_foreign,
    -- Both left out of the share (not the ministry's practice; kept for comparison).
    count(*) FILTER (WHERE age BETWEEN 30 AND 59 AND education_level <> 'unknown'
                       AND education_danish) AS n_30_59_danish,
    count(*) FILTER (WHERE age BETWEEN 30 AND 59 AND education_level IN ('none', 'basic')
                       AND education_danish) AS basic_danish,
    count(*) FILTER (WHERE age BETWEEN 15 AND 64 AND taxpayer AND NOT student) AS n_income,
    sum(gross_income) FILTER (WHERE age BETWEEN 15 AND 64 AND taxpayer AND NOT student)
        AS income_sum
FROM person_years
WHERE area IS NOT NULL
GROUP BY year, area
UNION ALL BY NAME
SELECT year, 'region' AS place_level, region,
    count(*) AS n_income, sum(gross_income) AS income_sum
FROM person_years
WHERE age BETWEEN 15 AND 64 AND taxpayer AND NOT student
GROUP BY year, region
UNION ALL BY NAME
SELECT year, 'country' AS place_level,
    count(*) AS n_18plus, count(*) FILTER (WHERE convicted) AS convicted
FROM person_years
WHERE age >= 18
GROUP BY year
