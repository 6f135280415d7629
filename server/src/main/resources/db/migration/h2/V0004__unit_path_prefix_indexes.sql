-- H2 already serves LIKE 'prefix%' from the plain path indexes of V0001/V0003; this version
-- exists so that both vendors share one version history.
SELECT 1;
