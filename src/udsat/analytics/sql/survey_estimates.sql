-- Survey estimates: weighted means with the pieces of a linearised variance.
-- Grain: one row per area, year, item (wellbeing, safety, life_mastery) and group
--   ('' = all respondents; 'stayers'/'newcomers' relative to the base year).
-- Inputs: view survey_responses; temp table tracks (area of residence that year).
-- Parameters: $base_year.
WITH answers AS (
    SELECT t.area, s.year, s.weight, t.base_area, item.name AS item, item.value AS value
    FROM survey_responses AS s
    JOIN tracks AS t ON t.person_id = s.person_id AND t.year = s.year
    CROSS JOIN LATERAL (VALUES ('wellbeing', s.wellbeing), ('safety', s.safety),
                               ('life_mastery', s.life_mastery)) AS item(name, value)
    WHERE t.area IS NOT NULL AND item.value IS NOT NULL
),
grouped AS (
    SELECT area, year, item, '' AS grp, weight, value FROM answers
    UNION ALL
    SELECT area, year, item, CASE WHEN base_area = area THEN 'stayers' ELSE 'newcomers' END,
           weight, value
    FROM answers WHERE year >= $base_year
)
SELECT area, year, item, grp, count(*) AS n_persons, sum(weight) AS sw,
       sum(weight * value) AS swx, sum(weight * weight) AS sww,
       sum(weight * weight * value) AS swwx, sum(weight * weight * value * value) AS swwxx
FROM grouped
GROUP BY ALL
