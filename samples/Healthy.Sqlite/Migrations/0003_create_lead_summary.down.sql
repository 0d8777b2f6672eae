DROP VIEW lead_summary;
