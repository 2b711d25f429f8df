-- Decomposition of an area's yearly change in the share outside work and education (18-64).
-- Grain: one row per area, year (the later year of a pair Y-1 -> Y), side and group:
--   side 'before' (year Y-1): group stayers (also there in Y) or outmovers;
--   side 'after'  (year Y):   group stayers (also there in Y-1) or inmovers.
-- Inputs: temp table tracks.
-- Parameters: none.
SELECT area, year + 1 AS year, 'before' AS side,
       CASE WHEN has_next AND next_area = area THEN 'stayers' ELSE 'outmovers' END AS grp,
       count(*) AS n_persons,
       count(*) FILTER (WHERE labour_status <> 'employed' AND NOT in_education) AS outside
FROM tracks
WHERE area IS NOT NULL AND age BETWEEN 18 AND 64 AND year < (SELECT max(year) FROM tracks)
GROUP BY ALL
UNION ALL
SELECT area, year, 'after',
       CASE WHEN has_prev AND prev_area = area THEN 'stayers' ELSE 'inmovers' END,
       count(*),
       count(*) FILTER (WHERE labour_status <> 'employed' AND NOT in_education)
FROM tracks
WHERE area IS NOT NULL AND age BETWEEN 18 AND 64 AND year > (SELECT min(year) FROM tracks)
GROUP BY ALL
